// The consent ledger on the database: append (chained, per shop, serialised by the head row),
// derived state kept in step in the same transaction, paged reads for verification and export.
import { randomBytes, randomUUID } from "node:crypto";
import type { ConsentEvent as ConsentEventRow } from "@prisma/client";
import type { Db, Tx } from "~/db/client.server";
import { direct, insertRows } from "~/db/direct.server";
import { questionMarks } from "~/db/sql";
import {
  buildEvent,
  type ChainCursor,
  type ConsentEvent,
  type ConsentEventInput,
  type ConsentKind,
  type ConsentSource,
  type ConsentState,
  deriveConsentState,
  GENESIS_CURSOR,
  GENESIS_HASH,
  type LawfulBasis,
  verifyChain,
  type WordingLocale,
} from "~/domain/consent";

export type ConsentSubject = { id: string; email: string; shopifyCustomerId?: string | null };

export type RecordConsentInput = {
  shopId: string;
  subject: ConsentSubject;
  kind: ConsentKind;
  lawfulBasis: LawfulBasis;
  source: ConsentSource;
  occurredAt: Date;
  noticeVersion?: string;
  wordingKey?: string;
  wording?: string;
  wordingLocale?: WordingLocale;
  /** Double opt-in: the `confirmation_requested` event a grant confirms. */
  confirmsEventId?: string;
  orderId?: string;
  ipPrefix?: string;
  userAgent?: string;
  actor?: string;
};

const PURPOSE = "newsletter" as const;

/** A stored row as the pure domain sees it (the form its hash was computed over). */
export function rowToEvent(row: ConsentEventRow): ConsentEvent {
  const optional = <T>(value: T | null) => value ?? undefined;
  const chained = {
    id: row.id,
    shopId: row.shopId,
    seq: row.seq,
    kind: row.kind as ConsentEvent["kind"],
    purpose: row.purpose as ConsentEvent["purpose"],
    lawfulBasis: row.lawfulBasis as ConsentEvent["lawfulBasis"],
    source: row.source as ConsentEvent["source"],
    noticeVersion: optional(row.noticeVersion),
    privacyNoticeVersion: optional(row.privacyNoticeVersion),
    wordingKey: optional(row.wordingKey),
    wording: optional(row.wording),
    wordingLocale: optional(row.wordingLocale) as ConsentEvent["wordingLocale"],
    confirmsEventId: optional(row.confirmsEventId),
    region: optional(row.region),
    gpc: optional(row.gpc),
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    commitment: row.commitment,
    prevHash: row.prevHash,
    hash: row.hash,
  };
  const personalColumns = {
    subjectId: row.subjectId,
    email: row.email,
    visitorId: row.visitorId,
    shopifyCustomerId: row.shopifyCustomerId,
    orderId: row.orderId,
    ipPrefix: row.ipPrefix,
    userAgent: row.userAgent,
    actor: row.actor,
  };
  const hasPersonal = Object.values(personalColumns).some((value) => value !== null);
  // Map what is stored, as stored: verification must see a tampered row (an e-mail nulled, a flag
  // flipped) for what it is, so nothing is "repaired" into a consistent shape here.
  const personal = Object.fromEntries(
    Object.entries(personalColumns).flatMap(([key, value]) => (value === null ? [] : [[key, value]])),
  );
  return {
    ...chained,
    pseudonymised: row.pseudonymised,
    personal: row.pseudonymised && !hasPersonal ? null : personal,
    salt: row.salt,
  } as ConsentEvent;
}

const HEAD_ROW = `INSERT INTO "ConsentLedgerHead" ("shopId", "seq", "hash") VALUES (?, 0, ?)
  ON CONFLICT ("shopId") DO NOTHING`;

async function takeHead(tx: Tx, shopId: string, count = 1): Promise<{ seq: number; prevHash: string }> {
  const sql = await direct(tx);
  await sql.run(HEAD_ROW, [shopId, GENESIS_HASH]);
  // Incrementing first takes the row's write lock: appenders of one shop queue up here until commit.
  const [head] = await sql.all<{ seq: number; hash: string }>(
    `UPDATE "ConsentLedgerHead" SET "seq" = "seq" + ? WHERE "shopId" = ? RETURNING "seq", "hash"`,
    [count, shopId],
  );
  if (!head) throw new Error("ledger head vanished inside its transaction");
  // The first of the `count` sequence numbers taken.
  return { seq: head.seq - count + 1, prevHash: head.hash };
}

/**
 * Takes the shop's append lock (its head row) for the rest of the caller's transaction, without
 * appending: a decision that reads the state first (a withdrawal counts only while subscribed)
 * then sees every append committed before it, and appends of other transactions wait for it.
 */
export async function lockShopLedger(tx: Tx, shopId: string) {
  const sql = await direct(tx);
  await sql.run(HEAD_ROW, [shopId, GENESIS_HASH]);
  await sql.run(`UPDATE "ConsentLedgerHead" SET "seq" = "seq" WHERE "shopId" = ?`, [shopId]);
}

/** The subject's state for the newsletter, derived from their events (what is stored, and more). */
export async function deriveSubjectState(db: Db | Tx, shopId: string, subjectId: string) {
  const rows = await db.consentEvent.findMany({
    where: { shopId, subjectId, purpose: PURPOSE, pseudonymised: false },
  });
  return deriveConsentState(rows.map(rowToEvent));
}

/**
 * The current newsletter state of each subject, re-derived from their events and stored (one read
 * of their events, one of their stored states). `bySystem` for subjects whose acts were all Vigie's.
 */
async function refreshStates(
  tx: Tx,
  shopId: string,
  subjectIds: string[],
  bySystem: (subjectId: string) => boolean,
): Promise<Map<string, ConsentState>> {
  // On the driver: Prisma's mapping of whole event rows was a third of a batch's time (docs/decisions/095).
  const sql = await direct(tx);
  const rows = await sql.all<ConsentEventRow>(
    `SELECT * FROM "ConsentEvent" WHERE "shopId" = ? AND "purpose" = ? AND "pseudonymised" = ?
        AND "subjectId" IN (${questionMarks(subjectIds.length)})`,
    [shopId, PURPOSE, false, ...subjectIds],
  );
  const eventsOf = new Map<string, ConsentEventRow[]>();
  for (const row of rows)
    eventsOf.set(row.subjectId as string, [...(eventsOf.get(row.subjectId as string) ?? []), row]);
  // `updatedAt` is the person's last consent act, from which retention counts (CNIL: a contact the
  // person initiated): Vigie's own events (a re-permission asked, a lapse) leave it where it was.
  const stored = await sql.all<{ subjectId: string; updatedAt: Date }>(
    `SELECT "subjectId", "updatedAt" FROM "ConsentState"
      WHERE "purpose" = ? AND "subjectId" IN (${questionMarks(subjectIds.length)})`,
    [PURPOSE, ...subjectIds],
  );
  const previous = new Map(stored.map((row) => [row.subjectId, row.updatedAt]));
  const states = new Map<string, ConsentState>();
  const created = [];
  for (const subjectId of subjectIds) {
    const state = deriveConsentState((eventsOf.get(subjectId) ?? []).map(rowToEvent));
    states.set(subjectId, state);
    const data = {
      shopId,
      status: state.status,
      lawfulBasis: state.lawfulBasis ?? null,
      since: state.since ? new Date(state.since) : null,
      lastEventId: state.lastEvent?.id ?? "",
    };
    const updatedAt = previous.get(subjectId);
    // As Prisma stamps `@updatedAt`: the time of writing.
    if (!updatedAt) created.push({ subjectId, purpose: PURPOSE, ...data, updatedAt: new Date() });
    else
      await sql.run(
        `UPDATE "ConsentState" SET "shopId" = ?, "status" = ?, "lawfulBasis" = ?, "since" = ?, "lastEventId" = ?,
                "updatedAt" = ? WHERE "subjectId" = ? AND "purpose" = ?`,
        [
          shopId,
          data.status,
          data.lawfulBasis,
          data.since,
          data.lastEventId,
          bySystem(subjectId) ? updatedAt : new Date(),
          subjectId,
          PURPOSE,
        ],
      );
  }
  await insertRows(tx, "ConsentState", created);
  return states;
}

/**
 * Appends one event to the shop's chain and updates the subject's derived state, in the caller's
 * transaction (GDPR art. 7(1): the proof and the state change together or not at all).
 */
export async function appendConsentEvent(tx: Tx, input: RecordConsentInput, now = new Date()) {
  const { events, states } = await appendConsentEvents(tx, [input], now);
  return { event: events[0] as ConsentEvent, state: states.get(input.subject.id) as ConsentState };
}

/**
 * appendConsentEvent for several events of one shop, in order: chained after one read of the
 * head, stored in one statement, each subject's state refreshed once (docs/decisions/080).
 */
export async function appendConsentEvents(tx: Tx, inputs: RecordConsentInput[], now = new Date()) {
  const shopId = inputs[0]?.shopId;
  if (!shopId) return { events: [], states: new Map<string, ConsentState>() };
  if (inputs.some((input) => input.shopId !== shopId)) throw new Error("one shop's events at a time");
  const events = await insertEvents(
    tx,
    inputs.map((input) => ({
      id: randomUUID(),
      shopId,
      kind: input.kind,
      purpose: PURPOSE,
      lawfulBasis: input.lawfulBasis,
      source: input.source,
      noticeVersion: input.noticeVersion,
      wordingKey: input.wordingKey,
      wording: input.wording,
      wordingLocale: input.wordingLocale,
      confirmsEventId: input.confirmsEventId,
      occurredAt: input.occurredAt,
      recordedAt: now,
      personal: {
        subjectId: input.subject.id,
        email: input.subject.email,
        shopifyCustomerId: input.subject.shopifyCustomerId ?? undefined,
        orderId: input.orderId,
        ipPrefix: input.ipPrefix,
        userAgent: input.userAgent,
        actor: input.actor,
      },
    })),
    shopId,
  );
  const subjectIds = [...new Set(inputs.map((input) => input.subject.id))];
  const humanActs = new Set(
    inputs.filter((input) => input.source !== "system").map((input) => input.subject.id),
  );
  const states = await refreshStates(tx, shopId, subjectIds, (subjectId) => !humanActs.has(subjectId));
  return { events, states };
}

/**
 * Chains one event after the shop's head and stores it, in the caller's transaction. Any purpose:
 * the newsletter (appendConsentEvent, which also keeps the derived state) or a tracker choice.
 */
export async function insertEvent(tx: Tx, eventInput: ConsentEventInput, shopId: string) {
  const [event] = await insertEvents(tx, [eventInput], shopId);
  return event as ConsentEvent;
}

/** Sources where the shopper acted on a page that links the shop's privacy notice. */
const NOTICE_SOURCES: ReadonlySet<ConsentSource> = new Set(["checkout", "privacy_centre", "banner"]);

/**
 * Each shopper's act stamped with the notice Vigie had published when it happened (GDPR art. 7(1),
 * 13): read from Vigie's own versions, never from what a browser sent. One indexed read per batch.
 */
async function withNoticeInForce(tx: Tx, shopId: string, inputs: ConsentEventInput[]) {
  const unstamped = inputs.filter(
    (input) => NOTICE_SOURCES.has(input.source) && input.privacyNoticeVersion === undefined,
  );
  if (unstamped.length === 0) return inputs;
  const latest = Math.max(...unstamped.map((input) => new Date(input.occurredAt).getTime()));
  // Newest first: an act's notice is the highest version published at or before it.
  const versions = await tx.noticeVersion.findMany({
    where: { shopId, publishedAt: { lte: new Date(latest) } },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true },
  });
  return inputs.map((input) => {
    if (!NOTICE_SOURCES.has(input.source) || input.privacyNoticeVersion !== undefined) return input;
    const at = new Date(input.occurredAt).getTime();
    const version = versions.find((v) => v.publishedAt.getTime() <= at)?.version;
    return { ...input, privacyNoticeVersion: version };
  });
}

/**
 * Chains several events after the shop's head, in order, and stores them at once (a banner choice:
 * one per purpose), in the caller's transaction: the head is taken once for all of them.
 */
export async function insertEvents(tx: Tx, inputs: ConsentEventInput[], shopId: string) {
  if (inputs.length === 0) return [];
  const head = await takeHead(tx, shopId, inputs.length);
  inputs = await withNoticeInForce(tx, shopId, inputs);
  const events: ConsentEvent[] = [];
  let prevHash = head.prevHash;
  for (const [index, input] of inputs.entries()) {
    const event = buildEvent(input, prevHash, head.seq + index, randomBytes(32).toString("hex"));
    if (event.pseudonymised) throw new Error("a new event cannot be pseudonymised");
    events.push(event);
    prevHash = event.hash;
  }
  await insertRows(
    tx,
    "ConsentEvent",
    events.map((event) => {
      if (event.pseudonymised) throw new Error("a new event cannot be pseudonymised");
      return {
        id: event.id,
        shopId: event.shopId,
        seq: event.seq,
        kind: event.kind,
        purpose: event.purpose,
        lawfulBasis: event.lawfulBasis,
        source: event.source,
        noticeVersion: event.noticeVersion ?? null,
        privacyNoticeVersion: event.privacyNoticeVersion ?? null,
        wordingKey: event.wordingKey ?? null,
        wording: event.wording ?? null,
        wordingLocale: event.wordingLocale ?? null,
        confirmsEventId: event.confirmsEventId ?? null,
        region: event.region ?? null,
        gpc: event.gpc ?? null,
        occurredAt: new Date(event.occurredAt),
        recordedAt: new Date(event.recordedAt),
        commitment: event.commitment,
        prevHash: event.prevHash,
        hash: event.hash,
        salt: event.salt,
        subjectId: event.personal.subjectId ?? null,
        email: event.personal.email ?? null,
        visitorId: event.personal.visitorId ?? null,
        shopifyCustomerId: event.personal.shopifyCustomerId ?? null,
        orderId: event.personal.orderId ?? null,
        ipPrefix: event.personal.ipPrefix ?? null,
        userAgent: event.personal.userAgent ?? null,
        actor: event.personal.actor ?? null,
      };
    }),
  );
  await tx.consentLedgerHead.update({ where: { shopId }, data: { hash: prevHash } });
  return events;
}

/** The stored current state (no events read): what sync jobs and the admin look at. */
export async function currentConsent(db: Db | Tx, subjectId: string) {
  const row = await db.consentState.findUnique({
    where: { subjectId_purpose: { subjectId, purpose: PURPOSE } },
  });
  return {
    status: (row?.status ?? "never") as ConsentState["status"],
    lawfulBasis: row?.lawfulBasis ?? null,
    since: row?.since ?? null,
  };
}

/** The shop's events in chain order, a page at a time (verification, CSV export). */
export async function* ledgerPages(db: Db, shopId: string, pageSize = 1000) {
  let after = 0;
  for (;;) {
    const rows = await db.consentEvent.findMany({
      where: { shopId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

export type LedgerVerification =
  | { ok: true; count: number; headSeq: number }
  | { ok: false; count: number; brokenAt: { seq: number; eventId: string | null; reason: string } };

/**
 * Re-verifies the shop's whole chain page by page, then checks its end against the head row
 * (so dropping the newest events shows too), and records the result on the head.
 */
export async function verifyLedger(db: Db, shopId: string, now = new Date()): Promise<LedgerVerification> {
  let cursor: ChainCursor = GENESIS_CURSOR;
  let count = 0;
  let result: LedgerVerification | undefined;
  for await (const rows of ledgerPages(db, shopId)) {
    const check = verifyChain(rows.map(rowToEvent), cursor);
    if (!check.ok) {
      result = { ok: false, count: count + check.brokenAt.seq - cursor.seq - 1, brokenAt: check.brokenAt };
      break;
    }
    count += check.count;
    cursor = check.last;
  }
  if (!result) {
    const head = await db.consentLedgerHead.findUnique({ where: { shopId } });
    const headSeq = head?.seq ?? 0;
    const headHash = head?.hash ?? GENESIS_HASH;
    result =
      headSeq === cursor.seq && headHash === cursor.hash
        ? { ok: true, count, headSeq }
        : {
            ok: false,
            count,
            brokenAt: { seq: cursor.seq + 1, eventId: null, reason: "missing_after_last" },
          };
  }
  await db.consentLedgerHead.updateMany({
    where: { shopId },
    data: { lastVerifiedAt: now, lastVerification: JSON.stringify(result) },
  });
  return result;
}
