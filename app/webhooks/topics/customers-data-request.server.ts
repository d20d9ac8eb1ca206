// customers/data_request: a shopper asked the merchant for their data. The obligation is the
// merchant's (GDPR art. 15), so the export goes to the merchant, never to the shopper.
import { fileRequest } from "~/services/requests/create-request.server";
import { ensureShop } from "~/services/shops.server";
import { upsertSubject } from "~/services/subjects.server";
import { CustomersDataRequestSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const customersDataRequest = defineTopic({
  topic: "customers/data_request",
  priority: 10,
  payloadSchema: CustomersDataRequestSchema,
  async process(tx, { shopDomain, payload, receiptId }) {
    const shop = await ensureShop(tx, shopDomain);
    const row = await tx.shop.findUniqueOrThrow({
      where: { id: shop.id },
      select: { name: true, locale: true },
    });
    const subject = await upsertSubject(tx, shop.id, {
      customerId: payload.customer.id,
      email: payload.customer.email,
      phone: payload.customer.phone,
    });
    // The shopper asked the merchant; Shopify passes it on: no identity check, no e-mail to the shopper.
    await fileRequest(tx, null, {
      shop: { id: shop.id, domain: shopDomain, name: row.name },
      details: { type: "access" },
      channel: "shopify",
      requesterEmail: null,
      locale: row.locale === "en" ? "en" : "fr",
      receivedAt: new Date(),
      identity: { level: "verified", rationale: "merchant_compliance_webhook" },
      subjectId: subject?.id ?? null,
      shopifyCustomerId: String(payload.customer.id),
      orderIds: payload.orders_requested.map(String),
      actor: { type: "shopify", id: `data_request:${payload.data_request.id}:${receiptId}` },
    });
  },
});
