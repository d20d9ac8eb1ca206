// Who is asking, for every /app route: the Shopify session (embedded app) or, in the sandbox,
// the local demo staff member of the demo store.
import { json, redirect } from "@remix-run/node";
import { sandboxShopGone } from "~/components/sandbox-shop-gone";
import type { Db } from "~/db/client.server";
import { type Locale, resolveLocale } from "~/i18n/locale";
import type { AppContext } from "~/server/app-context";
import { ensureShop, isShopPurged } from "~/services/shops.server";

export type AdminContext = {
  shop: { id: string; domain: string; name: string | null; locale: string };
  staffId: string;
  locale: Locale;
  sandbox: boolean;
};

/** True when shop/redact purged the shop, or the shop uninstalled the app, since it last installed. */
async function shopGone(db: Db, key: Buffer, domain: string) {
  const shop = await db.shop.findUnique({ where: { domain }, select: { state: true } });
  return shop?.state === "uninstalled" || (await isShopPurged(db, key, domain));
}

/**
 * What Shopify's library answers for a session it cannot use: a fetch from the embedded app gets
 * 401 with the retry header (App Bridge fetches a new session token and retries); a page load goes
 * through the session-token bounce page, then token exchange, whose afterAuth hook reinstalls.
 */
function reauthenticate(request: Request, appUrl: string) {
  if (request.headers.get("authorization")) {
    return new Response(undefined, {
      status: 401,
      headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" },
    });
  }
  const url = new URL(request.url);
  const params = new URLSearchParams(url.search);
  params.delete("id_token");
  params.set("shopify-reload", `${appUrl}${url.pathname}?${params}`);
  return redirect(`/auth/session-token?${params}`);
}

/** The host of an Origin header; null for an opaque origin (`null`) or a malformed one. */
function originHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Authenticates a staff request; throws the Response Shopify's library wants sent otherwise. */
export async function requireAdmin(request: Request, context: AppContext): Promise<AdminContext> {
  const { db, sandbox, shopify } = context;
  const url = new URL(request.url);
  const locale = resolveLocale(url.searchParams.get("locale"), request.headers.get("accept-language"));
  if (sandbox) {
    // Loopback only, but a web page could still post here: refuse cross-site form posts.
    const origin = request.headers.get("origin");
    if (request.method !== "GET" && origin && originHost(origin) !== url.host) {
      throw new Response("Cross-site request refused", { status: 403 });
    }
    const shop = await db.shop.findUnique({
      where: { domain: sandbox.settings.shop },
      select: { id: true, domain: true, name: true, locale: true },
    });
    // Deleted by shop/redact (`npm run sandbox:webhook -- shop/redact`): the layout's error
    // boundary says so and offers to re-create it (routes/sandbox.demo-shop.tsx).
    if (!shop) throw json(sandboxShopGone(sandbox.settings.shop), { status: 410 });
    return { shop, staffId: "sandbox-staff", locale, sandbox: true };
  }
  if (!shopify) throw new Error("neither Shopify nor the sandbox is configured");
  const { session } = await shopify.authenticate.admin(request);
  if (await shopGone(db, context.encryptionKey, session.shop)) {
    // A session older than the uninstall or the purge: never act for the shop on it (ensureShop
    // would bring a purged shop back). Authenticate again; a reinstall clears both (afterAuth).
    await db.session.deleteMany({ where: { shop: session.shop } });
    throw reauthenticate(request, context.publicUrl());
  }
  const { id } = await ensureShop(db, session.shop);
  const shop = await db.shop.findUniqueOrThrow({
    where: { id },
    select: { id: true, domain: true, name: true, locale: true },
  });
  const staffId = session.onlineAccessInfo?.associated_user?.id?.toString() ?? "staff";
  return { shop, staffId, locale, sandbox: false };
}
