import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { verifyShopifyWebhookHmac } from "~/webhooks/shopify-hmac";
import { type ShopifyAdminSimulator, startShopifyAdminSimulator } from "./shopify-admin.server";
import { demoShopifySeed } from "./shopify-demo-seed";

const SHOP = "sim-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const SECRET = "app-secret-for-tests";
const T0 = Date.parse("2026-11-20T10:00:00.000Z");

let sim: ShopifyAdminSimulator;
let receiver: Server | undefined;
afterEach(async () => {
  await sim?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = undefined;
});

async function start(options: Parameters<typeof startShopifyAdminSimulator>[0] = {}) {
  let time = T0;
  sim = await startShopifyAdminSimulator({
    now: () => time,
    seed: {
      shops: [
        {
          domain: SHOP,
          name: "Sim shop",
          customers: [
            {
              id: 7001,
              email: "camille@example.fr",
              emailMarketing: { state: "SUBSCRIBED", consentUpdatedAt: "2026-10-01T00:00:00.000Z" },
            },
            { id: 7004, phone: "+33600000004" },
          ],
        },
        { domain: OTHER, customers: [{ id: 8001, email: "other@example.fr" }] },
      ],
    },
    ...options,
  });
  return {
    advance(ms: number) {
      time += ms;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read Shopify's loose JSON answers field by field
type Answer = { status: number; headers: Headers; body: Record<string, any> };

async function post(body: unknown, token = sim.accessTokenFor(SHOP), version = "2026-10"): Promise<Answer> {
  const response = await fetch(`${sim.baseUrl}/admin/api/${version}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const consentQuery = (id: string) => ({
  query: "query VigieCustomerConsent($id: ID!) { customer(id: $id) { id } }",
  variables: { id },
});

const consentUpdate = (customerId: string, marketingState: string, consentUpdatedAt?: string) => ({
  query: "mutation VigieEmailMarketingConsentUpdate($input: CustomerEmailMarketingConsentUpdateInput!) { x }",
  variables: { input: { customerId, emailMarketingConsent: { marketingState, consentUpdatedAt } } },
});

type Received = { headers: Record<string, string | string[] | undefined>; raw: Buffer };

async function listen(status = 200): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, received };
}

describe("startShopifyAdminSimulator", () => {
  it("answers 401 with Shopify's body for a missing or unknown access token", async () => {
    await start();
    const answer = await post(consentQuery("gid://shopify/Customer/7001"), "shpat_unknown");
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
    expect(sim.stats.unauthorized).toBe(1);
  });

  it("scopes each token to its own shop", async () => {
    await start();
    expect(sim.accessTokenFor(SHOP)).not.toBe(sim.accessTokenFor(OTHER));
    const own = await post(consentQuery("gid://shopify/Customer/8001"), sim.accessTokenFor(OTHER));
    const foreign = await post(consentQuery("gid://shopify/Customer/8001"), sim.accessTokenFor(SHOP));
    expect(own.body.data.customer.id).toBe("gid://shopify/Customer/8001");
    expect(foreign.body.data.customer).toBeNull();
  });

  it("reports the calculated cost and the bucket in every answer", async () => {
    await start();
    const answer = await post(consentQuery("gid://shopify/Customer/7001"));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-shopify-api-version")).toBe("2026-10");
    expect(answer.body.extensions.cost).toEqual({
      requestedQueryCost: 3,
      actualQueryCost: 3,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 997, restoreRate: 100 },
    });
  });

  it("answers THROTTLED with HTTP 200 when the bucket is too low, and restores it over time", async () => {
    const clock = await start({ throttle: { maximumAvailable: 10, restoreRate: 1 } });
    await post(consentUpdate("gid://shopify/Customer/7001", "UNSUBSCRIBED"));
    const throttled = await post(consentQuery("gid://shopify/Customer/7001"));
    expect(throttled.status).toBe(200);
    expect(throttled.body.data).toBeUndefined();
    expect(throttled.body.errors).toEqual([
      { message: "Throttled", extensions: { code: "THROTTLED", documentation: expect.any(String) } },
    ]);
    expect(throttled.body.extensions.cost).toMatchObject({
      requestedQueryCost: 3,
      actualQueryCost: null,
      throttleStatus: { currentlyAvailable: 0, restoreRate: 1 },
    });
    clock.advance(3000);
    const after = await post(consentQuery("gid://shopify/Customer/7001"));
    expect(after.body.data.customer).not.toBeNull();
    expect(sim.stats.throttled).toBe(1);
  });

  it("refuses a query whose cost exceeds the bucket's maximum", async () => {
    await start({ throttle: { maximumAvailable: 100, restoreRate: 10 } });
    const answer = await post({
      query: "query VigieCustomerOrders { x }",
      variables: { id: "gid://shopify/Customer/7001", first: 50, after: null, lineItemsFirst: 10 },
    });
    expect(answer.body.errors[0].extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: 903,
      maxCost: 100,
    });
  });

  it("injects HTTP faults before any check, with Retry-After", async () => {
    await start();
    sim.faults.next(429, 1, { retryAfter: 2 });
    sim.faults.next(503, 1);
    const limited = await post(consentQuery("gid://shopify/Customer/7001"), "shpat_even_a_bad_token");
    const unavailable = await post(consentQuery("gid://shopify/Customer/7001"));
    const fine = await post(consentQuery("gid://shopify/Customer/7001"));
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "2"]);
    expect(unavailable.status).toBe(503);
    expect(fine.status).toBe(200);
    expect(sim.stats.faulted).toBe(2);
  });

  it("answers a GraphQL error for an operation it does not serve", async () => {
    await start();
    const answer = await post({ query: "query SomethingElse { shop { id } }" });
    expect(answer.status).toBe(200);
    expect(answer.body.errors[0].extensions.code).toBe("NOT_IMPLEMENTED");
  });

  it("returns 400 for a body without a query", async () => {
    await start();
    expect((await post({ variables: {} })).status).toBe(400);
  });
});

describe("customerEmailMarketingConsentUpdate (simulated)", () => {
  it("accepts only SUBSCRIBED, UNSUBSCRIBED and PENDING as input", async () => {
    await start();
    const answer = await post(consentUpdate("gid://shopify/Customer/7001", "NOT_SUBSCRIBED"));
    expect(answer.body.data.customerEmailMarketingConsentUpdate).toEqual({
      customer: null,
      userErrors: [
        {
          field: ["input", "emailMarketingConsent", "marketingState"],
          message: "Marketing state is not included in the list",
          code: "INCLUSION",
        },
      ],
    });
    const unknown = await post(consentUpdate("gid://shopify/Customer/7001", "MAYBE"));
    expect(unknown.body.errors[0].extensions.code).toBe("INVALID_VARIABLE");
    expect(sim.state.customer(SHOP, 7001)?.emailMarketing?.state).toBe("SUBSCRIBED");
  });

  it("requires an e-mail address", async () => {
    await start();
    const answer = await post(consentUpdate("gid://shopify/Customer/7004", "SUBSCRIBED"));
    expect(answer.body.data.customerEmailMarketingConsentUpdate.userErrors[0].field).toEqual([
      "input",
      "emailMarketingConsent",
    ]);
  });

  it("keeps the most recent record when the update is dated before it", async () => {
    await start();
    const answer = await post(
      consentUpdate("gid://shopify/Customer/7001", "UNSUBSCRIBED", "2026-09-01T00:00:00Z"),
    );
    const payload = answer.body.data.customerEmailMarketingConsentUpdate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.customer.emailMarketingConsent.marketingState).toBe("SUBSCRIBED");
  });

  it("delivers a signed customers/email_marketing_consent_update webhook when the state changes", async () => {
    await start();
    const { url, received } = await listen();
    sim.onWebhook({ url, secret: SECRET });
    await post(consentUpdate("gid://shopify/Customer/7001", "UNSUBSCRIBED", "2026-11-20T09:00:00.000Z"));
    await post(consentUpdate("gid://shopify/Customer/7001", "UNSUBSCRIBED", "2026-11-20T09:30:00.000Z"));
    await sim.webhooksIdle();

    expect(received).toHaveLength(1); // the second update changed nothing
    const [delivery] = received;
    if (!delivery) throw new Error("no delivery");
    expect(delivery.headers).toMatchObject({
      "x-shopify-topic": "customers/email_marketing_consent_update",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-10",
      "x-shopify-triggered-at": new Date(T0).toISOString(),
      "content-type": "application/json",
    });
    expect(delivery.headers["x-shopify-webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const hmac = delivery.headers["x-shopify-hmac-sha256"];
    expect(verifyShopifyWebhookHmac(delivery.raw, typeof hmac === "string" ? hmac : undefined, SECRET)).toBe(
      true,
    );
    expect(JSON.parse(delivery.raw.toString())).toEqual({
      customer_id: 7001,
      email_address: "camille@example.fr",
      email_marketing_consent: {
        state: "unsubscribed",
        opt_in_level: null,
        consent_updated_at: "2026-11-20T09:00:00.000Z",
      },
    });
    expect(sim.stats.webhooks).toEqual({ delivered: 1, failed: 0 });
  });

  it("sends the same webhook when a merchant or shopper changes consent in Shopify", async () => {
    await start();
    const { url, received } = await listen();
    sim.onWebhook({ url, secret: SECRET });
    sim.simulateConsentChange(SHOP, "gid://shopify/Customer/7001", "UNSUBSCRIBED", {
      optInLevel: "SINGLE_OPT_IN",
    });
    await sim.webhooksIdle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]?.raw.toString() ?? "{}").email_marketing_consent).toEqual({
      state: "unsubscribed",
      opt_in_level: "single_opt_in",
      consent_updated_at: new Date(T0).toISOString(),
    });
    expect(sim.state.customer(SHOP, 7001)?.emailMarketing?.state).toBe("UNSUBSCRIBED");
  });

  it("retries a refused delivery with the same webhook id, and counts it failed at the end", async () => {
    await start();
    const { url, received } = await listen(500);
    sim.onWebhook({ url, secret: SECRET, retryDelaysMs: [1, 1] });
    sim.simulateConsentChange(SHOP, 7001, "UNSUBSCRIBED");
    await sim.webhooksIdle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(sim.stats.webhooks).toEqual({ delivered: 0, failed: 1 });
    expect(sim.webhookDeliveries[0]).toMatchObject({ attempts: 3, status: 500 });
  });
});

describe("customerRequestDataErasure (simulated)", () => {
  const request = (name: string, customerId: string) => ({
    query: `mutation Vigie${name}($customerId: ID!) { x }`,
    variables: { customerId },
  });

  it("records a pending erasure, refuses a second request, and lets it be cancelled once", async () => {
    await start();
    const first = await post(request("CustomerRequestDataErasure", "gid://shopify/Customer/7001"));
    expect(first.body.data.customerRequestDataErasure).toEqual({
      customerId: "gid://shopify/Customer/7001",
      userErrors: [],
    });
    expect(sim.state.customer(SHOP, 7001)?.erasureRequestedAt).toBe(new Date(T0).toISOString());

    const second = await post(request("CustomerRequestDataErasure", "gid://shopify/Customer/7001"));
    expect(second.body.data.customerRequestDataErasure.userErrors[0].code).toBe("FAILED_TO_REQUEST");

    const cancel = await post(request("CustomerCancelDataErasure", "gid://shopify/Customer/7001"));
    expect(cancel.body.data.customerCancelDataErasure.userErrors).toEqual([]);
    const again = await post(request("CustomerCancelDataErasure", "gid://shopify/Customer/7001"));
    expect(again.body.data.customerCancelDataErasure.userErrors[0].code).toBe("NOT_BEING_ERASED");
  });

  it("answers DOES_NOT_EXIST for an unknown customer", async () => {
    await start();
    const answer = await post(request("CustomerRequestDataErasure", "gid://shopify/Customer/404"));
    expect(answer.body.data.customerRequestDataErasure).toEqual({
      customerId: null,
      userErrors: [{ field: ["customerId"], message: "Customer does not exist", code: "DOES_NOT_EXIST" }],
    });
  });

  it("denies access without the write_customer_data_erasure scope", async () => {
    await start({
      seed: { shops: [{ domain: SHOP, scopes: ["read_customers"], customers: [{ id: 7001 }] }] },
    });
    const answer = await post(request("CustomerRequestDataErasure", "gid://shopify/Customer/7001"));
    expect(answer.body.errors[0].extensions.code).toBe("ACCESS_DENIED");
    expect(sim.state.customer(SHOP, 7001)?.erasureRequestedAt).toBeNull();
  });
});

describe("demoShopifySeed", () => {
  it("seeds the demo store's shoppers with their consent states and orders", async () => {
    const shop = "imera-paris.myshopify.com";
    sim = await startShopifyAdminSimulator({ seed: demoShopifySeed(shop, new Date(T0), "shpat_demo") });
    expect(sim.accessTokenFor(shop)).toBe("shpat_demo");
    expect(sim.state.customer(shop, 7001)?.emailMarketing?.state).toBe("SUBSCRIBED");
    expect(sim.state.customer(shop, 7003)?.emailMarketing?.state).toBe("UNSUBSCRIBED");
    expect(sim.state.ordersOf(shop, 7001)).toHaveLength(2);
    expect(sim.state.ordersOf(shop, 7001)[0]?.customAttributes).toContainEqual({
      key: "_vigie_consent",
      value: "granted",
    });
  });
});
