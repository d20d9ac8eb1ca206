// customers/redact: erase one shopper's data for this shop (GDPR art. 17), within 30 days.
import { recordAudit } from "~/services/audit.server";
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
    const subject = await upsertSubject(tx, shop.id, {
      customerId: payload.customer.id,
      email: payload.customer.email,
      phone: payload.customer.phone,
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "shopify",
      action: "compliance.redact.received",
      targetType: "subject",
      targetId: subject?.id,
      data: { receiptId, ordersToRedact: payload.orders_to_redact.length },
    });
  },
});
