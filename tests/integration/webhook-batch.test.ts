// Set-based processing of one shop's orders/create deliveries (docs/decisions/080): many jobs
// claimed together and processed in one transaction, with each delivery's own outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProcessWebhookJob } from "~/jobs/job-types";
import { verifyLedger } from "~/services/consent-ledger.server";
import { processDeliveries } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { storeDeliveries, tickedOrder } from "../support/stored-deliveries";
import { testJobContext } from "../support/test-logger";
import { startTestWorker } from "../support/worker";

describe.each(testDialects())("webhook batches on %s", (dialect) => {
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

  const newShop = () => `batch-${dialect}-${++n}.myshopify.com`;

  const store = (shop: string, payloads: unknown[]) => storeDeliveries(receipts, t.db, shop, payloads);

  const webhookJobsSettled = (shop: string) =>
    eventually(
      async () =>
        (await t.db.job.count({
          where: {
            shopDomain: shop,
            type: ProcessWebhookJob.id,
            status: { in: ["pending", "running", "failed"] },
          },
        })) === 0,
      60_000,
    );

  it("turns N deliveries processed in one batch into N events of one valid chain, in delivery order", async () => {
    const shop = newShop();
    const count = 120;
    const jobs = await store(
      shop,
      Array.from({ length: count }, (_, i) => tickedOrder(i)),
    );
    const context = testJobContext({ db: t.db, dialect, shopDomain: shop });
    const done = await processDeliveries(
      context,
      jobs.map((job) => ({ jobId: job.id, receiptId: JSON.parse(job.payload).receiptId })),
    );
    expect(done.sort()).toEqual(jobs.map((job) => job.id).sort());
    const { id: shopId } = await t.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    const events = await t.db.consentEvent.findMany({ where: { shopId }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(events.map((event) => event.orderId)).toEqual(
      Array.from({ length: count }, (_, i) => String(9_000_000 + i)),
    );
    expect(events.every((event) => event.kind === "granted" && event.source === "checkout")).toBe(true);
    expect(await verifyLedger(t.db, shopId)).toEqual({ ok: true, count, headSeq: count });
    // The state of each shopper, their sync, the chart's day and the receipts, as one by one.
    expect(await t.db.consentState.count({ where: { shopId, status: "subscribed" } })).toBe(count);
    expect(await t.db.subject.count({ where: { shopId, lastOrderAt: { not: null } } })).toBe(count);
    // One sync job for the batch's events, in ledger order (docs/decisions/099).
    const syncs = await t.db.job.findMany({ where: { shopDomain: shop, type: "consent.sync" } });
    expect(syncs.map((job) => JSON.parse(job.payload).eventIds)).toEqual([events.map((e) => e.id)]);
    expect(syncs[0]?.jobKey).toBe(`consent.sync:${events[0]?.id}`);
    const days = await t.db.consentCheckoutDay.findMany({ where: { shopId } });
    expect(days.reduce((sum, day) => sum + day.orders, 0)).toBe(count);
    expect(days.reduce((sum, day) => sum + day.granted, 0)).toBe(count);
    const processed = await t.db.webhookReceipt.findMany({ where: { shopDomain: shop } });
    expect(processed.every((receipt) => receipt.processedAt !== null && receipt.body === null)).toBe(true);
    // Run again (a retry after a crash between commit and completion): nothing more happens.
    await processDeliveries(
      context,
      jobs.map((job) => ({ jobId: job.id, receiptId: JSON.parse(job.payload).receiptId })),
    );
    expect(await t.db.consentEvent.count({ where: { shopId } })).toBe(count);
  });

  it("a second order of the same shopper and a repeated order in one batch act as they would in turn", async () => {
    const shop = newShop();
    const first = tickedOrder(1);
    const second = { ...tickedOrder(1), id: 9_100_000 };
    const jobs = await store(shop, [first, second, first]);
    const context = testJobContext({ db: t.db, dialect, shopDomain: shop });
    await processDeliveries(
      context,
      jobs.map((job) => ({ jobId: job.id, receiptId: JSON.parse(job.payload).receiptId })),
    );
    const { id: shopId } = await t.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    // One subject; one grant per order (the repeated order adds none); counted once per order.
    expect(await t.db.subject.count({ where: { shopId } })).toBe(1);
    const events = await t.db.consentEvent.findMany({ where: { shopId }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.orderId)).toEqual([String(9_000_001), "9100000"]);
    const [day] = await t.db.consentCheckoutDay.findMany({ where: { shopId } });
    expect(day).toMatchObject({ orders: 3, granted: 2 });
    expect((await verifyLedger(t.db, shopId)).ok).toBe(true);
  });

  it("a malformed delivery in a batch dies alone while its neighbours succeed", async () => {
    const shop = newShop();
    const good = Array.from({ length: 8 }, (_, i) => tickedOrder(100 + i));
    // note_attributes must be a list: this body does not match the orders/create schema.
    const bad = { ...tickedOrder(200), note_attributes: "ticked" };
    const jobs = await store(shop, [...good.slice(0, 4), bad, ...good.slice(4)]);
    const worker = startTestWorker(t, { shopify: null, stripe: null, mailchimp: null });
    try {
      await webhookJobsSettled(shop);
    } finally {
      await worker.stop();
    }
    const settled = await t.db.job.findMany({ where: { id: { in: jobs.map((job) => job.id) } } });
    const badJob = settled.find((job) => job.id === jobs[4]?.id);
    expect(badJob).toMatchObject({ status: "dead", attempts: 1 });
    expect(badJob?.lastError).toMatch(/orders\/create payload does not match its schema \(note_attributes/);
    expect(settled.filter((job) => job.status === "succeeded")).toHaveLength(8);
    const { id: shopId } = await t.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(await verifyLedger(t.db, shopId)).toEqual({ ok: true, count: 8, headSeq: 8 });
    const kept = await t.db.webhookReceipt.findFirstOrThrow({
      where: { id: JSON.parse(jobs[4]?.payload ?? "{}").receiptId },
    });
    // The bad delivery is not processed: its body stays for staff to look at.
    expect(kept.processedAt).toBeNull();
  });

  it("two workers never process the same delivery twice", async () => {
    const shop = newShop();
    const count = 400;
    const jobs = await store(
      shop,
      Array.from({ length: count }, (_, i) => tickedOrder(1000 + i)),
    );
    const workers = [
      startTestWorker(t, { shopify: null, stripe: null, mailchimp: null }),
      startTestWorker(t, { shopify: null, stripe: null, mailchimp: null }),
    ];
    try {
      await webhookJobsSettled(shop);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const settled = await t.db.job.findMany({ where: { id: { in: jobs.map((job) => job.id) } } });
    expect(settled.every((job) => job.status === "succeeded" && job.attempts === 1)).toBe(true);
    const { id: shopId } = await t.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    // An order processed twice would count twice on the chart (its grant would not repeat).
    const days = await t.db.consentCheckoutDay.findMany({ where: { shopId } });
    expect(days.reduce((sum, day) => sum + day.orders, 0)).toBe(count);
    expect(await t.db.subject.count({ where: { shopId } })).toBe(count);
    expect(await verifyLedger(t.db, shopId)).toEqual({ ok: true, count, headSeq: count });
  });
});
