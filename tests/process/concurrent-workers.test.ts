// Two worker processes on one PostgreSQL database, taking the first deliveries of shops Vigie has
// never seen and the exports they start: every job must succeed on its first attempt (no unique
// violation that only a retry heals), each shop exists once, and each export is assembled once.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { type AppWorker, spawnAppWorker } from "../support/app-worker";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { eventually } from "../support/server";
import { samplePayloads } from "../support/shopify-webhook";

const SHOPS = 8;

describe.skipIf(!process.env.TEST_POSTGRES_URL)("two workers on postgres", () => {
  let t: TestDatabase;
  let receipts: ReceiptStore;
  const workers: AppWorker[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    receipts = createReceiptStore(t.url);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await receipts?.close();
    await t?.drop();
  });

  it("run the first deliveries of new shops and their exports, every job right the first time", async () => {
    // Without endpoints the outside systems are not connected: an export's parts settle at once,
    // several together, which is when two of them used to queue two assemblies.
    workers.push(
      ...(await Promise.all([0, 1].map(() => spawnAppWorker({ url: t.url, pollMs: 20, concurrency: 4 })))),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    const suffix = randomBytes(3).toString("hex");
    const domains = Array.from({ length: SHOPS }, (_, i) => `first-${suffix}-${i}.myshopify.com`);
    const deliveries = domains.flatMap((shop, i) => [
      { shop, topic: "customers/data_request", body: samplePayloads.dataRequest(shop, 7000 + 2 * i) },
      { shop, topic: "customers/data_request", body: samplePayloads.dataRequest(shop, 7001 + 2 * i) },
      { shop, topic: "orders/create", body: samplePayloads.order(9000 + i, `buyer${i}@example.com`) },
    ]);
    // Stored together, as a burst of deliveries: the workers take them side by side.
    await Promise.all(
      deliveries.map(({ shop, topic, body }) =>
        receipts.store(
          {
            source: "shopify",
            deliveryId: randomBytes(8).toString("hex"),
            shopDomain: shop,
            topic,
            body: JSON.stringify(body),
          },
          { priority: 10 },
        ),
      ),
    );
    const exports = SHOPS * 2;
    await eventually(
      async () =>
        (await t.db.exportArchive.count({ where: { status: "complete" } })) === exports &&
        (await t.db.job.count({ where: { status: { notIn: ["succeeded"] } } })) === 0,
      60_000,
    );

    const jobs = await t.db.job.findMany({
      select: { type: true, jobKey: true, attempts: true, lastError: true, status: true },
    });
    expect(jobs.filter((job) => job.attempts !== 1 || job.lastError !== null)).toEqual([]);
    expect(await t.db.shop.count()).toBe(SHOPS);
    expect(await t.db.rightsRequest.count({ where: { type: "access", channel: "shopify" } })).toBe(exports);
    // One assembly per export, one completion each.
    expect(jobs.filter((job) => job.type === "export.assemble")).toHaveLength(exports);
    expect(await t.db.auditEvent.count({ where: { action: "export.completed" } })).toBe(exports);
    const archives = await t.db.exportArchive.findMany({ include: { parts: true } });
    for (const archive of archives) {
      expect(archive.parts.map((part) => part.status).sort()).toEqual([
        "done",
        "not_connected",
        "not_connected",
        "not_connected",
      ]);
      expect(archive.size).toBeGreaterThan(0);
    }
  }, 90_000);
});
