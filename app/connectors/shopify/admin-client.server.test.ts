import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "~/connectors/connector";
import { type Harness, SHOP, startHarness } from "../../../tests/fixtures/shopify-admin";
import { operationName, parseRetryAfter } from "./admin-client.server";
import { ShopifyAdminError } from "./errors";
import {
  customerByEmailQuery,
  customerConsentQuery,
  customerRequestDataErasureMutation,
  emailMarketingConsentUpdateMutation,
  emailSearchQuery,
  runOperation,
  shopQuery,
} from "./operations";

const CAMILLE_GID = "gid://shopify/Customer/7001";

let harness: Harness;
afterEach(async () => {
  await harness?.sim.stop();
});

function consentUpdate(state: "SUBSCRIBED" | "UNSUBSCRIBED") {
  return {
    input: {
      customerId: CAMILLE_GID,
      emailMarketingConsent: { marketingState: state, consentUpdatedAt: "2026-11-20T09:00:00.000Z" },
    },
  } as const;
}

async function rejection(promise: Promise<unknown>): Promise<ShopifyAdminError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShopifyAdminError);
  return error as ShopifyAdminError;
}

describe("createShopifyAdminClient", () => {
  it("returns the data of a query, checked by the operation's schema", async () => {
    harness = await startHarness();
    const { client } = harness.client();
    const { shop } = await runOperation(client, shopQuery, {});
    expect(shop.name).toBe("Test shop");
    expect(client.throttleStatus()).toEqual({
      maximumAvailable: 1000,
      currentlyAvailable: 999,
      restoreRate: 100,
    });
  });

  it("waits (requested − available) / restoreRate seconds after THROTTLED, then succeeds", async () => {
    harness = await startHarness({ throttle: { maximumAvailable: 20, restoreRate: 2 } });
    // Another worker on the same shop empties the bucket: this client knows nothing of it.
    const other = harness.client().client;
    await runOperation(other, emailMarketingConsentUpdateMutation, consentUpdate("UNSUBSCRIBED"));
    await runOperation(other, emailMarketingConsentUpdateMutation, consentUpdate("SUBSCRIBED"));
    const { client, waits } = harness.client();

    const { customer } = await runOperation(client, customerConsentQuery, { id: CAMILLE_GID });

    expect(customer?.emailMarketingConsent?.marketingState).toBe("SUBSCRIBED");
    expect(harness.sim.stats.throttled).toBe(1);
    expect(waits).toEqual([1500]); // (3 − 0) / 2 points per second
  });

  it("adds up to 250 ms of jitter to a throttle wait", async () => {
    harness = await startHarness({ throttle: { maximumAvailable: 20, restoreRate: 2 } });
    const other = harness.client().client;
    await runOperation(other, emailMarketingConsentUpdateMutation, consentUpdate("UNSUBSCRIBED"));
    await runOperation(other, emailMarketingConsentUpdateMutation, consentUpdate("SUBSCRIBED"));
    const { client, waits } = harness.client({ random: () => 0.5 });
    await runOperation(client, customerConsentQuery, { id: CAMILLE_GID });
    expect(waits).toEqual([1625]);
  });

  it("waits before sending when the last known bucket cannot pay for the operation", async () => {
    harness = await startHarness({ throttle: { maximumAvailable: 20, restoreRate: 2 } });
    const { client, waits } = harness.client();
    await runOperation(client, emailMarketingConsentUpdateMutation, consentUpdate("UNSUBSCRIBED"));
    await runOperation(client, emailMarketingConsentUpdateMutation, consentUpdate("SUBSCRIBED"));
    expect(waits).toEqual([]);

    await runOperation(client, emailMarketingConsentUpdateMutation, consentUpdate("UNSUBSCRIBED"));

    expect(waits).toEqual([5000]); // the mutation cost 10 last time; the bucket held 0
    expect(harness.sim.stats.throttled).toBe(0);
  });

  it("gives up with a retryable error when the bucket stays empty beyond its budget", async () => {
    harness = await startHarness({ throttle: { maximumAvailable: 20, restoreRate: 2 } });
    const other = harness.client().client;
    await runOperation(other, emailMarketingConsentUpdateMutation, consentUpdate("UNSUBSCRIBED"));
    await runOperation(other, emailMarketingConsentUpdateMutation, consentUpdate("SUBSCRIBED"));
    const waits: number[] = [];
    const { client } = harness.client({ maxThrottleWaits: 2, sleep: async (ms) => void waits.push(ms) });

    const error = await rejection(runOperation(client, customerConsentQuery, { id: CAMILLE_GID }));

    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "THROTTLED", retryable: true, connector: "shopify" });
    expect(harness.sim.stats.throttled).toBe(3);
  });

  it("honours Retry-After on HTTP 429", async () => {
    harness = await startHarness();
    harness.sim.faults.next(429, 1, { retryAfter: 3 });
    const { client, waits } = harness.client();
    const { shop } = await runOperation(client, shopQuery, {});
    expect(shop.name).toBe("Test shop");
    expect(waits).toEqual([3000]);
    expect(harness.sim.stats.requests).toBe(2);
  });

  it("retries 5xx with exponential backoff and succeeds when Shopify recovers", async () => {
    harness = await startHarness();
    harness.sim.faults.next(503, 2);
    const { client, waits } = harness.client();
    await runOperation(client, shopQuery, {});
    expect(waits).toEqual([375, 750]); // 500 ms × 2^(n−1), jitter factor 0.75 at random() = 0
  });

  it("throws a retryable ConnectorError once 500s outlast the retry budget", async () => {
    harness = await startHarness();
    harness.sim.faults.next(500, 10);
    const { client, waits } = harness.client({ maxRetries: 3 });

    const error = await rejection(runOperation(client, shopQuery, {}));

    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "HTTP", retryable: true, status: 500 });
    expect(harness.sim.stats.requests).toBe(4);
    expect(waits).toEqual([375, 750, 1500]);
  });

  it("retries a dropped connection", async () => {
    harness = await startHarness();
    harness.sim.faults.next("reset", 1);
    const { client, waits } = harness.client();
    const { shop } = await runOperation(client, shopQuery, {});
    expect(shop.name).toBe("Test shop");
    expect(waits).toHaveLength(1);
    expect(harness.sim.stats.requests).toBe(2);
  });

  it("does not retry a GraphQL error other than THROTTLED", async () => {
    harness = await startHarness({
      seed: {
        shops: [{ domain: SHOP, scopes: ["read_customers", "write_customers"], customers: [{ id: 7001 }] }],
      },
    });
    const { client, waits } = harness.client();

    const error = await rejection(
      runOperation(client, customerRequestDataErasureMutation, { customerId: CAMILLE_GID }),
    );

    expect(error).toMatchObject({ kind: "GRAPHQL", retryable: false, graphqlCodes: ["ACCESS_DENIED"] });
    expect(harness.sim.stats.requests).toBe(1);
    expect(waits).toEqual([]);
  });

  it("fails without retry on a refused access token (401), naming no personal value", async () => {
    harness = await startHarness();
    const { client } = harness.client({ accessToken: "shpat_wrong" });

    const error = await rejection(
      runOperation(client, customerByEmailQuery, { query: emailSearchQuery("camille.martin@example.fr") }),
    );

    expect(error).toMatchObject({ kind: "UNAUTHORIZED", retryable: false, status: 401 });
    expect(error.message).not.toContain("camille");
    expect(harness.sim.stats.requests).toBe(1);
  });

  it("reports an unexpected answer by its paths, never by its values", async () => {
    harness = await startHarness();
    const { client } = harness.client();
    const { z } = await import("zod");
    const wrong = z.object({
      customer: z.object({ defaultEmailAddress: z.object({ emailAddress: z.number() }) }),
    });

    const error = await rejection(
      client.graphql(customerConsentQuery.document, { id: CAMILLE_GID }, { schema: wrong }),
    );

    expect(error).toMatchObject({ kind: "RESPONSE_SHAPE", retryable: false });
    expect(error.message).toContain("customer.defaultEmailAddress.emailAddress");
    expect(error.message).not.toContain("example.fr");
  });
});

describe("operationName", () => {
  it("reads the name of a tagged query or mutation", () => {
    expect(operationName(shopQuery.document)).toBe("VigieShop");
    expect(operationName(emailMarketingConsentUpdateMutation.document)).toBe(
      "VigieEmailMarketingConsentUpdate",
    );
    expect(operationName("{ shop { name } }")).toBe("anonymous");
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, and ignores garbage", () => {
    const now = Date.parse("2026-11-20T10:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Fri, 20 Nov 2026 10:00:04 GMT", now)).toBe(4000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
