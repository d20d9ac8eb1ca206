// The audit log as staff read it: filtered by actor, action, record and days of the shop, newest
// first, a page at a time on the chain's seq (keyset, never OFFSET); and as CSV with the hash
// fields, so that a DPO can re-verify it without Vigie (docs/decisions/053).
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { AUDIT_GENESIS_HASH } from "~/domain/audit/audit-chain";
import { addDays, type LocalDate, localStartOfDay, parseLocalDate } from "~/domain/deadlines/local-date";
import { quotedCsvCell } from "~/exports/csv";
import { en } from "~/i18n/messages/en";
import { recordAudit } from "./audit.server";
import { lastAuditVerification } from "./audit-chain.server";
import { shopTimeZone } from "./shop-settings.server";

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_ACTOR_TYPES = ["staff", "system", "shopper", "shopify", "stripe", "mailchimp"] as const;

/** Every action staff can filter on: those the catalogues name in words. */
export const AUDIT_ACTIONS = Object.keys(en.auditAction);

const LOCAL_DATE = /^\d{4}-\d\d-\d\d$/;
// A malformed filter is dropped rather than refused: the page still opens, unfiltered on it.
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);
export const AuditFilterSchema = z.object({
  actor: optional(z.enum(AUDIT_ACTOR_TYPES)),
  who: optional(z.string().trim().min(1).max(100)),
  action: optional(z.string().regex(/^[a-z_.]{1,100}$/)),
  ref: optional(
    z
      .string()
      .trim()
      .regex(/^[\w-]{1,100}$/),
  ),
  from: optional(z.string().regex(LOCAL_DATE)),
  to: optional(z.string().regex(LOCAL_DATE)),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** The filters and the page cursor (`before`: the seq below which the page starts) of a URL. */
export function parseAuditQuery(params: URLSearchParams) {
  const raw = Object.fromEntries(
    ["actor", "who", "action", "ref", "from", "to"].flatMap((name) => {
      const value = params.get(name);
      return value ? [[name, value]] : [];
    }),
  );
  const filter = AuditFilterSchema.parse(raw);
  const before = Number(params.get("before"));
  return { filter, before: Number.isSafeInteger(before) && before > 0 ? before : undefined };
}

function localDate(value: string | undefined): LocalDate | undefined {
  if (!value) return undefined;
  try {
    return parseLocalDate(value);
  } catch {
    return undefined;
  }
}

/** The filter as a query: days are the shop's, from its first instant to the end of `to`. */
async function whereOf(db: Db, shopId: string, filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const from = localDate(filter.from);
  const to = localDate(filter.to);
  const timeZone = from || to ? await shopTimeZone(db, shopId) : null;
  return {
    shopId,
    ...(filter.actor && { actorType: filter.actor }),
    ...(filter.who && { actorId: filter.who }),
    ...(filter.action && { action: filter.action }),
    ...(filter.ref && { targetId: filter.ref }),
    ...(timeZone && {
      createdAt: {
        ...(from && { gte: localStartOfDay(from, timeZone) }),
        ...(to && { lt: localStartOfDay(addDays(to, 1), timeZone) }),
      },
    }),
  };
}

/** One page of the shop's audit log, newest first, with the chain's last verification. */
export async function listAuditEvents(db: Db, shopId: string, filter: AuditFilter = {}, before?: number) {
  const where = await whereOf(db, shopId, filter);
  const [rows, verification, timeZone] = await Promise.all([
    db.auditEvent.findMany({
      where: { ...where, seq: before ? { lt: before } : { not: null } },
      orderBy: { seq: "desc" },
      take: AUDIT_PAGE_SIZE + 1,
      select: {
        id: true,
        seq: true,
        createdAt: true,
        actorType: true,
        actorId: true,
        action: true,
        targetType: true,
        targetId: true,
      },
    }),
    lastAuditVerification(db, shopId),
    shopTimeZone(db, shopId),
  ]);
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = events.at(-1);
  return {
    events: events.map((event) => ({ ...event, seq: event.seq as number })),
    next: rows.length > AUDIT_PAGE_SIZE && last ? (last.seq as number) : null,
    verification,
    timeZone,
  };
}

const CSV_COLUMNS = [
  "seq",
  "entry_id",
  "shop_id",
  "created_at",
  "actor_type",
  "actor_id",
  "action",
  "target_type",
  "target_id",
  "target_salt",
  "target_commitment",
  "data",
  "prev_hash",
  "hash",
] as const;

/**
 * The filtered entries as CSV, oldest first, streamed page by page; every field the hash covers is
 * there. The first line after the header names the genesis hash the first entry chains to.
 */
export async function* auditCsv(db: Db, shopId: string, filter: AuditFilter = {}, pageSize = 1000) {
  const where = await whereOf(db, shopId, filter);
  yield `${CSV_COLUMNS.join(",")}\r\n`;
  yield `${["0", "genesis", shopId, "", "", "", "", "", "", "", "", "", "", AUDIT_GENESIS_HASH].map(quotedCsvCell).join(",")}\r\n`;
  let after = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { ...where, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        [
          r.seq,
          r.id,
          r.shopId,
          r.createdAt,
          r.actorType,
          r.actorId,
          r.action,
          r.targetType,
          r.targetId,
          r.targetSalt,
          r.targetCommitment,
          r.data,
          r.prevHash,
          r.hash,
        ]
          .map(quotedCsvCell)
          .join(",")
          .concat("\r\n"),
      )
      .join("");
    after = rows.at(-1)?.seq ?? after;
  }
}

/** Staff download the filtered log: audited (with the filter), then streamed. */
export async function exportAuditCsv(db: Db, shop: { id: string }, staffId: string, filter: AuditFilter) {
  await recordAudit(db, {
    shopId: shop.id,
    actorType: "staff",
    actorId: staffId,
    action: "audit.exported",
    data: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
  });
  return auditCsv(db, shop.id, filter);
}

/** The audit log page for a query string: its filters, one page of events, the chain's last verification. */
export async function auditPage(db: Db, shopId: string, params: URLSearchParams) {
  const { filter, before } = parseAuditQuery(params);
  const page = await listAuditEvents(db, shopId, filter, before);
  return {
    filter,
    isFirstPage: before === undefined,
    next: page.next,
    timeZone: page.timeZone,
    actions: AUDIT_ACTIONS,
    actors: AUDIT_ACTOR_TYPES,
    verification: {
      ...page.verification,
      verifiedAt: page.verification.verifiedAt?.toISOString() ?? null,
    },
    events: page.events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
  };
}
