// Seeding the Stripe simulator: one shopper with a history (charges and their payment intents,
// saved cards, invoices, subscriptions, Checkout sessions, a dispute, an early fraud warning, a
// Radar review), a guest who paid through Checkout without a customer, and the demo store's shoppers.
// Straight into the store, so a 2 000-charge history for the export benchmark takes milliseconds.
import type { SimAddress } from "./stripe-objects";
import type { StripeStore } from "./stripe-store";

const DAY = 86_400;

export type ShopperSeed = {
  email: string;
  name?: string;
  phone?: string;
  address?: Partial<SimAddress>;
  description?: string;
  metadata?: Record<string, string>;
  /** Charges, each with its succeeded payment intent (default 3). */
  charges?: number;
  /** Age of the newest charge in days (default 120: past Stripe's 90-day redaction window). */
  newestChargeDaysAgo?: number;
  /** Hours between two charges, going back in time (default 24). */
  chargeSpacingHours?: number;
  /** Saved cards attached to the customer (default 1). */
  paymentMethods?: number;
  /** Payment intents never paid (`requires_payment_method`; default 0). */
  unusedPaymentIntents?: number;
  invoices?: { paid?: number; open?: number; draft?: number };
  subscriptions?: { active?: number; canceled?: number };
  /** Completed Checkout sessions attached to the customer (default 1). */
  checkoutSessions?: number;
  /** A dispute on the newest charge: "won" (closed, the default), "open", or none. */
  dispute?: "won" | "open" | false;
  /** An early fraud warning on the newest charge (default true). */
  earlyFraudWarning?: boolean;
  /** A closed Radar review of the newest charge (default true). */
  review?: boolean;
};

export type SeededShopper = {
  customerId: string;
  chargeIds: string[];
  paymentIntentIds: string[];
  unusedPaymentIntentIds: string[];
  paymentMethodIds: string[];
  invoiceIds: string[];
  subscriptionIds: string[];
  checkoutSessionIds: string[];
  disputeId?: string;
  earlyFraudWarningId?: string;
  reviewId?: string;
};

const CARDS = [
  { brand: "visa", last4: "4242", country: "FR", fingerprint: "Xt5EWLLDS7FJjR1c" },
  { brand: "mastercard", last4: "4444", country: "FR", fingerprint: "Mc9QxR2vT0aLpZ3e" },
  { brand: "amex", last4: "8431", country: "US", fingerprint: "Ax7KwU1sV8bNqY4d" },
];

/** Seeds one shopper (a customer and its history); returns every id created. */
export function seedStripeShopper(store: StripeStore, seed: ShopperSeed): SeededShopper {
  const now = store.unixNow();
  const address: SimAddress = {
    line1: seed.address?.line1 ?? "12 rue de Charonne",
    line2: seed.address?.line2 ?? null,
    city: seed.address?.city ?? "Paris",
    postal_code: seed.address?.postal_code ?? "75011",
    state: seed.address?.state ?? null,
    country: seed.address?.country ?? "FR",
  };
  const name = seed.name ?? "Camille Martin";
  const phone = seed.phone ?? "+33612345678";
  const newest = now - (seed.newestChargeDaysAgo ?? 120) * DAY;
  const spacing = Math.round((seed.chargeSpacingHours ?? 24) * 3600);
  const chargeCount = seed.charges ?? 3;
  const oldest = newest - Math.max(0, chargeCount - 1) * spacing;
  const customer = store.createCustomer({
    email: seed.email,
    name,
    phone,
    address,
    shipping: { name, phone, address },
    description: seed.description ?? null,
    metadata: seed.metadata ?? { shopify_customer_id: "7001" },
    preferred_locales: ["fr-FR"],
    created: oldest - 30 * DAY,
  });
  const billing = { email: seed.email, name, phone, address };
  const shipping = { name, phone, address };

  const paymentMethodIds: string[] = [];
  for (let i = 0; i < (seed.paymentMethods ?? 1); i++) {
    const pm = store.createPaymentMethod({
      customer: customer.id,
      card: CARDS[i % CARDS.length],
      billing_details: billing,
      created: oldest - DAY + i,
    });
    paymentMethodIds.push(pm.id);
  }
  const card = CARDS[0];
  const chargeIds: string[] = [];
  const paymentIntentIds: string[] = [];
  // Oldest first, so that ties on `created` still list the newest first.
  for (let i = chargeCount - 1; i >= 0; i--) {
    const created = newest - i * spacing;
    const amount = 4_500 + ((i * 1_700) % 9_000);
    const intent = store.createPaymentIntent({
      customer: customer.id,
      amount,
      payment_method: paymentMethodIds[0] ?? null,
      receipt_email: seed.email,
      shipping,
      description: "Commande iméra",
      created,
    });
    const charge = store.createCharge({
      customer: customer.id,
      payment_intent: intent.id,
      payment_method: paymentMethodIds[0] ?? null,
      amount,
      billing_details: billing,
      receipt_email: seed.email,
      shipping,
      description: "Commande iméra",
      card,
      created,
    });
    paymentIntentIds.push(intent.id);
    chargeIds.push(charge.id);
  }
  chargeIds.reverse();
  paymentIntentIds.reverse();
  const unusedPaymentIntentIds: string[] = [];
  for (let i = 0; i < (seed.unusedPaymentIntents ?? 0); i++) {
    const intent = store.createPaymentIntent({
      customer: customer.id,
      amount: 3_900,
      status: "requires_payment_method",
      created: newest - DAY,
    });
    unusedPaymentIntentIds.push(intent.id);
  }

  const subscriptionIds: string[] = [];
  const subscriptions = seed.subscriptions ?? { active: 1, canceled: 1 };
  for (let i = 0; i < (subscriptions.canceled ?? 0); i++) {
    const created = oldest - 20 * DAY + i;
    const sub = store.createSubscription({
      customer: customer.id,
      status: "canceled",
      created,
      canceledAt: created + 60 * DAY,
    });
    subscriptionIds.push(sub.id);
  }
  for (let i = 0; i < (subscriptions.active ?? 0); i++) {
    const sub = store.createSubscription({
      customer: customer.id,
      status: "active",
      default_payment_method: paymentMethodIds[0] ?? null,
      created: oldest - 10 * DAY + i,
    });
    subscriptionIds.push(sub.id);
  }

  const invoiceIds: string[] = [];
  const invoices = seed.invoices ?? { paid: 1 };
  const addInvoices = (status: "paid" | "open" | "draft", count = 0) => {
    for (let i = 0; i < count; i++) {
      const invoice = store.createInvoice({
        customer: customer.id,
        status,
        amount: 1_900,
        subscription: subscriptionIds.at(-1) ?? null,
        created: (status === "paid" ? oldest : newest) - i * DAY,
      });
      invoiceIds.push(invoice.id);
    }
  };
  addInvoices("paid", invoices.paid);
  addInvoices("open", invoices.open);
  addInvoices("draft", invoices.draft);

  const checkoutSessionIds: string[] = [];
  for (let i = 0; i < (seed.checkoutSessions ?? 1); i++) {
    const session = store.createCheckoutSession({
      customer: customer.id,
      customer_details: billing,
      payment_intent: paymentIntentIds[i] ?? null,
      amount_total: 4_500,
      created: newest - i * spacing,
    });
    checkoutSessionIds.push(session.id);
  }

  const seeded: SeededShopper = {
    customerId: customer.id,
    chargeIds,
    paymentIntentIds,
    unusedPaymentIntentIds,
    paymentMethodIds,
    invoiceIds,
    subscriptionIds,
    checkoutSessionIds,
  };
  const target = chargeIds[0];
  if (target) {
    const dispute = seed.dispute ?? "won";
    if (dispute) {
      seeded.disputeId = store.createDispute({
        charge: target,
        status: dispute === "open" ? "needs_response" : "won",
        created: Math.min(newest + 3 * DAY, now),
      }).id;
    }
    if (seed.earlyFraudWarning ?? true) {
      seeded.earlyFraudWarningId = store.createEarlyFraudWarning({
        charge: target,
        created: Math.min(now, newest + DAY),
      }).id;
    }
    if (seed.review ?? true) seeded.reviewId = store.createReview({ charge: target, created: newest }).id;
  }
  return seeded;
}

export type SeededGuest = { checkoutSessionIds: string[]; paymentIntentIds: string[]; chargeIds: string[] };

/** A guest who paid through Checkout without a Stripe customer: sessions, payment intents, charges. */
export function seedStripeGuest(
  store: StripeStore,
  guest: { email: string; name?: string; sessions?: number; daysAgo?: number },
): SeededGuest {
  const now = store.unixNow();
  const details = {
    email: guest.email,
    name: guest.name ?? "Invité Paris",
    phone: null,
    address: {
      line1: "3 place des Vosges",
      line2: null,
      city: "Paris",
      postal_code: "75004",
      state: null,
      country: "FR",
    },
  };
  const out: SeededGuest = { checkoutSessionIds: [], paymentIntentIds: [], chargeIds: [] };
  for (let i = 0; i < (guest.sessions ?? 1); i++) {
    const created = now - ((guest.daysAgo ?? 30) + i) * DAY;
    const intent = store.createPaymentIntent({
      customer: null,
      amount: 6_200,
      receipt_email: guest.email,
      created,
    });
    const charge = store.createCharge({
      customer: null,
      payment_intent: intent.id,
      amount: 6_200,
      billing_details: details,
      receipt_email: guest.email,
      created,
    });
    const session = store.createCheckoutSession({
      customer: null,
      customer_details: details,
      payment_intent: intent.id,
      amount_total: 6_200,
      created,
    });
    out.checkoutSessionIds.push(session.id);
    out.paymentIntentIds.push(intent.id);
    out.chargeIds.push(charge.id);
  }
  return out;
}

/**
 * The demo store's Stripe account (the shoppers the sandbox's Shopify and Mailchimp know): Camille
 * and Lucas paid recently (their redaction waits for the 90-day window), Emma long ago, and a guest.
 */
export function seedStripeDemo(store: StripeStore): void {
  seedStripeShopper(store, {
    email: "camille.martin@example.fr",
    name: "Camille Martin",
    charges: 4,
    newestChargeDaysAgo: 5,
  });
  seedStripeShopper(store, {
    email: "lucas.bernard@example.fr",
    name: "Lucas Bernard",
    charges: 2,
    newestChargeDaysAgo: 12,
    subscriptions: { active: 0, canceled: 0 },
    dispute: false,
    earlyFraudWarning: false,
    review: false,
    metadata: { shopify_customer_id: "7002" },
  });
  seedStripeShopper(store, {
    email: "emma.thomas@example.com",
    name: "Emma Thomas",
    charges: 6,
    newestChargeDaysAgo: 200,
    chargeSpacingHours: 24 * 30,
    subscriptions: { active: 0, canceled: 1 },
    metadata: { shopify_customer_id: "7003" },
  });
  seedStripeGuest(store, { email: "newsletter.only@example.fr", name: "Léa Petit", daysAgo: 40 });
}
