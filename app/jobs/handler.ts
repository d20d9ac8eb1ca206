// What a job's handler receives, and how one is bound to its job type.
import type { z } from "zod";
import type { Dialect } from "~/config.server";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db } from "~/db/client.server";
import type { MailTransport } from "~/mail/transport.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import type { Logger } from "~/utils/logger.server";
import type { JobType } from "./queue/job-type";

export type JobContext = {
  db: Db;
  dialect: Dialect;
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** The job's last allowed attempt: a failure then is final (dead), no retry follows. */
  maxAttempts: number;
  shopDomain: string | null;
  log: Logger;
  /** Aborted when the worker shuts down: long handlers should stop at a safe point. */
  signal: AbortSignal;
  /** Seals what jobs store encrypted (export staging, vendor credentials). */
  secretKey: Buffer;
  /** The outside systems a shop is connected to. */
  connectors: (shopDomain: string) => Promise<ShopConnectors>;
  /** What links in a shop's e-mails are built from. */
  links: (shopDomain: string, proxyPrefix?: string) => LinkContext;
  /** How e-mails leave: SMTP, or the outbox. */
  mail: MailTransport;
};

export type JobHandler<T extends JobType = JobType> = {
  type: T;
  /**
   * Parses nothing itself (the worker checks the payload against the type's schema) and calls one
   * service. Must be idempotent: a job runs at least once, and again after a crash.
   */
  run: (payload: z.infer<T["payload"]>, context: JobContext) => Promise<void>;
  /**
   * For a type that declares `batch`: runs several jobs of one shop at once (in the order given),
   * and returns the ids of those it finished, all or none of them committed together. The worker
   * runs every other job of the batch alone with `run`, after it: a job the batch cannot take (a
   * malformed payload, an unusual case) keeps the exact semantics of a single run.
   */
  runBatch?: (jobs: BatchJob<T>[], context: JobContext) => Promise<string[]>;
};

export type BatchJob<T extends JobType = JobType> = {
  jobId: string;
  attempt: number;
  payload: z.infer<T["payload"]>;
};

/** Binds a handler to its job type; the identity function keeps the payload type tied to it. */
export function handle<T extends JobType>(
  type: T,
  run: JobHandler<T>["run"],
  runBatch?: JobHandler<T>["runBatch"],
): JobHandler<T> {
  return runBatch ? { type, run, runBatch } : { type, run };
}

/** Thrown by a handler for an error that retrying cannot fix: the job goes straight to dead. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
