// A Shopify Admin GraphQL API on 127.0.0.1 for the sandbox and the tests: per-shop access tokens,
// calculated query costs with a leaky bucket per app+shop, THROTTLED answers as HTTP 200, injected
// 429/5xx/connection resets, and customers/email_marketing_consent_update webhooks signed like
// Shopify's. It serves only the operations Vigie sends, each by a hand-written resolver matched on
// the operation name (no GraphQL engine: the documents are fixed, see connectors/shopify/operations.ts).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import {
  BULK_RESOLVERS,
  type BulkControls,
  type BulkOptions,
  createBulkOperations,
} from "./shopify-admin-bulk";
import { type GraphqlErrorOut, hasScope, type Resolver, VariableError } from "./shopify-admin-graphql";
import { MUTATION_RESOLVERS } from "./shopify-admin-mutations";
import { QUERY_RESOLVERS } from "./shopify-admin-queries";
import { RECTIFICATION_RESOLVERS } from "./shopify-admin-rectification";
import { ShopifyAdminStore, type ShopifySimulatorSeed, type SimCustomer } from "./shopify-admin-store";
import {
  createWebhookDispatcher,
  type WebhookConfig,
  type WebhookDelivery,
} from "./shopify-admin-webhooks.server";

export type { ShopifySimulatorSeed } from "./shopify-admin-store";
export type { WebhookConfig, WebhookDelivery } from "./shopify-admin-webhooks.server";

export type ThrottleConfig = { maximumAvailable: number; restoreRate: number };

export type ShopifyAdminSimulatorOptions = {
  seed?: ShopifySimulatorSeed;
  /** Milliseconds clock for the bucket and timestamps; tests advance it instead of sleeping. */
  now?: () => number;
  /** Defaults to a Standard plan: 1000 points, 100 restored per second. */
  throttle?: ThrottleConfig;
  port?: number;
  /** How bulk operations run (how long, how long their result URL lives). */
  bulk?: BulkOptions;
};

export type SimulatorStats = {
  /** Requests to the GraphQL endpoint, whatever their outcome. */
  requests: number;
  /** Operations executed (not throttled, not refused), by operation name. */
  operations: Record<string, number>;
  throttled: number;
  faulted: number;
  unauthorized: number;
  webhooks: { delivered: number; failed: number };
};

export type ShopifyAdminSimulator = {
  /** `http://127.0.0.1:<port>`: the client's `baseUrl`. The access token tells which shop is meant. */
  baseUrl: string;
  accessTokenFor(shop: string): string;
  state: ShopifyAdminStore;
  stats: SimulatorStats;
  faults: {
    /** The next `count` requests get `status` (or a dropped connection for "reset") before any check. */
    next(status: number | "reset", count?: number, options?: { retryAfter?: number | string }): void;
    clear(): void;
  };
  throttle: {
    /** Applies to every shop and refills every bucket. */
    configure(config: ThrottleConfig): void;
    status(shop: string): { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  };
  /** Where and how consent webhooks are delivered; null stops them. */
  onWebhook(config: WebhookConfig | null): void;
  /** A merchant or shopper changing consent in Shopify: the state changes and the webhook goes out. */
  simulateConsentChange(
    shop: string,
    customerId: number | string,
    state: string,
    options?: { optInLevel?: string | null; at?: Date },
  ): void;
  /**
   * A merchant changing the shop's time zone in Shopify's settings: `Shop.ianaTimezone` changes and
   * `shop/update` goes out with the shop's REST representation (its `iana_timezone`).
   */
  simulateTimeZoneChange(shop: string, ianaTimezone: string): void;
  /** Bulk query operations: fail the next one, expire result URLs, hold them running. */
  bulk: BulkControls;
  webhookDeliveries: WebhookDelivery[];
  /** Resolves when no webhook delivery is in flight. */
  webhooksIdle(): Promise<void>;
  stop(): Promise<void>;
};

const RESOLVERS: Record<string, Resolver> = {
  ...QUERY_RESOLVERS,
  ...MUTATION_RESOLVERS,
  ...BULK_RESOLVERS,
  ...RECTIFICATION_RESOLVERS,
};
const ENDPOINT = /^\/admin\/api\/(\d{4}-(?:01|04|07|10)|unstable)\/graphql\.json$/;
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
const CONSENT_TOPIC = "customers/email_marketing_consent_update";
const BULK_FINISH_TOPIC = "bulk_operations/finish";
const SHOP_UPDATE_TOPIC = "shop/update";
const MAX_BODY = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "X-Request-Id": randomUUID(),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function consentWebhookBody(customer: SimCustomer) {
  const consent = customer.emailMarketing;
  return {
    customer_id: customer.id,
    email_address: customer.email,
    email_marketing_consent: consent
      ? {
          state: consent.state.toLowerCase(),
          opt_in_level: consent.optInLevel?.toLowerCase() ?? null,
          consent_updated_at: consent.consentUpdatedAt,
        }
      : null,
  };
}

/** Starts the simulator on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function startShopifyAdminSimulator(
  options: ShopifyAdminSimulatorOptions = {},
): Promise<ShopifyAdminSimulator> {
  const now = options.now ?? Date.now;
  const store = new ShopifyAdminStore(now);
  if (options.seed) store.seed(options.seed);
  let throttleConfig: ThrottleConfig = options.throttle ?? { maximumAvailable: 1000, restoreRate: 100 };
  const buckets = new Map<string, { available: number; at: number }>();
  const faults: Array<{ status: number | "reset"; retryAfter?: number | string }> = [];
  const stats: SimulatorStats = {
    requests: 0,
    operations: {},
    throttled: 0,
    faulted: 0,
    unauthorized: 0,
    webhooks: { delivered: 0, failed: 0 },
  };
  const webhooks = createWebhookDispatcher(now, stats.webhooks);
  let baseUrl = "";
  const bulk = createBulkOperations({
    store,
    now,
    baseUrl: () => baseUrl,
    options: options.bulk,
    // Shopify's payload for this topic (REST-style, lower-case status).
    finished: (shop, op) =>
      webhooks.emit(shop, BULK_FINISH_TOPIC, {
        admin_graphql_api_id: op.gid,
        completed_at: op.completedAt,
        created_at: op.createdAt,
        error_code: op.errorCode?.toLowerCase() ?? null,
        status: op.status.toLowerCase(),
        type: "query",
      }),
  });

  /** The shop's bucket, refilled for the time elapsed since it was last touched. */
  function bucket(shop: string) {
    const current = buckets.get(shop) ?? { available: throttleConfig.maximumAvailable, at: now() };
    const elapsed = Math.max(0, now() - current.at) / 1000;
    current.available = Math.min(
      throttleConfig.maximumAvailable,
      current.available + elapsed * throttleConfig.restoreRate,
    );
    current.at = now();
    buckets.set(shop, current);
    return current;
  }

  function costExtension(shop: string, requested: number, actual: number | null) {
    const { available } = bucket(shop);
    return {
      cost: {
        requestedQueryCost: requested,
        actualQueryCost: actual,
        throttleStatus: {
          maximumAvailable: throttleConfig.maximumAvailable,
          currentlyAvailable: Math.floor(available),
          restoreRate: throttleConfig.restoreRate,
        },
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method === "GET" && bulk.serve(req, res)) return;
    const raw = await readBody(req);
    const match = ENDPOINT.exec(new URL(req.url ?? "/", "http://simulator").pathname);
    if (!match || req.method !== "POST") return send(res, 404, { errors: "Not Found" });
    stats.requests += 1;
    const fault = faults.shift();
    if (fault) {
      stats.faulted += 1;
      if (fault.status === "reset") return void req.socket.destroy();
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { "Retry-After": `${fault.retryAfter}` };
      const message =
        fault.status === 429
          ? "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."
          : (STATUS_CODES[fault.status] ?? "Error");
      return send(res, fault.status, { errors: message }, headers);
    }
    const versionHeader = { "X-Shopify-API-Version": match[1] ?? "" };
    const token = req.headers["x-shopify-access-token"];
    const shop = store.shopByToken(typeof token === "string" ? token : undefined);
    if (!shop) {
      stats.unauthorized += 1;
      return send(res, 401, { errors: INVALID_TOKEN }, versionHeader);
    }
    if (raw === null) return send(res, 413, { errors: "Request Entity Too Large" });
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      body = {};
    }
    if (typeof body?.query !== "string") {
      return send(res, 400, { errors: { query: "Required parameter missing or invalid" } }, versionHeader);
    }
    const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<
      string,
      unknown
    >;
    const name =
      typeof body.operationName === "string"
        ? body.operationName
        : (/\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body.query)?.[1] ?? "");
    const answer = (
      data: unknown,
      errors: GraphqlErrorOut[] | undefined,
      requested: number,
      actual: number | null,
    ) =>
      send(
        res,
        200,
        {
          ...(data === undefined ? {} : { data }),
          ...(errors ? { errors } : {}),
          extensions: costExtension(shop.domain, requested, actual),
        },
        versionHeader,
      );
    const resolver = RESOLVERS[name];
    if (!resolver) {
      const message = `The Shopify simulator does not serve the operation "${name}"`;
      return answer(undefined, [{ message, extensions: { code: "NOT_IMPLEMENTED" } }], 0, 0);
    }
    try {
      const requested = resolver.requestedCost(variables);
      if (requested > throttleConfig.maximumAvailable) {
        const message = `Query cost is ${requested}, which exceeds the single query max cost limit (${throttleConfig.maximumAvailable}).`;
        const extensions = {
          code: "MAX_COST_EXCEEDED",
          cost: requested,
          maxCost: throttleConfig.maximumAvailable,
        };
        return answer(undefined, [{ message, extensions }], requested, null);
      }
      const shopBucket = bucket(shop.domain);
      if (shopBucket.available < requested) {
        stats.throttled += 1;
        const extensions = { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" };
        return answer(undefined, [{ message: "Throttled", extensions }], requested, null);
      }
      const missing = resolver.scopes.find((scope) => !hasScope(shop, scope));
      if (missing) {
        const message = `Access denied for ${resolver.field} field. Required access: \`${missing}\` access scope.`;
        const extensions = {
          code: "ACCESS_DENIED",
          documentation: "https://shopify.dev/api/usage/access-scopes",
        };
        shopBucket.available -= 1;
        return answer(
          { [resolver.field]: null },
          [{ message, path: [resolver.field], extensions }],
          requested,
          1,
        );
      }
      const ctx = {
        store,
        shop,
        now,
        bulk,
        consentChanged: (customer: SimCustomer) =>
          webhooks.emit(shop.domain, CONSENT_TOPIC, consentWebhookBody(customer)),
      };
      const resolved = resolver.resolve(ctx, variables);
      shopBucket.available -= resolved.actualCost;
      stats.operations[name] = (stats.operations[name] ?? 0) + 1;
      const withheld = withholdFields(resolved.data, shop.withheld);
      const errors = [...(resolved.errors ?? []), ...withheld];
      return answer(resolved.data, errors.length > 0 ? errors : undefined, requested, resolved.actualCost);
    } catch (error) {
      if (!(error instanceof VariableError)) throw error;
      return answer(undefined, [{ message: error.message, extensions: { code: "INVALID_VARIABLE" } }], 0, 0);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { errors: "Internal Server Error" });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accessTokenFor: (shop) => store.shop(shop).accessToken,
    state: store,
    stats,
    faults: {
      next(status, count = 1, faultOptions = {}) {
        for (let i = 0; i < count; i++) faults.push({ status, retryAfter: faultOptions.retryAfter });
      },
      clear: () => void faults.splice(0),
    },
    throttle: {
      configure(config) {
        throttleConfig = { ...config };
        buckets.clear();
      },
      status(shop) {
        const { available } = bucket(shop);
        return { ...throttleConfig, currentlyAvailable: Math.floor(available) };
      },
    },
    onWebhook: (config) => webhooks.configure(config),
    simulateConsentChange(shop, customerId, state, change = {}) {
      const customer = store.customer(shop, customerId);
      if (!customer?.email) throw new Error("Shopify simulator: no such customer with an e-mail address");
      const changed = store.setEmailConsent(customer, {
        state,
        optInLevel: change.optInLevel ?? customer.emailMarketing?.optInLevel ?? null,
        consentUpdatedAt: (change.at ?? new Date(now())).toISOString(),
      });
      if (changed) webhooks.emit(shop, CONSENT_TOPIC, consentWebhookBody(customer));
    },
    simulateTimeZoneChange(shop, ianaTimezone) {
      const found = store.shop(shop);
      if (found.ianaTimezone === ianaTimezone) return;
      found.ianaTimezone = ianaTimezone;
      webhooks.emit(shop, SHOP_UPDATE_TOPIC, {
        id: 1,
        name: found.name,
        myshopify_domain: found.domain,
        currency: found.currencyCode,
        iana_timezone: ianaTimezone,
        updated_at: new Date(now()).toISOString(),
      });
    },
    bulk: bulk.controls,
    webhookDeliveries: webhooks.deliveries,
    webhooksIdle: () => webhooks.idle(),
    stop: () =>
      new Promise<void>((resolve) => {
        bulk.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Protected customer data the app is not approved for: each such field in the answer becomes null,
 * with an ACCESS_DENIED error whose path names it (the rest of the answer is served).
 */
function withholdFields(data: unknown, fields: ReadonlySet<string>): GraphqlErrorOut[] {
  const errors: GraphqlErrorOut[] = [];
  if (fields.size === 0) return errors;
  const walk = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (fields.has(key)) {
        record[key] = null;
        errors.push({
          message: `This app is not approved to access the ${key} field. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.`,
          path: [...path, key],
          extensions: { code: "ACCESS_DENIED" },
        });
      } else walk(record[key], [...path, key]);
    }
  };
  walk(data, []);
  return errors;
}
