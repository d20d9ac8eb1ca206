// customers/data_request: a shopper asked the merchant for their data. The obligation is the
// merchant's (GDPR art. 15), so the export goes to the merchant, never to the shopper.
import { recordAudit } from "~/services/audit.server";
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
    const subject = await upsertSubject(tx, shop.id, {
      customerId: payload.customer.id,
      email: payload.customer.email,
      phone: payload.customer.phone,
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "shopify",
      action: "compliance.data_request.received",
      targetType: "subject",
      targetId: subject?.id,
      data: {
        receiptId,
        dataRequestId: String(payload.data_request.id),
        ordersRequested: payload.orders_requested.length,
      },
    });
  },
});
