// orders/create: keeps the subject (and, later, its checkout consent) up to date.
import { ensureShop } from "~/services/shops.server";
import { upsertSubject } from "~/services/subjects.server";
import { OrderSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const ordersCreate = defineTopic({
  topic: "orders/create",
  priority: 50,
  payloadSchema: OrderSchema,
  async process(tx, { shopDomain, payload }) {
    const shop = await ensureShop(tx, shopDomain);
    await upsertSubject(tx, shop.id, {
      customerId: payload.customer?.id,
      email: payload.customer?.email ?? payload.email ?? payload.contact_email,
      phone: payload.customer?.phone,
      locale: payload.customer?.locale ?? payload.customer_locale,
    });
  },
});
