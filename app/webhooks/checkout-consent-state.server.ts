// GET /api/checkout/consent: the thank-you page's box asks, on load, whether the order's buyer is
// subscribed, so that it shows their current choice (ticked after a reload). Same session-token
// checks as the POST; the order is named in headers (not in the URL, which proxies log) and read
// from Shopify: the answer is about the order's buyer as Shopify knows them, never about anyone
// the request names, and says nothing but the state.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { bearerToken, verifySessionToken } from "~/http/session-token.server";
import { buyerNewsletterState } from "~/services/checkout-consent.server";
import {
  type CheckoutConsentIntakeDeps,
  CUSTOMER_GID,
  header,
  ORDER_GID,
  sendJson,
} from "./checkout-consent-intake.server";
import {
  CHECKOUT_SOURCE,
  checkOrder,
  checkoutActIds,
  checkoutOrderKey,
  MAX_ACTS_PER_ORDER,
  parseCheckoutActId,
} from "./topics/checkout-consent.server";

/** The headers the extension sends with its GET (src/consent-api.ts). */
export const ORDER_HEADER = "vigie-order-id";
export const CHECKOUT_HEADER = "vigie-checkout-token";

// Built on first use: this module and the intake import each other.
const stateQuerySchema = () =>
  z.object({
    orderId: z.string().regex(ORDER_GID),
    checkoutToken: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[\x21-\x7e]+$/),
  });

/** The order's latest act on the thank-you page when its job has not run yet (a tick, a reload). */
async function unprocessedAct(deps: CheckoutConsentIntakeDeps, orderKey: string) {
  const receipts = await deps.db.webhookReceipt.findMany({
    where: { source: CHECKOUT_SOURCE, deliveryId: { in: checkoutActIds(orderKey, 1, MAX_ACTS_PER_ORDER) } },
    select: { deliveryId: true, processedAt: true },
  });
  let latest: { n: number; consent: "granted" | "withdrawn"; processed: boolean } | null = null;
  for (const receipt of receipts) {
    const act = parseCheckoutActId(receipt.deliveryId);
    if (act && (!latest || act.n > latest.n)) {
      latest = { n: act.n, consent: act.consent, processed: receipt.processedAt !== null };
    }
  }
  return latest && !latest.processed ? latest.consent : null;
}

export async function answerConsentState(
  request: IncomingMessage,
  response: ServerResponse,
  deps: CheckoutConsentIntakeDeps,
) {
  const now = deps.now?.() ?? new Date();
  const verified = await verifySessionToken(bearerToken(header(request, "authorization")), deps.shopifyApi);
  if (!verified.ok) {
    deps.log.info("checkout consent state: session token refused", { reason: verified.reason });
    sendJson(
      response,
      401,
      { error: "invalid session token", reason: verified.reason },
      { "www-authenticate": 'Bearer error="invalid_token"' },
    );
    return;
  }
  const parsed = stateQuerySchema().safeParse({
    orderId: header(request, ORDER_HEADER),
    checkoutToken: header(request, CHECKOUT_HEADER),
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    sendJson(response, 400, { error: `invalid or missing headers: ${fields.join(", ")}`, fields });
    return;
  }
  const shopDomain = verified.shopDomain;
  const shop = await deps.db.shop.findUnique({
    where: { domain: shopDomain },
    select: { id: true, state: true },
  });
  if (shop?.state !== "installed") {
    sendJson(response, 404, { error: "shop not installed" });
    return;
  }
  const orderId = ORDER_GID.exec(parsed.data.orderId)?.[1] as string;
  const { checkoutToken } = parsed.data;
  const orders = (await deps.orders?.(shopDomain)) ?? null;
  let order: Awaited<ReturnType<NonNullable<typeof orders>["orderForConsent"]>> = null;
  try {
    order = orders ? await orders.orderForConsent(orderId) : null;
  } catch (error) {
    deps.log.warn("checkout consent state: Shopify unreachable", { error });
    sendJson(response, 503, { error: "Shopify unreachable" });
    return;
  }
  const tokenCustomerId = CUSTOMER_GID.exec(verified.claims.sub ?? "")?.[1] ?? null;
  // The same checks as a POST: this shop's order, recent, from this checkout, this buyer's.
  const checked = checkOrder(
    orders ? { order } : { unreachable: true },
    { orderId, checkoutToken, tokenCustomerId },
    now,
  );
  if ("refusal" in checked) {
    sendJson(response, checked.refusal === "shop_not_connected" ? 503 : 403, {
      error: "order not eligible",
      reason: checked.refusal,
    });
    return;
  }
  const pendingAct = await unprocessedAct(
    deps,
    checkoutOrderKey(deps.secretKey, shopDomain, orderId, checkoutToken),
  );
  const newsletter = await buyerNewsletterState(deps.db, shop.id, checked.order, pendingAct);
  sendJson(response, 200, { newsletter });
}
