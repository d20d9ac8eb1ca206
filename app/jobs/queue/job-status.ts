export type JobStatus = "pending" | "running" | "failed" | "succeeded" | "dead";

/** Every job status, in lifecycle order ("failed" means: will be retried). */
export const JOB_STATUSES: JobStatus[] = ["pending", "running", "failed", "succeeded", "dead"];
