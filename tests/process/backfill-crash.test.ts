// A worker process SIGKILLed while it imports the shop's customers from Shopify's bulk result, then
// another started: the import resumes at the last committed offset (a ranged download), ends once,
// and every customer is a subject once. Real processes against the sandbox's Shopify simulator, on
// SQLite and PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBackfill } from "~/services/backfill/backfill.server";
import { type AppWorker, spawnAppWorker } from "../support/app-worker";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World } from "../support/sandbox-world";
import { eventually } from "../support/server";

const LEASE_MS = 1_500;
const EXTRA = 6_000;

describe.each(testDialects())("backfill after a worker crash on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let shop: { id: string; domain: string };
  const workers: AppWorker[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    world = await startWorld();
    shop = await seedWorldShop(t.db, world);
    const since = Date.now() - 3 * 365 * 86_400_000;
    for (let i = 0; i < EXTRA; i++) {
      world.shopify.state.addCustomer(shop.domain, {
        id: 100_000 + i,
        email: `client.${i}@example.com`,
        createdAt: new Date(since + i * 1000).toISOString(),
        emailMarketing:
          i % 10 === 0 ? { state: "SUBSCRIBED", consentUpdatedAt: new Date(since).toISOString() } : {},
      });
    }
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.kill();
  });
  afterAll(async () => {
    await world?.stop();
    await t?.drop();
  });

  async function worker() {
    const started = await spawnAppWorker({ url: t.url, ...world.workerEnv, leaseMs: LEASE_MS });
    workers.push(started);
    await started.ready;
    return started;
  }

  it("resumes mid-file where the killed worker's last batch ended, and converges", async () => {
    const { id } = await startBackfill(t.db, shop, "install");
    // The demo shop's 8 customers and the extra ones.
    const customers = 8 + EXTRA;
    const first = await worker();
    await eventually(async () => {
      const row = await t.db.backfill.findUniqueOrThrow({ where: { id } });
      return row.phase === "customers" && row.status === "importing" && row.linesDone > 0;
    }, 30_000);
    await first.kill();
    const interrupted = await t.db.backfill.findUniqueOrThrow({ where: { id } });
    expect(interrupted.status).toBe("importing");
    expect(interrupted.customers).toBeLessThan(customers);
    const rangedBefore = world.shopify.bulk.downloads.ranged;

    await worker();
    const done = await eventually(async () => {
      const row = await t.db.backfill.findUniqueOrThrow({ where: { id } });
      return row.status === "done" && row;
    }, 90_000).catch(async (error) => {
      const row = await t.db.backfill.findUniqueOrThrow({ where: { id } });
      const jobs = await t.db.job.findMany({ where: { type: "backfill.shopify" } });
      throw new Error(
        `${error}: ${JSON.stringify({ ...row, bytesDone: String(row.bytesDone) })} ${JSON.stringify(jobs.map((j) => [j.jobKey, j.status, j.attempts, j.lastError?.slice(-700)]))}`,
      );
    });
    // One bulk operation per phase: the customers', then the orders placed without an account.
    expect(done).toMatchObject({ customers, operations: 2, activeShopId: null, phase: "guests" });
    expect(done).toMatchObject({ guestOrders: 4, guests: 3 });
    expect(world.shopify.bulk.downloads.ranged).toBeGreaterThan(rangedBefore);
    expect(await t.db.subject.count({ where: { shopId: shop.id, shopifyCustomerId: { not: null } } })).toBe(
      customers,
    );
    // One imported grant per subscribed extra customer, however the work was cut.
    expect(await t.db.consentEvent.count({ where: { shopId: shop.id, source: "shopify_import" } })).toBe(
      done.consentStates,
    );
    expect(done.consentStates).toBeGreaterThanOrEqual(EXTRA / 10);
    expect(await t.db.auditEvent.count({ where: { action: "backfill.done", targetId: id } })).toBe(1);
  }, 180_000);
});
