// The backfill of a shop's customers and orders from Shopify (docs/decisions/046): started at install
// or by staff, it runs as a chain of one job type whose every step is remembered in the Backfill row:
//   starting  → ask Shopify for a bulk query operation (and note whether all orders are readable);
//   running   → Shopify builds the file: bulk_operations/finish wakes the job, polling is the fallback;
//   importing → the JSONL file, read as a stream, applied in batches, each committed with the byte
//               offset it reached: a worker killed mid-file resumes there with a ranged download;
//   done | failed.
// It goes through those steps twice (docs/decisions/070): phase "customers" (customers and their
// orders), then phase "guests" (orders placed without an account, whose buyers only an e-mail names).
// Two runs of the same step (a webhook and a poll at once, a crashed worker's job taken again)
// cannot both commit: each transition and each batch is conditional on the state it started from.
// A download broken off mid-file fails the job (ShopifyAdminError DOWNLOAD_INTERRUPTED, retryable):
// the queue retries it with backoff and the retry reads on from the committed offset; a job that
// will not be retried fails the backfill with the error's code (docs/decisions/089).

import { ConnectorError } from "~/connectors/connector";
import { type BulkOperationStatus, interpretBackfillLine } from "~/connectors/shopify/bulk-customers";
import { interpretGuestOrderLine } from "~/connectors/shopify/bulk-guest-orders";
import { JsonlError, readJsonl } from "~/connectors/shopify/bulk-jsonl";
import { ShopifyAdminError } from "~/connectors/shopify/errors";
import type { Db, Tx } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { type JobContext, PermanentJobError } from "~/jobs/handler";
import { BackfillJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { recordAudit } from "~/services/audit.server";
import { applyBackfillBatch } from "./import-customers.server";
import { applyGuestOrdersBatch, resetGuestOrderCounts } from "./import-guest-orders.server";

/** Lines committed together: one transaction, one progress update. */
export const BACKFILL_BATCH = 500;
/** A batch takes a few queries, but a loaded database must not turn it into a timeout. */
const BATCH_TRANSACTION = { timeout: 60_000, maxWait: 30_000 };

export type BackfillTrigger = "install" | "staff";
export type BackfillPhase = "customers" | "guests";

/** Thrown inside a batch's transaction when another run of the same backfill got there first. */
class Superseded extends Error {}

/**
 * Starts a backfill of the shop unless one is under way (that one is returned). Its first job is
 * queued in the same transaction.
 */
export async function startBackfill(
  db: Db,
  shop: { id: string; domain: string },
  trigger: BackfillTrigger,
  actor: { type: "staff" | "system"; id?: string } = { type: "system" },
): Promise<{ id: string; started: boolean }> {
  const active = await db.backfill.findUnique({ where: { activeShopId: shop.id }, select: { id: true } });
  if (active) return { id: active.id, started: false };
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.backfill.create({
        data: { shopId: shop.id, trigger, activeShopId: shop.id },
        select: { id: true },
      });
      await enqueue(
        tx,
        BackfillJob,
        { backfillId: row.id },
        { key: `backfill:${row.id}:start`, shopDomain: shop.domain },
      );
      await recordAudit(tx, {
        shopId: shop.id,
        actorType: actor.type,
        actorId: actor.id ?? null,
        action: "backfill.started",
        targetType: "backfill",
        targetId: row.id,
        data: { trigger },
      });
      return { id: row.id, started: true };
    });
  } catch (error) {
    // Two starts at once: the unique active shop lets one through.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.backfill.findUnique({ where: { activeShopId: shop.id }, select: { id: true } });
    if (!winner) throw error;
    return { id: winner.id, started: false };
  }
}

/** At install: a shop that never had a backfill (other than failed ones) gets one. */
export async function backfillAtInstall(db: Db, domain: string) {
  const shop = await db.shop.findUnique({ where: { domain }, select: { id: true, domain: true } });
  if (!shop) return null;
  const earlier = await db.backfill.count({ where: { shopId: shop.id, status: { not: "failed" } } });
  if (earlier > 0) return null;
  return startBackfill(db, shop, "install");
}

/** Staff asked for a backfill: refused while one runs (the page shows that one). */
export async function requestBackfill(db: Db, shop: { id: string; domain: string }, staffId: string) {
  const result = await startBackfill(db, shop, "staff", { type: "staff", id: staffId });
  if (!result.started) throw new AppError("BACKFILL_RUNNING", "a backfill of this shop is under way");
  return result;
}

/** The newest backfill of the shop, for the admin, and whether Shopify lets Vigie read every order. */
export async function backfillStatus(db: Db, shopId: string) {
  const [latest, shop] = await Promise.all([
    db.backfill.findFirst({ where: { shopId }, orderBy: { createdAt: "desc" } }),
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ordersAccess: true } }),
  ]);
  return {
    ordersAccess: shop.ordersAccess as "all" | "recent" | null,
    latest: latest && {
      id: latest.id,
      status: latest.status as "starting" | "running" | "importing" | "done" | "failed",
      phase: latest.phase as BackfillPhase,
      trigger: latest.trigger,
      objectCount: latest.objectCount,
      linesDone: latest.linesDone,
      customers: latest.customers,
      orders: latest.orders,
      consentStates: latest.consentStates,
      guestOrders: latest.guestOrders,
      guests: latest.guests,
      error: latest.error,
      createdAt: latest.createdAt.toISOString(),
      finishedAt: latest.finishedAt?.toISOString() ?? null,
    },
  };
}

/** bulk_operations/finish: the backfill waiting on that operation goes on now rather than at its next poll. */
export async function bulkOperationFinished(
  tx: Tx,
  shopDomain: string,
  operationId: string,
  receiptId: string,
) {
  const row = await tx.backfill.findFirst({
    where: { operationId, status: "running", shop: { domain: shopDomain } },
    select: { id: true, phase: true },
  });
  if (!row) return;
  await enqueue(
    tx,
    BackfillJob,
    { backfillId: row.id },
    { key: stepKey(row, `finish:${receiptId}`), shopDomain },
  );
}

/**
 * A step's job key: the customers' phase keeps the keys it always had, the guests' phase has its own
 * (its status checks count from 1 again, and must not collide with the first phase's).
 */
function stepKey(row: { id: string; phase: string }, step: string) {
  return row.phase === "guests" ? `backfill:${row.id}:guests:${step}` : `backfill:${row.id}:${step}`;
}

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(db: Db, id: string) {
  return db.backfill.findUnique({ where: { id }, include: { shop: { select: { id: true, domain: true } } } });
}

/** Moves the backfill from `from` to the new state, unless another run moved it already. */
async function advance(client: Db | Tx, row: Row, data: Parameters<Db["backfill"]["updateMany"]>[0]["data"]) {
  const { count } = await client.backfill.updateMany({
    where: {
      id: row.id,
      status: row.status,
      phase: row.phase,
      operationId: row.operationId,
      polls: row.polls,
    },
    data,
  });
  return count === 1;
}

/** Seconds until the next status check while Shopify builds the file: 1, 2, 4 … up to 60. */
function pollDelayMs(polls: number) {
  return Math.min(60_000, 1000 * 2 ** Math.min(polls, 6));
}

/** Queues the next step at `runAt`, under a key no earlier step used. */
async function later(tx: Tx, row: Row, key: string, runAt: Date) {
  await enqueue(
    tx,
    BackfillJob,
    { backfillId: row.id },
    { key: stepKey(row, key), shopDomain: row.shop.domain, runAt },
  );
}

async function fail(db: Db, row: Row, error: string) {
  await db.$transaction(async (tx) => {
    if (!(await advance(tx, row, { status: "failed", error, activeShopId: null, finishedAt: new Date() })))
      return;
    await recordAudit(tx, {
      shopId: row.shopId,
      actorType: "system",
      action: "backfill.failed",
      targetType: "backfill",
      targetId: row.id,
      data: { error },
    });
  });
}

/**
 * Back to the start of the phase with a new bulk operation (the last one's file is gone): the import
 * is idempotent, and the phase's counts start again with it.
 */
async function restart(db: Db, row: Row) {
  await advance(db, row, {
    status: "starting",
    operationId: null,
    bytesDone: 0n,
    linesDone: 0,
    objectCount: null,
    ...(row.phase === "guests" ? { guestOrders: 0, guests: 0 } : { customers: 0, orders: 0 }),
  });
}

/**
 * The code a backfill that cannot go on fails with: Shopify's kind of error in lower case (e.g.
 * `download_interrupted`, `network`, `http`), else `internal_error` (no message: it may quote data).
 */
function failureCode(error: unknown) {
  if (error instanceof ShopifyAdminError) return error.kind.toLowerCase();
  if (error instanceof JsonlError) return "bulk_result_invalid";
  return "internal_error";
}

/**
 * The job: takes the backfill as far as it can go now; the next step is queued when it must wait.
 * A step that throws (the result's download broken off: ShopifyAdminError DOWNLOAD_INTERRUPTED) throws
 * on, for the queue to retry with backoff: what was committed stays, and the retry reads on from the
 * committed offset (docs/decisions/089). When no retry will follow (the job's last attempt, or an
 * error retrying cannot fix), the backfill fails with the error's code first, so that it does not
 * stay under way for ever and staff can run it again.
 */
export async function runBackfill(
  context: JobContext,
  backfillId: string,
  options: { batchSize?: number } = {},
) {
  let current: Row | null = null;
  try {
    await runSteps(context, backfillId, options, (row) => {
      current = row;
    });
  } catch (error) {
    const final =
      context.attempt >= context.maxAttempts ||
      error instanceof PermanentJobError ||
      (error instanceof ConnectorError && !error.retryable);
    const row = current as Row | null;
    if (final && row) {
      // From its state as this step found it: a run that moved it meanwhile keeps it.
      await fail(context.db, row, failureCode(error)).catch((failure) =>
        context.log.warn("backfill: could not record its failure", { backfillId, error: String(failure) }),
      );
    }
    context.log.warn("backfill step failed", {
      backfillId,
      final,
      code: failureCode(error),
      fromLine: row?.linesDone,
    });
    throw error;
  }
}

async function runSteps(
  context: JobContext,
  backfillId: string,
  options: { batchSize?: number },
  onStep: (row: Row) => void,
) {
  const { db } = context;
  for (let step = 0; step < 20; step++) {
    const row = await loadRow(db, backfillId);
    if (!row || row.status === "done" || row.status === "failed") return;
    onStep(row);
    const bulk = (await context.connectors(row.shop.domain)).shopifyBulk;
    if (!bulk) return fail(db, row, "shopify_not_connected");

    if (row.status === "starting") {
      let started: Awaited<ReturnType<typeof bulk.startBackfill>>;
      if (row.phase === "guests") started = await bulk.startGuestOrders();
      else {
        const scopes = await bulk.accessScopes();
        await db.shop.update({
          where: { id: row.shopId },
          data: { ordersAccess: scopes.includes("read_all_orders") ? "all" : "recent" },
        });
        started = await bulk.startBackfill();
      }
      if (started.started) {
        // Killed between Shopify's answer and this line: the re-run finds the operation in progress
        // and waits for it to end, then starts its own (the file of a lost one is simply not read).
        await advance(db, row, {
          status: "running",
          operationId: started.operationId,
          operations: { increment: 1 },
        });
        continue;
      }
      if (started.reason === "refused") return fail(db, row, "bulk_query_refused");
      await db.$transaction(async (tx) => {
        if (await advance(tx, row, { polls: { increment: 1 } }))
          await later(tx, row, `wait:${row.polls + 1}`, new Date(Date.now() + pollDelayMs(row.polls)));
      });
      return;
    }

    const operation = row.operationId ? await bulk.operation(row.operationId) : null;
    if (!operation) {
      await restart(db, row);
      continue;
    }
    if (row.status === "running") {
      const next = await settleRunning(db, row, operation);
      if (next === "wait") return;
      continue;
    }
    // importing
    if (!operation.url) {
      await restart(db, row);
      continue;
    }
    const outcome = await importFile(context, row, operation.url, options.batchSize ?? BACKFILL_BATCH);
    if (outcome === "expired") {
      await restart(db, row);
      continue;
    }
    // The customers are in: the guests' phase starts at once.
    if (outcome === "next_phase") continue;
    return;
  }
}

async function settleRunning(db: Db, row: Row, operation: BulkOperationStatus): Promise<"next" | "wait"> {
  switch (operation.status) {
    case "COMPLETED":
      await db.$transaction(async (tx) => {
        const moved = await advance(tx, row, {
          status: "importing",
          objectCount: operation.objectCount ? Number(operation.objectCount) : null,
        });
        // A pass over the guest orders counts them anew (import-guest-orders.server.ts).
        if (moved && row.phase === "guests") await resetGuestOrderCounts(tx, row.shopId);
      });
      return "next";
    case "FAILED":
    case "CANCELED":
    case "CANCELING":
    case "EXPIRED":
      await fail(db, row, (operation.errorCode ?? operation.status).toLowerCase());
      return "wait";
    default:
      // The webhook normally says when it is done; this check is the fallback.
      await db.$transaction(async (tx) => {
        if (await advance(tx, row, { polls: { increment: 1 } }))
          await later(tx, row, `poll:${row.polls + 1}`, new Date(Date.now() + pollDelayMs(row.polls)));
      });
      return "wait";
  }
}

type RowCounts = Parameters<Db["backfill"]["updateMany"]>[0]["data"];

/** What a phase reads from a line of its file, and what a batch of those adds to the row's counts. */
type PhaseImport = {
  interpret(value: Record<string, unknown>): unknown;
  apply(tx: Tx, shopId: string, lines: unknown[], now: Date): Promise<RowCounts>;
};

function phaseImport<T>(
  interpret: (value: Record<string, unknown>) => T | null,
  apply: (tx: Tx, shopId: string, lines: T[], now: Date) => Promise<RowCounts>,
): PhaseImport {
  return { interpret, apply: (tx, shopId, lines, now) => apply(tx, shopId, lines as T[], now) };
}

const PHASES: Record<BackfillPhase, PhaseImport> = {
  customers: phaseImport(interpretBackfillLine, async (tx, shopId, lines, now) => {
    const outcome = await applyBackfillBatch(tx, shopId, lines, now);
    return {
      customers: { increment: outcome.customers },
      orders: { increment: outcome.orders },
      consentStates: { increment: outcome.consentStates },
    };
  }),
  guests: phaseImport(interpretGuestOrderLine, async (tx, shopId, lines, now) => {
    const guestOrders = lines.map((line) => line.guestOrder);
    const outcome = await applyGuestOrdersBatch(tx, shopId, guestOrders, now);
    return { guestOrders: { increment: outcome.guestOrders }, guests: { increment: outcome.guests } };
  }),
};

/**
 * Reads the file from where the last committed batch ended; "expired" when the URL is dead,
 * "next_phase" when the customers' file is read and the guests' phase is to start.
 */
async function importFile(
  context: JobContext,
  row: Row,
  url: string,
  batchSize: number,
): Promise<"done" | "next_phase" | "expired" | "superseded" | "paused"> {
  const { db, signal } = context;
  const bulk = (await context.connectors(row.shop.domain)).shopifyBulk;
  if (!bulk) return "superseded";
  const phase = PHASES[row.phase === "guests" ? "guests" : "customers"];
  let bytesDone = Number(row.bytesDone);
  let linesDone = row.linesDone;
  const download = await bulk.download(url, bytesDone, signal);
  if (download.expired) return "expired";
  // A server that ignored the range sent the whole file: the lines already applied are skipped.
  const lines = readJsonl(
    download.body,
    download.fromByte === bytesDone ? { startByte: bytesDone, startLine: linesDone } : {},
  );
  let batch: unknown[] = [];
  let batchEnd = { byte: bytesDone, line: linesDone };

  const commit = async () => {
    const applied = batch;
    batch = [];
    const from = bytesDone;
    const end = batchEnd;
    try {
      await db.$transaction(async (tx) => {
        const counts = await phase.apply(tx, row.shopId, applied, new Date());
        const { count } = await tx.backfill.updateMany({
          where: {
            id: row.id,
            status: "importing",
            phase: row.phase,
            operationId: row.operationId,
            bytesDone: BigInt(from),
          },
          data: { bytesDone: BigInt(end.byte), linesDone: end.line, ...counts },
        });
        if (count !== 1) throw new Superseded();
      }, BATCH_TRANSACTION);
    } catch (error) {
      if (error instanceof Superseded) return false;
      throw error;
    }
    bytesDone = end.byte;
    linesDone = end.line;
    return true;
  };

  for await (const item of lines) {
    if (item.line <= linesDone) continue;
    const interpreted = phase.interpret(item.value);
    if (interpreted) batch.push(interpreted);
    batchEnd = { byte: item.endByte, line: item.line };
    if (batchEnd.line - linesDone >= batchSize) {
      if (!(await commit())) return "superseded";
      if (signal.aborted) {
        // The worker is stopping: the next step picks up at this offset.
        await db.$transaction((tx) => later(tx, row, `resume:${row.operations}:${linesDone}`, new Date()));
        return "paused";
      }
    }
  }
  if (batchEnd.line > linesDone && !(await commit())) return "superseded";
  const fileEnd = {
    id: row.id,
    status: "importing",
    phase: row.phase,
    operationId: row.operationId,
    bytesDone: BigInt(bytesDone),
  };
  if (row.phase !== "guests") {
    // The customers' file is read: the orders placed without an account are next, from a fresh start.
    const { count } = await db.backfill.updateMany({
      where: fileEnd,
      data: {
        phase: "guests",
        status: "starting",
        operationId: null,
        bytesDone: 0n,
        linesDone: 0,
        objectCount: null,
        polls: 0,
      },
    });
    return count === 1 ? "next_phase" : "superseded";
  }
  await db.$transaction(async (tx) => {
    const current = await tx.backfill.findUniqueOrThrow({ where: { id: row.id } });
    const { count } = await tx.backfill.updateMany({
      where: fileEnd,
      data: { status: "done", activeShopId: null, finishedAt: new Date() },
    });
    if (count !== 1) return;
    await recordAudit(tx, {
      shopId: row.shopId,
      actorType: "system",
      action: "backfill.done",
      targetType: "backfill",
      targetId: row.id,
      data: {
        customers: current.customers,
        orders: current.orders,
        consentStates: current.consentStates,
        guestOrders: current.guestOrders,
        guests: current.guests,
      },
    });
  });
  return "done";
}
