import type { z } from "zod";
import type { Dialect } from "~/config.server";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db } from "~/db/client.server";
import type { Logger } from "~/utils/logger.server";

export type JobContext = {
  db: Db;
  dialect: Dialect;
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  shopDomain: string | null;
  log: Logger;
  /** Aborted when the worker shuts down: long handlers should stop at a safe point. */
  signal: AbortSignal;
  /** Seals what jobs store encrypted (export staging, vendor credentials). */
  secretKey: Buffer;
  /** The outside systems a shop is connected to. */
  connectors: (shopDomain: string) => Promise<ShopConnectors>;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  /** Stable id stored in Job.type, e.g. "webhook.process". Never rename one with rows in flight. */
  id: string;
  payloadSchema: S;
  /** Must be idempotent: a job runs at least once, and again after a crash. */
  handler: (payload: z.infer<S>, context: JobContext) => Promise<void>;
};

/** Declares a job; the identity function keeps the payload type tied to its schema. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Thrown by a handler for an error that retrying cannot fix: the job goes straight to dead. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
