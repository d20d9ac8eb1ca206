// Carries a subject's consent to Shopify and Mailchimp after a ledger event. It pushes the
// subject's CURRENT state (not the event's), so retries and out-of-order runs converge on the
// truth. Each system's outcome is stored; a retry only redoes what is not done yet. Events are
// synced in batches (docs/decisions/088, 099): one read of the events, one of their subjects, and the
// outcomes decided without a vendor (most of them) stored in one statement.
import { ConnectorError, type ConsentChange } from "~/connectors/connector";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db } from "~/db/client.server";
import { direct, insertRows } from "~/db/direct.server";
import { questionMarks } from "~/db/sql";
import { marketingPushAllowed, RESTRICTED_STATUSES } from "~/domain/requests/restriction";
import { SYNC_EVENTS_PER_JOB } from "~/jobs/job-types";
import type { Logger } from "~/utils/logger.server";

const SYSTEMS = ["shopify", "mailchimp"] as const;
type System = (typeof SYSTEMS)[number];
type Outcome = { status: "done" | "skipped" | "failed"; outcome: string; detail?: string };

type SyncContext = {
  db: Db;
  connectors: (shopDomain: string) => Promise<ShopConnectors>;
  log: Logger;
};

/**
 * Pushes the current consent of the events' subjects to every synced system not done yet; throws
 * the error of the first event a vendor asked to retry (their other outcomes are stored already).
 */
export async function syncConsentEventsOrThrow(context: SyncContext, eventIds: string[]) {
  const [retry] = (await syncConsentEvents(context, eventIds)).values();
  if (retry) throw retry;
}

/**
 * Pushes the current consent of the events' subjects, in the order given. Returns the events a
 * vendor asked to retry (a rate limit, an outage), each with its error: their other outcomes are
 * stored already.
 */
export async function syncConsentEvents(
  context: SyncContext,
  eventIds: string[],
): Promise<Map<string, ConnectorError>> {
  const ids = [...new Set(eventIds)];
  const retries = new Map<string, ConnectorError>();
  // A worker's batch of jobs may carry tens of thousands of events: statements stay bounded.
  for (let i = 0; i < ids.length; i += SYNC_EVENTS_PER_JOB) {
    for (const [id, error] of await syncSome(context, ids.slice(i, i + SYNC_EVENTS_PER_JOB)))
      retries.set(id, error);
  }
  return retries;
}

async function syncSome(
  { db, connectors, log }: SyncContext,
  ids: string[],
): Promise<Map<string, ConnectorError>> {
  // On the driver, two statements where Prisma sent six and mapped every row (docs/decisions/095).
  const sql = await direct(db);
  const events = await sql.all<{
    id: string;
    source: string;
    confirmsEventId: string | null;
    subjectId: string;
  }>(
    `SELECT "id", "source", "confirmsEventId", "subjectId" FROM "ConsentEvent"
      WHERE "id" IN (${questionMarks(ids.length)}) AND "pseudonymised" = ? AND "subjectId" IS NOT NULL`,
    [...ids, false],
  );
  const syncs = await sql.all<{ eventId: string; system: string; status: string }>(
    `SELECT "eventId", "system", "status" FROM "ConsentSync" WHERE "eventId" IN (${questionMarks(ids.length)})`,
    ids,
  );
  const subjectIds = [...new Set(events.map((event) => event.subjectId))];
  const subjects =
    subjectIds.length === 0
      ? []
      : await sql.all<{
          id: string;
          email: string | null;
          shopifyCustomerId: string | null;
          marketingObjectionAt: Date | null;
          domain: string;
          status: string | null;
          since: Date | null;
          restricted: unknown;
        }>(
          `SELECT s."id", s."email", s."shopifyCustomerId", s."marketingObjectionAt", shop."domain",
                  state."status", state."since",
                  EXISTS (SELECT 1 FROM "Restriction" r WHERE r."subjectId" = s."id"
                             AND r."status" IN (${questionMarks(RESTRICTED_STATUSES.length)})) AS "restricted"
             FROM "Subject" s
             JOIN "Shop" shop ON shop."id" = s."shopId"
             LEFT JOIN "ConsentState" state ON state."subjectId" = s."id" AND state."purpose" = 'newsletter'
            WHERE s."id" IN (${questionMarks(subjectIds.length)})`,
          [...RESTRICTED_STATUSES, ...subjectIds],
        );
  const subjectById = new Map(subjects.map((subject) => [subject.id, subject]));
  const eventById = new Map(events.map((event) => [event.id, event]));
  const syncsOf = new Map<string, typeof syncs>();
  for (const sync of syncs) syncsOf.set(sync.eventId, [...(syncsOf.get(sync.eventId) ?? []), sync]);
  const systemsOf = new Map<string, Promise<ShopConnectors>>();
  const retries = new Map<string, ConnectorError>();
  // Outcomes decided without a vendor, for systems with no row yet: stored together at the end.
  const decided: (Outcome & { eventId: string; system: System; updatedAt: Date })[] = [];
  const save = ({ eventId, system, ...outcome }: Outcome & { eventId: string; system: System }) => {
    return sql.run(
      `INSERT INTO "ConsentSync" ("eventId", "system", "status", "outcome", "detail", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("eventId", "system") DO UPDATE SET "status" = excluded."status",
         "outcome" = excluded."outcome", "detail" = excluded."detail", "updatedAt" = excluded."updatedAt"`,
      [eventId, system, outcome.status, outcome.outcome, outcome.detail ?? null, new Date()],
    );
  };

  for (const eventId of ids) {
    const event = eventById.get(eventId);
    const subject = event && subjectById.get(event.subjectId);
    const status = subject?.status;
    if (!event || !subject?.email || (status !== "subscribed" && status !== "unsubscribed")) continue;
    // 0 or 1 on SQLite, a boolean on PostgreSQL.
    const restricted = Boolean(subject.restricted);
    const ref = {
      shopDomain: subject.domain,
      subjectId: subject.id,
      email: subject.email,
      shopifyCustomerId: subject.shopifyCustomerId,
    };
    const change: ConsentChange = {
      purpose: "newsletter",
      status,
      occurredAt: subject.since ?? new Date(),
      // A grant confirmed from the shopper's inbox is a confirmed opt-in (M3AAWG), as Shopify names it.
      optInLevel: event.confirmsEventId ? "CONFIRMED_OPT_IN" : "SINGLE_OPT_IN",
      idempotencyKey: `consent:${event.id}`,
    };
    for (const system of SYSTEMS) {
      const previous = syncsOf.get(eventId)?.find((sync) => sync.system === system);
      if (previous && previous.status !== "failed") continue;
      // A failed row is overwritten at once; a new decision waits for the others.
      const decide = async (outcome: Outcome) => {
        if (previous) await save({ eventId, system, ...outcome });
        else decided.push({ eventId, system, updatedAt: new Date(), detail: undefined, ...outcome });
      };
      // The system the change came from already has it.
      if (event.source === system) {
        await decide({ status: "skipped", outcome: "origin" });
        continue;
      }
      // Policy §1: contacts go to Mailchimp only if the shopper did not object (GDPR art. 21).
      if (system === "mailchimp" && change.status === "subscribed" && subject.marketingObjectionAt) {
        await decide({ status: "skipped", outcome: "objected" });
        continue;
      }
      // GDPR art. 18(2): while restricted, the data is only stored; a subscription is not carried out.
      if (!marketingPushAllowed(change.status, restricted)) {
        await decide({ status: "skipped", outcome: "restricted" });
        continue;
      }
      if (!systemsOf.has(ref.shopDomain)) systemsOf.set(ref.shopDomain, connectors(ref.shopDomain));
      const connector = (await systemsOf.get(ref.shopDomain))?.[system];
      if (!connector) {
        await decide({ status: "skipped", outcome: "not_connected" });
        continue;
      }
      try {
        const result = await connector.applyConsent(ref, change);
        // A vendor's answer is stored at once: a crash after the call must not forget it was made.
        await save({ eventId, system, status: "done", ...result });
      } catch (error) {
        if (error instanceof ConnectorError && error.retryable) {
          await save({ eventId, system, status: "failed", outcome: "retrying", detail: error.message });
          retries.set(eventId, error);
          continue;
        }
        const detail = error instanceof Error ? error.message : String(error);
        await save({ eventId, system, status: "failed", outcome: "error", detail });
        log.warn("consent sync failed", { eventId, system });
      }
    }
  }
  await insertRows(
    db,
    "ConsentSync",
    decided.map((row) => ({ ...row, detail: row.detail ?? null })),
  );
  return retries;
}
