// A thin, cost-aware client for the Shopify Admin GraphQL API. It runs in offline jobs (no staff
// request, hence no `admin.graphql` from the Remix library) and honours Shopify's leaky bucket: it
// waits before sending when the last known bucket cannot pay for the query, waits exactly as long as
// the restore rate needs when Shopify answers THROTTLED, and backs off on 429/5xx/network errors.
// See docs/decisions/015-shopify-admin-connector.md.

import type { z } from "zod";
import type { Logger } from "~/utils/logger.server";
import { ADMIN_API_VERSION } from "./api-version";
import { ShopifyAdminError } from "./errors";
import { type GraphqlError, GraphqlResponseSchema, type QueryCost, type ThrottleStatus } from "./responses";

export type { QueryCost, ThrottleStatus } from "./responses";

export type ShopifyAdminClientOptions = {
  /** `<name>.myshopify.com`. */
  shop: string;
  accessToken: string;
  apiVersion?: string;
  /** Defaults to `https://<shop>`; the simulator's URL in the sandbox and in tests. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Injectable for tests: the waits are recorded instead of slept. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds clock used to age the last known bucket. */
  now?: () => number;
  /** In [0, 1): jitter source. */
  random?: () => number;
  /** Retries after 429, 5xx and network errors before giving up (default 4). */
  maxRetries?: number;
  /** THROTTLED answers waited out before giving up (default 10). */
  maxThrottleWaits?: number;
  /** First backoff delay; doubles each retry (default 500 ms), capped by `maxDelayMs` (30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  log?: Logger;
};

export type GraphqlOptions<T> = {
  /** Validates `data`; the result is typed by it. */
  schema?: z.ZodType<T>;
  /** Expected requested cost; defaults to what this operation cost last time. */
  expectedCost?: number;
  /**
   * Told the names of protected customer data fields Shopify withheld (answered null with a
   * field-level ACCESS_DENIED because the app is not approved for them): they are absent, not a failure.
   */
  onWithheld?: (fields: string[]) => void;
};

export type ShopifyAdminClient = {
  /**
   * Runs one query or mutation and returns its `data` (userErrors included, for the caller to read).
   * Throws `ShopifyAdminError` (a `ConnectorError`): retryable after the retry budget is spent on
   * 429/5xx/network/THROTTLED; not retryable for 401/403, other 4xx, GraphQL errors and bad shapes.
   */
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GraphqlOptions<T>,
  ): Promise<T>;
  /** The bucket as last reported by Shopify, aged to now with the restore rate; null before any call. */
  throttleStatus(): ThrottleStatus | null;
};

const THROTTLE_JITTER_MS = 250;

/** The operation's name (`query VigieCustomer(…)` → `VigieCustomer`), for cost memory and logs. */
export function operationName(query: string): string {
  return /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? "anonymous";
}

/** Seconds of a Retry-After header (delta-seconds or HTTP date), in ms; null when absent or unusable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Creates a client bound to one shop and token. Holds the last throttle status of that shop. */
export function createShopifyAdminClient(options: ShopifyAdminClientOptions): ShopifyAdminClient {
  const apiVersion = options.apiVersion ?? ADMIN_API_VERSION;
  const baseUrl = (options.baseUrl ?? `https://${options.shop}`).replace(/\/+$/, "");
  const endpoint = `${baseUrl}/admin/api/${apiVersion}/graphql.json`;
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRetries ?? 4;
  const maxThrottleWaits = options.maxThrottleWaits ?? 10;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = options.log;

  let bucket: { status: ThrottleStatus; at: number } | null = null;
  // Requested cost of each operation the last time it ran: the estimate for the next run.
  const lastCost = new Map<string, number>();

  function currentBucket(): ThrottleStatus | null {
    if (!bucket) return null;
    const { status, at } = bucket;
    const restored = (status.restoreRate * Math.max(0, now() - at)) / 1000;
    return {
      ...status,
      currentlyAvailable: Math.min(status.maximumAvailable, status.currentlyAvailable + restored),
    };
  }

  function backoffMs(retry: number): number {
    const base = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
    return Math.round(base * (0.75 + random() * 0.5));
  }

  /** How long until the bucket holds `cost` points, by the restore rate (+ jitter); 0 if it does. */
  function refillWaitMs(status: ThrottleStatus, cost: number): number {
    const needed = Math.min(cost, status.maximumAvailable) - status.currentlyAvailable;
    if (needed <= 0 || status.restoreRate <= 0) return 0;
    return Math.ceil((needed * 1000) / status.restoreRate + random() * THROTTLE_JITTER_MS);
  }

  async function graphql<T>(
    query: string,
    variables?: Record<string, unknown>,
    opts: GraphqlOptions<T> = {},
  ): Promise<T> {
    const operation = operationName(query);
    const body = JSON.stringify({ query, variables: variables ?? {} });
    let retries = 0;
    let throttleWaits = 0;

    const retryOrThrow = async (error: ShopifyAdminError, delayMs: number | null) => {
      retries += 1;
      if (retries > maxRetries) throw error;
      const wait = delayMs ?? backoffMs(retries);
      if (wait > maxDelayMs * 2) throw error; // a Retry-After this long is the job queue's business
      log?.warn("shopify admin call failed; retrying", { operation, status: error.status, retries, wait });
      await sleep(wait);
    };

    for (;;) {
      const expected = opts.expectedCost ?? lastCost.get(operation);
      const known = currentBucket();
      if (known && expected !== undefined) {
        const wait = refillWaitMs(known, expected);
        if (wait > 0) {
          log?.debug("shopify bucket low; waiting before sending", { operation, wait });
          await sleep(wait);
        }
      }

      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-Shopify-Access-Token": options.accessToken,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        await retryOrThrow(
          new ShopifyAdminError("NETWORK", `Shopify ${operation}: no response (network error)`, true),
          null,
        );
        continue;
      }

      const status = response.status;
      if (status === 429 || status >= 500) {
        const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now());
        await response.text().catch(() => "");
        await retryOrThrow(
          new ShopifyAdminError("HTTP", `Shopify ${operation}: HTTP ${status}`, true, status),
          status === 429 ? retryAfter : null,
        );
        continue;
      }
      const text = await response.text().catch(() => null);
      if (status === 401 || status === 403) {
        throw new ShopifyAdminError(
          "UNAUTHORIZED",
          `Shopify ${operation}: HTTP ${status}, the access token was refused`,
          false,
          status,
        );
      }
      if (status < 200 || status >= 300) {
        throw new ShopifyAdminError("HTTP", `Shopify ${operation}: HTTP ${status}`, false, status);
      }

      const parsed = GraphqlResponseSchema.safeParse(safeJson(text));
      if (!parsed.success) {
        // A 200 that is not GraphQL JSON is a proxy or an outage page: try again.
        await retryOrThrow(
          new ShopifyAdminError(
            "HTTP",
            `Shopify ${operation}: HTTP ${status} without a GraphQL body`,
            true,
            status,
          ),
          null,
        );
        continue;
      }
      const { data, errors, extensions } = parsed.data;
      const cost: QueryCost | undefined = extensions?.cost;
      if (cost) {
        bucket = { status: cost.throttleStatus, at: now() };
        lastCost.set(operation, cost.requestedQueryCost);
      }

      const errorList: GraphqlError[] = errors ?? [];
      if (errorList.some((e) => e.extensions?.code === "THROTTLED")) {
        throttleWaits += 1;
        if (throttleWaits > maxThrottleWaits) {
          throw new ShopifyAdminError("THROTTLED", `Shopify ${operation}: still throttled`, true, status, [
            "THROTTLED",
          ]);
        }
        const requested = cost?.requestedQueryCost ?? expected;
        const wait =
          cost && requested !== undefined
            ? refillWaitMs(cost.throttleStatus, requested)
            : backoffMs(throttleWaits);
        log?.debug("shopify throttled; waiting for the bucket", { operation, wait });
        await sleep(Math.max(wait, 1));
        continue;
      }
      const withheld = errorList.filter((e) => isWithheldField(e, data));
      if (withheld.length > 0 && withheld.length === errorList.length) {
        const fields = [...new Set(withheld.map((e) => String(e.path?.at(-1))))];
        log?.warn("shopify withheld protected customer data fields", { operation, fields });
        opts.onWithheld?.(fields);
      } else if (errorList.length > 0) {
        const codes = [...new Set(errorList.map((e) => e.extensions?.code ?? "UNKNOWN"))];
        throw new ShopifyAdminError(
          "GRAPHQL",
          `Shopify ${operation}: GraphQL error ${codes.join(", ")}`,
          false,
          status,
          codes,
        );
      }
      if (!opts.schema) return data as T;
      const checked = opts.schema.safeParse(data);
      if (checked.success) return checked.data;
      const paths = [...new Set(checked.error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 5);
      throw new ShopifyAdminError(
        "RESPONSE_SHAPE",
        `Shopify ${operation}: unexpected response shape at ${paths.join(", ")}`,
        false,
        status,
      );
    }
  }

  return { graphql, throttleStatus: currentBucket };
}

/**
 * A field inside the answer that Shopify withheld (protected customer data the app is not approved
 * for): ACCESS_DENIED on a path below a top-level field, with the rest of the data served. A missing
 * scope denies the top-level field itself and stays a failure.
 */
function isWithheldField(error: GraphqlError, data: unknown): boolean {
  return (
    error.extensions?.code === "ACCESS_DENIED" &&
    Array.isArray(error.path) &&
    error.path.length >= 2 &&
    data !== null &&
    typeof data === "object"
  );
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
