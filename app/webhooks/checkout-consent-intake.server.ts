// POST /api/checkout/consent: the thank-you page's newsletter box (extensions/newsletter-consent,
// docs/decisions/013). Served by server.ts in front of Remix, like the webhook intakes: checkout UI
// extensions run in a sandboxed worker on Shopify's origin, so every answer carries CORS headers and
// no cookie is read or set. Order of checks: route, method (OPTIONS preflight), session token
// (before any byte of the body is read), size, media type, JSON and fields, the shop. A request that
// passes is stored as a receipt with its job (one transaction) and answered 202 at once; the job
// reads the order from Shopify before anything reaches the ledger. Nothing personal is logged.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { ShopifyOrders } from "~/connectors/shopify/orders.server";
import type { Db } from "~/db/client.server";
import { CheckoutConsentProofSchema, minimiseIp } from "~/domain/consent";
import { BodyTooLargeError, readRawBody } from "~/http/body.server";
import { bearerToken, verifySessionToken } from "~/http/session-token.server";
import type { ShopifyVerifier } from "~/http/shopify-api.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import type { Logger } from "~/utils/logger.server";
import { answerConsentState } from "./checkout-consent-state.server";
import type { ReceiptStore } from "./receipts.server";
import {
  CHECKOUT_CONSENT_TOPIC,
  CHECKOUT_CONSENTS,
  CHECKOUT_SOURCE,
  type CheckoutConsentReceipt,
  checkoutActId,
  checkoutActIds,
  checkoutConsent,
  checkoutOrderKey,
  MAX_ACTS_PER_ORDER,
  parseCheckoutActId,
} from "./topics/checkout-consent.server";

export const CHECKOUT_CONSENT_PATH = "/api/checkout/consent";
export const CHECKOUT_CONSENT_MAX_BODY_BYTES = 16 * 1024;
const USER_AGENT_MAX = 512;

/** On every answer: the extension's worker runs on Shopify's origin and sends no credentials. */
export const CHECKOUT_CORS_HEADERS = { "access-control-allow-origin": "*" } as const;
const PREFLIGHT_HEADERS = {
  ...CHECKOUT_CORS_HEADERS,
  "access-control-allow-methods": "GET, POST, OPTIONS",
  // The GET names the order in headers, not in its URL (URLs end up in proxies' logs).
  "access-control-allow-headers": "Authorization, Content-Type, Vigie-Order-Id, Vigie-Checkout-Token",
  "access-control-max-age": "7200",
} as const;

export const ORDER_GID = /^gid:\/\/shopify\/(?:Order|OrderIdentity)\/(\d{1,20})$/;
export const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/(\d{1,20})$/;

/** What the extension sends (src/consent-api.ts `ConsentPayload`). Unknown fields are ignored. */
export const ThankYouConsentSchema = CheckoutConsentProofSchema.extend({
  consent: z.enum(CHECKOUT_CONSENTS),
  orderId: z.string().regex(ORDER_GID),
  checkoutToken: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\x21-\x7e]+$/),
});

export type CheckoutConsentIntakeDeps = {
  db: Db;
  receipts: ReceiptStore;
  log: Logger;
  /** Shopify's library with the app's key and secret: it verifies the session tokens. */
  shopifyApi: ShopifyVerifier;
  /** Vigie's own key: orders are named in delivery ids by an HMAC under it. */
  secretKey: Buffer;
  /** The shop's orders in Shopify (the GET reads the order's buyer there); null when unreachable. */
  orders?: (shopDomain: string) => Promise<ShopifyOrders | null>;
  now?: () => Date;
};

export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  close = false,
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...CHECKOUT_CORS_HEADERS,
    ...(close ? { connection: "close" } : {}),
    ...headers,
  });
  response.end(text);
}

/** The buyer's network: the first X-Forwarded-For hop behind a proxy, else the peer (as Remix's adapter). */
function clientIp(request: IncomingMessage): string | undefined {
  return header(request, "x-forwarded-for")?.split(",")[0]?.trim() || request.socket.remoteAddress;
}

/** Handles /api/checkout/consent; returns false when the path is another. */
export async function handleCheckoutConsent(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  deps: CheckoutConsentIntakeDeps,
): Promise<boolean> {
  if (pathname !== CHECKOUT_CONSENT_PATH) return false;
  try {
    await answer(request, response, deps);
  } catch (error) {
    // Still with CORS headers, so that the extension's worker can read the status.
    deps.log.error("storing a checkout consent failed", { error });
    if (!response.headersSent) sendJson(response, 503, { error: "service unavailable" }, {}, true);
    else response.destroy();
  }
  return true;
}

async function answer(request: IncomingMessage, response: ServerResponse, deps: CheckoutConsentIntakeDeps) {
  if (request.method === "OPTIONS") {
    response.writeHead(204, PREFLIGHT_HEADERS);
    response.end();
    return;
  }
  // An answer given before the body is read closes the connection: the rest is never read.
  const unread =
    Number(request.headers["content-length"]) > 0 || request.headers["transfer-encoding"] !== undefined;
  if (request.method === "GET") {
    await answerConsentState(request, response, deps);
    return;
  }
  if (request.method !== "POST") {
    sendJson(response, 405, { error: "method not allowed" }, { allow: "GET, POST, OPTIONS" }, unread);
    return;
  }

  const now = deps.now?.() ?? new Date();
  const verified = await verifySessionToken(bearerToken(header(request, "authorization")), deps.shopifyApi);
  if (!verified.ok) {
    deps.log.info("checkout consent: session token refused", { reason: verified.reason });
    sendJson(
      response,
      401,
      { error: "invalid session token", reason: verified.reason },
      { "www-authenticate": 'Bearer error="invalid_token"' },
      unread,
    );
    return;
  }

  let raw: Buffer;
  try {
    raw = await readRawBody(request, CHECKOUT_CONSENT_MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendJson(response, 413, { error: `body over ${CHECKOUT_CONSENT_MAX_BODY_BYTES} bytes` }, {}, true);
      return;
    }
    throw error;
  }
  const mediaType = header(request, "content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    sendJson(response, 415, { error: "expected Content-Type: application/json" });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    sendJson(response, 400, { error: "body is not JSON" });
    return;
  }
  const parsed = ThankYouConsentSchema.safeParse(json);
  if (!parsed.success) {
    // Field names only: the values are the shopper's.
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "(body)")))];
    sendJson(response, 400, { error: `invalid or missing fields: ${fields.join(", ")}`, fields });
    return;
  }
  const body = parsed.data;
  const shopDomain = verified.shopDomain;
  const shop = await deps.db.shop.findUnique({
    where: { domain: shopDomain },
    select: { state: true, settings: true },
  });
  if (shop?.state !== "installed") {
    sendJson(response, 404, { error: "shop not installed" });
    return;
  }

  const orderId = ORDER_GID.exec(body.orderId)?.[1] as string;
  const orderKey = checkoutOrderKey(deps.secretKey, shopDomain, orderId, body.checkoutToken);
  // The order's acts so far, by their exact delivery ids (the unique index answers).
  const previous = await deps.db.webhookReceipt.findMany({
    where: { source: CHECKOUT_SOURCE, deliveryId: { in: checkoutActIds(orderKey, 1, MAX_ACTS_PER_ORDER) } },
    select: { deliveryId: true },
  });
  const latest = previous
    .map((receipt) => parseCheckoutActId(receipt.deliveryId))
    .reduce<ReturnType<typeof parseCheckoutActId>>((a, b) => (b && (!a || b.n > a.n) ? b : a), null);
  // Repeating the latest act (a retried POST, the box ticked again after a reload) is a duplicate.
  if (latest?.consent === body.consent) {
    sendJson(response, 200, { status: "duplicate" });
    return;
  }
  const n = (latest?.n ?? 0) + 1;
  if (n > MAX_ACTS_PER_ORDER) {
    sendJson(response, 429, { error: "too many changes for this order" });
    return;
  }
  const userAgent = header(request, "user-agent")?.trim().slice(0, USER_AGENT_MAX) || null;
  const customerId = CUSTOMER_GID.exec(verified.claims.sub ?? "")?.[1] ?? null;
  const stored: CheckoutConsentReceipt = {
    consent: body.consent,
    orderId,
    checkoutToken: body.checkoutToken,
    noticeVersion: body.noticeVersion,
    wordingKey: body.wordingKey,
    wordingLocale: body.wordingLocale,
    wording: body.wording,
    tokenCustomerId: customerId,
    ipPrefix: minimiseIp(clientIp(request)),
    userAgent,
  };
  const { iat, jti } = verified.claims;
  const accepted = await deps.receipts.store(
    {
      source: CHECKOUT_SOURCE,
      deliveryId: checkoutActId(orderKey, n, body.consent),
      shopDomain,
      topic: CHECKOUT_CONSENT_TOPIC,
      triggeredAt: iat === undefined ? null : new Date(iat * 1000).toISOString(),
      eventId: jti ?? null,
      body: JSON.stringify(stored),
    },
    { priority: checkoutConsent.priority },
  );
  // Not stored: the same act arrived at the same moment (a double submit).
  // Under double opt-in a tick becomes a subscription once confirmed: the box tells the buyer so.
  const confirmByEmail = body.consent === "granted" && parseShopSettings(shop.settings).doubleOptIn;
  sendJson(response, accepted ? 202 : 200, {
    status: accepted ? "accepted" : "duplicate",
    ...(confirmByEmail && { confirmation: "email" }),
  });
}
