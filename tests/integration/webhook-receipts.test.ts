// The intake's promise: a receipt's body is kept only with a job that will process it. A delivery
// whose job already ran (its receipt since dropped for a purged shop, or deleted by shop/redact)
// is recognised, not stored again; a body already processed stays cleared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptInput, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { samplePayloads } from "../support/shopify-webhook";
import { testJobContext } from "../support/test-logger";

describe.each(testDialects())("webhook receipts on %s", (dialect) => {
  let t: TestDatabase;
  let receipts: ReceiptStore;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
  });
  afterAll(async () => {
    await receipts.close();
    await t.drop();
  });

  const newShop = () => `receipts-${dialect}-${++n}.myshopify.com`;
  const input = (shop: string, topic: string, payload: unknown, deliveryId = `r-${Math.random()}`) =>
    ({
      source: "shopify",
      deliveryId,
      shopDomain: shop,
      topic,
      body: JSON.stringify(payload),
    }) as ReceiptInput;

  /** Runs the delivery's job as the worker would, then marks it done as the worker would. */
  async function run(shop: string, deliveryId: string) {
    const job = await t.db.job.findFirstOrThrow({ where: { jobKey: `webhook:shopify:${deliveryId}` } });
    const { receiptId } = JSON.parse(job.payload) as { receiptId: string };
    await processDelivery(testJobContext({ db: t.db, dialect, jobId: job.id, shopDomain: shop }), receiptId);
    await t.db.job.update({ where: { id: job.id }, data: { status: "done" } });
  }

  /** Receipts of the shop that still hold a body, each with whether a pending job points at it. */
  async function bodies(shop: string) {
    const kept = await t.db.webhookReceipt.findMany({ where: { shopDomain: shop, body: { not: null } } });
    const jobs = await t.db.job.findMany({ where: { shopDomain: shop, status: "pending" } });
    const pending = new Set(jobs.map((job) => (JSON.parse(job.payload) as { receiptId: string }).receiptId));
    return kept.map((receipt) => ({ topic: receipt.topic, hasJob: pending.has(receipt.id) }));
  }

  it("a delivery re-delivered after its shop was purged is not stored again", async () => {
    const shop = newShop();
    const late = input(shop, "orders/create", samplePayloads.order(515151, "late@example.com"));
    const redact = input(shop, "shop/redact", samplePayloads.shopRedact(shop));
    expect(await receipts.store(redact, { priority: 10 })).toBe(true);
    await run(shop, redact.deliveryId);
    // Queued behind the purge: its job drops it (and its receipt, which names the shop).
    expect(await receipts.store(late, { priority: 50 })).toBe(true);
    await run(shop, late.deliveryId);
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: shop } })).toBe(0);

    // Shopify retries both (same delivery ids): recognised, nothing kept.
    expect(await receipts.store(late, { priority: 50 })).toBe(false);
    expect(await receipts.store(redact, { priority: 10 })).toBe(false);
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: shop } })).toBe(0);
    expect(await bodies(shop)).toEqual([]);
  });

  it("a body already processed stays cleared when the delivery comes again", async () => {
    const shop = newShop();
    const uninstalled = input(shop, "app/uninstalled", samplePayloads.uninstalled(shop));
    expect(await receipts.store(uninstalled, { priority: 20 })).toBe(true);
    await run(shop, uninstalled.deliveryId);
    expect(await receipts.store(uninstalled, { priority: 20 })).toBe(false);
    const [receipt] = await t.db.webhookReceipt.findMany({ where: { shopDomain: shop } });
    expect(receipt).toMatchObject({ body: null, processedAt: expect.any(Date) });
    expect(await t.db.job.count({ where: { shopDomain: shop } })).toBe(1);
  });

  it("every kept body has a pending job, whatever the order of deliveries and retries", async () => {
    const shop = newShop();
    const deliveries = [
      input(shop, "orders/create", samplePayloads.order(616161, "mix@example.com")),
      input(shop, "customers/redact", samplePayloads.redact(shop, 616161, "mix@example.com")),
      input(shop, "app/uninstalled", samplePayloads.uninstalled(shop)),
      input(shop, "shop/redact", samplePayloads.shopRedact(shop)),
    ];
    for (const delivery of deliveries) await receipts.store(delivery, { priority: 10 });
    // Retries while everything is still queued: nothing new.
    for (const delivery of deliveries) expect(await receipts.store(delivery, { priority: 10 })).toBe(false);
    expect((await bodies(shop)).every((b) => b.hasJob)).toBe(true);
    // The purge runs first (compliance priority), then the rest; then every delivery comes again.
    await run(shop, deliveries[3]?.deliveryId as string);
    for (const delivery of deliveries.slice(0, 3)) {
      const job = await t.db.job.findFirst({ where: { jobKey: `webhook:shopify:${delivery.deliveryId}` } });
      // shop/redact deleted the shop's queued jobs with their receipts.
      expect(job).toBeNull();
    }
    for (const delivery of deliveries) await receipts.store(delivery, { priority: 10 });
    const kept = await bodies(shop);
    expect(
      kept.every((b) => b.hasJob),
      JSON.stringify(kept),
    ).toBe(true);
    for (const delivery of deliveries.slice(0, 3)) {
      if (await t.db.job.findFirst({ where: { jobKey: `webhook:shopify:${delivery.deliveryId}` } }))
        await run(shop, delivery.deliveryId);
    }
    expect(await bodies(shop)).toEqual([]);
  });
});
