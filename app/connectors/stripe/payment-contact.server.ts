// For a payment check (policy §1): who paid, and for which order, read from the flagged charge.
import type { Logger } from "~/utils/logger.server";
import { createStripeClient } from "./client.server";
import type { StripeCredentials } from "./schemas";

export type PaymentContact = {
  chargeId: string;
  paymentIntentId: string | null;
  email: string | null;
  /** Shopify's order reference when the payment carries one in its metadata. */
  orderRef: string | null;
  amount: number;
  currency: string;
};

export type StripePayments = {
  /** The charge a review or an early fraud warning points at (by charge or payment intent id). */
  paymentContact(ids: {
    chargeId?: string | null;
    paymentIntentId?: string | null;
  }): Promise<PaymentContact | null>;
};

export function createStripePayments(options: {
  credentials: StripeCredentials;
  endpoint?: { host: string; port: number; protocol: "http" | "https" };
  log: Logger;
}): StripePayments {
  const client = createStripeClient({
    credentials: options.credentials,
    endpoint: options.endpoint,
    log: options.log,
  });
  return {
    async paymentContact({ chargeId, paymentIntentId }) {
      const charge = chargeId
        ? await client.call("retrieveCharge", (sdk) => sdk.charges.retrieve(chargeId))
        : paymentIntentId
          ? (
              await client.call("listCharges", (sdk) =>
                sdk.charges.list({ payment_intent: paymentIntentId, limit: 1 }),
              )
            ).data[0]
          : undefined;
      if (!charge) return null;
      const metadata = charge.metadata ?? {};
      return {
        chargeId: charge.id,
        paymentIntentId:
          typeof charge.payment_intent === "string"
            ? charge.payment_intent
            : (charge.payment_intent?.id ?? null),
        email: charge.billing_details?.email ?? charge.receipt_email ?? null,
        orderRef: metadata.order_id ?? metadata.shopify_order_name ?? metadata.order ?? null,
        amount: charge.amount,
        currency: charge.currency,
      };
    },
  };
}
