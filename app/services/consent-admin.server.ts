// What the admin's Consents page reads and does, always scoped to the staff member's shop.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { addDays, type LocalDate, localStartOfDay } from "~/domain/deadlines/local-date";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { quotedCsvCell } from "~/exports/csv";
import { VerifyLedgerJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { recordAudit } from "./audit.server";
import { LEDGER_PAGE_SIZE, type LedgerFilter } from "./consent-filters";
import { recordConsent } from "./consents.server";
import { prefixFilter } from "./prefix-search";
import { shopTimeZone } from "./shop-settings.server";

/** Subjects whose e-mail starts with the query (case-insensitive), with their current state. */
export async function searchConsentSubjects(db: Db, shopId: string, query: string) {
  const prefix = query.trim().toLowerCase();
  if (prefix.length < 2) return [];
  const subjects = await db.subject.findMany({
    where: { shopId, email: prefixFilter(prefix) },
    orderBy: { email: "asc" },
    take: 25,
    select: {
      id: true,
      email: true,
      shopifyCustomerId: true,
      consentStates: { select: { status: true, since: true } },
    },
  });
  return subjects.map((s) => ({
    id: s.id,
    email: s.email,
    shopifyCustomerId: s.shopifyCustomerId,
    status: s.consentStates[0]?.status ?? "never",
    since: s.consentStates[0]?.since ?? null,
  }));
}

/** One subject's consent events with their proof and where each was synced. */
export async function consentTimeline(db: Db, shopId: string, subjectId: string) {
  const subject = await db.subject.findFirst({
    where: { id: subjectId, shopId },
    select: {
      id: true,
      email: true,
      shopifyCustomerId: true,
      marketingObjectionAt: true,
      consentStates: true,
    },
  });
  if (!subject) return null;
  const events = await db.consentEvent.findMany({
    where: { shopId, subjectId },
    orderBy: { seq: "asc" },
    include: { syncs: { select: { system: true, status: true, outcome: true, detail: true } } },
  });
  return { subject, state: subject.consentStates[0] ?? null, events };
}

/** Orders and consents per month (UTC), oldest first, for the last `months` months. */
export async function consentRateByMonth(db: Db, shopId: string, months = 12, now = new Date()) {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const days = await db.consentCheckoutDay.findMany({
    where: { shopId, day: { gte: from.toISOString().slice(0, 10) } },
    select: { day: true, orders: true, granted: true },
  });
  const buckets = new Map<string, { month: string; orders: number; granted: number }>();
  for (let i = 0; i < months; i++) {
    const month = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1))
      .toISOString()
      .slice(0, 7);
    buckets.set(month, { month, orders: 0, granted: 0 });
  }
  for (const day of days) {
    const bucket = buckets.get(day.day.slice(0, 7));
    if (bucket) {
      bucket.orders += day.orders;
      bucket.granted += day.granted;
    }
  }
  return [...buckets.values()];
}

/** Staff record a withdrawal (e.g. the shopper asked by phone); audited. */
export async function withdrawByStaff(options: {
  db: Db;
  shop: { id: string; domain: string };
  staffId: string;
  subjectId: string;
  now?: Date;
}) {
  const { db, shop, staffId, subjectId } = options;
  const subject = await db.subject.findFirst({
    where: { id: subjectId, shopId: shop.id },
    select: { id: true, email: true, shopifyCustomerId: true },
  });
  const email = normaliseEmail(subject?.email);
  if (!subject || !email) return { found: false as const };
  const outcome = await db.$transaction(async (tx) => {
    const result = await recordConsent(tx, shop.domain, {
      shopId: shop.id,
      subject: { id: subject.id, email, shopifyCustomerId: subject.shopifyCustomerId },
      kind: "withdrawn",
      lawfulBasis: "consent",
      source: "staff",
      occurredAt: options.now ?? new Date(),
      actor: staffId,
    });
    if (result.recorded) {
      await recordAudit(tx, {
        shopId: shop.id,
        actorType: "staff",
        actorId: staffId,
        action: "consent.withdrawn.staff",
        targetType: "subject",
        targetId: subject.id,
      });
    }
    return result;
  });
  return { found: true as const, withdrawn: outcome.recorded };
}

/** Queues a full re-verification of the shop's chain (it may hold millions of events). */
export async function requestLedgerVerification(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
) {
  await db.$transaction(async (tx) => {
    await enqueue(tx, VerifyLedgerJob, { shopId: shop.id }, { shopDomain: shop.domain });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "consent.ledger.verify_requested",
    });
  });
}

/** The last verification result recorded on the shop's ledger head. */
export async function lastLedgerVerification(db: Db, shopId: string) {
  const head = await db.consentLedgerHead.findUnique({
    where: { shopId },
    select: { seq: true, lastVerifiedAt: true, lastVerification: true },
  });
  return {
    events: head?.seq ?? 0,
    verifiedAt: head?.lastVerifiedAt ?? null,
    result: head?.lastVerification ? (JSON.parse(head.lastVerification) as Record<string, unknown>) : null,
  };
}

const CSV_COLUMNS = [
  "seq",
  "event_id",
  "occurred_at",
  "recorded_at",
  "kind",
  "purpose",
  "lawful_basis",
  "source",
  "notice_version",
  "wording_key",
  "wording_locale",
  "wording",
  "confirms_event_id",
  "subject_id",
  "email",
  "shopify_customer_id",
  "order_id",
  "ip_prefix",
  "user_agent",
  "staff_actor",
  "pseudonymised",
  "commitment",
  "prev_hash",
  "hash",
  // Tracker choices from the storefront banner (docs/decisions/043).
  "region",
  "gpc",
  "visitor_id",
  // The notice Vigie had published when the shopper acted (docs/decisions/057).
  "privacy_notice_version",
] as const;

/** The shop's ledger as CSV with every proof field, streamed page by page. */
export async function* ledgerCsv(
  db: Db,
  shopId: string,
  pageSize = 1000,
  /** The Consents page's filters, or one visitor's choices (the whole ledger when empty). */
  filter: Omit<LedgerFilter, "before"> & { visitorId?: string } = {},
): AsyncGenerator<string> {
  const where = await ledgerWhere(db, shopId, filter);
  yield `${CSV_COLUMNS.join(",")}\r\n`;
  let after = 0;
  for (;;) {
    const rows = await db.consentEvent.findMany({
      where: { AND: [where, { seq: { gt: after } }] },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        [
          r.seq,
          r.id,
          r.occurredAt,
          r.recordedAt,
          r.kind,
          r.purpose,
          r.lawfulBasis,
          r.source,
          r.noticeVersion,
          r.wordingKey,
          r.wordingLocale,
          r.wording,
          r.confirmsEventId,
          r.subjectId,
          r.email,
          r.shopifyCustomerId,
          r.orderId,
          r.ipPrefix,
          r.userAgent,
          r.actor,
          r.pseudonymised,
          r.commitment,
          r.prevHash,
          r.hash,
          r.region,
          r.gpc,
          r.visitorId,
          r.privacyNoticeVersion,
        ]
          .map(quotedCsvCell)
          .join(",")
          .concat("\r\n"),
      )
      .join("");
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

/**
 * The ledger events a filter selects, scoped to the shop. `from`/`to` are days of the shop's
 * calendar, both included: from local midnight of `from` to local midnight after `to`.
 */
export async function ledgerWhere(
  db: Db,
  shopId: string,
  filter: Omit<LedgerFilter, "before"> & { visitorId?: string },
): Promise<Prisma.ConsentEventWhereInput> {
  const timeZone = filter.from || filter.to ? await shopTimeZone(db, shopId) : null;
  const occurredAt: Prisma.DateTimeFilter = {};
  if (timeZone && filter.from) occurredAt.gte = localStartOfDay(filter.from as LocalDate, timeZone);
  if (timeZone && filter.to) occurredAt.lt = localStartOfDay(addDays(filter.to as LocalDate, 1), timeZone);
  return {
    shopId,
    ...(filter.source && { source: filter.source }),
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.visitorId && { visitorId: filter.visitorId }),
    ...(timeZone && { occurredAt }),
  };
}

/** A day filter's events read on (shopId, occurredAt) first, up to this many; past it, the chain. */
const DAY_FILTER_ROWS = 20_000;

/**
 * The seqs of a day-filtered page: the events of those days found on the (shopId, occurredAt) index,
 * the newest in chain order kept. Asked for in chain order with a limit, the database walks the chain
 * back from its end to those days, millions of rows for a day last year (docs/decisions/086). Null
 * when the days hold more events than DAY_FILTER_ROWS: they are dense enough for the walk.
 */
async function pageSeqsByDay(db: Db, where: Prisma.ConsentEventWhereInput) {
  const rows = await db.consentEvent.findMany({
    where,
    orderBy: { occurredAt: "asc" },
    take: DAY_FILTER_ROWS + 1,
    select: { seq: true },
  });
  if (rows.length > DAY_FILTER_ROWS) return null;
  return rows
    .map((row) => row.seq)
    .sort((a, b) => b - a)
    .slice(0, LEDGER_PAGE_SIZE + 1);
}

/**
 * One page of the shop's ledger events matching `filter`, newest recorded first (by chain
 * position); `next` is the `before` of the following page. Personal fields stay out: the list
 * shows the event and its proof markers, the subject's page shows who.
 */
export async function listLedgerEvents(db: Db, shopId: string, filter: LedgerFilter) {
  const timeZone = await shopTimeZone(db, shopId);
  const filtered = await ledgerWhere(db, shopId, filter);
  const where = filter.before ? { AND: [filtered, { seq: { lt: filter.before } }] } : filtered;
  const seqs = filter.from || filter.to ? await pageSeqsByDay(db, where) : null;
  const rows = await db.consentEvent.findMany({
    where: seqs ? { shopId, seq: { in: seqs } } : where,
    orderBy: { seq: "desc" },
    take: LEDGER_PAGE_SIZE + 1,
    select: {
      id: true,
      seq: true,
      kind: true,
      purpose: true,
      source: true,
      lawfulBasis: true,
      occurredAt: true,
      noticeVersion: true,
      wordingKey: true,
      subjectId: true,
      email: true,
      orderId: true,
      pseudonymised: true,
    },
  });
  const page = rows.slice(0, LEDGER_PAGE_SIZE);
  return {
    /** The shop's zone: the filter's days and the times shown are its. */
    timeZone,
    events: page.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    next: rows.length > LEDGER_PAGE_SIZE ? (page[page.length - 1]?.seq ?? null) : null,
  };
}

/**
 * Everything the Consents page shows: the subjects matching the search, the open subject's timeline,
 * the consent rate, the last ledger verification and one page of the ledger.
 */
export async function loadConsentsPage(
  db: Db,
  shopId: string,
  page: { query: string; subjectId: string | null; filter: LedgerFilter },
) {
  const [results, timeline, rate, ledger, recent] = await Promise.all([
    searchConsentSubjects(db, shopId, page.query),
    page.subjectId ? consentTimeline(db, shopId, page.subjectId) : null,
    consentRateByMonth(db, shopId),
    lastLedgerVerification(db, shopId),
    listLedgerEvents(db, shopId, page.filter),
  ]);
  return { results, timeline, rate, ledger, recent };
}
