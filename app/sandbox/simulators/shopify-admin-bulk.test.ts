// The simulator's bulk query operations, over HTTP as Vigie meets them: one at a time per shop, a
// JSONL file with `__parentId` lines, a result URL that honours ranges and expires, failures, and
// the bulk_operations/finish webhook signed as Shopify signs it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { createShopifyBulk } from "~/connectors/shopify/bulk-customers";
import { verifyShopifyWebhookHmac } from "~/webhooks/shopify-hmac";
import { type ShopifyAdminSimulator, startShopifyAdminSimulator } from "./shopify-admin.server";
import { DEFAULT_SCOPES } from "./shopify-admin-store";

const SHOP = "bulk-sim.myshopify.com";
const DAY = 86_400_000;
let sim: ShopifyAdminSimulator;
let receiver: Server | undefined;
afterEach(async () => {
  await sim?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = undefined;
});

async function start(scopes = DEFAULT_SCOPES, withheldFields: string[] = []) {
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  sim = await startShopifyAdminSimulator({
    bulk: { runMs: 10 },
    seed: {
      shops: [
        {
          domain: SHOP,
          scopes,
          withheldFields,
          customers: [
            {
              id: 1,
              email: "a@example.fr",
              emailMarketing: { state: "SUBSCRIBED", consentUpdatedAt: ago(DAY) },
            },
            { id: 2, email: null },
          ],
          orders: [
            { id: 11, customerId: 1, createdAt: ago(400 * DAY) },
            { id: 12, customerId: 1, createdAt: ago(2 * DAY) },
            { id: 13, customerId: null, email: "Invite@Example.fr", createdAt: ago(3 * DAY) },
            { id: 14, customerId: null, email: "ancien@example.fr", createdAt: ago(500 * DAY) },
          ],
        },
      ],
    },
  });
  return createShopifyBulk(
    createShopifyAdminClient({ shop: SHOP, accessToken: sim.accessTokenFor(SHOP), baseUrl: sim.baseUrl }),
  );
}

async function completed(bulk: Awaited<ReturnType<typeof start>>, id: string) {
  for (let i = 0; i < 100; i++) {
    const op = await bulk.operation(id);
    if (op && op.status !== "RUNNING" && op.status !== "CREATED") return op;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("never finished");
}

async function text(body: AsyncIterable<Uint8Array>) {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString("utf8");
}

describe("Shopify simulator: bulk query operations", () => {
  it("runs one query operation at a time per shop; the second start gets OPERATION_IN_PROGRESS", async () => {
    const bulk = await start();
    sim.bulk.hold();
    const first = await bulk.startBackfill();
    expect(first.started).toBe(true);
    expect(await bulk.startBackfill()).toEqual({ started: false, reason: "in_progress" });
    sim.bulk.release();
    if (!first.started) throw new Error("not started");
    expect((await completed(bulk, first.operationId)).status).toBe("COMPLETED");
    expect((await bulk.startBackfill()).started).toBe(true);
  });

  it("serves JSONL with nested orders on __parentId lines; orders over 60 days old only with read_all_orders", async () => {
    for (const [scopes, orders] of [
      [DEFAULT_SCOPES, ["gid://shopify/Order/12"]],
      [
        [...DEFAULT_SCOPES, "read_all_orders"],
        ["gid://shopify/Order/11", "gid://shopify/Order/12"],
      ],
    ] as const) {
      const bulk = await start([...scopes]);
      const started = await bulk.startBackfill();
      if (!started.started) throw new Error("not started");
      const op = await completed(bulk, started.operationId);
      expect(op.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bulk-results\//);
      const download = await bulk.download(op.url as string, 0);
      if (download.expired) throw new Error("expired");
      const lines = (await text(download.body))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({
        id: "gid://shopify/Customer/1",
        numberOfOrders: "2",
        defaultEmailAddress: { emailAddress: "a@example.fr" },
        emailMarketingConsent: { marketingState: "SUBSCRIBED" },
      });
      expect(lines.filter((l) => l.__parentId === "gid://shopify/Customer/1").map((l) => l.id)).toEqual(
        orders,
      );
      expect(lines.at(-1)).toMatchObject({ id: "gid://shopify/Customer/2", defaultEmailAddress: null });
      expect(op.objectCount).toBe(String(lines.length));
      expect(await bulk.accessScopes()).toEqual([...scopes].sort());
      await sim.stop();
    }
  });

  it("serves the orders placed without an account, one line each with its contact e-mail", async () => {
    const lines = async (bulk: Awaited<ReturnType<typeof start>>) => {
      const started = await bulk.startGuestOrders();
      if (!started.started) throw new Error("not started");
      const op = await completed(bulk, started.operationId);
      const download = await bulk.download(op.url as string, 0);
      if (download.expired) throw new Error("expired");
      const out = (await text(download.body))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(op.objectCount).toBe(String(out.length));
      return out;
    };
    const all = await lines(await start([...DEFAULT_SCOPES, "read_all_orders"]));
    expect(all).toEqual([
      {
        id: "gid://shopify/Order/13",
        createdAt: expect.any(String),
        email: "Invite@Example.fr",
        customer: null,
      },
      {
        id: "gid://shopify/Order/14",
        createdAt: expect.any(String),
        email: "ancien@example.fr",
        customer: null,
      },
    ]);
    await sim.stop();
    // Without read_all_orders, only the last 60 days; a withheld e-mail comes back null.
    const recent = await lines(await start(DEFAULT_SCOPES, ["email"]));
    expect(recent).toEqual([
      { id: "gid://shopify/Order/13", createdAt: expect.any(String), email: null, customer: null },
    ]);
  });

  it("answers a range with 206 from that byte, and 403 once the URL expired", async () => {
    const bulk = await start();
    const started = await bulk.startBackfill();
    if (!started.started) throw new Error("not started");
    const op = await completed(bulk, started.operationId);
    const whole = await bulk.download(op.url as string, 0);
    if (whole.expired) throw new Error("expired");
    const all = await text(whole.body);
    const rest = await bulk.download(op.url as string, 10);
    if (rest.expired) throw new Error("expired");
    expect(rest.fromByte).toBe(10);
    expect(await text(rest.body)).toBe(all.slice(10));
    sim.bulk.expireUrls();
    expect(await bulk.download(op.url as string, 0)).toEqual({ expired: true });
    // A forged signature is refused the same way.
    expect(await bulk.download((op.url as string).replace(/signature=\w/, "signature=0"), 0)).toEqual({
      expired: true,
    });
  });

  it("fails an operation on demand, and says so in the bulk_operations/finish webhook", async () => {
    const bulk = await start();
    const received: Array<{ topic: string; body: Record<string, unknown>; valid: boolean }> = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        received.push({
          topic: String(req.headers["x-shopify-topic"]),
          body: JSON.parse(body.toString("utf8")),
          valid: verifyShopifyWebhookHmac(body, String(req.headers["x-shopify-hmac-sha256"]), "secret"),
        });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", () => resolve()));
    sim.onWebhook({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, secret: "secret" });
    sim.bulk.failNext("INTERNAL_SERVER_ERROR");
    const started = await bulk.startBackfill();
    if (!started.started) throw new Error("not started");
    const op = await completed(bulk, started.operationId);
    expect(op).toMatchObject({ status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR", url: null });
    await sim.webhooksIdle();
    expect(received).toEqual([
      {
        topic: "bulk_operations/finish",
        valid: true,
        body: expect.objectContaining({
          admin_graphql_api_id: started.operationId,
          status: "failed",
          error_code: "internal_server_error",
          type: "query",
        }),
      },
    ]);
  });
});
