import type { z } from "zod";
import type { Tx } from "~/db/client.server";
import type { JobContext } from "~/jobs/handler";

export type TopicInput<P, L = undefined> = { shopDomain: string; payload: P; receiptId: string; loaded: L };

/**
 * What a webhook topic does once its delivery is durably stored: validate the payload, optionally
 * read what it needs from an outside system (`load`, outside any transaction), then act inside
 * one transaction that also marks the receipt processed.
 */
export type TopicHandler<S extends z.ZodType = z.ZodType, L = unknown> = {
  topic: string;
  /** Job priority: compliance topics run first. */
  priority: number;
  payloadSchema: S;
  load?(input: Omit<TopicInput<z.infer<S>>, "loaded">, context: JobContext): Promise<L>;
  process(tx: Tx, input: TopicInput<z.infer<S>, L>, context: JobContext): Promise<void>;
  /**
   * Several deliveries of one shop at once, in the order given, in one transaction: what `process`
   * does to each in turn, set-based (docs/decisions/080). Only for topics without `load`.
   */
  processBatch?(tx: Tx, inputs: TopicInput<z.infer<S>, L>[], context: JobContext): Promise<void>;
};

export function defineTopic<S extends z.ZodType, L = undefined>(
  handler: TopicHandler<S, L>,
): TopicHandler<S, L> {
  return handler;
}
