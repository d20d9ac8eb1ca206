// Flows of jobs keyed `<prefix><attempt>` (an export part, an erasure system: a retry is a new job
// of the flow), dead jobs staff put back, and the counts the dashboard shows.
import { afterCommit, type Db, type Tx } from "~/db/client.server";
import { JOB_STATUSES, type JobStatus } from "./job-status";
import { jobsAdded } from "./notify.server";

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

/** Puts a dead job back in the queue with a fresh set of attempts. Scoped to the shop. */
export async function requeueDeadJob(tx: Tx, jobId: string, shopDomain: string): Promise<boolean> {
  const { count } = await tx.job.updateMany({
    where: { id: jobId, shopDomain, status: "dead" },
    data: { status: "pending", attempts: 0, runAt: new Date(), finishedAt: null },
  });
  if (count === 1) afterCommit(tx, jobsAdded);
  return count === 1;
}

/** Job counts by status for one shop (the dashboard). */
export async function countJobsByStatus(db: Db, shopDomain: string): Promise<Record<JobStatus, number>> {
  const groups = await db.job.groupBy({ by: ["status"], where: { shopDomain }, _count: { _all: true } });
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const group of groups) counts[group.status as JobStatus] = group._count._all;
  return counts;
}
