// The intake's statement on PostgreSQL looks up the delivery's job key on its index however much
// the Job table has grown since the process started (docs/decisions/094). Its connections keep the
// statement prepared; a plan kept from when the table was small (a new install) read the whole
// table at every delivery once it held the shop's history: 10 connections at 20 % of a core each
// under 1 000 deliveries a second, 3.9 billion rows read in four minutes of the admin bench.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiptStore, type ReceiptInput } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.runIf(testDialects().includes("postgres"))("the intake's statement on PostgreSQL", () => {
  let t: TestDatabase;
  let admin: pg.Client;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.drop();
  });

  let n = 0;
  const delivery = (): ReceiptInput => ({
    source: "shopify",
    deliveryId: `plan-${++n}`,
    shopDomain: "plans.myshopify.com",
    topic: "orders/create",
    body: JSON.stringify({ id: n }),
  });

  /**
   * Rows of "Job" read so far, once the intake's connections are gone: by sequential scans, and
   * through its indexes (a plan that walks a whole index is the same fault).
   */
  async function jobRowsScanned() {
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A backend hands in its counts as it exits; a fresh snapshot reads them.
    await admin.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await admin.query(
      `SELECT seq_tup_read::int AS seq,
              (SELECT sum(idx_tup_read)::int FROM pg_stat_user_indexes WHERE relname = 'Job') AS indexed
         FROM pg_stat_user_tables WHERE relname = 'Job'`,
    );
    return rows[0] as { seq: number; indexed: number };
  }

  it("finds each delivery's job key on its index after the table has grown", async () => {
    // A new install: the table is empty and its statistics say so.
    await admin.query(`ANALYZE "Job"`);
    const receipts = createReceiptStore(t.url);
    // One after another, on one pooled connection: past the five runs after which PostgreSQL
    // may keep a generic plan of a prepared statement.
    for (let i = 0; i < 12; i++) expect(await receipts.store(delivery(), { priority: 50 })).toBe(true);
    // The shop's history since: 50 000 finished jobs.
    await admin.query(
      `INSERT INTO "Job" ("id", "type", "jobKey", "shopDomain", "status", "updatedAt", "finishedAt")
       SELECT 'hist-' || i, 'webhook.process', 'webhook:shopify:hist-' || i, 'plans.myshopify.com',
              'succeeded', now(), now()
         FROM generate_series(1, 50000) AS i`,
    );
    for (let i = 0; i < 30; i++) expect(await receipts.store(delivery(), { priority: 50 })).toBe(true);
    // And in groups: deliveries that arrive together share one statement (docs/decisions/097).
    const burst = await Promise.all(
      Array.from({ length: 60 }, () => receipts.store(delivery(), { priority: 50 })),
    );
    expect(burst.every(Boolean)).toBe(true);
    // A delivery whose job exists is still recognised (the lookup the plan is about).
    expect(await receipts.store({ ...delivery(), deliveryId: "hist-7" }, { priority: 50 })).toBe(false);
    await receipts.close();
    const read = await jobRowsScanned();
    expect(read.seq).toBeLessThan(50_000);
    expect(read.indexed).toBeLessThan(50_000);
    expect(Number((await admin.query(`SELECT count(*) AS n FROM "WebhookReceipt"`)).rows[0].n)).toBe(102);
  });
});
