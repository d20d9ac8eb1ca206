// Every storefront request reaches Vigie through Shopify's app proxy, which signs its query. Nothing
// is trusted before that signature checks out (the logged-in customer id least of all), and a
// state-changing POST is accepted once: a replayed signature is refused.
import { createHash } from "node:crypto";
import type { Db } from "~/db/client.server";
import { replayExpiresAt, replayKey, verifyAppProxySignature } from "~/http/app-proxy.server";
import type { ShopifyVerifier } from "~/http/shopify-api.server";
import { resolveShopperLocale, type ShopperLocale } from "~/i18n/locale";

export type ProxyContext = {
  shop: { id: string; domain: string; name: string | null; locale: string };
  loggedInCustomerId: string | null;
  pathPrefix: string;
  /** The shopper's language (docs/decisions/061): the pages speak it, a request filed here is answered in it. */
  shopperLocale: ShopperLocale;
};

function refuse(status: number, message: string): never {
  throw new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export type ProxyCall =
  | {
      ok: true;
      shop: { id: string; domain: string; name: string | null; locale: string };
      loggedInCustomerId: string | null;
      pathPrefix: string | null;
    }
  | { ok: false; status: 400 | 404 | 409; message: string };

/**
 * The check every storefront call goes through, Remix route or Node intake alike: the proxy
 * signature (400 when bad or stale), a replayed POST (409: same signature, path and body), the shop
 * installed (404). `body` is the POST's raw bytes.
 */
export async function checkProxyCall(
  db: Db,
  shopifyApi: ShopifyVerifier,
  call: { url: URL; method: string; body: Uint8Array | null },
  now = new Date(),
): Promise<ProxyCall> {
  const { url } = call;
  const verified = verifyAppProxySignature(url, shopifyApi);
  if (!verified.ok)
    return { ok: false, status: 400, message: `Bad Request: app proxy signature ${verified.reason}` };
  if (call.method === "POST") {
    // Shopify's signature covers the query only, not the path or the body: two different POSTs in
    // the same second carry the same one. A replay is the same signature, path and body again.
    const body = createHash("sha256")
      .update(call.body ?? new Uint8Array())
      .digest("hex");
    const key = createHash("sha256")
      .update(`${replayKey(verified)}|${url.pathname}|${body}`)
      .digest("hex");
    const inserted = await db.$executeRaw`INSERT INTO "ProxyReplay" ("signature", "expiresAt")
      VALUES (${key}, ${replayExpiresAt(verified)}) ON CONFLICT ("signature") DO NOTHING`;
    if (inserted === 0)
      return { ok: false, status: 409, message: "Conflict: this request was already submitted" };
    // Old keys are worthless once stale: sweep them as we go.
    await db.proxyReplay.deleteMany({ where: { expiresAt: { lt: now } } });
  }
  const shop = await db.shop.findUnique({
    where: { domain: verified.shop },
    select: { id: true, domain: true, name: true, locale: true, state: true },
  });
  if (shop?.state !== "installed") return { ok: false, status: 404, message: "Not Found" };
  return {
    ok: true,
    shop: { id: shop.id, domain: shop.domain, name: shop.name, locale: shop.locale },
    loggedInCustomerId: verified.loggedInCustomerId,
    pathPrefix: verified.pathPrefix,
  };
}

/**
 * The shopper's language on a proxied call (docs/decisions/061): the storefront's `locale`, else the
 * browser's Accept-Language, else the shop's own language, else French.
 */
export function proxyShopperLocale(url: URL, acceptLanguage: string | null | undefined, shopLocale: string) {
  return resolveShopperLocale(
    url.searchParams.get("locale"),
    acceptLanguage,
    resolveShopperLocale(shopLocale),
  );
}

/** Verifies the proxy signature (400 when bad or stale, 409 for a replayed POST) and finds the shop (404). */
export async function requireProxy(
  request: Request,
  { db, shopifyApi }: { db: Db; shopifyApi: ShopifyVerifier },
  now = new Date(),
): Promise<ProxyContext> {
  const url = new URL(request.url);
  const body = request.method === "POST" ? new Uint8Array(await request.clone().arrayBuffer()) : null;
  const call = await checkProxyCall(db, shopifyApi, { url, method: request.method, body }, now);
  if (!call.ok) refuse(call.status, call.message);
  const shopperLocale = proxyShopperLocale(url, request.headers.get("accept-language"), call.shop.locale);
  return {
    shop: call.shop,
    loggedInCustomerId: call.loggedInCustomerId,
    pathPrefix: call.pathPrefix ?? "/apps/privacy",
    shopperLocale,
  };
}

/** The signed-in customer's e-mail on file (shown read-only in the form); null for a guest. */
export async function accountEmail(db: Db, proxy: ProxyContext) {
  if (!proxy.loggedInCustomerId) return null;
  const account = await db.subject.findFirst({
    where: { shopId: proxy.shop.id, shopifyCustomerId: proxy.loggedInCustomerId },
    select: { email: true },
  });
  return account?.email ?? null;
}
