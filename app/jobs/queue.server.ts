// The durable job queue: rows in the Job table, the same code on SQLite and PostgreSQL.
// Enqueue inside the caller's transaction; claim with a lease in one statement; finish, retry
// with backoff, or dead-letter with a condition on the lease holder so a worker that lost its
// lease can never overwrite the outcome of the one that took over. See docs/decisions/004-jobs-in-the-database.md.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Dialect } from "~/config.server";
import type { Db, Tx } from "~/db/client.server";
import { placeholders } from "~/db/sql";
import { retryDelayMs } from "./backoff";
import { JOB_STATUSES, type JobStatus } from "./job-status";

export type EnqueueOptions = {
  type: string;
  payload: Record<string, unknown>;
  /** A second enqueue with the same key is a no-op (e.g. one job per webhook delivery). */
  jobKey?: string;
  shopDomain?: string;
  priority?: number;
  runAt?: Date;
  maxAttempts?: number;
};

export type ClaimedJob = {
  id: string;
  type: string;
  payload: string;
  shopDomain: string | null;
  attempts: number;
  maxAttempts: number;
};

/** In-process wake-up: a worker in this process polls at once after an enqueue commits. */
export const queueEvents = new EventEmitter();

export function notifyEnqueued() {
  queueEvents.emit("enqueued");
}

/**
 * Adds a job in the caller's transaction (or on its own). Returns null when a job with the same
 * jobKey exists. NOTE: call notifyEnqueued() after the transaction commits.
 */
export async function enqueue(tx: Tx, options: EnqueueOptions): Promise<{ id: string } | null> {
  const id = randomUUID();
  const now = new Date();
  // Raw SQL: ON CONFLICT DO NOTHING keeps a PostgreSQL transaction usable, where a failed
  // Prisma create (P2002) would abort it.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Job" ("id", "type", "payload", "jobKey", "shopDomain", "status", "priority", "runAt",
                       "attempts", "maxAttempts", "createdAt", "updatedAt")
    VALUES (${id}, ${options.type}, ${JSON.stringify(options.payload)}, ${options.jobKey ?? null},
            ${options.shopDomain ?? null}, 'pending', ${options.priority ?? 50}, ${options.runAt ?? now},
            0, ${options.maxAttempts ?? 10}, ${now}, ${now})
    ON CONFLICT ("jobKey") DO NOTHING
    RETURNING "id"`;
  return rows[0] ?? null;
}

/**
 * Claims up to `limit` runnable jobs for `workerId` until `now + leaseMs`: pending or failed jobs
 * whose time has come, and running jobs whose lease expired (their worker died). One statement;
 * on PostgreSQL, SKIP LOCKED lets concurrent workers claim different rows without waiting.
 */
export async function claimJobs(
  db: Db,
  dialect: Dialect,
  options: { workerId: string; limit: number; leaseMs: number; now?: Date },
): Promise<ClaimedJob[]> {
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  const skipLocked = dialect === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
  const sql = placeholders(
    dialect,
    `UPDATE "Job"
        SET "status" = 'running', "attempts" = "attempts" + 1, "lockedBy" = ?, "lockedUntil" = ?, "updatedAt" = ?
      WHERE "id" IN (
        SELECT "id" FROM "Job"
         WHERE ("status" IN ('pending', 'failed') AND "runAt" <= ?)
            OR ("status" = 'running' AND "lockedUntil" < ? AND "attempts" < "maxAttempts")
         ORDER BY "priority", "runAt"
         LIMIT ?
         ${skipLocked})
      RETURNING "id", "type", "payload", "shopDomain", "attempts", "maxAttempts"`,
  );
  const rows = await db.$queryRawUnsafe<ClaimedJob[]>(
    sql,
    options.workerId,
    lockedUntil,
    now,
    now,
    now,
    options.limit,
  );
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
  }));
}

/** One claim of a job: its id and the attempt it was claimed for. */
export type JobLease = Pick<ClaimedJob, "id" | "attempts">;

/**
 * The condition every outcome is written on: still running, claimed by this worker, for this
 * attempt. The attempt matters when the same worker claimed the job again (its own lease expired
 * while its event loop was stalled): the older run can then no longer settle it.
 */
const held = (job: JobLease, workerId: string) => ({
  id: job.id,
  lockedBy: workerId,
  attempts: job.attempts,
  status: "running",
});

/** Extends the lease of a job this worker still holds; false when the lease was lost. */
export async function extendLease(
  db: Db,
  job: JobLease,
  workerId: string,
  leaseMs: number,
): Promise<boolean> {
  const now = new Date();
  const { count } = await db.job.updateMany({
    where: held(job, workerId),
    data: { lockedUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** Marks a job done; false when this worker no longer held it (another took over). */
export async function completeJob(db: Db | Tx, job: JobLease, workerId: string, now = new Date()) {
  const { count } = await db.job.updateMany({
    where: held(job, workerId),
    data: { status: "succeeded", finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null },
  });
  return count === 1;
}

/**
 * True when a later attempt of the job claimed it (this run outlived its lease: its worker stalled
 * and another run took over). Such a run must write nothing more: its outcome is the other's.
 * A job row that is gone (a test's context, a pruned row) is not superseded.
 */
export async function isSuperseded(db: Db | Tx, jobId: string, attempt: number): Promise<boolean> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { attempts: true } });
  return job !== null && job.attempts > attempt;
}

/**
 * True while a job of a flow keyed `<prefix><attempt>` will still run: waiting, waiting for its
 * retry, running under its lease, or running past it with attempts left (its worker died: the
 * next claim takes it back). False when every such job ended (succeeded, dead, pruned): whatever
 * it left unfinished stopped moving, and only staff can set it going again.
 */
export async function hasLiveJob(db: Db | Tx, prefix: string, now = new Date()): Promise<boolean> {
  const jobs = await db.job.findMany({
    where: { jobKey: { startsWith: prefix }, status: { in: ["pending", "failed", "running"] } },
    select: { status: true, lockedUntil: true, attempts: true, maxAttempts: true },
  });
  return jobs.some(isLive(now));
}

/** Whether one job row will still run (see hasLiveJob). */
export const isLive =
  (now: Date) => (job: { status: string; lockedUntil: Date | null; attempts: number; maxAttempts: number }) =>
    job.status === "pending" ||
    job.status === "failed" ||
    (job.status === "running" &&
      ((job.lockedUntil !== null && job.lockedUntil >= now) || job.attempts < job.maxAttempts));

/** Records a failed attempt: retried later with backoff, or dead-lettered after maxAttempts. */
export async function failJob(
  db: Db,
  job: Pick<ClaimedJob, "id" | "attempts" | "maxAttempts">,
  workerId: string,
  error: string,
  now = new Date(),
): Promise<JobStatus> {
  const dead = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: held(job, workerId),
    data: dead
      ? { status: "dead", finishedAt: now, lockedBy: null, lockedUntil: null, lastError: error }
      : {
          status: "failed",
          runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
          lockedBy: null,
          lockedUntil: null,
          lastError: error,
        },
  });
  return dead ? "dead" : "failed";
}

/** Gives a job back untouched (shutdown before it could finish): the attempt does not count. */
export async function releaseJob(db: Db, job: JobLease, workerId: string, now = new Date()) {
  await db.job.updateMany({
    where: held(job, workerId),
    data: {
      status: "pending",
      attempts: { decrement: 1 },
      runAt: now,
      lockedBy: null,
      lockedUntil: null,
    },
  });
}

/** Dead-letters running jobs whose lease expired on their last allowed attempt. */
export async function buryExpiredJobs(db: Db, now = new Date()): Promise<number> {
  const expired = await db.job.findMany({
    where: { status: "running", lockedUntil: { lt: now } },
    select: { id: true, attempts: true, maxAttempts: true },
    take: 100,
  });
  const ids = expired.filter((job) => job.attempts >= job.maxAttempts).map((job) => job.id);
  if (ids.length === 0) return 0;
  const { count } = await db.job.updateMany({
    where: { id: { in: ids }, status: "running", lockedUntil: { lt: now } },
    data: {
      status: "dead",
      finishedAt: now,
      lockedBy: null,
      lockedUntil: null,
      lastError: "lease expired on the last attempt (the worker stopped or crashed)",
    },
  });
  return count;
}

/** Puts a dead job back in the queue with a fresh set of attempts. Scoped to the shop. */
export async function requeueDeadJob(tx: Tx, jobId: string, shopDomain: string): Promise<boolean> {
  const { count } = await tx.job.updateMany({
    where: { id: jobId, shopDomain, status: "dead" },
    data: { status: "pending", attempts: 0, runAt: new Date(), finishedAt: null },
  });
  return count === 1;
}

/** Job counts by status for one shop (the dashboard). */
export async function countJobsByStatus(db: Db, shopDomain: string): Promise<Record<JobStatus, number>> {
  const groups = await db.job.groupBy({ by: ["status"], where: { shopDomain }, _count: { _all: true } });
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const group of groups) counts[group.status as JobStatus] = group._count._all;
  return counts;
}

/**
 * The attempt number for the next job of a flow whose jobs are keyed `<prefix><attempt>` (a retry
 * is a new job; two retries at once share a key, so they are one). One more than the highest
 * attempt still in the queue, not the number of jobs: pruned attempts never bring a key back.
 */
export async function nextAttempt(tx: Tx, prefix: string): Promise<number> {
  const jobs = await tx.job.findMany({ where: { jobKey: { startsWith: prefix } }, select: { jobKey: true } });
  let next = 0;
  for (const { jobKey } of jobs) {
    const attempt = Number(jobKey?.slice(prefix.length));
    if (Number.isSafeInteger(attempt) && attempt >= next) next = attempt + 1;
  }
  return next;
}

/** How long finished jobs stay in the queue: what succeeded, and dead jobs waiting for staff. */
export const FINISHED_JOB_DAYS = { succeeded: 30, dead: 90 } as const;

/** Ids per delete: under the 999 parameters Prisma allows a SQLite statement. */
const PRUNE_BATCH = 500;

/**
 * Deletes jobs finished longer ago than `FINISHED_JOB_DAYS`, a batch at a time (no long lock on
 * the queue). The work they did is recorded where it matters (requests, parts, runs, the audit log);
 * the rows themselves only name shops and ids, and would otherwise grow with every webhook.
 */
export async function pruneFinishedJobs(db: Db, now = new Date()): Promise<number> {
  let pruned = 0;
  for (const [status, days] of Object.entries(FINISHED_JOB_DAYS)) {
    const before = new Date(now.getTime() - days * 86_400_000);
    for (;;) {
      const batch = await db.job.findMany({
        where: { status, finishedAt: { lt: before } },
        select: { id: true },
        take: PRUNE_BATCH,
      });
      if (batch.length === 0) break;
      const { count } = await db.job.deleteMany({
        where: { id: { in: batch.map((job) => job.id) }, status, finishedAt: { lt: before } },
      });
      pruned += count;
      if (batch.length < PRUNE_BATCH) break;
    }
  }
  return pruned;
}
