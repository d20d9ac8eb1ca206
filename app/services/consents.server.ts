// Recording consent decisions: the rules for what becomes a ledger event, and the sync job that
// carries the changes to Shopify and Mailchimp.
import type { Tx } from "~/db/client.server";
import { direct } from "~/db/direct.server";
import { ConsentSyncJob, SYNC_EVENTS_PER_JOB } from "~/jobs/job-types";
import { enqueueMany } from "~/jobs/queue/enqueue.server";
import {
  appendConsentEvent,
  appendConsentEvents,
  currentConsent,
  type RecordConsentInput,
} from "./consent-ledger.server";

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
  await queueSyncs(tx, shopDomain, [event.id]);
  return { recorded: true, eventId: event.id, status: state.status };
}

/**
 * Records grants the shopper gave in Vigie's own forms (checkout), several at once and in order:
 * by recordConsent's rules each is always recorded (a new, provable act), so the batch appends
 * them all after one head read and queues their syncs in one statement (docs/decisions/080).
 */
export async function recordOwnFormGrants(
  tx: Tx,
  shopDomain: string,
  inputs: RecordConsentInput[],
  now = new Date(),
) {
  if (inputs.some((input) => input.kind !== "granted" || SYNCED_SOURCES.has(input.source)))
    throw new Error("only grants given in Vigie's own forms are recorded together");
  const { events } = await appendConsentEvents(tx, inputs, now);
  await queueSyncs(
    tx,
    shopDomain,
    events.map((event) => event.id),
  );
  return events;
}

/**
 * The sync to Shopify and Mailchimp of the events, in the caller's transaction: one job for up to
 * SYNC_EVENTS_PER_JOB of them, keyed by its first (docs/decisions/099).
 */
async function queueSyncs(tx: Tx, shopDomain: string, eventIds: string[]) {
  const jobs = [];
  for (let i = 0; i < eventIds.length; i += SYNC_EVENTS_PER_JOB) {
    const chunk = eventIds.slice(i, i + SYNC_EVENTS_PER_JOB);
    jobs.push({
      payload: { eventIds: chunk },
      options: { key: `${ConsentSyncJob.id}:${chunk[0]}`, shopDomain },
    });
  }
  await enqueueMany(tx, ConsentSyncJob, jobs);
}

/**
 * Adds to the consent-rate chart's day of an order: the order itself (orders/create), or the
 * consent given for it at checkout (once per order, whichever way it came: see checkout-consent).
 */
export async function countCheckout(tx: Tx, shopId: string, orderedAt: Date, what: "order" | "consent") {
  await countCheckouts(tx, shopId, [orderedAt], what);
}

/** countCheckout for several orders: one statement per day they fall on. */
export async function countCheckouts(tx: Tx, shopId: string, orderedAts: Date[], what: "order" | "consent") {
  const perDay = new Map<string, number>();
  for (const at of orderedAts) {
    const day = at.toISOString().slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const sql = await direct(tx);
  // In day order: two transactions counting the same days lock their rows in the same order.
  for (const [day, count] of [...perDay].sort(([a], [b]) => a.localeCompare(b))) {
    const orders = what === "order" ? count : 0;
    const granted = what === "consent" ? count : 0;
    await sql.run(
      `INSERT INTO "ConsentCheckoutDay" ("shopId", "day", "orders", "granted") VALUES (?, ?, ?, ?)
        ON CONFLICT ("shopId", "day") DO UPDATE
          SET "orders" = "ConsentCheckoutDay"."orders" + ?, "granted" = "ConsentCheckoutDay"."granted" + ?`,
      [shopId, day, orders, granted, orders, granted],
    );
  }
}
