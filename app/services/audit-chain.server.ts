// The audit log's chain on the database (docs/decisions/053): appends serialised per shop by the
// head row (as the consent ledger's), legacy rows chained once, verification page by page.
import { randomBytes, randomUUID } from "node:crypto";
import type { AuditEvent } from "@prisma/client";
import type { Db, Tx } from "~/db/client.server";
import {
  AUDIT_GENESIS_CURSOR,
  AUDIT_GENESIS_HASH,
  type AuditChainBreak,
  type AuditCursor,
  type AuditEntry,
  buildAuditEntry,
  checkAuditHead,
  verifyAuditChain,
} from "~/domain/audit/audit-chain";
import { VerifyLedgerJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import type { Logger } from "~/utils/logger.server";
import { verifyLedger } from "./consent-ledger.server";

export type AuditAppend = {
  shopId: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: string;
};

/** A stored row as the chain sees it, as stored (a tampered row is not repaired into shape). */
export function rowToAuditEntry(row: AuditEvent): AuditEntry {
  return {
    id: row.id,
    shopId: row.shopId,
    seq: row.seq as number,
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetCommitment: row.targetCommitment,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    prevHash: row.prevHash as string,
    hash: row.hash as string,
    targetId: row.targetId,
    targetSalt: row.targetSalt,
  };
}

/**
 * Takes the head's row lock (the shop's appenders queue here until commit) and the next seq.
 * One indexed statement; null when the shop's chain has not started.
 */
async function takeHead(tx: Tx, shopId: string): Promise<AuditCursor | null> {
  const rows = await tx.$queryRaw<{ seq: number | bigint; hash: string }[]>`
    UPDATE "AuditChainHead" SET "seq" = "seq" + 1 WHERE "shopId" = ${shopId} RETURNING "seq", "hash"`;
  const head = rows[0];
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/**
 * Starts the shop's chain if it has none: the head row, then the shop's rows written before the
 * chain existed, chained once in (createdAt, id) order. A concurrent starter waits on the head's
 * insert and finds it done.
 */
export async function startAuditChain(tx: Tx, shopId: string) {
  const inserted = await tx.$executeRaw`
    INSERT INTO "AuditChainHead" ("shopId", "seq", "hash") VALUES (${shopId}, 0, ${AUDIT_GENESIS_HASH})
    ON CONFLICT ("shopId") DO NOTHING`;
  if (inserted === 0) return 0;
  let cursor = AUDIT_GENESIS_CURSOR;
  for (;;) {
    const rows = await tx.auditEvent.findMany({
      where: { shopId, seq: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const entry = buildAuditEntry(
        { ...row, createdAt: row.createdAt.toISOString() },
        { seq: cursor.seq + 1, prevHash: cursor.hash },
        randomBytes(32).toString("hex"),
      );
      await tx.auditEvent.update({
        where: { id: row.id },
        data: {
          seq: entry.seq,
          prevHash: entry.prevHash,
          hash: entry.hash,
          targetCommitment: entry.targetCommitment,
          targetSalt: entry.targetSalt,
        },
      });
      cursor = { seq: entry.seq, hash: entry.hash };
    }
  }
  await tx.auditChainHead.update({ where: { shopId }, data: { seq: cursor.seq, hash: cursor.hash } });
  return cursor.seq;
}

/**
 * Appends one entry after the shop's head in the caller's transaction: the head's lock and read
 * (one indexed UPDATE … RETURNING), the insert, the head's new hash written back on its locked row.
 */
export async function appendAuditEntry(tx: Tx, input: AuditAppend, now = new Date()) {
  let head = await takeHead(tx, input.shopId);
  if (!head) {
    await startAuditChain(tx, input.shopId);
    head = await takeHead(tx, input.shopId);
    if (!head) throw new Error("audit chain head vanished inside its transaction");
  }
  const entry = buildAuditEntry(
    { ...input, id: randomUUID(), createdAt: now.toISOString() },
    { seq: head.seq, prevHash: head.hash },
    randomBytes(32).toString("hex"),
  );
  await tx.auditEvent.create({
    data: {
      id: entry.id,
      shopId: entry.shopId,
      seq: entry.seq,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      targetSalt: entry.targetSalt ?? null,
      targetCommitment: entry.targetCommitment ?? null,
      data: entry.data,
      createdAt: now,
      prevHash: entry.prevHash,
      hash: entry.hash,
    },
    select: { id: true },
  });
  await tx.auditChainHead.update({ where: { shopId: input.shopId }, data: { hash: entry.hash } });
  return entry;
}

/** At boot: every shop with rows written before the chain gets its chain, once. */
export async function chainLegacyAuditEvents(db: Db, log: Logger) {
  const shops = await db.auditEvent.findMany({
    where: { seq: null },
    distinct: ["shopId"],
    select: { shopId: true },
  });
  for (const { shopId } of shops) {
    const chained = await db.$transaction((tx) => startAuditChain(tx, shopId), { timeout: 600_000 });
    if (chained > 0) log.info("audit log chained", { entries: chained });
  }
}

export type AuditVerification =
  | { ok: true; count: number; headSeq: number }
  | { ok: false; count: number; brokenAt: AuditChainBreak };

/**
 * Re-verifies the shop's whole audit chain page by page, then its end against the head and that
 * no row sits outside the chain; records the result on the head, and audits it.
 */
export async function verifyAuditLog(db: Db, shopId: string, now = new Date()): Promise<AuditVerification> {
  let cursor = AUDIT_GENESIS_CURSOR;
  let count = 0;
  let result: AuditVerification | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { shopId, seq: { gt: cursor.seq } },
      orderBy: { seq: "asc" },
      take: 1000,
    });
    if (rows.length === 0) break;
    const check = verifyAuditChain(rows.map(rowToAuditEntry), cursor);
    if (!check.ok) {
      result = { ok: false, count: count + check.count, brokenAt: check.brokenAt };
      break;
    }
    count += check.count;
    cursor = check.last;
  }
  const head = await db.auditChainHead.findUnique({ where: { shopId } });
  if (!result) {
    const end = checkAuditHead(cursor, head && { seq: head.seq, hash: head.hash });
    // Entries past the head's end are not counted as verified: the chain ends where its head says.
    if (!end.ok) result = { ok: false, count: Math.min(count, head?.seq ?? 0), brokenAt: end.brokenAt };
  }
  if (!result) {
    const stray = await db.auditEvent.findFirst({
      where: { shopId, seq: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    result = stray
      ? { ok: false, count, brokenAt: { seq: null, entryId: stray.id, reason: "inserted" } }
      : { ok: true, count, headSeq: head?.seq ?? 0 };
  }
  const verified = result;
  if (!head && count === 0 && verified.ok) return verified;
  await db.auditChainHead.updateMany({
    where: { shopId },
    data: { lastVerifiedAt: now, lastVerification: JSON.stringify(verified) },
  });
  try {
    await db.$transaction((tx) =>
      appendAuditEntry(
        tx,
        {
          shopId,
          actorType: "system",
          actorId: null,
          action: verified.ok ? "audit.chain.verified" : "audit.chain.broken",
          targetType: null,
          targetId: null,
          data: JSON.stringify(
            verified.ok
              ? { count: verified.count }
              : { count: verified.count, seq: verified.brokenAt.seq, reason: verified.brokenAt.reason },
          ),
        },
        now,
      ),
    );
  } catch (error) {
    // A row forged past the chain's end holds the next seq: the append fails on it, and the result
    // just recorded on the head already names it.
    if (verified.ok) throw error;
  }
  return verified;
}

/** The last verification recorded on the shop's audit head (null before the first). */
export async function lastAuditVerification(db: Db | Tx, shopId: string) {
  const head = await db.auditChainHead.findUnique({
    where: { shopId },
    select: { seq: true, lastVerifiedAt: true, lastVerification: true },
  });
  return {
    entries: head?.seq ?? 0,
    verifiedAt: head?.lastVerifiedAt ?? null,
    result: head?.lastVerification ? (JSON.parse(head.lastVerification) as AuditVerification) : null,
  };
}

/** The verification job's work: the shop's consent ledger, then its audit log. */
export async function verifyShopChains(db: Db, shopId: string, now = new Date()) {
  const ledger = await verifyLedger(db, shopId, now);
  const audit = await verifyAuditLog(db, shopId, now);
  return { ledger, audit };
}

const DAY_MS = 86_400_000;

/** The daily check: one verification per installed shop, keyed by the day so it runs once. */
export async function enqueueDailyVerifications(db: Db, now = new Date()) {
  const day = Math.floor(now.getTime() / DAY_MS);
  const shops = await db.shop.findMany({ where: { state: "installed" }, select: { id: true, domain: true } });
  let queued = 0;
  for (const shop of shops) {
    const job = await enqueue(
      db,
      VerifyLedgerJob,
      { shopId: shop.id },
      { shopDomain: shop.domain, key: `${VerifyLedgerJob.id}:${shop.id}:${day}` },
    );
    if (job) queued++;
  }
  return queued;
}

/** Staff ask for both chains to be verified now (they may hold millions of entries: a job). */
export async function requestAuditVerification(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
) {
  await db.$transaction(async (tx) => {
    await enqueue(tx, VerifyLedgerJob, { shopId: shop.id }, { shopDomain: shop.domain });
    await appendAuditEntry(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "audit.verify_requested",
      targetType: null,
      targetId: null,
      data: "{}",
    });
  });
}
