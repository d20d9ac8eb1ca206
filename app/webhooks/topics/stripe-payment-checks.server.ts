// Stripe's fraud signals (a review opened, an early fraud warning) open a payment check: the buyer
// is asked for the documents the policy lists (§1), through the privacy centre.
import { z } from "zod";
import type { PaymentContact } from "~/connectors/stripe/payment-contact.server";
import { openPaymentCheck } from "~/services/payment-checks.server";
import { ensureShop } from "~/services/shops.server";
import { defineTopic, type TopicHandler } from "./topic-handler";

const StripeRef = z.union([z.string(), z.object({ id: z.string() })]).nullish();
const StripeFraudEventSchema = z.object({
  id: z.string(),
  type: z.enum(["review.opened", "radar.early_fraud_warning.created"]),
  data: z.object({
    object: z.object({
      id: z.string(),
      charge: StripeRef,
      payment_intent: StripeRef,
      reason: z.string().nullish(),
      fraud_type: z.string().nullish(),
    }),
  }),
});

const idOf = (ref: z.infer<typeof StripeRef>) => (typeof ref === "string" ? ref : (ref?.id ?? null));

function stripeTopic(type: "review.opened" | "radar.early_fraud_warning.created") {
  return defineTopic({
    topic: `stripe/${type}`,
    priority: 20,
    payloadSchema: StripeFraudEventSchema,
    async load({ shopDomain, payload }, { connectors }): Promise<PaymentContact | null> {
      const { stripePayments } = await connectors(shopDomain);
      const object = payload.data.object;
      return stripePayments
        ? stripePayments.paymentContact({
            chargeId: idOf(object.charge),
            paymentIntentId: idOf(object.payment_intent),
          })
        : null;
    },
    async process(tx, { shopDomain, payload, loaded }, { links }) {
      const { id } = await ensureShop(tx, shopDomain);
      const shop = await tx.shop.findUniqueOrThrow({
        where: { id },
        select: { id: true, domain: true, name: true, locale: true },
      });
      const object = payload.data.object;
      await openPaymentCheck(tx, links(shopDomain), shop, {
        stripeObjectId: object.id,
        reason:
          type === "review.opened"
            ? `review: ${object.reason ?? "manual"}`
            : `early fraud warning: ${object.fraud_type ?? "unknown"}`,
        contact: loaded,
      });
    },
  });
}

export const STRIPE_TOPIC_HANDLERS = [
  stripeTopic("review.opened"),
  stripeTopic("radar.early_fraud_warning.created"),
] as TopicHandler[];
