// The Stripe simulator's state: one account's objects, ordered as Stripe lists them (newest first),
// and the state changes the connector relies on: deleting a customer (its payment methods detached,
// its live subscriptions cancelled, the customer still retrievable as `deleted`), detaching,
// cancelling, deleting draft invoices only, and redaction (personal fields become "[redacted]").
import { randomBytes } from "node:crypto";
import {
  buildCharge,
  buildCustomer,
  buildPaymentIntent,
  buildPaymentMethod,
  type ChargeInput,
  type CustomerInput,
  type InvoiceStatus,
  type PaymentIntentInput,
  type SimBillingDetails,
  type SimCard,
  type SimCustomer,
  type SimRecord,
  type SubscriptionStatus,
} from "./stripe-objects";
import {
  buildCheckoutSession,
  buildDispute,
  buildEarlyFraudWarning,
  buildInvoice,
  buildReview,
  buildSubscription,
  invoiceSnapshot,
} from "./stripe-objects-billing";

export type { SimCustomer, SimRecord } from "./stripe-objects";

/** What redaction writes in place of a personal value. */
export const REDACTED = "[redacted]";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** Subscriptions in these states no longer bill; `subscriptions.list` leaves them out by default. */
export const ENDED_SUBSCRIPTION_STATUSES = ["canceled", "incomplete_expired"];

/** Options every creation takes: when it happened (Unix seconds; default: the store's now). */
type At = { created?: number };

/** One Stripe account's objects. Maps are public so tests can look inside. */
export class StripeStore {
  readonly customers = new Map<string, SimCustomer>();
  readonly charges = new Map<string, SimRecord>();
  readonly paymentIntents = new Map<string, SimRecord>();
  readonly invoices = new Map<string, SimRecord>();
  readonly paymentMethods = new Map<string, SimRecord>();
  readonly subscriptions = new Map<string, SimRecord>();
  readonly checkoutSessions = new Map<string, SimRecord>();
  readonly disputes = new Map<string, SimRecord>();
  readonly earlyFraudWarnings = new Map<string, SimRecord>();
  readonly reviews = new Map<string, SimRecord>();
  private readonly order = new Map<string, number>();
  private sequence = 0;
  private invoiceNumber = 0;

  constructor(readonly now: () => Date) {}

  /** Now, in Unix seconds (Stripe's `created`). */
  unixNow(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private put<T extends SimRecord>(map: Map<string, T>, object: T): T {
    this.sequence += 1;
    this.order.set(object.id, this.sequence);
    map.set(object.id, object);
    return object;
  }

  private newId(prefix: string, length = 14) {
    return `${prefix}_${randomId(length)}`;
  }

  /** The map's objects that pass `keep`, newest first (ties: last created first), as Stripe lists. */
  sorted<T extends SimRecord>(map: Map<string, T>, keep: (o: T) => boolean = () => true): T[] {
    return [...map.values()]
      .filter(keep)
      .sort((a, b) => b.created - a.created || (this.order.get(b.id) ?? 0) - (this.order.get(a.id) ?? 0));
  }

  /** Any object by id, from its prefix (for `expand`). */
  find(id: string): Record<string, unknown> | undefined {
    const maps: [string, Map<string, SimRecord>][] = [
      ["cus_", this.customers],
      ["ch_", this.charges],
      ["pi_", this.paymentIntents],
      ["in_", this.invoices],
      ["pm_", this.paymentMethods],
      ["sub_", this.subscriptions],
      ["cs_", this.checkoutSessions],
      ["dp_", this.disputes],
      ["issfr_", this.earlyFraudWarnings],
      ["prv_", this.reviews],
    ];
    const map = maps.find(([prefix]) => id.startsWith(prefix))?.[1];
    const found = map?.get(id);
    if (found?.object === "customer") return this.customerJson(found as SimCustomer);
    if (found?.object === "invoice") return this.invoiceJson(found);
    return found;
  }

  createCustomer(input: CustomerInput & At = {}): SimCustomer {
    return this.put(this.customers, buildCustomer(this.newId("cus"), input.created ?? this.unixNow(), input));
  }

  /** What the API answers for a customer: the reduced object once deleted. */
  customerJson(customer: SimCustomer): Record<string, unknown> {
    if (customer.deleted) return { id: customer.id, object: "customer", deleted: true };
    return customer;
  }

  createPaymentMethod(
    input: {
      customer?: string | null;
      card?: Partial<SimCard>;
      billing_details?: Partial<SimBillingDetails>;
    } & At,
  ): SimRecord {
    const pm = this.put(
      this.paymentMethods,
      buildPaymentMethod(this.newId("pm", 24), input.created ?? this.unixNow(), input),
    );
    const customer = input.customer ? this.customers.get(input.customer) : undefined;
    const settings = customer?.invoice_settings as { default_payment_method: string | null } | undefined;
    if (settings && settings.default_payment_method === null) settings.default_payment_method = pm.id;
    return pm;
  }

  createPaymentIntent(input: PaymentIntentInput & At): SimRecord {
    return this.put(
      this.paymentIntents,
      buildPaymentIntent(this.newId("pi", 24), input.created ?? this.unixNow(), input),
    );
  }

  /** A charge; its payment intent (if any) gets it as `latest_charge`. */
  createCharge(input: ChargeInput & At): SimRecord {
    const charge = this.put(
      this.charges,
      buildCharge(this.newId("ch", 24), input.created ?? this.unixNow(), input),
    );
    const intent = input.payment_intent ? this.paymentIntents.get(input.payment_intent) : undefined;
    if (intent) intent.latest_charge = charge.id;
    return charge;
  }

  /** An invoice; a finalised one copies the customer's contact details now, a draft follows them. */
  createInvoice(
    input: {
      customer: string;
      status: InvoiceStatus;
      amount: number;
      subscription?: string | null;
      description?: string;
    } & At,
  ): SimRecord {
    const customer = this.customers.get(input.customer);
    if (!customer) throw new Error(`simulator: no customer ${input.customer}`);
    const number = input.status === "draft" ? null : `${customer.invoice_prefix}-${++this.invoiceNumber}`;
    return this.put(
      this.invoices,
      buildInvoice(this.newId("in", 24), input.created ?? this.unixNow(), { ...input, customer, number }),
    );
  }

  /** What the API answers for an invoice: a draft shows the customer's current details. */
  invoiceJson(invoice: SimRecord): SimRecord {
    if (invoice.status !== "draft") return invoice;
    return { ...invoice, ...invoiceSnapshot(this.customers.get(invoice.customer as string)) };
  }

  createSubscription(
    input: {
      customer: string;
      status: SubscriptionStatus;
      price?: { unit_amount: number; currency?: string; interval?: "month" | "year" };
      default_payment_method?: string | null;
      canceledAt?: number;
    } & At,
  ): SimRecord {
    return this.put(
      this.subscriptions,
      buildSubscription(this.newId("sub", 24), input.created ?? this.unixNow(), input),
    );
  }

  createCheckoutSession(input: Parameters<typeof buildCheckoutSession>[2] & At): SimRecord {
    return this.put(
      this.checkoutSessions,
      buildCheckoutSession(this.newId("cs_test", 58), input.created ?? this.unixNow(), input),
    );
  }

  /** A dispute on a charge, which becomes `disputed`. */
  createDispute(input: { charge: string; status?: string; reason?: string } & At): SimRecord {
    const charge = this.charges.get(input.charge);
    if (!charge) throw new Error(`simulator: no charge ${input.charge}`);
    charge.disputed = true;
    return this.put(
      this.disputes,
      buildDispute(this.newId("dp", 24), input.created ?? this.unixNow(), { ...input, charge }),
    );
  }

  createEarlyFraudWarning(input: { charge: string } & At): SimRecord {
    const charge = this.charges.get(input.charge);
    if (!charge) throw new Error(`simulator: no charge ${input.charge}`);
    return this.put(
      this.earlyFraudWarnings,
      buildEarlyFraudWarning(this.newId("issfr", 24), input.created ?? this.unixNow(), charge),
    );
  }

  /** A Radar review of a charge, which then points at it (`charge.review`). */
  createReview(input: { charge: string; open?: boolean } & At): SimRecord {
    const charge = this.charges.get(input.charge);
    if (!charge) throw new Error(`simulator: no charge ${input.charge}`);
    const review = this.put(
      this.reviews,
      buildReview(this.newId("prv", 24), input.created ?? this.unixNow(), charge, input.open ?? false),
    );
    charge.review = review.id;
    return review;
  }

  /** Deletes a customer as Stripe does: its cards are removed and its live subscriptions end now. */
  deleteCustomer(customer: SimCustomer): void {
    for (const pm of this.paymentMethods.values()) if (pm.customer === customer.id) pm.customer = null;
    for (const sub of this.subscriptions.values()) {
      if (sub.customer === customer.id && !ENDED_SUBSCRIPTION_STATUSES.includes(sub.status as string)) {
        this.cancelSubscription(sub);
      }
    }
    customer.deleted = true;
  }

  cancelSubscription(subscription: SimRecord): void {
    const at = this.unixNow();
    subscription.status = "canceled";
    subscription.canceled_at = at;
    subscription.ended_at = at;
    subscription.cancellation_details = { comment: null, feedback: null, reason: "cancellation_requested" };
  }

  /** Every object the redaction of these customers touches: the customers and what points at them. */
  redactCustomers(customerIds: string[]): void {
    const ids = new Set(customerIds);
    for (const id of ids) {
      const customer = this.customers.get(id);
      if (!customer || customer.deleted) continue;
      customer.name = REDACTED;
      customer.email = REDACTED;
      customer.phone = REDACTED;
      customer.description = REDACTED;
      customer.address = customer.address ? redactAddress() : null;
      customer.shipping = customer.shipping
        ? { name: REDACTED, phone: REDACTED, address: redactAddress() }
        : null;
      customer.metadata = {};
    }
    const mine = (o: SimRecord) => typeof o.customer === "string" && ids.has(o.customer);
    const chargeIds = new Set<string>();
    for (const charge of this.charges.values()) {
      if (!mine(charge)) continue;
      chargeIds.add(charge.id);
      this.redactPayment(charge);
    }
    for (const intent of this.paymentIntents.values()) if (mine(intent)) this.redactPayment(intent);
    for (const pm of this.paymentMethods.values()) if (mine(pm)) this.redactPayment(pm);
    for (const session of this.checkoutSessions.values()) if (mine(session)) this.redactSession(session);
    for (const invoice of this.invoices.values()) {
      if (!mine(invoice)) continue;
      Object.assign(invoice, {
        customer_address: invoice.customer_address ? redactAddress() : null,
        customer_email: invoice.customer_email ? REDACTED : null,
        customer_name: invoice.customer_name ? REDACTED : null,
        customer_phone: invoice.customer_phone ? REDACTED : null,
        customer_shipping: null,
      });
    }
    this.redactRelated(chargeIds);
  }

  /** Redaction of guest checkout sessions, their payment intents and charges. */
  redactCheckoutSessions(sessionIds: string[]): void {
    const chargeIds = new Set<string>();
    for (const id of sessionIds) {
      const session = this.checkoutSessions.get(id);
      if (!session) continue;
      this.redactSession(session);
      const intent = session.payment_intent
        ? this.paymentIntents.get(session.payment_intent as string)
        : undefined;
      if (intent) this.redactPayment(intent);
      for (const charge of this.charges.values()) {
        if (intent && charge.payment_intent === intent.id) {
          chargeIds.add(charge.id);
          this.redactPayment(charge);
        }
      }
    }
    this.redactRelated(chargeIds);
  }

  private redactRelated(chargeIds: Set<string>) {
    for (const dispute of this.disputes.values()) {
      if (!chargeIds.has(dispute.charge as string)) continue;
      const evidence = dispute.evidence as Record<string, unknown>;
      for (const key of ["customer_email_address", "customer_name", "customer_purchase_ip"]) {
        if (evidence[key] !== null) evidence[key] = REDACTED;
      }
    }
    for (const review of this.reviews.values()) {
      if (!chargeIds.has(review.charge as string)) continue;
      review.ip_address = REDACTED;
      review.ip_address_location = null;
      review.billing_zip = review.billing_zip ? REDACTED : null;
    }
  }

  private redactPayment(object: SimRecord) {
    if (object.billing_details) {
      object.billing_details = {
        address: redactAddress(),
        email: REDACTED,
        name: REDACTED,
        phone: REDACTED,
        tax_id: null,
      };
    }
    if (typeof object.receipt_email === "string") object.receipt_email = REDACTED;
    if (object.shipping) object.shipping = { name: REDACTED, phone: REDACTED, address: redactAddress() };
    object.metadata = {};
  }

  private redactSession(session: SimRecord) {
    session.customer_details = {
      address: redactAddress(),
      email: REDACTED,
      name: REDACTED,
      phone: REDACTED,
      tax_exempt: "none",
      tax_ids: [],
    };
    if (session.customer_email) session.customer_email = REDACTED;
    session.metadata = {};
  }
}

function redactAddress() {
  return {
    line1: REDACTED,
    line2: null,
    city: REDACTED,
    postal_code: REDACTED,
    state: null,
    country: REDACTED,
  };
}
