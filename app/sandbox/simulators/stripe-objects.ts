// The Stripe objects the simulator holds, shaped as API version 2026-10-28 returns them (the fields
// Vigie reads and their neighbours, not every field of the real objects). Pure builders: the store
// gives them an id and a creation time.

/** Any stored object: Stripe's JSON, as returned. */
export type SimRecord = { id: string; object: string; created: number; [key: string]: unknown };

export type SimAddress = {
  line1: string | null;
  line2: string | null;
  city: string | null;
  postal_code: string | null;
  state: string | null;
  country: string | null;
};

export type SimShipping = { name: string; phone: string | null; address: SimAddress };

export type SimBillingDetails = {
  address: SimAddress | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  tax_id: null;
};

/** A customer; `deleted` customers answer `{ id, object, deleted: true }`. */
export type SimCustomer = SimRecord & {
  object: "customer";
  email: string | null;
  name: string | null;
  phone: string | null;
  description: string | null;
  address: SimAddress | null;
  shipping: SimShipping | null;
  metadata: Record<string, string>;
  preferred_locales: string[];
  deleted?: true;
};

export type SimCard = {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  country: string;
  fingerprint: string;
  funding: string;
};

export type CustomerInput = Partial<
  Pick<SimCustomer, "email" | "name" | "phone" | "description" | "address" | "shipping" | "preferred_locales">
> & { metadata?: Record<string, string> };

export type ChargeInput = {
  customer?: string | null;
  payment_intent?: string | null;
  payment_method?: string | null;
  amount: number;
  currency?: string;
  billing_details?: Partial<SimBillingDetails>;
  receipt_email?: string | null;
  shipping?: SimShipping | null;
  description?: string | null;
  card?: Partial<SimCard>;
  disputed?: boolean;
  status?: "succeeded" | "failed" | "pending";
};

export type PaymentIntentInput = {
  customer?: string | null;
  amount: number;
  currency?: string;
  status?: "succeeded" | "requires_payment_method" | "canceled" | "processing";
  payment_method?: string | null;
  receipt_email?: string | null;
  shipping?: SimShipping | null;
  description?: string | null;
};

export type InvoiceStatus = "draft" | "open" | "paid" | "uncollectible" | "void";

export type SubscriptionStatus = "active" | "trialing" | "past_due" | "unpaid" | "paused" | "canceled";

export const EMPTY_ADDRESS: SimAddress = {
  line1: null,
  line2: null,
  city: null,
  postal_code: null,
  state: null,
  country: null,
};

export const billing = (input: Partial<SimBillingDetails> = {}): SimBillingDetails => ({
  address: input.address ?? EMPTY_ADDRESS,
  email: input.email ?? null,
  name: input.name ?? null,
  phone: input.phone ?? null,
  tax_id: null,
});

export function card(input: Partial<SimCard> = {}): SimCard {
  return {
    brand: input.brand ?? "visa",
    last4: input.last4 ?? "4242",
    exp_month: input.exp_month ?? 12,
    exp_year: input.exp_year ?? 2030,
    country: input.country ?? "FR",
    fingerprint: input.fingerprint ?? "Xt5EWLLDS7FJjR1c",
    funding: input.funding ?? "credit",
  };
}

export function buildCustomer(id: string, created: number, input: CustomerInput): SimCustomer {
  return {
    id,
    object: "customer",
    address: input.address ?? null,
    balance: 0,
    created,
    currency: "eur",
    default_source: null,
    delinquent: false,
    description: input.description ?? null,
    email: input.email ?? null,
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: { ...(input.metadata ?? {}) },
    name: input.name ?? null,
    phone: input.phone ?? null,
    preferred_locales: input.preferred_locales ?? [],
    shipping: input.shipping ?? null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function buildPaymentMethod(
  id: string,
  created: number,
  input: { customer?: string | null; card?: Partial<SimCard>; billing_details?: Partial<SimBillingDetails> },
): SimRecord {
  const c = card(input.card);
  return {
    id,
    object: "payment_method",
    allow_redisplay: "always",
    billing_details: billing(input.billing_details),
    card: {
      ...c,
      checks: { address_line1_check: null, address_postal_code_check: "pass", cvc_check: "pass" },
      display_brand: c.brand,
      generated_from: null,
      networks: { available: [c.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created,
    customer: input.customer ?? null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
  };
}

export function buildPaymentIntent(id: string, created: number, input: PaymentIntentInput): SimRecord {
  const status = input.status ?? "succeeded";
  return {
    id,
    object: "payment_intent",
    amount: input.amount,
    amount_capturable: 0,
    amount_received: status === "succeeded" ? input.amount : 0,
    canceled_at: status === "canceled" ? created : null,
    cancellation_reason: status === "canceled" ? "abandoned" : null,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${id.slice(3, 11)}`,
    confirmation_method: "automatic",
    created,
    currency: input.currency ?? "eur",
    customer: input.customer ?? null,
    customer_account: null,
    description: input.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    payment_method: input.payment_method ?? null,
    payment_method_types: ["card"],
    receipt_email: input.receipt_email ?? null,
    review: null,
    shipping: input.shipping ?? null,
    status,
  };
}

export function buildCharge(id: string, created: number, input: ChargeInput): SimRecord {
  const c = card(input.card);
  const status = input.status ?? "succeeded";
  return {
    id,
    object: "charge",
    amount: input.amount,
    amount_captured: status === "succeeded" ? input.amount : 0,
    amount_refunded: 0,
    balance_transaction: status === "succeeded" ? `txn_${id.slice(3)}` : null,
    billing_details: billing(input.billing_details),
    calculated_statement_descriptor: "IMERA PARIS",
    captured: status === "succeeded",
    created,
    currency: input.currency ?? "eur",
    customer: input.customer ?? null,
    description: input.description ?? null,
    disputed: input.disputed ?? false,
    failure_code: status === "failed" ? "card_declined" : null,
    failure_message: status === "failed" ? "Your card was declined." : null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    outcome: {
      network_status: status === "failed" ? "declined_by_network" : "approved_by_network",
      reason: null,
      risk_level: "normal",
      risk_score: 21,
      seller_message:
        status === "failed" ? "The bank did not return any further details." : "Payment complete.",
      type: status === "failed" ? "issuer_declined" : "authorized",
    },
    paid: status === "succeeded",
    payment_intent: input.payment_intent ?? null,
    payment_method: input.payment_method ?? null,
    payment_method_details: {
      type: "card",
      card: {
        ...c,
        checks: { address_line1_check: null, address_postal_code_check: "pass", cvc_check: "pass" },
        network: c.brand,
        three_d_secure: null,
        wallet: null,
      },
    },
    receipt_email: input.receipt_email ?? null,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${id}`,
    refunded: false,
    review: null,
    shipping: input.shipping ?? null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status,
    transfer_group: null,
  };
}
