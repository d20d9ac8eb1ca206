// Finished jobs are kept for a while (proof that work ran, dead jobs for staff), then deleted.
import type { Db } from "~/db/client.server";

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
