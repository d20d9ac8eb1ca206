// The webhook rules, probed from outside over HTTP against the built server (`npm start`'s code),
// with deliveries signed exactly as Shopify signs them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { ProcessWebhookJob } from "~/jobs/job-types";
import { createEmptyDatabase, testDialects } from "../support/databases";
import { eventually, type RunningServer, startServer } from "../support/server";
import { samplePayloads, shopifyDelivery } from "../support/shopify-webhook";

describe.each(testDialects())("webhook intake over HTTP on %s", (dialect) => {
  let server: RunningServer;
  let db: Db;
  let drop: () => Promise<void>;
  let secret: string;
  const shop = "imera-paris.myshopify.com";

  beforeAll(async () => {
    const empty = await createEmptyDatabase(dialect);
    drop = empty.drop;
    server = await startServer({ DATABASE_URL: empty.url });
    secret = server.sandbox().apiSecret;
    db = (await createDatabase(empty.url)).db;
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
    await db.$disconnect();
    await drop();
  });

  // Intake's own rows only: jobs that processing queues later (exports…) come and go in the background.
  const counts = async () => ({
    receipts: await db.webhookReceipt.count(),
    jobs: await db.job.count({ where: { type: ProcessWebhookJob.id } }),
  });

  it("stores a valid delivery with its job, answers 200, and the worker processes it", async () => {
    const before = await counts();
    const delivery = shopifyDelivery(
      server.baseUrl,
      "customers/data_request",
      samplePayloads.dataRequest(shop, 424242, "http@example.com"),
      secret,
    );
    const response = await fetch(delivery.url, delivery.init);
    expect(response.status).toBe(200);
    expect(await counts()).toEqual({ receipts: before.receipts + 1, jobs: before.jobs + 1 });
    const job = await db.job.findFirstOrThrow({ where: { jobKey: `webhook:shopify:${delivery.webhookId}` } });
    expect(job).toMatchObject({ type: "webhook.process", priority: 10, shopDomain: shop });
    await eventually(
      async () => (await db.job.findUnique({ where: { id: job.id } }))?.status === "succeeded",
    );
    const subject = await db.subject.findFirstOrThrow({ where: { shopifyCustomerId: "424242" } });
    expect(subject.email).toBe("http@example.com");
  });

  it("answers 200 to a duplicate X-Shopify-Webhook-Id without a second job", async () => {
    const delivery = shopifyDelivery(server.baseUrl, "customers/redact", samplePayloads.redact(shop), secret);
    expect((await fetch(delivery.url, delivery.init)).status).toBe(200);
    const before = await counts();
    const again = await fetch(delivery.url, delivery.init);
    expect(again.status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it("answers 401 and stores nothing for a missing or wrong HMAC", async () => {
    const before = await counts();
    const payload = samplePayloads.redact(shop);
    const missing = shopifyDelivery(server.baseUrl, "customers/redact", payload, secret, {
      headers: { "x-shopify-hmac-sha256": undefined },
    });
    const wrong = shopifyDelivery(server.baseUrl, "customers/redact", payload, "not-the-secret");
    const tampered = shopifyDelivery(server.baseUrl, "shop/redact", payload, secret);
    tampered.init.body = JSON.stringify({ ...payload, shop_domain: "other.myshopify.com" });
    for (const delivery of [missing, wrong, tampered]) {
      expect((await fetch(delivery.url, delivery.init)).status).toBe(401);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 413 for a body over 1 MiB and stores nothing", async () => {
    const before = await counts();
    const big = "x".repeat(1024 * 1024 + 1);
    const delivery = shopifyDelivery(server.baseUrl, "orders/create", null, secret, { rawBody: big });
    expect((await fetch(delivery.url, delivery.init)).status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("answers 400 for a body that is not JSON, even correctly signed", async () => {
    const before = await counts();
    const delivery = shopifyDelivery(server.baseUrl, "orders/create", null, secret, { rawBody: "not json{" });
    const response = await fetch(delivery.url, delivery.init);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not JSON/);
    expect(await counts()).toEqual(before);
  });

  it("answers 400 when signed headers are incomplete or the topic does not match the path", async () => {
    const before = await counts();
    const payload = samplePayloads.shopRedact(shop);
    const noId = shopifyDelivery(server.baseUrl, "shop/redact", payload, secret, {
      headers: { "x-shopify-webhook-id": undefined },
    });
    const mismatch = shopifyDelivery(server.baseUrl, "shop/redact", payload, secret, {
      headers: { "x-shopify-topic": "orders/create" },
    });
    const badShop = shopifyDelivery(server.baseUrl, "shop/redact", payload, secret, {
      shop: "evil.example.com",
    });
    for (const delivery of [noId, mismatch, badShop]) {
      expect((await fetch(delivery.url, delivery.init)).status).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 405 to GET on a webhook path and 404 for an unknown topic", async () => {
    const get = await fetch(`${server.baseUrl}/webhooks/customers/redact`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const unknown = shopifyDelivery(server.baseUrl, "products/create", {}, secret);
    expect((await fetch(unknown.url, unknown.init)).status).toBe(404);
  });

  it("answers /healthz with 200 while the database answers", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});
