// Claiming and settling jobs: a claim takes a lease in one statement; every outcome is written on
// the condition that this worker still holds that very attempt, so a worker that lost its lease
// can never overwrite the outcome of the one that took over. See docs/decisions/004 and 030.
import type { Dialect } from "~/config.server";
import type { Db, Tx } from "~/db/client.server";
import { direct } from "~/db/direct.server";
import { questionMarks } from "~/db/sql";
import { retryDelayMs } from "./backoff";
import type { JobStatus } from "./job-status";

export type ClaimedJob = {
  id: string;
  type: string;
  payload: string;
  shopDomain: string | null;
  attempts: number;
  maxAttempts: number;
};

/**
 * Claims up to `limit` runnable jobs for `workerId` until `now + leaseMs`: pending or failed jobs
 * whose time has come, and running jobs whose lease expired (their worker died). One statement;
 * on PostgreSQL, SKIP LOCKED lets concurrent workers claim different rows without waiting.
 */
export async function claimJobs(
  db: Db,
  dialect: Dialect,
  options: {
    workerId: string;
    limit: number;
    leaseMs: number;
    now?: Date;
    /**
     * Only due jobs of this type for this shop, not yet running: a batch's companions
     * (docs/decisions/080). Expired leases are left to the plain claim, so this one reads the
     * (shopDomain, status, type, runAt) index alone (docs/decisions/088).
     */
    only?: { type: string; shopDomain: string };
  },
): Promise<ClaimedJob[]> {
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  const skipLocked = dialect === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
  const runnable = options.only
    ? `"shopDomain" = ? AND "type" = ? AND "status" IN ('pending', 'failed') AND "runAt" <= ?`
    : `("status" IN ('pending', 'failed') AND "runAt" <= ?)
            OR ("status" = 'running' AND "lockedUntil" < ? AND "attempts" < "maxAttempts")`;
  const sql = await direct(db);
  const rows = await sql.all<ClaimedJob & { runAt: Date }>(
    `UPDATE "Job"
        SET "status" = 'running', "attempts" = "attempts" + 1, "lockedBy" = ?, "lockedUntil" = ?, "updatedAt" = ?
      WHERE "id" IN (
        SELECT "id" FROM "Job"
         WHERE ${runnable}
         ORDER BY "priority", "runAt"
         LIMIT ?
         ${skipLocked})
      RETURNING "id", "type", "payload", "shopDomain", "attempts", "maxAttempts", "runAt"`,
    [
      options.workerId,
      lockedUntil,
      now,
      ...(options.only ? [options.only.shopDomain, options.only.type, now] : [now, now]),
      options.limit,
    ],
  );
  // RETURNING keeps no order: jobs are run in the order they were due (a batch chains in it).
  return rows
    .map(({ runAt, ...row }) => ({ ...row, due: runAt.getTime() }))
    .sort((a, b) => a.due - b.due)
    .map(({ due: _due, ...row }) => row);
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

/**
 * Sets `assignments` on those of `jobs` this worker still holds, each at its own attempt; returns
 * how many. Raw: Prisma's updateMany over hundreds of ids costs more than the batch's work.
 */
async function updateHeld(
  db: Db,
  jobs: JobLease[],
  workerId: string,
  assignments: string,
  values: unknown[],
): Promise<number> {
  const byAttempt = new Map<number, string[]>();
  for (const job of jobs) byAttempt.set(job.attempts, [...(byAttempt.get(job.attempts) ?? []), job.id]);
  const groups = [...byAttempt];
  const sql = `UPDATE "Job" SET ${assignments}, "updatedAt" = ?
    WHERE "status" = 'running' AND "lockedBy" = ?
      AND (${groups.map(([, ids]) => `("attempts" = ? AND "id" IN (${questionMarks(ids.length)}))`).join(" OR ")})`;
  const bound = [...values, new Date(), workerId, ...groups.flatMap(([attempts, ids]) => [attempts, ...ids])];
  return (await direct(db)).run(sql, bound);
}

/** Extends the leases of a batch's jobs this worker still holds. */
export async function extendLeases(db: Db, jobs: JobLease[], workerId: string, leaseMs: number) {
  if (jobs.length === 0) return 0;
  return updateHeld(db, jobs, workerId, `"lockedUntil" = ?`, [new Date(Date.now() + leaseMs)]);
}

/** Marks a batch's jobs done; returns how many this worker still held. */
export async function completeJobs(db: Db, jobs: JobLease[], workerId: string, now = new Date()) {
  if (jobs.length === 0) return 0;
  return updateHeld(
    db,
    jobs,
    workerId,
    `"status" = 'succeeded', "finishedAt" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL`,
    [now],
  );
}

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
