// customers/create and customers/update: keep the shop's subjects current after the backfill (a new
// customer, a changed address). From API 2025-01 these payloads carry no marketing consent: changes
// of it arrive as customers/email_marketing_consent_update (its own topic handler).
import { ensureShop } from "~/services/shops.server";
import { erasedAccount, upsertSubject } from "~/services/subjects.server";
import { CustomerPayloadSchema } from "./shopify-payloads";
import { defineTopic, type TopicHandler } from "./topic-handler";

function customerTopic(topic: "customers/create" | "customers/update") {
  return defineTopic({
    topic,
    priority: 50,
    payloadSchema: CustomerPayloadSchema,
    async process(tx, { shopDomain, payload }) {
      const shop = await ensureShop(tx, shopDomain);
      const createdAt = payload.created_at ? new Date(payload.created_at) : null;
      if (await erasedAccount(tx, shop.id, payload, createdAt)) return;
      const subject = await upsertSubject(tx, shop.id, {
        customerId: payload.id,
        email: payload.email,
        phone: payload.phone,
        locale: payload.locale,
      });
      // Retention counts from when the shop first had the person, not from this delivery.
      if (subject && createdAt && !Number.isNaN(createdAt.getTime())) {
        await tx.subject.updateMany({
          where: { id: subject.id, createdAt: { gt: createdAt } },
          data: { createdAt },
        });
      }
    },
  });
}

export const customersCreate: TopicHandler = customerTopic("customers/create") as TopicHandler;
export const customersUpdate: TopicHandler = customerTopic("customers/update") as TopicHandler;
