// A Stripe API simulator on 127.0.0.1: the sandbox's "Stripe" and the server the connector's
// tests drive the unchanged official SDK against (`new Stripe(key, { host, port, protocol: "http" })`).
// Faithful where Vigie depends on it: Bearer auth, Stripe's error objects and statuses, form bodies
// in bracket notation, list pagination and search, a per-second rate limit answered with 429,
// idempotency keys (replay, or 400 `idempotency_error` for other parameters), deleted customers
// still retrievable, finalised invoices that cannot be deleted, and the Redaction Jobs preview.
// See docs/decisions/018-stripe-connector.md for what it leaves out.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeStripeForm, type Params, StripeSimError } from "./stripe-http";
import { RedactionJobs, type RedactionTiming } from "./stripe-redaction";
import { dispatch } from "./stripe-routes";
import { StripeStore } from "./stripe-store";

export type { SeededGuest, SeededShopper, ShopperSeed } from "./stripe-seed";
export { seedStripeDemo, seedStripeGuest, seedStripeShopper } from "./stripe-seed";
export type { SimCustomer, SimRecord } from "./stripe-store";
export { REDACTED, StripeStore } from "./stripe-store";
export { signedStripeDelivery, signStripeWebhook, stripeEvent } from "./stripe-webhooks";

/** The API version stripe@23 pins; echoed in `Stripe-Version`. */
const API_VERSION = "2026-10-28.endive";

/** Everything is optional: the defaults give an empty test-mode account. */
export type StripeSimulatorOptions = {
  /** Default: a random `sk_test_…` key. */
  apiKey?: string;
  /** Admitted requests per rolling second before 429 (Stripe's test mode: about 25). */
  rateLimitPerSecond?: number;
  /** Delay before each answer. */
  latencyMs?: number;
  /** How long Redaction Jobs stay `validating` and `redacting`. */
  redaction?: RedactionTiming;
  /** The account's clock: `created` of new objects, the 90-day redaction window, idempotency expiry. */
  now?: () => Date;
};

/** One request as the simulator saw it (status 0: the connection was dropped by a fault). */
export type StripeSimulatorCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  idempotencyKey?: string;
  replayed: boolean;
};

/** An injected failure: an HTTP status with Stripe's error body, or "reset" to drop the connection. */
export type StripeFault = number | "reset";

export type StripeFaultOptions = {
  /** Sends `Stripe-Should-Retry` (the SDK obeys it over its own rules). */
  shouldRetry?: boolean;
  /** Only requests whose path starts with this (e.g. "/v1/charges") take the fault. */
  path?: string;
};

/** A running simulator: where it listens, its key, its state and its controls. */
export type StripeSimulator = {
  host: "127.0.0.1";
  port: number;
  protocol: "http";
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  apiKey: string;
  state: StripeStore;
  redactionJobs: RedactionJobs;
  stats: {
    requests: number;
    /** Requests refused with 429 by the rate limit (not counting injected faults). */
    throttled: number;
    /** POSTs answered from the idempotency store. */
    replayed: number;
    /** The last 10 000 requests, oldest first. */
    calls: StripeSimulatorCall[];
  };
  faults: {
    /** The next `count` authenticated requests (matching `path`, if given) fail this way. */
    next(fault: StripeFault, count?: number, options?: StripeFaultOptions): void;
    clear(): void;
  };
  rateLimit: { configure(options: { perSecond: number }): void };
  /** Calls whose path starts with `prefix` (and has this method), in order. */
  callsTo(prefix: string, method?: string): StripeSimulatorCall[];
  stop(): Promise<void>;
};

const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
  res
    .writeHead(status, { "content-type": "application/json", ...headers })
    .end(typeof body === "string" ? body : JSON.stringify(body));
};

/** Stripe's error for an injected status. */
function faultError(status: number): StripeSimError {
  if (status === 429) return rateLimited();
  if (status === 409) {
    return new StripeSimError(
      409,
      "invalid_request_error",
      "This object cannot be accessed right now because another API request or Stripe process is currently accessing it.",
      "lock_timeout",
    );
  }
  if (status >= 500) {
    return new StripeSimError(
      status,
      "api_error",
      "Sorry, something went wrong. We've already been notified of the problem.",
    );
  }
  return new StripeSimError(status, "invalid_request_error", `Simulated failure (${status}).`);
}

function rateLimited() {
  return new StripeSimError(
    429,
    "invalid_request_error",
    "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
    "rate_limit",
  );
}

/** Stripe compares parameters, not bytes: the same parameters in any order replay. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new StripeSimError(413, "invalid_request_error", "Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

type Stored = { fingerprint: string; status: number; body: string; requestId: string; at: number };

/** Starts the simulator on 127.0.0.1 (a free port). */
export async function startStripeSimulator(options: StripeSimulatorOptions = {}): Promise<StripeSimulator> {
  const apiKey = options.apiKey ?? `sk_test_${randomBytes(18).toString("hex")}`;
  const now = options.now ?? (() => new Date());
  const state = new StripeStore(now);
  const redactionJobs = new RedactionJobs(state, {
    validationMs: options.redaction?.validationMs ?? 100,
    redactionMs: options.redaction?.redactionMs ?? 200,
  });
  let perSecond = options.rateLimitPerSecond ?? 25;
  const admitted: number[] = [];
  const idempotency = new Map<string, Stored>();
  const faultQueue: { fault: StripeFault; options: StripeFaultOptions }[] = [];
  const stats: StripeSimulator["stats"] = { requests: 0, throttled: 0, replayed: 0, calls: [] };

  const server = http.createServer(async (req, res) => {
    stats.requests += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const key =
      typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined;
    const call: StripeSimulatorCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      idempotencyKey: method === "POST" ? key : undefined,
      replayed: false,
    };
    stats.calls.push(call);
    if (stats.calls.length > 10_000) stats.calls.shift();
    res.once("close", () => {
      call.status = res.writableFinished ? res.statusCode : 0;
    });
    const requestId = `req_${randomBytes(7).toString("hex")}`;
    const headers: Record<string, string> = {
      "request-id": requestId,
      "stripe-version":
        typeof req.headers["stripe-version"] === "string" ? req.headers["stripe-version"] : API_VERSION,
      ...(call.idempotencyKey ? { "idempotency-key": call.idempotencyKey } : {}),
    };
    const fail = (error: StripeSimError, extra: Record<string, string> = {}) =>
      send(res, error.status, error.toJSON(), { ...headers, ...extra });

    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (!bearer) {
      return fail(
        new StripeSimError(
          401,
          "invalid_request_error",
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        ),
      );
    }
    if (bearer !== apiKey) {
      // Stripe echoes the key masked to its last four characters.
      return fail(
        new StripeSimError(
          401,
          "invalid_request_error",
          `Invalid API Key provided: ${bearer.slice(0, 8)}****${bearer.slice(-4)}`,
        ),
      );
    }

    const wall = performance.now();
    while (admitted.length > 0 && (admitted[0] as number) <= wall - 1000) admitted.shift();
    if (perSecond > 0 && admitted.length >= perSecond) {
      stats.throttled += 1;
      return fail(rateLimited());
    }
    admitted.push(wall);

    try {
      const raw = method === "POST" ? await readBody(req) : url.search.slice(1);
      const params: Params = decodeStripeForm(raw);
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const faultAt = faultQueue.findIndex((f) => !f.options.path || url.pathname.startsWith(f.options.path));
      if (faultAt >= 0) {
        const [{ fault, options: faultOptions }] = faultQueue.splice(faultAt, 1) as [
          (typeof faultQueue)[number],
        ];
        if (fault === "reset") return void req.socket.destroy();
        const retry: Record<string, string> =
          faultOptions.shouldRetry === undefined
            ? {}
            : { "stripe-should-retry": String(faultOptions.shouldRetry) };
        // An injected failure happens before the endpoint runs: nothing is stored for its key.
        return fail(faultError(fault), retry);
      }
      const nowMs = now().getTime();
      const fingerprint = `${method} ${url.pathname} ${canonical(params)}`;
      if (call.idempotencyKey) {
        const stored = idempotency.get(call.idempotencyKey);
        if (stored && nowMs - stored.at > 24 * 3600_000) idempotency.delete(call.idempotencyKey);
        else if (stored && stored.fingerprint !== fingerprint) {
          return fail(
            new StripeSimError(
              400,
              "idempotency_error",
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${call.idempotencyKey}' if you meant to execute a different request.`,
            ),
          );
        } else if (stored) {
          stats.replayed += 1;
          call.replayed = true;
          return send(res, stored.status, stored.body, {
            ...headers,
            "idempotent-replayed": "true",
            "original-request": stored.requestId,
          });
        }
      }
      const body = JSON.stringify(dispatch(state, redactionJobs, method, url.pathname, params));
      // Stripe saves a result once the endpoint ran; refused parameters save nothing.
      if (call.idempotencyKey) {
        idempotency.set(call.idempotencyKey, { fingerprint, status: 200, body, requestId, at: nowMs });
        // Bounded memory: the SDK keys every POST, so a long sandbox session would pile keys up.
        if (idempotency.size > 50_000) idempotency.delete(idempotency.keys().next().value as string);
      }
      send(res, 200, body, headers);
    } catch (error) {
      if (error instanceof StripeSimError) return fail(error);
      fail(
        new StripeSimError(
          500,
          "api_error",
          "Sorry, something went wrong. We've already been notified of the problem.",
        ),
      );
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    host: "127.0.0.1",
    port,
    protocol: "http",
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    state,
    redactionJobs,
    stats,
    faults: {
      next(fault, count = 1, faultOptions = {}) {
        for (let i = 0; i < count; i++) faultQueue.push({ fault, options: faultOptions });
      },
      clear() {
        faultQueue.length = 0;
      },
    },
    rateLimit: {
      configure({ perSecond: value }) {
        perSecond = value;
        admitted.length = 0;
      },
    },
    callsTo: (prefix, method) =>
      stats.calls.filter((c) => c.path.startsWith(prefix) && (method === undefined || c.method === method)),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
