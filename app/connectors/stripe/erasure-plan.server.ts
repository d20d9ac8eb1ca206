// What erasing a shopper from Stripe does, step by step (GDPR art. 17), planned from what the
// account holds now. Per customer: cancel live subscriptions, delete draft invoices, detach saved
// payment methods, clear the contact fields, redact the payments when the shop enabled Redaction
// Jobs and Stripe's 90-day window allows it, delete the customer, and keep finalised invoices.
// Guests who paid through Checkout get a redaction step (or a `keep` saying why not). Step ids are
// deterministic (`stripe:<customer>:<kind>`, `stripe:guest:<kind>`): they key the execution.

import type { ErasureStep } from "~/domain/systems";
import type { StripeClient } from "./client.server";
import { isResourceMissing } from "./errors";
import {
  type FoundCustomer,
  findCustomers,
  guestCheckoutSessions,
  type StripeSubjectRef,
} from "./lookup.server";

export const STEP_KINDS = [
  "cancel-subscriptions",
  "delete-draft-invoices",
  "detach-payment-methods",
  "mask-customer",
  "redaction-job",
  "delete-customer",
  "keep-payments",
  "keep-invoices",
  "keep-checkout-sessions",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The customer fields the mask step clears. */
export const MASKED_FIELDS = ["name", "email", "phone", "address", "shipping", "description", "metadata"];

/** Stripe redacts a payment only 90 days after it happened (its fraud window). */
export const REDACTION_WINDOW_DAYS = 90;

/** Hold ids carried by `keep` steps. */
export const HOLDS = {
  // Code de commerce art. L123-22: accounting documents are kept 10 years (GDPR art. 17(3)(b)).
  invoices: "fr-code-commerce-L123-22",
  redactionWindow: "stripe-redaction-90-days",
} as const;

const DAY = 86_400;

/** `stripe:<cus_…|guest>:<kind>` → its parts, or null for anything else. */
export function parseStepId(id: string): { target: string; kind: StepKind } | null {
  const match = /^stripe:(cus_[A-Za-z0-9]{1,64}|guest):([a-z-]+)$/.exec(id);
  if (!match?.[1] || !STEP_KINDS.includes(match[2] as StepKind)) return null;
  return { target: match[1], kind: match[2] as StepKind };
}

const stepId = (target: string, kind: StepKind) => `stripe:${target}:${kind}`;

/** The date a redaction becomes possible, for staff (YYYY-MM-DD, UTC). */
const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

/** What the plan needs to know about one customer: a handful of one-item list calls. */
async function customerFacts(client: StripeClient, customer: string, deleted: boolean) {
  const first = async <T>(operation: string, list: () => Promise<{ data: T[] }>) =>
    (await client.call(operation, list)).data[0];
  const sdk = client.sdk;
  const liveSubscription = await first("subscriptions.list", () =>
    sdk.subscriptions.list({ customer, limit: 1 }),
  );
  const draft = await first("invoices.list", () =>
    sdk.invoices.list({ customer, status: "draft", limit: 1 }),
  );
  // A deleted customer has no payment methods, and Stripe answers 404 for its list.
  const method = deleted
    ? undefined
    : await first("customers.listPaymentMethods", () =>
        sdk.customers.listPaymentMethods(customer, { limit: 1 }),
      ).catch((error: unknown) => {
        if (isResourceMissing(error)) return undefined;
        throw error;
      });
  const newestCharge = await first("charges.list", () => sdk.charges.list({ customer, limit: 1 }));
  const anyIntent = await first("paymentIntents.list", () => sdk.paymentIntents.list({ customer, limit: 1 }));
  let finalisedInvoice = false;
  const invoices = client.each("invoices.list", (s, after) =>
    s.invoices.list({ customer, limit: 100, starting_after: after }),
  );
  for await (const invoice of invoices) {
    if (invoice.status !== "draft") {
      finalisedInvoice = true;
      break;
    }
  }
  return {
    liveSubscriptions: liveSubscription !== undefined,
    drafts: draft !== undefined,
    attachedMethods: method !== undefined,
    newestPayment: newestCharge?.created ?? null,
    payments: newestCharge !== undefined || anyIntent !== undefined,
    finalisedInvoice,
  };
}

/** The redaction step for `target`, or the `keep` saying why it cannot run yet or at all. */
function paymentsStep(
  target: string,
  what: string,
  newestPayment: number | null,
  redaction: "enabled" | "disabled" | "customer-deleted",
  now: Date,
): ErasureStep {
  if (redaction !== "enabled") {
    return {
      id: stepId(target, target === "guest" ? "keep-checkout-sessions" : "keep-payments"),
      action: "keep",
      target: `${what} (billing details, receipt e-mail, shipping address)`,
      reason:
        "Stripe cannot delete payments or Checkout sessions, and they keep the details typed at payment. " +
        (redaction === "disabled"
          ? "Stripe Redaction Jobs, not enabled for this shop, would replace them with “[redacted]” " +
            `${REDACTION_WINDOW_DAYS} days after the last payment.`
          : "The customer is already deleted, and a Redaction Job can no longer name it."),
    };
  }
  const possibleFrom = newestPayment === null ? null : newestPayment + REDACTION_WINDOW_DAYS * DAY;
  if (possibleFrom !== null && possibleFrom > Math.floor(now.getTime() / 1000)) {
    return {
      id: stepId(target, "redaction-job"),
      action: "keep",
      target: `${what} (Stripe Redaction Job)`,
      reason:
        `Stripe redacts payments only ${REDACTION_WINDOW_DAYS} days after they happened (its fraud window); ` +
        `the last payment allows it from ${day(possibleFrom)}. Erase again from that date to redact them.`,
      holdId: HOLDS.redactionWindow,
    };
  }
  return {
    id: stepId(target, "redaction-job"),
    action: "mask",
    target: `${what} (Stripe Redaction Job)`,
    fields: ["billing details", "receipt e-mail", "shipping", "invoice contact details", "checkout details"],
    reason:
      "Stripe replaces the personal fields with “[redacted]” on these objects and on what points at them; " +
      "amounts and dates stay for the accounts. A redaction cannot be undone.",
  };
}

async function customerSteps(
  client: StripeClient,
  found: FoundCustomer,
  redactionJobs: boolean,
  now: Date,
): Promise<ErasureStep[]> {
  const id = found.id;
  const facts = await customerFacts(client, id, found.deleted);
  const steps: ErasureStep[] = [];
  if (!found.deleted) {
    if (facts.liveSubscriptions) {
      steps.push({
        id: stepId(id, "cancel-subscriptions"),
        action: "archive",
        target: `Live subscriptions of Stripe customer ${id}`,
        reason:
          "Cancelled now, so nothing more is charged; Stripe keeps cancelled subscriptions as billing records.",
      });
    }
    if (facts.drafts) {
      steps.push({
        id: stepId(id, "delete-draft-invoices"),
        action: "delete",
        target: `Draft invoices of Stripe customer ${id}`,
        reason:
          "Drafts were never issued, so no retention duty applies (finalised invoices cannot be deleted).",
      });
    }
    if (facts.attachedMethods) {
      steps.push({
        id: stepId(id, "detach-payment-methods"),
        action: "delete",
        target: `Saved payment methods of Stripe customer ${id}`,
        reason: "Detached cards can no longer be charged or shown to anyone.",
      });
    }
    steps.push({
      id: stepId(id, "mask-customer"),
      action: "mask",
      target: `Contact details on Stripe customer ${id}`,
      fields: MASKED_FIELDS,
      reason: "Cleared before the deletion, so that no copy survives on the customer or in its later events.",
    });
  }
  if (facts.payments || facts.finalisedInvoice) {
    // A deleted customer cannot be named in a redaction job any more: its payments stay as they are.
    steps.push(
      paymentsStep(
        id,
        `Payments of Stripe customer ${id}`,
        facts.newestPayment,
        !redactionJobs ? "disabled" : found.deleted ? "customer-deleted" : "enabled",
        now,
      ),
    );
  }
  if (!found.deleted) {
    steps.push({
      id: stepId(id, "delete-customer"),
      action: "delete",
      target: `Stripe customer ${id}`,
      reason:
        "Stripe deletes the customer for good and removes its saved cards; its payments and invoices remain, " +
        "pointing at a customer that reads as deleted.",
    });
  }
  if (facts.finalisedInvoice) {
    steps.push({
      id: stepId(id, "keep-invoices"),
      action: "keep",
      target: `Finalised invoices of Stripe customer ${id}, with the name, e-mail and address copied on them`,
      reason:
        "Invoices are accounting documents kept 10 years (Code de commerce L123-22; GDPR art. 17(3)(b)); " +
        "Stripe cannot delete a finalised invoice anyway.",
      holdId: HOLDS.invoices,
    });
  }
  return steps;
}

/** The plan for one subject; [] when Stripe holds nothing about them. */
export async function planStripeErasure(
  client: StripeClient,
  subject: StripeSubjectRef,
  options: { redactionJobs: boolean; now: Date; pageSize: number },
): Promise<ErasureStep[]> {
  const customers = await findCustomers(client, subject, options.pageSize);
  const steps: ErasureStep[] = [];
  for (const customer of customers) {
    steps.push(...(await customerSteps(client, customer, options.redactionJobs, options.now)));
  }
  let newestGuest: number | null = null;
  const ids = new Set(customers.map((c) => c.id));
  for await (const session of guestCheckoutSessions(client, subject, ids, options.pageSize)) {
    newestGuest = Math.max(newestGuest ?? 0, session.created);
  }
  if (newestGuest !== null) {
    steps.push(
      paymentsStep(
        "guest",
        "Checkout sessions and payments made as a guest",
        newestGuest,
        options.redactionJobs ? "enabled" : "disabled",
        options.now,
      ),
    );
  }
  return steps;
}
