// A job's contract: its stored id, the schema of its payload and its defaults. Services enqueue
// against it; the registry binds it to its handler (app/jobs/registry.server.ts).
import type { z } from "zod";

export type JobType<S extends z.ZodType = z.ZodType> = {
  /** Stored in Job.type. NOTE: never rename one with rows in flight. */
  id: string;
  /** Ids only, never personal data: job rows are kept for weeks and shown to staff. */
  payload: S;
  /** Lower runs first: webhook intake 10, e-mails 20, consent sync and erasures 30, exports 40. */
  priority: number;
  maxAttempts: number;
  /**
   * Set when the handler can run many jobs of one shop at once (`runBatch`): the worker then claims
   * up to this many of the type's due jobs for that shop together (docs/decisions/080).
   */
  batch?: number;
  /**
   * How long a batch smaller than `batch` waits for more of its shop's jobs before it starts: a
   * burst then runs as a few large batches, whose fixed cost is shared, rather than as many small
   * ones (docs/decisions/091).
   */
  lingerMs?: number;
};

/** What `enqueue` takes for a job type: its payload schema's input. */
export type PayloadOf<T extends JobType> = z.input<T["payload"]>;

export function defineJobType<S extends z.ZodType>(type: {
  id: string;
  payload: S;
  priority?: number;
  maxAttempts?: number;
  batch?: number;
  lingerMs?: number;
}): JobType<S> {
  return { priority: 50, maxAttempts: 10, ...type };
}
