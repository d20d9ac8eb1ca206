// How the Stripe simulator finds the handler of a request: a table of (method, path pattern)
// routes from each resource file, `expand[]` applied to the answer, and Stripe's 404 for a URL it
// does not know. Handlers are pure functions of the store and the decoded parameters.

import { type Params, StripeSimError } from "./stripe-http";
import type { RedactionJobs } from "./stripe-redaction";
import { billingRoutes } from "./stripe-routes-billing";
import { customerRoutes } from "./stripe-routes-customers";
import { paymentRoutes } from "./stripe-routes-payments";
import type { StripeStore } from "./stripe-store";

/** What a handler sees: the store, the decoded parameters (query for GET/DELETE, body for POST). */
export type RouteContext = {
  store: StripeStore;
  redaction: RedactionJobs;
  params: Params;
  /** The request path, e.g. /v1/customers (for list `url`s). */
  path: string;
};

export type Route = {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  /** Returns the JSON body (status 200) or throws StripeSimError. */
  handle(ctx: RouteContext, match: string[]): unknown;
};

let table: Route[] | null = null;

function routes(redaction: RedactionJobs): Route[] {
  table ??= [...customerRoutes, ...paymentRoutes, ...billingRoutes];
  return [...table, ...redaction.routes];
}

/** Replaces ids by objects along `expand[]` paths (`customer`, `data.payment_intent`, …). */
function expand(body: unknown, paths: string[], store: StripeStore): unknown {
  const walk = (node: unknown, segments: string[]): void => {
    if (typeof node !== "object" || node === null || segments.length === 0) return;
    const [head, ...rest] = segments as [string, ...string[]];
    if (Array.isArray(node)) {
      for (const item of node) walk(item, segments);
      return;
    }
    const record = node as Record<string, unknown>;
    if (rest.length === 0) {
      const value = record[head];
      if (typeof value === "string") record[head] = store.find(value) ?? value;
      return;
    }
    walk(record[head], rest);
  };
  const copy = JSON.parse(JSON.stringify(body)) as unknown;
  for (const path of paths) walk(copy, path.split("."));
  return copy;
}

/** Answers one authenticated request (auth, rate limit, faults and idempotency come before). */
export function dispatch(
  store: StripeStore,
  redaction: RedactionJobs,
  method: string,
  path: string,
  params: Params,
): unknown {
  for (const route of routes(redaction)) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const body = route.handle({ store, redaction, params, path }, match.slice(1));
    const paths = Array.isArray(params.expand) ? params.expand.filter((p) => typeof p === "string") : [];
    return paths.length > 0 ? expand(body, paths as string[], store) : body;
  }
  throw new StripeSimError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  );
}
