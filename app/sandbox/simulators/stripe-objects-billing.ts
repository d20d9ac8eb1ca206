// The simulator's billing and risk objects (invoices, subscriptions, Checkout sessions, disputes,
// early fraud warnings, Radar reviews), shaped as API version 2026-10-28 returns them. Pure builders.
import {
  billing,
  type InvoiceStatus,
  type SimBillingDetails,
  type SimCustomer,
  type SimRecord,
  type SubscriptionStatus,
} from "./stripe-objects";

/** The customer fields an invoice copies when it is finalised (drafts show the live values). */
export function invoiceSnapshot(customer: SimCustomer | undefined) {
  return {
    customer_address: customer?.address ?? null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: customer?.phone ?? null,
    customer_shipping: customer?.shipping ?? null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
  };
}

export function buildInvoice(
  id: string,
  created: number,
  input: {
    customer: SimCustomer;
    status: InvoiceStatus;
    amount: number;
    currency?: string;
    subscription?: string | null;
    number: string | null;
    description?: string;
  },
): SimRecord {
  const paid = input.status === "paid";
  const finalised = input.status !== "draft";
  return {
    id,
    object: "invoice",
    account_country: "FR",
    account_name: "iméra",
    amount_due: input.amount,
    amount_paid: paid ? input.amount : 0,
    amount_remaining: paid ? 0 : input.amount,
    attempt_count: paid ? 1 : 0,
    attempted: paid,
    billing_reason: input.subscription ? "subscription_cycle" : "manual",
    collection_method: "charge_automatically",
    created,
    currency: input.currency ?? "eur",
    customer: input.customer.id,
    ...invoiceSnapshot(input.customer),
    description: input.description ?? null,
    hosted_invoice_url: finalised ? `https://invoice.stripe.com/i/${id}` : null,
    invoice_pdf: finalised ? `https://pay.stripe.com/invoice/${id}/pdf` : null,
    lines: {
      object: "list",
      data: [
        {
          id: `il_${id.slice(3)}`,
          object: "line_item",
          amount: input.amount,
          currency: input.currency ?? "eur",
          description: input.description ?? "Abonnement iméra",
          quantity: 1,
        },
      ],
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    livemode: false,
    metadata: {},
    number: input.number,
    parent: input.subscription
      ? { type: "subscription_details", subscription_details: { subscription: input.subscription } }
      : null,
    period_end: created,
    period_start: created,
    status: input.status,
    status_transitions: {
      finalized_at: finalised ? created : null,
      marked_uncollectible_at: input.status === "uncollectible" ? created : null,
      paid_at: paid ? created : null,
      voided_at: input.status === "void" ? created : null,
    },
    subtotal: input.amount,
    total: input.amount,
  };
}

export function buildSubscription(
  id: string,
  created: number,
  input: {
    customer: string;
    status: SubscriptionStatus;
    price?: { unit_amount: number; currency?: string; interval?: "month" | "year"; product?: string };
    default_payment_method?: string | null;
    canceledAt?: number;
  },
): SimRecord {
  const price = input.price ?? { unit_amount: 1900 };
  const canceled = input.status === "canceled";
  return {
    id,
    object: "subscription",
    billing_cycle_anchor: created,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: canceled ? (input.canceledAt ?? created) : null,
    cancellation_details: canceled
      ? { comment: null, feedback: null, reason: "cancellation_requested" }
      : null,
    collection_method: "charge_automatically",
    created,
    currency: price.currency ?? "eur",
    customer: input.customer,
    default_payment_method: input.default_payment_method ?? null,
    description: null,
    ended_at: canceled ? (input.canceledAt ?? created) : null,
    items: {
      object: "list",
      data: [
        {
          id: `si_${id.slice(4)}`,
          object: "subscription_item",
          created,
          current_period_end: created + 30 * 86_400,
          current_period_start: created,
          price: {
            id: `price_${id.slice(4, 12)}`,
            object: "price",
            currency: price.currency ?? "eur",
            product: price.product ?? "prod_Coffret",
            recurring: { interval: price.interval ?? "month", interval_count: 1 },
            type: "recurring",
            unit_amount: price.unit_amount,
          },
          quantity: 1,
        },
      ],
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: {},
    start_date: created,
    status: input.status,
    trial_end: null,
    trial_start: null,
  };
}

export function buildCheckoutSession(
  id: string,
  created: number,
  input: {
    customer?: string | null;
    customer_details: Partial<SimBillingDetails>;
    payment_intent?: string | null;
    amount_total: number;
    currency?: string;
    status?: "complete" | "expired" | "open";
  },
): SimRecord {
  const status = input.status ?? "complete";
  const details = billing(input.customer_details);
  return {
    id,
    object: "checkout.session",
    amount_subtotal: input.amount_total,
    amount_total: input.amount_total,
    client_reference_id: null,
    collected_information: { shipping_details: null },
    created,
    currency: input.currency ?? "eur",
    customer: input.customer ?? null,
    customer_creation: input.customer ? "always" : "if_required",
    customer_details: {
      address: details.address,
      email: details.email,
      name: details.name,
      phone: details.phone,
      tax_exempt: "none",
      tax_ids: [],
    },
    customer_email: null,
    expires_at: created + 86_400,
    livemode: false,
    locale: "fr",
    metadata: {},
    mode: "payment",
    payment_intent: input.payment_intent ?? null,
    payment_status: status === "complete" ? "paid" : "unpaid",
    status,
    url: null,
  };
}

export function buildDispute(
  id: string,
  created: number,
  input: { charge: SimRecord; status?: string; reason?: string },
): SimRecord {
  const bd = input.charge.billing_details as SimBillingDetails;
  return {
    id,
    object: "dispute",
    amount: input.charge.amount,
    balance_transactions: [],
    charge: input.charge.id,
    created,
    currency: input.charge.currency,
    evidence: {
      billing_address: null,
      customer_email_address: bd.email,
      customer_name: bd.name,
      customer_purchase_ip: "203.0.113.7",
      product_description: "Coffret iméra",
      shipping_address: null,
      uncategorized_text: null,
    },
    evidence_details: {
      due_by: created + 7 * 86_400,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: input.charge.payment_intent,
    reason: input.reason ?? "fraudulent",
    status: input.status ?? "needs_response",
  };
}

export function buildEarlyFraudWarning(id: string, created: number, charge: SimRecord): SimRecord {
  return {
    id,
    object: "radar.early_fraud_warning",
    actionable: true,
    charge: charge.id,
    created,
    fraud_type: "made_with_stolen_card",
    livemode: false,
    payment_intent: charge.payment_intent ?? undefined,
  };
}

export function buildReview(id: string, created: number, charge: SimRecord, open: boolean): SimRecord {
  return {
    id,
    object: "review",
    billing_zip: (charge.billing_details as SimBillingDetails).address?.postal_code ?? null,
    charge: charge.id,
    closed_reason: open ? null : "approved",
    created,
    ip_address: "203.0.113.7",
    ip_address_location: {
      city: "Paris",
      country: "FR",
      latitude: 48.8566,
      longitude: 2.3522,
      region: "IDF",
    },
    livemode: false,
    open,
    opened_reason: "rule",
    payment_intent: charge.payment_intent ?? undefined,
    reason: open ? "rule" : "approved",
    session: { browser: "Safari", device: "iPhone", platform: "iOS", version: "18.1" },
  };
}
