// orders/create: keeps the subject up to date (last order, for retention), counts the checkout
// for the consent rate, and turns a ticked newsletter box into a proven consent. A burst of one
// shop's orders is processed set-based, in delivery order (docs/decisions/080); one order is a
// batch of one.
import type { z } from "zod";
import type { Tx } from "~/db/client.server";
import { minimiseIp, parseCheckoutConsent } from "~/domain/consent";
import { buyerEmail } from "~/domain/subjects/buyer-email";
import { shopifyId } from "~/domain/subjects/identifiers";
import type { JobContext } from "~/jobs/handler";
import { recordCheckoutGrants } from "~/services/checkout-consent.server";
import { countCheckouts } from "~/services/consents.server";
import { ensureShop } from "~/services/shops.server";
import { upsertSubjects } from "~/services/subjects.server";
import { OrderSchema } from "./shopify-payloads";
import { defineTopic, type TopicInput } from "./topic-handler";

async function processOrders(
  tx: Tx,
  inputs: TopicInput<z.infer<typeof OrderSchema>>[],
  { links }: JobContext,
) {
  const shopDomain = inputs[0]?.shopDomain;
  if (!shopDomain) return;
  const shop = await ensureShop(tx, shopDomain);
  const orders = inputs.map(({ payload }) => ({
    payload,
    orderedAt: payload.created_at ? new Date(payload.created_at) : new Date(),
  }));
  const subjects = await upsertSubjects(
    tx,
    shop.id,
    orders.map(({ payload, orderedAt }) => ({
      customerId: payload.customer?.id,
      // The customer's address, else the order's contact address (domain/subjects/buyer-email).
      email: buyerEmail({ customer: payload.customer?.email, order: [payload.email, payload.contact_email] }),
      phone: payload.customer?.phone,
      locale: payload.customer?.locale ?? payload.customer_locale,
      orderedAt,
    })),
  );
  await countCheckouts(
    tx,
    shop.id,
    orders.map(({ orderedAt }) => orderedAt),
    "order",
  );
  const grants = orders.flatMap(({ payload, orderedAt }, i) => {
    const subject = subjects[i];
    // An unticked box yields { granted: false }: never a withdrawal (GDPR recital 32, art. 7(3)).
    const consent = parseCheckoutConsent(payload.note_attributes);
    if (!consent.granted || !subject?.email) return [];
    const input = {
      shopId: shop.id,
      subject: { id: subject.id, email: subject.email, shopifyCustomerId: subject.shopifyCustomerId },
      kind: "granted" as const,
      lawfulBasis: "consent" as const,
      source: "checkout" as const,
      occurredAt: orderedAt,
      noticeVersion: consent.noticeVersion,
      wordingKey: consent.wordingKey,
      wording: consent.wording,
      wordingLocale: consent.wordingLocale,
      orderId: shopifyId(payload.id) ?? undefined,
      ipPrefix: minimiseIp(payload.client_details?.browser_ip ?? payload.browser_ip) ?? undefined,
      userAgent: payload.client_details?.user_agent?.trim() || undefined,
    };
    return [{ input, orderedAt }];
  });
  // Once per order: the thank-you page may have reported the same box (services/checkout-consent).
  await recordCheckoutGrants(tx, shopDomain, grants, () => links(shopDomain));
}

export const ordersCreate = defineTopic({
  topic: "orders/create",
  priority: 50,
  payloadSchema: OrderSchema,
  process: (tx, input, context) => processOrders(tx, [input], context),
  processBatch: processOrders,
});
