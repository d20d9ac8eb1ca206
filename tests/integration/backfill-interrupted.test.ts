// The backfill's download of Shopify's bulk result broken off mid-body (the connection torn down, or
// left open with nothing more), on real databases against the Shopify simulator over HTTP: the job
// fails with a retryable ShopifyAdminError (download_interrupted), the queue retries it with backoff,
// and the retry resumes at the committed offset with a ranged download (or, its URL expired, with a
// new bulk operation); nothing is imported twice and the consent ledger stays one verified chain. On
// its last attempt the backfill fails with that code, and staff can run it again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { createShopifyBulk } from "~/connectors/shopify/bulk-customers";
import { ShopifyAdminError } from "~/connectors/shopify/errors";
import type { JobContext } from "~/jobs/handler";
import { BackfillJob } from "~/jobs/job-types";
import {
  type ShopifyAdminSimulator,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import { DEFAULT_SCOPES } from "~/sandbox/simulators/shopify-admin-store";
import { requestBackfill, runBackfill } from "~/services/backfill/backfill.server";
import { verifyLedger } from "~/services/consent-ledger.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { testJobContext } from "../support/test-logger";
import { startTestWorker } from "../support/worker";

const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/** Three batches of the worker's 500 lines; one customer in three subscribed (an imported state each). */
const CUSTOMERS = 1_400;
const SUBSCRIBED = Math.ceil(CUSTOMERS / 3);
const GUEST_ORDERS = 3;

describe.each(testDialects())("backfill download broken off mid-body on %s", (dialect) => {
  const domain = `interrupted-${dialect}.myshopify.com`;
  let t: TestDatabase;
  let sim: ShopifyAdminSimulator;
  let shop: { id: string; domain: string };
  let customersFile = 0;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    sim = await startShopifyAdminSimulator({
      bulk: { runMs: 20 },
      seed: {
        shops: [
          {
            domain,
            scopes: [...DEFAULT_SCOPES, "read_all_orders"],
            customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
              id: 50_000 + i,
              email: `client.${i}@example.com`,
              createdAt: ago(2 * 365 * DAY),
              ...(i % 3 === 0 && {
                emailMarketing: {
                  state: "SUBSCRIBED" as const,
                  optInLevel: "SINGLE_OPT_IN" as const,
                  consentUpdatedAt: ago(365 * DAY),
                },
              }),
            })),
            orders: Array.from({ length: GUEST_ORDERS }, (_, i) => ({
              id: 90_000 + i,
              customerId: null,
              email: `guest.${i}@example.com`,
              createdAt: ago(30 * DAY),
            })),
          },
        ],
      },
    });
    shop = await t.db.shop.create({ data: { domain }, select: { id: true, domain: true } });
    // The size of the customers' file, from an operation of its own.
    expect(await bulk().startBackfill()).toMatchObject({ started: true });
    customersFile = await eventually(async () => {
      const op = sim.bulk.operations.at(-1);
      return op?.status === "COMPLETED" && op.fileSize;
    });
  });
  afterEach(async () => {
    // Each test on its own: a backfill one left under way (the old code's) does not block the next.
    await t.db.backfill.updateMany({
      where: { shopId: shop.id, activeShopId: { not: null } },
      data: { status: "failed", error: "test_cleanup", activeShopId: null },
    });
    await t.db.job.deleteMany({ where: { type: BackfillJob.id, status: { in: ["pending", "failed"] } } });
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.drop();
  });

  const bulk = (options: { idleMs?: number } = {}) =>
    createShopifyBulk(
      createShopifyAdminClient({
        shop: domain,
        accessToken: sim.accessTokenFor(domain),
        baseUrl: sim.baseUrl,
      }),
      fetch,
      options,
    );
  const connectors =
    (options: { idleMs?: number } = {}) =>
    async () => ({
      shopify: null,
      mailchimp: null,
      stripe: null,
      vigie: null,
      shopifyBulk: bulk(options),
    });
  const context = (extra: Partial<JobContext> = {}) =>
    testJobContext({ db: t.db, dialect: t.dialect, connectors: connectors(), ...extra });
  const row = (id: string) => t.db.backfill.findUniqueOrThrow({ where: { id } });

  async function drive(id: string, extra: Partial<JobContext> = {}) {
    for (let i = 0; i < 100; i++) {
      await runBackfill(context(extra), id);
      const current = await row(id);
      if (current.status === "done" || current.status === "failed") return current;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    throw new Error("backfill did not end");
  }

  /** A started backfill whose customers' file Shopify has just finished, before any of it is read. */
  async function fileReady() {
    sim.bulk.hold();
    const started = await requestBackfill(t.db, shop, "staff-1");
    await runBackfill(context(), started.id);
    await new Promise((resolve) => setTimeout(resolve, 40));
    sim.bulk.release();
    const op = sim.bulk.operations.at(-1);
    expect(op?.status).toBe("COMPLETED");
    return { id: started.id, fileSize: op?.fileSize ?? 0 };
  }

  /** Each customer and guest once, each imported marketing state once, the ledger one chain. */
  async function importedOnce() {
    expect(await t.db.subject.count({ where: { shopId: shop.id } })).toBe(CUSTOMERS + GUEST_ORDERS);
    expect(await t.db.consentEvent.count({ where: { shopId: shop.id, source: "shopify_import" } })).toBe(
      SUBSCRIBED,
    );
    const ledger = await verifyLedger(t.db, shop.id);
    expect(ledger).toMatchObject({ ok: true });
  }

  it("a connection torn down mid-file: the job fails with download_interrupted, is retried with backoff, and resumes at its offset", async () => {
    // The worker takes it from its first step; the download is cut four fifths of the way through.
    sim.bulk.cutNextDownload(Math.floor((customersFile * 4) / 5), "destroy");
    const { id } = await requestBackfill(t.db, shop, "staff-1");
    const rangedBefore = sim.bulk.downloads.ranged;
    const worker = startTestWorker(t, connectors());
    try {
      // The status check queued by the first step reads the file, and breaks off.
      const failed = await eventually(
        () => t.db.job.findFirst({ where: { type: BackfillJob.id, status: "failed" } }),
        15_000,
      ).catch(async (error) => {
        const jobs = await t.db.job.findMany({ where: { type: BackfillJob.id } });
        throw new Error(
          `${error}: ${JSON.stringify(jobs.map((j) => [j.jobKey, j.status, j.attempts, j.lastError?.slice(0, 700)]))}`,
        );
      });
      expect(failed.lastError).toMatch(/^ShopifyAdminError: download_interrupted: /);
      expect(failed.attempts).toBe(1);
      // Backoff: e^1 s, jittered (docs/decisions/004).
      expect(failed.runAt.getTime() - Date.now()).toBeGreaterThan(1_000);
      const interrupted = await row(id);
      expect(interrupted).toMatchObject({ status: "importing", phase: "customers", error: null });
      expect(interrupted.linesDone).toBeGreaterThanOrEqual(500);
      expect(interrupted.linesDone).toBeLessThan(CUSTOMERS);

      const done = await eventually(async () => {
        const current = await row(id);
        return current.status === "done" && current;
      }, 20_000);
      expect(done).toMatchObject({ customers: CUSTOMERS, consentStates: SUBSCRIBED, operations: 2 });
      expect(done).toMatchObject({ guestOrders: GUEST_ORDERS, error: null, activeShopId: null });
      // The retry asked for the rest of the file only.
      expect(sim.bulk.downloads.ranged).toBe(rangedBefore + 1);
      const retried = await t.db.job.findUniqueOrThrow({ where: { id: failed.id } });
      expect(retried).toMatchObject({ status: "succeeded", attempts: 2 });
    } finally {
      await worker.stop(1_000);
    }
    await importedOnce();
  }, 60_000);

  it("a server that stops sending mid-file: given up after the idle time, then resumed", async () => {
    const { id, fileSize } = await fileReady();
    sim.bulk.cutNextDownload(Math.floor(fileSize / 2), "stall");
    const started = Date.now();
    const stalled = runBackfill(context({ connectors: connectors({ idleMs: 300 }) }), id, { batchSize: 100 });
    await expect(stalled).rejects.toBeInstanceOf(ShopifyAdminError);
    await expect(stalled).rejects.toMatchObject({ kind: "DOWNLOAD_INTERRUPTED", retryable: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    const interrupted = await row(id);
    expect(interrupted).toMatchObject({ status: "importing", error: null });
    expect(interrupted.linesDone).toBeGreaterThan(0);
    const done = await drive(id);
    expect(done).toMatchObject({ status: "done", customers: CUSTOMERS, operations: 2 });
    await importedOnce();
  }, 30_000);

  it("broken off, then its URL expired: the retry starts a new bulk operation, nothing imported twice", async () => {
    const { id, fileSize } = await fileReady();
    sim.bulk.cutNextDownload(Math.floor(fileSize / 2), "destroy");
    await expect(runBackfill(context(), id, { batchSize: 100 })).rejects.toMatchObject({
      kind: "DOWNLOAD_INTERRUPTED",
    });
    expect((await row(id)).linesDone).toBeGreaterThan(0);
    sim.bulk.expireUrls();
    const done = await drive(id);
    expect(done).toMatchObject({ status: "done", customers: CUSTOMERS, operations: 3 });
    await importedOnce();
  }, 30_000);

  it("broken off on the job's last attempt: the backfill fails with download_interrupted, and runs again", async () => {
    const { id, fileSize } = await fileReady();
    sim.bulk.cutNextDownload(Math.floor(fileSize / 2), "destroy");
    const last = { attempt: BackfillJob.maxAttempts, maxAttempts: BackfillJob.maxAttempts };
    await expect(runBackfill(context(last), id, { batchSize: 100 })).rejects.toMatchObject({
      kind: "DOWNLOAD_INTERRUPTED",
    });
    expect(await row(id)).toMatchObject({
      status: "failed",
      error: "download_interrupted",
      activeShopId: null,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "backfill.failed", targetId: id },
    });
    expect(JSON.parse(audit.data as string)).toEqual({ error: "download_interrupted" });
    const again = await requestBackfill(t.db, shop, "staff-1");
    expect((await drive(again.id)).status).toBe("done");
    await importedOnce();
  }, 30_000);
});
