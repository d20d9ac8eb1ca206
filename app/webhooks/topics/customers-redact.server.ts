// customers/redact: erase one shopper's data for this shop (GDPR art. 17), within 30 days.
import { fileRequest } from "~/services/requests/create-request.server";
import { ensureShop } from "~/services/shops.server";
import { upsertSubject } from "~/services/subjects.server";
import { CustomersRedactSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const customersRedact = defineTopic({
  topic: "customers/redact",
  priority: 10,
  payloadSchema: CustomersRedactSchema,
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
    // Shopify started this erasure itself (the merchant's customer asked Shopify): Vigie carries it out.
    await fileRequest(tx, null, {
      shop: { id: shop.id, domain: shopDomain, name: row.name },
      details: { type: "erasure" },
      channel: "shopify",
      requesterEmail: null,
      locale: row.locale === "en" ? "en" : "fr",
      receivedAt: new Date(),
      identity: { level: "verified", rationale: "merchant_compliance_webhook" },
      subjectId: subject?.id ?? null,
      shopifyCustomerId: String(payload.customer.id),
      orderIds: payload.orders_to_redact.map(String),
      actor: { type: "shopify", id: `redact:${receiptId}` },
    });
  },
});
