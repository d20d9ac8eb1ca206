import type { z } from "zod";
import type { Tx } from "~/db/client.server";
import type { JobContext } from "~/jobs/define-job";

export type TopicInput<P> = { shopDomain: string; payload: P; receiptId: string };

/**
 * What a Shopify webhook topic does once its delivery is durably stored: validate the payload,
 * then act, inside one transaction that also marks the receipt processed.
 */
export type TopicHandler<S extends z.ZodType = z.ZodType> = {
  topic: string;
  /** Job priority: compliance topics run first. */
  priority: number;
  payloadSchema: S;
  process(tx: Tx, input: TopicInput<z.infer<S>>, context: JobContext): Promise<void>;
};

export function defineTopic<S extends z.ZodType>(handler: TopicHandler<S>): TopicHandler<S> {
  return handler;
}
