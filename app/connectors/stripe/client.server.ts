// One Stripe client per shop, on the official SDK (`new Stripe(key, config)`, never a shared
// instance: two shops' jobs in one worker keep their own keys). The SDK retries connection errors,
// 409 and 5xx itself (maxNetworkRetries 2) but not a plain 429, so every call goes through `call`,
// which retries 429 with exponential backoff and jitter within a budget (attempts and total wait),
// and maps failures to StripeConnectorError. Lists are read with `each`: the SDK's own
// auto-pagination (`for await`, one page at a time, never the whole list in memory), resumed after
// the last item seen when a page is throttled.
import Stripe from "stripe";
import type { Logger } from "~/utils/logger.server";
import { StripeConnectorError, toStripeConnectorError } from "./errors";
import type { StripeCredentials, StripeEndpoint } from "./schemas";

/** Own retries of 429 answers (the SDK does not retry them). */
export type StripeRetryOptions = {
  /** Attempts after the first (default 5). */
  retries?: number;
  /** First delay (default 500 ms); doubles each attempt. */
  baseDelayMs?: number;
  /** Ceiling of one delay (default 8 s). */
  maxDelayMs?: number;
  /** Ceiling of all the waiting for one call (default 30 s); past it the 429 goes to the job queue. */
  budgetMs?: number;
};

/** What createStripeClient takes. */
export type StripeClientOptions = {
  credentials: StripeCredentials;
  /** The simulator (validated with stripeEndpointSchema); api.stripe.com otherwise. */
  endpoint?: StripeEndpoint;
  /** Per request, default 20 000 ms (the SDK's own default is 80 s). */
  timeoutMs?: number;
  /** Network retries inside the SDK (connection errors, 409, 5xx); default 2. */
  maxNetworkRetries?: number;
  retry?: StripeRetryOptions;
  log: Logger;
  /** Randomness for the jitter (tests). */
  random?: () => number;
  /** Waiting (tests). */
  sleep?: (ms: number) => Promise<void>;
};

/** The SDK, behind the 429 retries and the error mapping. */
export type StripeClient = {
  readonly sdk: Stripe;
  /** One request (or a few); retried on 429; rejects with StripeConnectorError. */
  call<T>(operation: string, send: (sdk: Stripe) => Promise<T>): Promise<T>;
  /**
   * Every item of a list, streamed page by page. `open` starts the SDK list after `startingAfter`
   * (undefined at first); after a throttled page, the list is opened again after the last item seen.
   */
  each<T extends { id: string }>(
    operation: string,
    open: (sdk: Stripe, startingAfter: string | undefined) => AsyncIterable<T>,
  ): AsyncGenerator<T>;
};

const DEFAULT_TIMEOUT_MS = 20_000;

/** Delay before retry `attempt` (1-based): base·2^(attempt-1), capped, times a jitter in [0.5, 1). */
export function backoffDelayMs(attempt: number, retry: Required<StripeRetryOptions>, random: () => number) {
  const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the SDK client for one shop's credentials (already validated). */
export function createStripeClient(options: StripeClientOptions): StripeClient {
  const { credentials, endpoint, log } = options;
  const sdk = new Stripe(credentials.secretKey, {
    ...(endpoint ? { host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol } : {}),
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // The SDK would otherwise report our request timings to Stripe on the next request.
    telemetry: false,
    appInfo: { name: "Vigie" },
  });
  const retry: Required<StripeRetryOptions> = {
    retries: options.retry?.retries ?? 5,
    baseDelayMs: options.retry?.baseDelayMs ?? 500,
    maxDelayMs: options.retry?.maxDelayMs ?? 8_000,
    budgetMs: options.retry?.budgetMs ?? 30_000,
  };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;

  /** Waits before the next attempt, or returns false when the budget is spent. */
  async function backoff(
    operation: string,
    error: StripeConnectorError,
    attempt: number,
    waited: { ms: number },
  ) {
    if (error.kind !== "rate_limit" || attempt > retry.retries) return false;
    const delayMs = backoffDelayMs(attempt, retry, random);
    if (waited.ms + delayMs > retry.budgetMs) return false;
    waited.ms += delayMs;
    log.warn("stripe rate limited, retrying", { operation, attempt, delayMs, requestId: error.requestId });
    await sleep(delayMs);
    return true;
  }

  const fail = (raw: unknown, operation: string) => {
    const error = toStripeConnectorError(raw, operation);
    if (error instanceof StripeConnectorError) return error;
    throw raw;
  };

  return {
    sdk,
    async call(operation, send) {
      const waited = { ms: 0 };
      for (let attempt = 1; ; attempt++) {
        try {
          return await send(sdk);
        } catch (raw) {
          const error = fail(raw, operation);
          if (!(await backoff(operation, error, attempt, waited))) throw error;
        }
      }
    },
    async *each(operation, open) {
      let after: string | undefined;
      let attempt = 1;
      const waited = { ms: 0 };
      for (;;) {
        try {
          for await (const item of open(sdk, after)) {
            after = item.id;
            // Progress since the last throttle: the next one starts a fresh budget.
            attempt = 1;
            waited.ms = 0;
            yield item;
          }
          return;
        } catch (raw) {
          const error = fail(raw, operation);
          if (!(await backoff(operation, error, attempt, waited))) throw error;
          attempt += 1;
        }
      }
    },
  };
}
