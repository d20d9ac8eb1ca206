// Rectification at Stripe (GDPR art. 16): the shopper's customers, read with `customers.retrieve`
// and corrected with `customers.update` (name, email, phone, address). A value Stripe refuses
// (an invalid e-mail address) is `refused` with Stripe's code; the rest is thrown for the job.
import type Stripe from "stripe";
import type { RectifyResult } from "~/connectors/connector";
import { displayValue, type Profile, type RequestedChanges } from "~/domain/rectification/rectification";
import type { StripeClient } from "./client.server";
import { StripeConnectorError } from "./errors";
import { findCustomers, type StripeSubjectRef } from "./lookup.server";

async function liveCustomers(client: StripeClient, subject: StripeSubjectRef, pageSize: number) {
  const found = await findCustomers(client, subject, pageSize);
  return found.filter((c) => !c.deleted).map((c) => c.id);
}

function profileOf(customer: Stripe.Customer): Profile {
  const a = customer.address;
  return {
    // Stripe keeps one name: read whole, compared whole.
    name: customer.name ? { first: customer.name, last: null } : null,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    address:
      a?.line1 && a.city && a.postal_code && a.country
        ? { line1: a.line1, line2: a.line2 ?? "", city: a.city, zip: a.postal_code, country: a.country }
        : null,
  };
}

async function retrieve(client: StripeClient, id: string): Promise<Stripe.Customer | null> {
  const customer = await client.call("customers.retrieve", (sdk) => sdk.customers.retrieve(id));
  return customer.deleted ? null : (customer as Stripe.Customer);
}

export async function readStripeProfile(
  client: StripeClient,
  subject: StripeSubjectRef,
  pageSize: number,
): Promise<Profile | null> {
  const [id] = await liveCustomers(client, subject, pageSize);
  const customer = id ? await retrieve(client, id) : null;
  return customer ? profileOf(customer) : null;
}

function params(changes: RequestedChanges): Stripe.CustomerUpdateParams {
  return {
    ...(changes.name && { name: displayValue("name", changes.name) ?? "" }),
    ...(changes.email && { email: changes.email }),
    ...(changes.phone && { phone: changes.phone }),
    ...(changes.address && {
      address: {
        line1: changes.address.line1,
        line2: changes.address.line2,
        city: changes.address.city,
        postal_code: changes.address.zip,
        country: changes.address.country,
      },
    }),
  };
}

export async function rectifyStripe(
  client: StripeClient,
  subject: StripeSubjectRef,
  changes: RequestedChanges,
  pageSize: number,
): Promise<RectifyResult> {
  let ids = await liveCustomers(client, subject, pageSize);
  // A repeat after the address changed finds the customers under their new address.
  let repeat = false;
  if (ids.length === 0 && changes.email) {
    ids = await liveCustomers(client, { ...subject, email: changes.email, stripeCustomerIds: [] }, pageSize);
    repeat = ids.length > 0;
  }
  if (ids.length === 0) return { outcome: "not_found" };
  try {
    for (const id of ids)
      await client.call("customers.update", (sdk) => sdk.customers.update(id, params(changes)));
  } catch (error) {
    if (error instanceof StripeConnectorError && error.kind === "invalid_request")
      return {
        outcome: "refused",
        detail: [error.code, error.param].filter(Boolean).join(" on ") || "invalid",
      };
    throw error;
  }
  return { outcome: repeat ? "already" : "applied", vendorRef: ids.join(", ") };
}
