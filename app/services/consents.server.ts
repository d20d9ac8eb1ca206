// Recording consent decisions: the rules for what becomes a ledger event, and the sync job that
// carries each change to Shopify and Mailchimp.
import type { Tx } from "~/db/client.server";
import { ConsentSyncJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { appendConsentEvent, currentConsent, type RecordConsentInput } from "./consent-ledger.server";

export type RecordOutcome =
  | { recorded: true; eventId: string; status: string }
  | { recorded: false; reason: "already" };

// Systems Vigie pushes consent to: a change they report back is an echo when it matches.
const SYNCED_SOURCES = new Set(["shopify", "mailchimp"]);

/**
 * Records a consent decision when it changes something, and queues its sync in the same
 * transaction. Rules:
 * - a withdrawal is recorded only while subscribed, or pending a double opt-in confirmation (GDPR
 *   art. 7(3): it ends a consent, or cancels one not yet confirmed);
 * - a grant reported by Shopify or Mailchimp while already subscribed is our own change echoing
 *   back, not a new act: nothing is recorded;
 * - a grant the shopper gave through Vigie (checkout, privacy centre) or staff entered is always
 *   recorded: each is a new, provable act.
 * A confirmation request (double opt-in) is not synced: nothing changes outside until it is confirmed.
 */
export async function recordConsent(
  tx: Tx,
  shopDomain: string,
  input: RecordConsentInput,
  now = new Date(),
): Promise<RecordOutcome> {
  const { status } = await currentConsent(tx, input.subject.id);
  if (input.kind === "withdrawn" && status !== "subscribed" && status !== "pending") {
    return { recorded: false, reason: "already" };
  }
  if (input.kind === "granted" && status === "subscribed" && SYNCED_SOURCES.has(input.source)) {
    return { recorded: false, reason: "already" };
  }
  const { event, state } = await appendConsentEvent(tx, input, now);
  if (input.kind === "confirmation_requested")
    return { recorded: true, eventId: event.id, status: state.status };
  await enqueue(
    tx,
    ConsentSyncJob,
    { eventId: event.id },
    { key: `${ConsentSyncJob.id}:${event.id}`, shopDomain },
  );
  return { recorded: true, eventId: event.id, status: state.status };
}

/**
 * Adds to the consent-rate chart's day of an order: the order itself (orders/create), or the
 * consent given for it at checkout (once per order, whichever way it came: see checkout-consent).
 */
export async function countCheckout(tx: Tx, shopId: string, orderedAt: Date, what: "order" | "consent") {
  const day = orderedAt.toISOString().slice(0, 10);
  const orders = what === "order" ? 1 : 0;
  const granted = what === "consent" ? 1 : 0;
  await tx.$executeRaw`INSERT INTO "ConsentCheckoutDay" ("shopId", "day", "orders", "granted") VALUES (${shopId}, ${day}, ${orders}, ${granted})
    ON CONFLICT ("shopId", "day") DO UPDATE SET "orders" = "ConsentCheckoutDay"."orders" + ${orders}, "granted" = "ConsentCheckoutDay"."granted" + ${granted}`;
}
