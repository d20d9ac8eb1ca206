// checkout/consent: the newsletter box of the thank-you page (docs/decisions/013), POSTed to
// /api/checkout/consent and stored as a receipt. The request is trusted for nothing but the buyer's
// choice and the wording they saw: the order is read from Shopify, and refused unless it is this
// shop's, placed less than 24 hours before the request, from the checkout the request names (and,
// for a logged-in buyer, theirs). The subject is the order's buyer as Shopify knows them.
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { CheckoutOrder } from "~/connectors/shopify/orders.server";
import type { Tx } from "~/db/client.server";
import { CheckoutConsentProofSchema } from "~/domain/consent";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { recordAudit } from "~/services/audit.server";
import { recordCheckoutConsent } from "~/services/checkout-consent.server";
import { lockShopLedger } from "~/services/consent-ledger.server";
import { upsertSubject } from "~/services/subjects.server";
import { defineTopic, type TopicHandler } from "./topic-handler";

export const CHECKOUT_SOURCE = "checkout";
export const CHECKOUT_CONSENT_TOPIC = "checkout/consent";
/** How old an order may be, when the request arrives, for its thank-you page to report a consent. */
export const CHECKOUT_ORDER_MAX_AGE_MS = 24 * 3600 * 1000;
/** Shopify may not serve an order placed seconds ago yet: it is looked up this many times. */
export const ORDER_LOOKUP_ATTEMPTS = 3;
/** Acts (ticks and unticks) one order's thank-you page may report. */
export const MAX_ACTS_PER_ORDER = 20;

export const CHECKOUT_CONSENTS = ["granted", "withdrawn"] as const;
export type CheckoutConsentKind = (typeof CHECKOUT_CONSENTS)[number];

/** The receipt's body: what the request said, minus what Vigie does not keep (the full IP). */
export const CheckoutConsentReceiptSchema = CheckoutConsentProofSchema.extend({
  consent: z.enum(CHECKOUT_CONSENTS),
  /** Numeric order id. */
  orderId: z.string().regex(/^\d{1,20}$/),
  checkoutToken: z.string().min(1).max(256),
  /** The numeric customer id of the token's `sub`, when the buyer was logged in. */
  tokenCustomerId: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable(),
  ipPrefix: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type CheckoutConsentReceipt = z.infer<typeof CheckoutConsentReceiptSchema>;

/**
 * A pseudonymous key for one order's checkout: an HMAC under Vigie's key, so that receipts name
 * the order without storing its id (a personal field) and requests naming another checkout of the
 * same order (a forgery) never mix with the buyer's own.
 */
export function checkoutOrderKey(key: Buffer, shopDomain: string, orderId: string, checkoutToken: string) {
  return createHmac("sha256", key)
    .update(`vigie:checkout-order:${shopDomain}|${orderId}|${checkoutToken}`)
    .digest("hex")
    .slice(0, 32);
}

/**
 * The delivery id of act number `n` (1, 2, 3…) on an order: a request repeating the order's latest
 * act is a duplicate of it, a change (tick after untick) is the next act.
 */
export function checkoutActId(orderKey: string, n: number, consent: CheckoutConsentKind) {
  return `${orderKey}:${n}:${consent}`;
}

/** Every possible delivery id of acts `from`…`to` of an order, for exact (indexed) lookups. */
export function checkoutActIds(orderKey: string, from: number, to: number) {
  const ids: string[] = [];
  for (let n = from; n <= to; n++)
    for (const consent of CHECKOUT_CONSENTS) ids.push(checkoutActId(orderKey, n, consent));
  return ids;
}

export function parseCheckoutActId(deliveryId: string) {
  const match = /^([0-9a-f]{32}):(\d{1,3}):(granted|withdrawn)$/.exec(deliveryId);
  return match
    ? { orderKey: match[1] as string, n: Number(match[2]), consent: match[3] as CheckoutConsentKind }
    : null;
}

export type CheckoutRefusal =
  | "shop_not_connected"
  | "order_not_found"
  | "order_too_old"
  | "checkout_mismatch"
  | "customer_mismatch"
  | "no_email";

type Loaded = { order: CheckoutOrder | null } | { unreachable: true };

/** The order, when it can carry this request's consent; else why not. */
export function checkOrder(
  loaded: Loaded,
  payload: Pick<CheckoutConsentReceipt, "orderId" | "checkoutToken" | "tokenCustomerId">,
  receivedAt: Date,
): { refusal: CheckoutRefusal } | { order: CheckoutOrder } {
  if ("unreachable" in loaded) return { refusal: "shop_not_connected" };
  const { order } = loaded;
  if (!order || order.orderId !== payload.orderId) return { refusal: "order_not_found" };
  if (receivedAt.getTime() - order.createdAt.getTime() > CHECKOUT_ORDER_MAX_AGE_MS) {
    return { refusal: "order_too_old" };
  }
  if (order.checkoutToken !== payload.checkoutToken) return { refusal: "checkout_mismatch" };
  if (payload.tokenCustomerId && order.customerId && payload.tokenCustomerId !== order.customerId) {
    return { refusal: "customer_mismatch" };
  }
  if (!normaliseEmail(order.email)) return { refusal: "no_email" };
  return { order };
}

/** True when a later act of the same order was received: the buyer changed their mind since. */
async function superseded(tx: Tx, deliveryId: string): Promise<boolean> {
  const act = parseCheckoutActId(deliveryId);
  if (!act) return false;
  const later = await tx.webhookReceipt.findFirst({
    where: {
      source: CHECKOUT_SOURCE,
      deliveryId: { in: checkoutActIds(act.orderKey, act.n + 1, act.n + 1) },
    },
    select: { id: true },
  });
  return later !== null;
}

export const checkoutConsent = defineTopic({
  topic: CHECKOUT_CONSENT_TOPIC,
  priority: 30,
  payloadSchema: CheckoutConsentReceiptSchema,
  async load({ shopDomain, payload }, { connectors, attempt }): Promise<Loaded> {
    const { shopifyOrders } = await connectors(shopDomain);
    if (!shopifyOrders) return { unreachable: true };
    const order = await shopifyOrders.orderForConsent(payload.orderId);
    if (!order && attempt < ORDER_LOOKUP_ATTEMPTS) {
      throw new Error("order not found in Shopify yet: looking again before refusing");
    }
    return { order };
  },
  async process(tx, { shopDomain, payload, receiptId, loaded }, { log, links }) {
    const shop = await tx.shop.findUnique({ where: { domain: shopDomain }, select: { id: true } });
    if (!shop) return;
    const receipt = await tx.webhookReceipt.findUniqueOrThrow({
      where: { id: receiptId },
      select: { deliveryId: true, receivedAt: true },
    });
    // Serialised with the shop's other consent writes: a withdrawal processed while the grant it
    // follows is being written waits for it, then sees the subscription it ends.
    await lockShopLedger(tx, shop.id);
    const checked = checkOrder(loaded, payload, receipt.receivedAt);
    if ("refusal" in checked) {
      // Ids and codes only: no order id, no address.
      log.warn("thank-you page consent refused", { receiptId, reason: checked.refusal });
      await recordAudit(tx, {
        shopId: shop.id,
        actorType: "shopper",
        action: `consent.checkout_refused.${checked.refusal}`,
        targetType: "webhook_receipt",
        targetId: receiptId,
        data: { reason: checked.refusal, consent: payload.consent },
      });
      return;
    }
    if (await superseded(tx, receipt.deliveryId)) {
      log.info("thank-you page consent superseded by a later choice", { receiptId });
      return;
    }
    const { order } = checked;
    const subject = await upsertSubject(tx, shop.id, {
      customerId: order.customerId,
      email: order.email,
      orderedAt: order.createdAt,
    });
    if (!subject?.email) return;
    const { noticeVersion, wordingKey, wordingLocale, wording } = payload;
    await recordCheckoutConsent(
      tx,
      shopDomain,
      {
        shopId: shop.id,
        subject: { id: subject.id, email: subject.email, shopifyCustomerId: subject.shopifyCustomerId },
        kind: payload.consent,
        lawfulBasis: "consent",
        source: "checkout",
        occurredAt: receipt.receivedAt,
        noticeVersion,
        wordingKey,
        wording,
        wordingLocale,
        orderId: order.orderId,
        ipPrefix: payload.ipPrefix ?? undefined,
        userAgent: payload.userAgent ?? undefined,
      },
      order.createdAt,
      () => links(shopDomain),
    );
  },
});

export const CHECKOUT_TOPIC_HANDLERS = [checkoutConsent] as TopicHandler[];
