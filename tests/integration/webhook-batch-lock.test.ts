// Two workers' batches of one shop on PostgreSQL (docs/decisions/087): the second waits for the
// first at the start of its transaction (the shop's advisory lock), then runs, instead of meeting
// it on the shop's rows mid-way; a batch of another shop does not wait.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLedger } from "~/services/consent-ledger.server";
import { processDeliveries } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { eventually } from "../support/server";
import { storeDeliveries, tickedOrder } from "../support/stored-deliveries";
import { testJobContext } from "../support/test-logger";

describe.skipIf(!process.env.TEST_POSTGRES_URL)("one shop's webhook batches on postgres", () => {
  let t: TestDatabase;
  let receipts: ReceiptStore;
  let holder: pg.Client;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    receipts = createReceiptStore(t.url);
    holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
  });
  afterAll(async () => {
    await holder?.end();
    await receipts?.close();
    await t?.drop();
  });

  /** Stores `count` ticked orders of `shop` as the intake does; their jobs. */
  async function store(shop: string, count: number) {
    const jobs = await storeDeliveries(
      receipts,
      t.db,
      shop,
      Array.from({ length: count }, (_, i) => tickedOrder(i)),
    );
    return jobs.map((job) => ({ jobId: job.id, receiptId: JSON.parse(job.payload).receiptId as string }));
  }

  const waitingForAdvisoryLock = async () =>
    Number(
      (
        await holder.query(
          `SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()`,
        )
      ).rows[0].n,
    );

  it("queues a batch behind another of the same shop, then runs it whole", async () => {
    const shop = "queued.myshopify.com";
    const jobs = await store(shop, 30);
    const other = "elsewhere.myshopify.com";
    const otherJobs = await store(other, 5);
    // Another worker's batch of the shop, still running: it holds the shop's lock.
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock(8087, hashtext($1))", [shop]);
    const running = processDeliveries(
      testJobContext({ db: t.db, dialect: "postgres", shopDomain: shop }),
      jobs,
    );
    await eventually(async () => (await waitingForAdvisoryLock()) === 1);
    // Waiting at the start: nothing of it written yet.
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: shop, processedAt: { not: null } } })).toBe(
      0,
    );
    // Another shop's batch goes by.
    const otherDone = await processDeliveries(
      testJobContext({ db: t.db, dialect: "postgres", shopDomain: other }),
      otherJobs,
    );
    expect(otherDone).toHaveLength(5);

    await holder.query("COMMIT");
    expect((await running).sort()).toEqual(jobs.map((job) => job.jobId).sort());
    const { id: shopId } = await t.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(await t.db.consentEvent.count({ where: { shopId } })).toBe(30);
    expect(await verifyLedger(t.db, shopId)).toEqual({ ok: true, count: 30, headSeq: 30 });
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: shop, processedAt: null } })).toBe(0);
  });
});
