// Finding a shopper in a Stripe account. Customers by e-mail with `customers.list({ email })`,
// which is exact and case-sensitive and has no indexing delay (unlike search, which can lag up to
// an hour): the address as Vigie knows it and its lower-cased form are both tried, since shops
// create customers with whatever case the shopper typed. Customer ids Vigie stored are retrieved
// too (a deleted customer still has payments pointing at it). Guests who paid through Checkout
// without a customer are found by the e-mail they typed (`customer_details.email`).
import type Stripe from "stripe";
import type { SubjectRef } from "~/connectors/connector";
import type { StripeClient } from "./client.server";
import { isResourceMissing } from "./errors";

/**
 * A subject as the Stripe connector reads it: SubjectRef plus the Stripe customer ids Vigie may
 * have stored for the shopper (not yet part of SubjectRef).
 */
export type StripeSubjectRef = SubjectRef & { stripeCustomerIds?: string[] };

export type FoundCustomer = { id: string; deleted: boolean };

const CUSTOMER_ID = /^cus_[A-Za-z0-9]{1,64}$/;

/** The addresses tried, in order: as given (trimmed), then lower-cased when different. */
export function emailVariants(email: string | null | undefined): string[] {
  const given = email?.trim();
  if (!given) return [];
  const lower = given.toLowerCase();
  return lower === given ? [given] : [given, lower];
}

/** The subject's customers: by every e-mail variant, then by stored id. */
export async function findCustomers(
  client: StripeClient,
  subject: StripeSubjectRef,
  pageSize: number,
): Promise<FoundCustomer[]> {
  const found = new Map<string, FoundCustomer>();
  for (const email of emailVariants(subject.email)) {
    const customers = client.each("customers.list", (sdk, startingAfter) =>
      sdk.customers.list({ email, limit: pageSize, starting_after: startingAfter }),
    );
    for await (const customer of customers) found.set(customer.id, { id: customer.id, deleted: false });
  }
  for (const id of subject.stripeCustomerIds ?? []) {
    if (found.has(id) || !CUSTOMER_ID.test(id)) continue;
    try {
      const customer = await client.call("customers.retrieve", (sdk) => sdk.customers.retrieve(id));
      found.set(id, { id, deleted: customer.deleted === true });
    } catch (error) {
      if (!isResourceMissing(error)) throw error;
    }
  }
  return [...found.values()];
}

/**
 * Checkout sessions carrying the subject's e-mail that are not already reached through one of
 * `customerIds`: guest checkouts, or sessions of another customer the shopper paid for.
 */
export async function* guestCheckoutSessions(
  client: StripeClient,
  subject: SubjectRef,
  customerIds: ReadonlySet<string>,
  pageSize: number,
): AsyncGenerator<Stripe.Checkout.Session> {
  const seen = new Set<string>();
  for (const email of emailVariants(subject.email)) {
    const sessions = client.each("checkout.sessions.list", (sdk, startingAfter) =>
      sdk.checkout.sessions.list({
        customer_details: { email },
        limit: pageSize,
        starting_after: startingAfter,
      }),
    );
    for await (const session of sessions) {
      const customer = typeof session.customer === "string" ? session.customer : session.customer?.id;
      if (seen.has(session.id) || (customer && customerIds.has(customer))) continue;
      seen.add(session.id);
      yield session;
    }
  }
}
