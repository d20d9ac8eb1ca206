// The access export of one shopper from a Stripe account (GDPR art. 15, and art. 20 for what the
// shopper provided): for each of their customers, the customer, charges, payment intents,
// invoices, saved payment methods (masked), subscriptions (cancelled ones included: the default
// list leaves them out) and Checkout sessions; then guest Checkout sessions with their payments;
// then the disputes, early fraud warnings and Radar reviews of all those charges. Every list is
// streamed through the SDK's auto-pagination, one page at a time, so a years-long history is never
// held in memory; only charge ids are kept, to find the disputes and warnings afterwards.
import type Stripe from "stripe";
import type { ExportRecord } from "~/domain/systems";
import type { StripeClient } from "./client.server";
import { isResourceMissing } from "./errors";
import {
  chargeRecords,
  checkoutSessionRecords,
  customerRecords,
  disputeRecords,
  earlyFraudWarningRecords,
  invoiceRecords,
  paymentIntentRecords,
  paymentMethodRecords,
  reviewRecords,
  subscriptionRecords,
} from "./export-records";
import {
  type FoundCustomer,
  findCustomers,
  guestCheckoutSessions,
  type StripeSubjectRef,
} from "./lookup.server";

/** Stripe's maximum page size: the fewest round trips. */
export const DEFAULT_PAGE_SIZE = 100;

// Up to this many charges, early fraud warnings are looked up charge by charge; beyond, one scan
// of the account's warnings since the oldest charge costs fewer requests (warnings are rare).
const PER_CHARGE_LOOKUP_MAX = 10;

/** What the charges lead to, gathered while they stream by (ids only). */
type FollowUps = { charges: Set<string>; disputed: string[]; reviews: Set<string>; oldest: number | null };

const idOf = (value: string | { id: string } | null | undefined) =>
  value === null || value === undefined ? null : typeof value === "string" ? value : value.id;

function note(follow: FollowUps, charge: Stripe.Charge) {
  follow.charges.add(charge.id);
  if (charge.disputed) follow.disputed.push(charge.id);
  const review = idOf(charge.review);
  if (review) follow.reviews.add(review);
  follow.oldest = follow.oldest === null ? charge.created : Math.min(follow.oldest, charge.created);
}

/** Yields a list's records; a 404 (the customer was deleted meanwhile) ends it quietly. */
async function* tolerant<T>(items: AsyncIterable<T>, records: (item: T) => ExportRecord[]) {
  try {
    for await (const item of items) yield* records(item);
  } catch (error) {
    if (!isResourceMissing(error)) throw error;
  }
}

async function* customerExport(
  client: StripeClient,
  found: FoundCustomer,
  pageSize: number,
  follow: FollowUps,
): AsyncGenerator<ExportRecord> {
  const id = found.id;
  let customer: Stripe.Customer | Stripe.DeletedCustomer;
  try {
    customer = await client.call("customers.retrieve", (sdk) => sdk.customers.retrieve(id));
  } catch (error) {
    if (isResourceMissing(error)) return;
    throw error;
  }
  yield* customerRecords(customer);
  const page = { customer: id, limit: pageSize };
  const charges = client.each("charges.list", (sdk, after) =>
    sdk.charges.list({ ...page, starting_after: after }),
  );
  for await (const charge of charges) {
    if (follow.charges.has(charge.id)) continue;
    note(follow, charge);
    yield* chargeRecords(charge);
  }
  yield* tolerant(
    client.each("paymentIntents.list", (sdk, after) =>
      sdk.paymentIntents.list({ ...page, starting_after: after }),
    ),
    paymentIntentRecords,
  );
  yield* tolerant(
    client.each("invoices.list", (sdk, after) => sdk.invoices.list({ ...page, starting_after: after })),
    invoiceRecords,
  );
  if (!customer.deleted) {
    yield* tolerant(
      client.each("customers.listPaymentMethods", (sdk, after) =>
        sdk.customers.listPaymentMethods(id, { limit: pageSize, starting_after: after }),
      ),
      paymentMethodRecords,
    );
  }
  // `status: "all"`: without it Stripe leaves cancelled subscriptions out, and the export would be incomplete.
  yield* tolerant(
    client.each("subscriptions.list", (sdk, after) =>
      sdk.subscriptions.list({ ...page, status: "all", starting_after: after }),
    ),
    subscriptionRecords,
  );
  yield* tolerant(
    client.each("checkout.sessions.list", (sdk, after) =>
      sdk.checkout.sessions.list({ ...page, starting_after: after }),
    ),
    checkoutSessionRecords,
  );
}

/** A guest session's payment: its payment intent and charges (the billing details live there). */
async function* guestPayment(
  client: StripeClient,
  intentId: string,
  pageSize: number,
  follow: FollowUps,
): AsyncGenerator<ExportRecord> {
  try {
    const intent = await client.call("paymentIntents.retrieve", (sdk) =>
      sdk.paymentIntents.retrieve(intentId),
    );
    yield* paymentIntentRecords(intent);
  } catch (error) {
    if (!isResourceMissing(error)) throw error;
    return;
  }
  const charges = client.each("charges.list", (sdk, after) =>
    sdk.charges.list({ payment_intent: intentId, limit: pageSize, starting_after: after }),
  );
  for await (const charge of charges) {
    if (follow.charges.has(charge.id)) continue;
    note(follow, charge);
    yield* chargeRecords(charge);
  }
}

async function* followUps(
  client: StripeClient,
  follow: FollowUps,
  pageSize: number,
): AsyncGenerator<ExportRecord> {
  for (const charge of follow.disputed) {
    yield* tolerant(
      client.each("disputes.list", (sdk, after) =>
        sdk.disputes.list({ charge, limit: pageSize, starting_after: after }),
      ),
      disputeRecords,
    );
  }
  if (follow.charges.size > 0 && follow.charges.size <= PER_CHARGE_LOOKUP_MAX) {
    for (const charge of follow.charges) {
      yield* tolerant(
        client.each("radar.earlyFraudWarnings.list", (sdk, after) =>
          sdk.radar.earlyFraudWarnings.list({ charge, limit: pageSize, starting_after: after }),
        ),
        earlyFraudWarningRecords,
      );
    }
  } else if (follow.oldest !== null) {
    const since = follow.oldest;
    const warnings = client.each("radar.earlyFraudWarnings.list", (sdk, after) =>
      sdk.radar.earlyFraudWarnings.list({ created: { gte: since }, limit: pageSize, starting_after: after }),
    );
    for await (const warning of warnings) {
      const charge = idOf(warning.charge);
      if (charge && follow.charges.has(charge)) yield* earlyFraudWarningRecords(warning);
    }
  }
  for (const id of follow.reviews) {
    try {
      yield* reviewRecords(await client.call("reviews.retrieve", (sdk) => sdk.reviews.retrieve(id)));
    } catch (error) {
      if (!isResourceMissing(error)) throw error;
    }
  }
}

/**
 * Streams everything the account holds about the subject. Sections: `customer`, `charges`,
 * `payment_intents`, `invoices`, `payment_methods`, `subscriptions`, `checkout_sessions`, `disputes`,
 * `early_fraud_warnings`, `reviews` (see export-records.ts for the fields). Yields nothing when
 * the shopper is unknown to Stripe.
 */
export async function* exportStripeSubject(
  client: StripeClient,
  subject: StripeSubjectRef,
  pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<ExportRecord> {
  const customers = await findCustomers(client, subject, pageSize);
  const follow: FollowUps = { charges: new Set(), disputed: [], reviews: new Set(), oldest: null };
  for (const customer of customers) yield* customerExport(client, customer, pageSize, follow);
  const customerIds = new Set(customers.map((c) => c.id));
  for await (const session of guestCheckoutSessions(client, subject, customerIds, pageSize)) {
    yield* checkoutSessionRecords(session);
    const intent = idOf(session.payment_intent);
    if (intent) yield* guestPayment(client, intent, pageSize, follow);
  }
  yield* followUps(client, follow, pageSize);
}
