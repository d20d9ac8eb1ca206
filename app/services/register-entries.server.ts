// The accountability registers' storage (GDPR art. 5(2), 30, 28): entries drafted by Vigie, edited
// and signed off by staff, each change kept with who made it and when. Shared by the record of
// processing (kind "activity") and the processors register (kind "processor").
import type { z } from "zod";
import type { Db, Tx } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { changedFields } from "~/domain/processing/record";
import { recordAudit } from "./audit.server";

export type EntryKind = "activity" | "processor";

export type EntryDraft<T> = { key: string; requires?: string; content: T };

type ShopRef = { id: string };

const ENTRY_SELECT = {
  id: true,
  key: true,
  requires: true,
  content: true,
  revision: true,
  reviewedRevision: true,
  reviewedAt: true,
  reviewedBy: true,
} as const;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/**
 * Writes the drafts a shop does not have yet (first visit, or a draft added by a newer Vigie), each
 * with its "drafted" change. Idempotent; two first visits at once both end with one entry per key.
 */
export async function ensureEntries<T>(db: Db, shopId: string, kind: EntryKind, drafts: EntryDraft<T>[]) {
  const existing = await db.registerEntry.findMany({ where: { shopId, kind }, select: { key: true } });
  const have = new Set(existing.map(({ key }) => key));
  for (const [position, draft] of drafts.entries()) {
    if (have.has(draft.key)) continue;
    const content = JSON.stringify(draft.content);
    try {
      await db.$transaction(async (tx) => {
        const entry = await tx.registerEntry.create({
          data: { shopId, kind, key: draft.key, position, requires: draft.requires ?? null, content },
          select: { id: true },
        });
        await tx.registerChange.create({
          data: { entryId: entry.id, shopId, revision: 1, action: "drafted", content, actorType: "system" },
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

/** A shop's entries of one kind in their order, contents parsed with `schema`. */
export async function listEntries<S extends z.ZodType>(db: Db, shopId: string, kind: EntryKind, schema: S) {
  const rows = await db.registerEntry.findMany({
    where: { shopId, kind },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: ENTRY_SELECT,
  });
  return rows.map((row) => ({ ...row, content: schema.parse(JSON.parse(row.content)) as z.infer<S> }));
}

/** One entry with its history, newest change first; NOT_FOUND outside the shop. */
export async function entryWithHistory<S extends z.ZodType>(
  db: Db,
  shopId: string,
  kind: EntryKind,
  key: string,
  schema: S,
) {
  const row = await db.registerEntry.findUnique({
    where: { shopId_kind_key: { shopId, kind, key } },
    select: {
      ...ENTRY_SELECT,
      changes: {
        orderBy: [{ at: "desc" }, { revision: "desc" }],
        select: {
          id: true,
          revision: true,
          action: true,
          fields: true,
          actorType: true,
          actorId: true,
          at: true,
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", `no ${kind} ${key}`);
  return {
    ...row,
    content: schema.parse(JSON.parse(row.content)) as z.infer<S>,
    // Newest first: by revision, a sign-off after the edit that made its revision, then by time.
    changes: row.changes
      .map((change) => ({ ...change, fields: JSON.parse(change.fields) as string[] }))
      .sort(
        (a, b) =>
          b.revision - a.revision ||
          Number(b.action === "reviewed") - Number(a.action === "reviewed") ||
          b.at.getTime() - a.at.getTime(),
      ),
  };
}

async function lockedEntry(tx: Tx, shopId: string, kind: EntryKind, key: string, expectedRevision: number) {
  const row = await tx.registerEntry.findUnique({
    where: { shopId_kind_key: { shopId, kind, key } },
    select: { id: true, content: true, revision: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `no ${kind} ${key}`);
  // Staff act on the version they saw: another edit in between must be read first.
  if (row.revision !== expectedRevision) {
    throw new AppError("REGISTER_ENTRY_STALE", `${kind} ${key} is at revision ${row.revision}`);
  }
  return row;
}

/**
 * Saves staff's edit of an entry seen at `expectedRevision`: a new revision and its change (the
 * fields it changed), audited. Nothing changes when the content is the same. Returns the fields changed.
 */
export async function saveEntry<T extends Record<string, unknown>>(
  db: Db,
  shop: ShopRef,
  staffId: string,
  kind: EntryKind,
  key: string,
  expectedRevision: number,
  content: T,
) {
  return db.$transaction(async (tx) => {
    const row = await lockedEntry(tx, shop.id, kind, key, expectedRevision);
    const fields = changedFields(JSON.parse(row.content), content);
    if (fields.length === 0) return fields;
    const json = JSON.stringify(content);
    // Compare-and-set on the revision: of two edits of the same version, one wins.
    const updated = await tx.registerEntry.updateMany({
      where: { id: row.id, revision: expectedRevision },
      data: { content: json, revision: expectedRevision + 1 },
    });
    if (updated.count !== 1) throw new AppError("REGISTER_ENTRY_STALE", `${kind} ${key} changed meanwhile`);
    await tx.registerChange.create({
      data: {
        entryId: row.id,
        shopId: shop.id,
        revision: expectedRevision + 1,
        action: "edited",
        fields: JSON.stringify(fields),
        content: json,
        actorType: "staff",
        actorId: staffId,
      },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: `register.${kind}.edited`,
      targetType: "register_entry",
      targetId: row.id,
      data: { key, revision: expectedRevision + 1 },
    });
    return fields;
  });
}

/**
 * Staff sign off the entry's version they read (`expectedRevision`): who and when are kept on the
 * entry and in its history, audited. `check` refuses what may not be signed off as it stands.
 */
export async function reviewEntry<T>(
  db: Db,
  shop: ShopRef,
  staffId: string,
  kind: EntryKind,
  key: string,
  expectedRevision: number,
  check: (content: T) => void,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const row = await lockedEntry(tx, shop.id, kind, key, expectedRevision);
    check(JSON.parse(row.content) as T);
    const updated = await tx.registerEntry.updateMany({
      where: { id: row.id, revision: expectedRevision },
      data: { reviewedRevision: expectedRevision, reviewedAt: now, reviewedBy: staffId },
    });
    if (updated.count !== 1) throw new AppError("REGISTER_ENTRY_STALE", `${kind} ${key} changed meanwhile`);
    await tx.registerChange.create({
      data: {
        entryId: row.id,
        shopId: shop.id,
        revision: expectedRevision,
        action: "reviewed",
        content: row.content,
        actorType: "staff",
        actorId: staffId,
        at: now,
      },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: `register.${kind}.reviewed`,
      targetType: "register_entry",
      targetId: row.id,
      data: { key, revision: expectedRevision },
    });
  });
}
