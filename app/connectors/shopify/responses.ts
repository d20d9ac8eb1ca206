// The envelope of every Admin GraphQL answer: data, errors, and the cost extension Shopify adds.
import { z } from "zod";

/** Shopify's leaky bucket for this app on this shop, in cost points. */
export type ThrottleStatus = {
  maximumAvailable: number;
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
};

/** `extensions.cost` of an answer. `actualQueryCost` is null when the query did not run (THROTTLED). */
export type QueryCost = {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
};

export type GraphqlError = {
  message: string;
  /** The field the error is about, from the root of `data` (aliases and list indexes included). */
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
};

export const ThrottleStatusSchema: z.ZodType<ThrottleStatus> = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});

export const QueryCostSchema: z.ZodType<QueryCost> = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullable(),
  throttleStatus: ThrottleStatusSchema,
});

const GraphqlErrorSchema: z.ZodType<GraphqlError> = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z.looseObject({ code: z.string().optional() }).optional(),
});

export const GraphqlResponseSchema = z.object({
  data: z.unknown().optional(),
  // Always a list on a 200; a bare string or object is normalised to one error without a code.
  errors: z
    .union([
      z.array(GraphqlErrorSchema),
      z.string().transform((message): GraphqlError[] => [{ message }]),
      z.record(z.string(), z.unknown()).transform((): GraphqlError[] => [{ message: "error object" }]),
    ])
    .optional(),
  extensions: z.looseObject({ cost: QueryCostSchema.optional() }).optional(),
});
