// How Stripe objects become access-export records (GDPR art. 15; art. 20 for what the shopper
// provided). `provided: true` marks what the shopper typed: name, e-mail, phone, addresses and the
// billing details given at payment. Everything else (amounts, states, dates, risk assessments,
// the merchant's notes and metadata) is what Stripe or the merchant recorded. Each object keeps its
// id, so both records of one object can be joined.
//
// Selection, per object: only fields that say something about the shopper or their dealings with
// the shop. Left out: internal plumbing (client secrets, balance transactions, statement-descriptor
// settings, API versions, URLs of Stripe's dashboard). Cards are masked to brand, last four digits,
// expiry and country: the card fingerprint, a stable identifier across merchants, is never exported.
import type Stripe from "stripe";
import type { ExportRecord } from "~/domain/systems";

type Data = Record<string, unknown>;

const idOf = (value: string | { id: string } | null | undefined) =>
  value === null || value === undefined ? null : typeof value === "string" ? value : value.id;

function pair(section: string, id: string, provided: Data | null, recorded: Data): ExportRecord[] {
  const records: ExportRecord[] = [];
  const given = provided && Object.values(provided).some((v) => v !== null && v !== undefined);
  if (given) records.push({ section, provided: true, data: { id, ...provided } });
  records.push({ section, provided: false, data: { id, ...recorded } });
  return records;
}

/** A payment method or card, masked: never the fingerprint, never more than the last four digits. */
export function maskedCard(details: {
  brand?: string | null;
  last4?: string | null;
  exp_month?: number | null;
  exp_year?: number | null;
  country?: string | null;
}): Data {
  return {
    brand: details.brand ?? null,
    last4: details.last4 ?? null,
    expMonth: details.exp_month ?? null,
    expYear: details.exp_year ?? null,
    country: details.country ?? null,
  };
}

/** Section `customer`: what the shopper gave, then the account Stripe keeps. A deleted customer is one record. */
export function customerRecords(customer: Stripe.Customer | Stripe.DeletedCustomer): ExportRecord[] {
  if (customer.deleted) {
    return [{ section: "customer", provided: false, data: { id: customer.id, deleted: true } }];
  }
  return pair(
    "customer",
    customer.id,
    {
      name: customer.name ?? null,
      email: customer.email,
      phone: customer.phone ?? null,
      address: customer.address ?? null,
      shipping: customer.shipping,
      preferredLocales: customer.preferred_locales ?? [],
    },
    {
      created: customer.created,
      currency: customer.currency ?? null,
      balance: customer.balance,
      delinquent: customer.delinquent ?? null,
      merchantDescription: customer.description,
      metadata: customer.metadata,
      defaultPaymentMethod: idOf(customer.invoice_settings?.default_payment_method),
      taxExempt: customer.tax_exempt ?? null,
    },
  );
}

/** Section `charges`: billing details and receipt address (provided), the payment (recorded). */
export function chargeRecords(charge: Stripe.Charge): ExportRecord[] {
  const card = charge.payment_method_details?.card;
  return pair(
    "charges",
    charge.id,
    {
      billingDetails: charge.billing_details,
      receiptEmail: charge.receipt_email,
      shipping: charge.shipping,
    },
    {
      created: charge.created,
      amount: charge.amount,
      amountRefunded: charge.amount_refunded,
      currency: charge.currency,
      status: charge.status,
      paid: charge.paid,
      refunded: charge.refunded,
      disputed: charge.disputed,
      description: charge.description,
      failureCode: charge.failure_code,
      paymentIntent: idOf(charge.payment_intent),
      paymentMethod: {
        type: charge.payment_method_details?.type ?? null,
        ...(card ? { card: maskedCard(card) } : {}),
      },
      // Stripe's automated fraud assessment of this payment.
      riskAssessment: charge.outcome
        ? {
            type: charge.outcome.type,
            riskLevel: charge.outcome.risk_level ?? null,
            riskScore: charge.outcome.risk_score ?? null,
          }
        : null,
      review: idOf(charge.review),
      receiptUrl: charge.receipt_url,
      metadata: charge.metadata,
    },
  );
}

/** Section `payment_intents`. */
export function paymentIntentRecords(intent: Stripe.PaymentIntent): ExportRecord[] {
  return pair(
    "payment_intents",
    intent.id,
    { receiptEmail: intent.receipt_email, shipping: intent.shipping },
    {
      created: intent.created,
      amount: intent.amount,
      amountReceived: intent.amount_received,
      currency: intent.currency,
      status: intent.status,
      description: intent.description,
      canceledAt: intent.canceled_at,
      cancellationReason: intent.cancellation_reason,
      latestCharge: idOf(intent.latest_charge),
      paymentMethod: idOf(intent.payment_method),
      metadata: intent.metadata,
    },
  );
}

/** Section `invoices`: the contact details copied on the invoice (provided), the invoice (recorded). */
export function invoiceRecords(invoice: Stripe.Invoice): ExportRecord[] {
  return pair(
    "invoices",
    invoice.id,
    {
      customerName: invoice.customer_name,
      customerEmail: invoice.customer_email,
      customerPhone: invoice.customer_phone,
      customerAddress: invoice.customer_address,
      customerShipping: invoice.customer_shipping,
    },
    {
      number: invoice.number,
      status: invoice.status,
      created: invoice.created,
      currency: invoice.currency,
      total: invoice.total,
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      description: invoice.description,
      periodStart: invoice.period_start,
      periodEnd: invoice.period_end,
      subscription: idOf(invoice.parent?.subscription_details?.subscription),
      lines: invoice.lines.data.map((line) => ({
        description: line.description,
        amount: line.amount,
        currency: line.currency,
        quantity: line.quantity ?? null,
      })),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      invoicePdf: invoice.invoice_pdf ?? null,
    },
  );
}

/** Section `payment_methods`: billing details (provided) and the masked card or account. */
export function paymentMethodRecords(method: Stripe.PaymentMethod): ExportRecord[] {
  const card = method.card ? maskedCard(method.card) : null;
  const other = method.card
    ? undefined
    : (method[method.type as keyof Stripe.PaymentMethod] as Data | undefined);
  return pair(
    "payment_methods",
    method.id,
    { billingDetails: method.billing_details },
    {
      type: method.type,
      created: method.created,
      ...(card ? { card } : {}),
      // Other kinds (SEPA debit, …): the last four digits and country at most, as for cards.
      ...(other && typeof other === "object"
        ? { account: { last4: other.last4 ?? null, country: other.country ?? null } }
        : {}),
    },
  );
}

/** Section `subscriptions` (cancelled ones included). */
export function subscriptionRecords(subscription: Stripe.Subscription): ExportRecord[] {
  return pair("subscriptions", subscription.id, null, {
    status: subscription.status,
    created: subscription.created,
    startDate: subscription.start_date,
    canceledAt: subscription.canceled_at,
    endedAt: subscription.ended_at,
    cancelAt: subscription.cancel_at,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    trialStart: subscription.trial_start,
    trialEnd: subscription.trial_end,
    currency: subscription.currency,
    description: subscription.description,
    defaultPaymentMethod: idOf(subscription.default_payment_method),
    items: subscription.items.data.map((item) => ({
      product: idOf(item.price.product as string | { id: string }),
      unitAmount: item.price.unit_amount,
      currency: item.price.currency,
      interval: item.price.recurring?.interval ?? null,
      quantity: item.quantity ?? null,
      currentPeriodStart: item.current_period_start,
      currentPeriodEnd: item.current_period_end,
    })),
    metadata: subscription.metadata,
  });
}

/** Section `checkout_sessions`: what the shopper typed at checkout (provided), the session (recorded). */
export function checkoutSessionRecords(session: Stripe.Checkout.Session): ExportRecord[] {
  const details = session.customer_details;
  return pair(
    "checkout_sessions",
    session.id,
    {
      email: details?.email ?? session.customer_email,
      name: details?.name ?? null,
      phone: details?.phone ?? null,
      address: details?.address ?? null,
      shipping: session.collected_information?.shipping_details ?? null,
    },
    {
      created: session.created,
      status: session.status,
      paymentStatus: session.payment_status,
      mode: session.mode,
      amountTotal: session.amount_total,
      currency: session.currency,
      locale: session.locale,
      customer: idOf(session.customer),
      paymentIntent: idOf(session.payment_intent),
      metadata: session.metadata,
    },
  );
}

/** Section `disputes`: the dispute and the evidence the merchant holds about the shopper. */
export function disputeRecords(dispute: Stripe.Dispute): ExportRecord[] {
  const e = dispute.evidence;
  return pair("disputes", dispute.id, null, {
    created: dispute.created,
    charge: idOf(dispute.charge),
    paymentIntent: idOf(dispute.payment_intent),
    amount: dispute.amount,
    currency: dispute.currency,
    reason: dispute.reason,
    status: dispute.status,
    evidence: {
      customerName: e.customer_name,
      customerEmailAddress: e.customer_email_address,
      customerPurchaseIp: e.customer_purchase_ip,
      billingAddress: e.billing_address,
      shippingAddress: e.shipping_address,
      productDescription: e.product_description,
    },
  });
}

/** Section `early_fraud_warnings`: card issuers' fraud reports on the shopper's payments. */
export function earlyFraudWarningRecords(warning: Stripe.Radar.EarlyFraudWarning): ExportRecord[] {
  return pair("early_fraud_warnings", warning.id, null, {
    created: warning.created,
    charge: idOf(warning.charge),
    paymentIntent: idOf(warning.payment_intent ?? null),
    fraudType: warning.fraud_type,
    actionable: warning.actionable,
  });
}

/** Section `reviews`: Radar's manual or rule-based review, with the IP and device it saw. */
export function reviewRecords(review: Stripe.Review): ExportRecord[] {
  return pair("reviews", review.id, null, {
    created: review.created,
    charge: idOf(review.charge),
    paymentIntent: idOf(review.payment_intent ?? null),
    open: review.open,
    reason: review.reason,
    openedReason: review.opened_reason,
    closedReason: review.closed_reason,
    ipAddress: review.ip_address,
    ipAddressLocation: review.ip_address_location,
    session: review.session,
    billingZip: review.billing_zip,
  });
}
