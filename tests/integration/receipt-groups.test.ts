// The intake's group commit (docs/decisions/097): deliveries that arrive together are stored in one
// transaction, and each caller is still answered by its own delivery's outcome, after its commit.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReceiptStore, type ReceiptInput, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("the intake's groups on %s", (dialect) => {
  let t: TestDatabase;
  let receiptsStore: ReceiptStore;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receiptsStore = createReceiptStore(t.url);
  });
  afterAll(async () => {
    await receiptsStore?.close();
    await t?.drop();
  });

  let n = 0;
  const delivery = (shop: string, deliveryId = `group-${++n}`): ReceiptInput => ({
    source: "shopify",
    deliveryId,
    shopDomain: shop,
    topic: "orders/create",
    body: JSON.stringify({ id: n, note: "é".repeat(n % 7) }),
  });

  /** The shop's receipts, its pending jobs, and how many of those point at each receipt. */
  async function jobsPerReceipt(shop: string) {
    const receipts = await t.db.webhookReceipt.findMany({ where: { shopDomain: shop } });
    const jobs = await t.db.job.findMany({ where: { shopDomain: shop, status: "pending" } });
    const count = new Map(receipts.map((r) => [r.id, 0]));
    for (const job of jobs) {
      const { receiptId } = JSON.parse(job.payload) as { receiptId: string };
      count.set(receiptId, (count.get(receiptId) ?? 0) + 1);
    }
    return { receipts, jobs, count };
  }

  it("answers each of 500 deliveries sent at once by its own outcome: new, a copy in the same burst, or already run", async () => {
    const shop = `groups-${dialect}-burst.myshopify.com`;
    // Ten deliveries whose jobs ran and whose receipts are gone (a purged shop's, say).
    const ran = Array.from({ length: 10 }, () => delivery(shop));
    for (const [i, d] of ran.entries()) {
      await t.db.job.create({
        data: {
          type: "webhook.process",
          jobKey: `webhook:shopify:${d.deliveryId}`,
          shopDomain: shop,
          status: "succeeded",
          id: `ran-${dialect}-${i}`,
        },
      });
    }
    const fresh = Array.from({ length: 440 }, () => delivery(shop));
    // Shopify sends some twice at once (a retry racing the first attempt).
    const copies = fresh.slice(0, 50).map((d) => ({ ...d }));
    const burst = [...fresh, ...copies, ...ran];
    const answers = await Promise.all(burst.map((d) => receiptsStore.store(d, { priority: 50 })));

    // Each fresh delivery stored once: by one of its copies, whichever went first.
    const byId = new Map<string, boolean[]>();
    for (const [i, d] of burst.entries())
      byId.set(d.deliveryId, [...(byId.get(d.deliveryId) ?? []), answers[i] as boolean]);
    for (const d of fresh) expect(byId.get(d.deliveryId)?.filter(Boolean)).toHaveLength(1);
    for (const d of ran) expect(byId.get(d.deliveryId)).toEqual([false]);

    const { receipts, jobs, count } = await jobsPerReceipt(shop);
    expect(receipts).toHaveLength(440);
    expect(jobs).toHaveLength(440);
    expect([...count.values()].every((c) => c === 1)).toBe(true);
    // The bodies are stored as sent.
    const sent = new Map(fresh.map((d) => [d.deliveryId, d.body]));
    for (const r of receipts) expect(r.body).toBe(sent.get(r.deliveryId));
    // Grouped: the 500 took a handful of transactions, not one each (a group shares its instant).
    expect(new Set(receipts.map((r) => r.receivedAt.getTime())).size).toBeLessThan(20);
  });

  it("stores the deliveries taken before it closes, and answers them", async () => {
    const shop = `groups-${dialect}-close.myshopify.com`;
    const store = createReceiptStore(t.url);
    const answers = Array.from({ length: 100 }, () => store.store(delivery(shop), { priority: 50 }));
    await store.close();
    expect(await Promise.all(answers)).toEqual(Array(100).fill(true));
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: shop } })).toBe(100);
  });

  it.runIf(dialect === "postgres")(
    "a delivery the database refuses costs the others in its group nothing",
    async () => {
      const shop = `groups-${dialect}-poison.myshopify.com`;
      const burst = Array.from({ length: 30 }, () => delivery(shop));
      // PostgreSQL's text cannot hold a NUL character.
      const poisoned = { ...delivery(shop), body: `{"note":"a\u0000b"}` };
      burst.splice(12, 0, poisoned);
      const answers = await Promise.allSettled(burst.map((d) => receiptsStore.store(d, { priority: 50 })));
      expect(answers[12]?.status).toBe("rejected");
      expect(answers.filter((a) => a.status === "fulfilled" && a.value === true)).toHaveLength(30);
      const { receipts, count } = await jobsPerReceipt(shop);
      expect(receipts.map((r) => r.deliveryId).sort()).toEqual(
        burst
          .filter((d) => d !== poisoned)
          .map((d) => d.deliveryId)
          .sort(),
      );
      expect([...count.values()].every((c) => c === 1)).toBe(true);
      // Nothing of it was stored.
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Job" WHERE "jobKey" = $1`, [
        `webhook:shopify:${poisoned.deliveryId}`,
      ]);
      await client.end();
      expect(rows[0].n).toBe(0);
    },
  );
});
