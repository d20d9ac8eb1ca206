import { describe, expect, it } from "vitest";
import { PRUNE_JOBS_JOB } from "./definitions/prune-jobs.server";
import { JOBS, SCHEDULES } from "./registry.server";

describe("the job registry", () => {
  it("has a job for every schedule, each type once", () => {
    const ids = JOBS.map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SCHEDULES.map((schedule) => schedule.type).filter((type) => !ids.includes(type))).toEqual([]);
  });

  it("prunes finished jobs every day", () => {
    expect(SCHEDULES).toContainEqual({ type: PRUNE_JOBS_JOB, everyMs: 86_400_000 });
  });
});
