// Who is asking, for every /app route: the Shopify session (embedded app) or, in the sandbox,
// the local demo staff member of the demo store.
import { getDb } from "~/db.server";
import { type Locale, resolveLocale } from "~/i18n/locale";
import { getRuntime } from "~/runtime.server";
import { ensureShop } from "~/services/shops.server";
import { getShopify } from "~/shopify.server";

export type AdminContext = {
  shop: { id: string; domain: string; name: string | null; locale: string };
  staffId: string;
  locale: Locale;
  sandbox: boolean;
};

/** The host of an Origin header; null for an opaque origin (`null`) or a malformed one. */
function originHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Authenticates a staff request; throws the Response Shopify's library wants sent otherwise. */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  const runtime = getRuntime();
  const url = new URL(request.url);
  const locale = resolveLocale(url.searchParams.get("locale"), request.headers.get("accept-language"));
  if (runtime.sandbox) {
    // Loopback only, but a web page could still post here: refuse cross-site form posts.
    const origin = request.headers.get("origin");
    if (request.method !== "GET" && origin && originHost(origin) !== url.host) {
      throw new Response("Cross-site request refused", { status: 403 });
    }
    const shop = await getDb().shop.findUniqueOrThrow({
      where: { domain: runtime.sandbox.shop },
      select: { id: true, domain: true, name: true, locale: true },
    });
    return { shop, staffId: "sandbox-staff", locale, sandbox: true };
  }
  const { session } = await getShopify().authenticate.admin(request);
  const db = getDb();
  const { id } = await ensureShop(db, session.shop);
  const shop = await db.shop.findUniqueOrThrow({
    where: { id },
    select: { id: true, domain: true, name: true, locale: true },
  });
  const staffId = session.onlineAccessInfo?.associated_user?.id?.toString() ?? "staff";
  return { shop, staffId, locale, sandbox: false };
}
