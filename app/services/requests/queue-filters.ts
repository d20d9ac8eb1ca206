// The requests list's filters, shared by the page and its loader; kept in the URL so a filtered list
// can be bookmarked, reloaded and shared between staff (docs/decisions/056).
import { z } from "zod";
import { REQUEST_TYPES } from "~/domain/requests/request-types";

/** Where the request's clock stands: past its due day, due within 7 days, later, or stopped. */
export const DUE_FILTERS = ["overdue", "due_soon", "later", "paused"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** "open" and "closed" group the lifecycle states; the others are one state each. */
export const STATE_FILTERS = [
  "open",
  "closed",
  "all",
  "received",
  "identity_check",
  "in_progress",
  "answered",
  "refused",
  "withdrawn",
  "closed_unverified",
] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const PAGE_SIZE = 50;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** The list's query string; anything unknown or malformed falls back to "no filter". */
export const RequestListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  type: optionalEnum(REQUEST_TYPES),
  state: z.enum(STATE_FILTERS).catch("open").default("open"),
  due: optionalEnum(DUE_FILTERS),
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional()
    .catch(undefined),
});
export type RequestListQuery = Omit<z.infer<typeof RequestListQuerySchema>, "q"> & { q?: string };

export function parseRequestListQuery(params: URLSearchParams): RequestListQuery {
  return RequestListQuerySchema.parse(Object.fromEntries(params));
}

/** The query string of a list view (only what differs from the defaults). */
export function requestListSearch(query: Partial<RequestListQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.type) params.set("type", query.type);
  if (query.state && query.state !== "open") params.set("state", query.state);
  if (query.due) params.set("due", query.due);
  if (query.after) params.set("after", query.after);
  return params.toString();
}

/** The former tabs (links made before the filters, and `listRequests`). */
export const QUEUE_FILTERS = ["open", "due_soon", "overdue", "paused", "closed", "all"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
