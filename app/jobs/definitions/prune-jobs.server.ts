// Daily: deletes finished jobs past their keeping period (FINISHED_JOB_DAYS).
import { z } from "zod";
import { defineJob } from "../define-job";
import { pruneFinishedJobs } from "../queue.server";

export const PRUNE_JOBS_JOB = "jobs.prune";

export const pruneJobsJob = defineJob({
  id: PRUNE_JOBS_JOB,
  payloadSchema: z.object({}),
  async handler(_payload, { db, log }) {
    const pruned = await pruneFinishedJobs(db);
    if (pruned > 0) log.info("finished jobs pruned", { pruned });
  },
});
