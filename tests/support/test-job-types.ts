// The jobs tests/support/worker-process.ts runs, for the tests that enqueue them.
import { z } from "zod";
import { defineJobType } from "~/jobs/queue/job-type";

/** Writes "start" and, after a pause, "done" lines to a file: the job's observable effect. */
export const SlowEffectJob = defineJobType({
  id: "test.slow-effect",
  payload: z.object({ file: z.string(), ms: z.number() }),
});

/** Records which worker ran which job, in the database under test. */
export const RecordExecutionJob = defineJobType({ id: "test.record-execution", payload: z.object({}) });
