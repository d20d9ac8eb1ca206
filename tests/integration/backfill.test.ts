// The backfill of a shop's customers and orders from Shopify, on real databases against the Shopify
// simulator over HTTP: bulk operation, JSONL read as a stream, subjects with their last order and
// imported marketing state; then the orders placed without an account, whose buyers become subjects
// by e-mail; idempotent, resumable mid-file, a failed or expired operation handled, and the webhooks
// that keep subjects current afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { createShopifyBulk } from "~/connectors/shopify/bulk-customers";
import { executeVigieStep } from "~/connectors/vigie/erasure-steps.server";
import type { JobContext } from "~/jobs/handler";
import {
  type ShopifyAdminSimulator,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import { DEFAULT_SCOPES } from "~/sandbox/simulators/shopify-admin-store";
import { requestBackfill, runBackfill, startBackfill } from "~/services/backfill/backfill.server";
import { appendConsentEvent, currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { expireErasedContactKeys } from "~/services/erasure/legal-holds.server";
import { retentionOverview } from "~/services/retention.server";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { testJobContext } from "../support/test-logger";

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const FILLERS = 400;
/** Orders placed without an account in the main shop: 5 lines, 4 with an e-mail, 3 addresses. */
const GUEST_LINES = 5;
const GUEST_ORDERS = 4;
const GUESTS = 3;

describe.each(testDialects())("backfill from Shopify on %s", (dialect) => {
  const shop = `backfill-${dialect}.myshopify.com`;
  const recentOnly = `backfill-recent-${dialect}.myshopify.com`;
  let t: TestDatabase;
  let sim: ShopifyAdminSimulator;
  let receipts: ReceiptStore;
  const shops: Record<string, { id: string; domain: string }> = {};

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
    const fillers = Array.from({ length: FILLERS }, (_, i) => ({
      id: 8000 + i,
      email: `filler.${i}@example.com`,
      createdAt: ago(3 * YEAR),
    }));
    sim = await startShopifyAdminSimulator({
      bulk: { runMs: 20 },
      seed: {
        shops: [
          {
            domain: shop,
            scopes: [...DEFAULT_SCOPES, "read_all_orders"],
            customers: [
              {
                id: 7201,
                email: "Ana@Example.fr",
                createdAt: ago(12 * YEAR),
                emailMarketing: {
                  state: "SUBSCRIBED",
                  optInLevel: "SINGLE_OPT_IN",
                  consentUpdatedAt: ago(12 * YEAR),
                },
              },
              {
                id: 7202,
                email: "ben@example.fr",
                createdAt: ago(3 * YEAR),
                emailMarketing: {
                  state: "UNSUBSCRIBED",
                  optInLevel: "SINGLE_OPT_IN",
                  consentUpdatedAt: ago(YEAR),
                },
              },
              {
                id: 7203,
                email: "lettre@example.fr",
                createdAt: ago(4 * YEAR),
                emailMarketing: {
                  state: "SUBSCRIBED",
                  optInLevel: "CONFIRMED_OPT_IN",
                  consentUpdatedAt: ago(4 * YEAR),
                },
              },
              { id: 7204, email: null, createdAt: ago(2 * YEAR) },
              ...fillers,
            ],
            orders: [
              { id: 6201, customerId: 7201, createdAt: ago(12 * YEAR) },
              { id: 6202, customerId: 7201, createdAt: ago(11 * YEAR) },
              { id: 6203, customerId: 7202, createdAt: ago(2 * DAY) },
              { id: 6204, customerId: 7204, createdAt: ago(2 * YEAR) },
              // Without an account: a buyer twice (12 and 2 years ago), Ben before his account, a
              // buyer 12 years ago, and an order with no e-mail at all.
              { id: 6401, customerId: null, email: "Invite@Example.fr", createdAt: ago(12 * YEAR) },
              { id: 6402, customerId: null, email: "invite@example.fr", createdAt: ago(2 * YEAR) },
              { id: 6403, customerId: null, email: "BEN@example.fr", createdAt: ago(5 * YEAR) },
              { id: 6404, customerId: null, email: null, createdAt: ago(YEAR) },
              { id: 6405, customerId: null, email: "douze@example.fr", createdAt: ago(12 * YEAR) },
            ],
          },
          {
            domain: recentOnly,
            customers: [
              { id: 7301, email: "old.buyer@example.fr", createdAt: ago(5 * YEAR) },
              { id: 7302, email: "new.buyer@example.fr", createdAt: ago(YEAR) },
            ],
            orders: [
              { id: 6301, customerId: 7301, createdAt: ago(4 * YEAR) },
              { id: 6302, customerId: 7302, createdAt: ago(10 * DAY) },
              { id: 6303, customerId: null, email: "vieil.invite@example.fr", createdAt: ago(3 * YEAR) },
              { id: 6304, customerId: null, email: "nouvel.invite@example.fr", createdAt: ago(20 * DAY) },
            ],
          },
        ],
      },
    });
    for (const domain of [shop, recentOnly]) {
      const row = await t.db.shop.create({
        data: {
          domain,
          settings: JSON.stringify({ retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 } }),
        },
        select: { id: true, domain: true },
      });
      shops[domain] = row;
    }
    // Ana subscribed at checkout two months ago, with proof: Vigie's own record, newer than Shopify's date.
    const anaSubject = await t.db.subject.create({
      data: { shopId: shops[shop]?.id as string, email: "ana@example.fr" },
    });
    await t.db.$transaction((tx) =>
      appendConsentEvent(tx, {
        shopId: shops[shop]?.id as string,
        subject: { id: anaSubject.id, email: "ana@example.fr" },
        kind: "granted",
        lawfulBasis: "consent",
        source: "checkout",
        occurredAt: new Date(Date.now() - 60 * DAY),
        noticeVersion: "2022-10-31",
        wording: "Je souhaite recevoir la newsletter",
        wordingLocale: "fr",
      }),
    );
  });
  afterAll(async () => {
    await sim.stop();
    await receipts.close();
    await t.drop();
  });

  const bulkFor = (domain: string) =>
    createShopifyBulk(
      createShopifyAdminClient({
        shop: domain,
        accessToken: sim.accessTokenFor(domain),
        baseUrl: sim.baseUrl,
      }),
    );
  const context = (extra: Partial<JobContext> = {}) =>
    testJobContext({
      db: t.db,
      dialect: t.dialect,
      connectors: async (domain) => ({
        shopify: null,
        mailchimp: null,
        stripe: null,
        vigie: null,
        shopifyBulk: bulkFor(domain),
      }),
      ...extra,
    });
  const row = (id: string) => t.db.backfill.findUniqueOrThrow({ where: { id } });

  /** Runs the backfill's steps as the worker would, each when it is due, until it ends. */
  async function drive(id: string, options: { batchSize?: number } = {}) {
    for (let i = 0; i < 100; i++) {
      await runBackfill(context(), id, options);
      const current = await row(id);
      if (current.status === "done" || current.status === "failed") return current;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    throw new Error("backfill did not end");
  }

  const subjectOf = (domain: string, customerId: string) =>
    t.db.subject.findUniqueOrThrow({
      where: {
        shopId_shopifyCustomerId: { shopId: shops[domain]?.id as string, shopifyCustomerId: customerId },
      },
    });
  const importedEvents = (domain: string) =>
    t.db.consentEvent.findMany({ where: { shopId: shops[domain]?.id as string, source: "shopify_import" } });

  it("every customer a subject, with last order, order count, createdAt", async () => {
    const started = await startBackfill(t.db, shops[shop] as { id: string; domain: string }, "install");
    expect(started.started).toBe(true);
    const done = await drive(started.id);
    expect(done).toMatchObject({ status: "done", activeShopId: null, customers: FILLERS + 4, orders: 4 });
    // The row ends in the second phase: its file's lines, and one bulk operation per phase.
    expect(done).toMatchObject({
      phase: "guests",
      linesDone: GUEST_LINES,
      objectCount: GUEST_LINES,
      operations: 2,
      guestOrders: GUEST_ORDERS,
      guests: GUESTS,
    });

    const ana = await subjectOf(shop, "7201");
    // Matched by e-mail to the subject Vigie already had; its last order is the newest of two.
    expect(ana.email).toBe("ana@example.fr");
    expect(ana.lastOrderAt?.getTime()).toBeCloseTo(Date.now() - 11 * YEAR, -5);
    expect(ana.orderCount).toBe(2);
    expect(ana.createdAt.getTime()).toBeCloseTo(Date.now() - 12 * YEAR, -5);
    const contact = await subjectOf(shop, "7203");
    expect(contact.lastOrderAt).toBeNull();
    expect(contact.orderCount).toBe(0);
    // A customer whose e-mail Shopify withholds is still a subject, by customer id.
    expect(await subjectOf(shop, "7204")).toMatchObject({ email: null, orderCount: 1 });
    // The customers, and the two buyers known only by an order's e-mail.
    expect(await t.db.subject.count({ where: { shopId: shops[shop]?.id } })).toBe(FILLERS + 6);
    expect(await t.db.shop.findUniqueOrThrow({ where: { domain: shop } })).toMatchObject({
      ordersAccess: "all",
    });
  });

  it("records Shopify's marketing states as imported, without proof, and only when they say something new", async () => {
    const events = await importedEvents(shop);
    // Ben (unsubscribed in Shopify) and the newsletter contact (subscribed): two; Ana's checkout consent stands.
    expect(events.map((e) => [e.email, e.kind]).sort()).toEqual([
      ["ben@example.fr", "withdrawn"],
      ["lettre@example.fr", "granted"],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        lawfulBasis: "consent",
        noticeVersion: null,
        wording: null,
        wordingKey: null,
      });
    }
    const contact = await subjectOf(shop, "7203");
    expect(await currentConsent(t.db, contact.id)).toMatchObject({ status: "subscribed" });
    const ana = await subjectOf(shop, "7201");
    expect(await currentConsent(t.db, ana.id)).toMatchObject({ status: "subscribed" });
    expect(await t.db.consentEvent.count({ where: { subjectId: ana.id } })).toBe(1);
    expect((await verifyLedger(t.db, shops[shop]?.id as string)).ok).toBe(true);
    // Imported states are not pushed anywhere: they came from Shopify.
    expect(await t.db.job.count({ where: { type: "consent.sync" } })).toBe(0);
  });

  const guestOf = (email: string) =>
    t.db.subject.findMany({ where: { shopId: shops[shop]?.id as string, email } });

  it("buyers who ordered without an account become subjects by e-mail, merged with the shop's, without a marketing state", async () => {
    const [invite, ...others] = await guestOf("invite@example.fr");
    expect(others).toEqual([]);
    expect(invite).toMatchObject({ shopifyCustomerId: null, guestOrderCount: 2, orderCount: null });
    // Their last order is the newer of two; the shop has had them since the older.
    expect(invite?.lastOrderAt?.getTime()).toBeCloseTo(Date.now() - 2 * YEAR, -5);
    expect(invite?.createdAt.getTime()).toBeCloseTo(Date.now() - 12 * YEAR, -5);
    // Ben ordered without an account before he had one: the same person, his last order unchanged.
    const ben = await subjectOf(shop, "7202");
    expect(await guestOf("ben@example.fr")).toHaveLength(1);
    expect(ben).toMatchObject({ email: "ben@example.fr", guestOrderCount: 1, orderCount: 1 });
    expect(Date.now() - (ben.lastOrderAt?.getTime() ?? 0)).toBeLessThan(3 * DAY);
    // An order placed without an account says nothing of consent: nothing recorded for them.
    const guestIds = [invite?.id as string, ...(await guestOf("douze@example.fr")).map((g) => g.id)];
    expect(await t.db.consentEvent.count({ where: { subjectId: { in: guestIds } } })).toBe(0);
    expect(await t.db.consentState.count({ where: { subjectId: { in: guestIds } } })).toBe(0);
  });

  it("retention sees the backfilled history: the 11-year customer and the 4-year newsletter contact are due", async () => {
    const overview = await retentionOverview(t.db, shops[shop]?.id as string);
    const due = new Map(overview.due.map((d) => [d.email, d.reason]));
    expect(due.get("ana@example.fr")).toBe("customer");
    expect(due.get("lettre@example.fr")).toBe("prospect");
    // The buyer of 12 years ago, known only by an order's e-mail, is due as a customer; the one of 2 is not.
    expect(due.get("douze@example.fr")).toBe("customer");
    expect(due.has("invite@example.fr")).toBe(false);
    expect(due.has("ben@example.fr")).toBe(false);
    expect(overview.ordersAccess).toBe("all");
  });

  it("run again: the same subjects, no new ledger event", async () => {
    const before = {
      subjects: await t.db.subject.count({ where: { shopId: shops[shop]?.id } }),
      events: await t.db.consentEvent.count({ where: { shopId: shops[shop]?.id } }),
    };
    const again = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    const done = await drive(again.id);
    expect(done).toMatchObject({ status: "done", customers: FILLERS + 4, consentStates: 0 });
    expect(done).toMatchObject({ guestOrders: GUEST_ORDERS, guests: GUESTS });
    expect(await t.db.subject.count({ where: { shopId: shops[shop]?.id } })).toBe(before.subjects);
    expect(await t.db.consentEvent.count({ where: { shopId: shops[shop]?.id } })).toBe(before.events);
    // Counted anew, not added to: two orders without an account, as before.
    expect((await guestOf("invite@example.fr"))[0]?.guestOrderCount).toBe(2);
  });

  /** A started backfill whose file Shopify has just finished, before any of it is read. */
  async function fileReady() {
    sim.bulk.hold();
    const started = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    await runBackfill(context(), started.id);
    await new Promise((resolve) => setTimeout(resolve, 40));
    sim.bulk.release();
    const op = sim.bulk.operations.at(-1);
    expect(op?.status).toBe("COMPLETED");
    return { id: started.id, fileSize: op?.fileSize ?? 0 };
  }

  it("a run interrupted mid-file resumes where its last batch ended, with a ranged download", async () => {
    const { id, fileSize } = await fileReady();
    // The connection drops a third of the way through the file.
    sim.bulk.cutNextDownload(Math.floor(fileSize / 3));
    const rangedBefore = sim.bulk.downloads.ranged;
    await expect(runBackfill(context(), id, { batchSize: 50 })).rejects.toThrow();
    const interrupted = await row(id);
    expect(interrupted.status).toBe("importing");
    expect(interrupted.linesDone).toBeGreaterThan(0);
    expect(interrupted.linesDone).toBeLessThan(FILLERS);
    expect(Number(interrupted.bytesDone)).toBeLessThanOrEqual(Math.floor(fileSize / 3));
    const done = await drive(id, { batchSize: 50 });
    expect(sim.bulk.downloads.ranged).toBe(rangedBefore + 1);
    expect(done).toMatchObject({ status: "done", operations: 2 });
    // Each line counted once across the two runs.
    expect(done.customers).toBe(FILLERS + 4);
    expect(await t.db.subject.count({ where: { shopId: shops[shop]?.id } })).toBe(FILLERS + 6);
  });

  it("a result URL that expired mid-import: a new bulk operation, and the import still converges", async () => {
    const { id } = await fileReady();
    sim.bulk.cutNextDownload(5_000);
    await expect(runBackfill(context(), id, { batchSize: 5 })).rejects.toThrow();
    expect((await row(id)).linesDone).toBeGreaterThan(0);
    sim.bulk.expireUrls();
    const done = await drive(id, { batchSize: 100 });
    // The customers' phase started again, then the guests' phase: three operations.
    expect(done).toMatchObject({ status: "done", operations: 3, customers: FILLERS + 4 });
    expect(await t.db.subject.count({ where: { shopId: shops[shop]?.id } })).toBe(FILLERS + 6);
  });

  /** A backfill whose customers are in and whose guest orders' file Shopify has just finished. */
  async function guestFileReady() {
    const { id } = await fileReady();
    sim.bulk.hold();
    await runBackfill(context(), id);
    expect(await row(id)).toMatchObject({ phase: "guests", status: "running" });
    await new Promise((resolve) => setTimeout(resolve, 40));
    sim.bulk.release();
    const op = sim.bulk.operations.at(-1);
    expect(op?.status).toBe("COMPLETED");
    return { id, fileSize: op?.fileSize ?? 0 };
  }

  it("the guests' phase, interrupted mid-file, resumes at its offset and counts each order once", async () => {
    const { id, fileSize } = await guestFileReady();
    const rangedBefore = sim.bulk.downloads.ranged;
    sim.bulk.cutNextDownload(Math.floor(fileSize / 2));
    await expect(runBackfill(context(), id, { batchSize: 1 })).rejects.toThrow();
    const interrupted = await row(id);
    expect(interrupted).toMatchObject({ phase: "guests", status: "importing" });
    expect(interrupted.linesDone).toBeGreaterThan(0);
    expect(interrupted.linesDone).toBeLessThan(GUEST_LINES);
    const done = await drive(id, { batchSize: 1 });
    expect(sim.bulk.downloads.ranged).toBe(rangedBefore + 1);
    expect(done).toMatchObject({
      status: "done",
      operations: 2,
      linesDone: GUEST_LINES,
      guestOrders: GUEST_ORDERS,
      guests: GUESTS,
    });
    expect((await guestOf("invite@example.fr"))[0]?.guestOrderCount).toBe(2);
    expect(await t.db.subject.count({ where: { shopId: shops[shop]?.id } })).toBe(FILLERS + 6);
  });

  it("the guests' result URL expired: that phase starts again with a new operation, and converges", async () => {
    const { id } = await guestFileReady();
    sim.bulk.cutNextDownload(200);
    await expect(runBackfill(context(), id, { batchSize: 1 })).rejects.toThrow();
    expect((await row(id)).linesDone).toBeGreaterThan(0);
    sim.bulk.expireUrls();
    const done = await drive(id);
    // The customers' phase is not read again.
    expect(done).toMatchObject({
      status: "done",
      operations: 3,
      customers: FILLERS + 4,
      guestOrders: GUEST_ORDERS,
      guests: GUESTS,
    });
    expect((await guestOf("invite@example.fr"))[0]?.guestOrderCount).toBe(2);
    expect(await t.db.subject.count({ where: { shopId: shops[shop]?.id } })).toBe(FILLERS + 6);
  });

  it("a bulk operation Shopify fails: the backfill says so, and staff can run it again", async () => {
    sim.bulk.failNext("INTERNAL_SERVER_ERROR");
    const started = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    const failed = await drive(started.id);
    expect(failed).toMatchObject({ status: "failed", error: "internal_server_error", activeShopId: null });
    const again = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    expect((await drive(again.id)).status).toBe("done");
  });

  it("one bulk query at a time per shop: a start while one runs waits, then goes on", async () => {
    sim.bulk.hold();
    const other = await bulkFor(shop).startBackfill();
    expect(other.started).toBe(true);
    expect(await bulkFor(shop).startBackfill()).toEqual({ started: false, reason: "in_progress" });
    const started = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    await runBackfill(context(), started.id);
    expect(await row(started.id)).toMatchObject({ status: "starting", polls: 1 });
    expect(await t.db.job.count({ where: { jobKey: `backfill:${started.id}:wait:1` } })).toBe(1);
    // A second request while it runs is refused.
    await expect(
      requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1"),
    ).rejects.toMatchObject({
      code: "BACKFILL_RUNNING",
    });
    sim.bulk.release();
    expect((await drive(started.id)).status).toBe("done");
  });

  it("without read_all_orders: orders older than 60 days are not read, and retention says so", async () => {
    const started = await startBackfill(t.db, shops[recentOnly] as { id: string; domain: string }, "install");
    expect((await drive(started.id)).status).toBe("done");
    const oldBuyer = await subjectOf(recentOnly, "7301");
    expect(oldBuyer).toMatchObject({ lastOrderAt: null, orderCount: 1 });
    const overview = await retentionOverview(t.db, shops[recentOnly]?.id as string);
    expect(overview.ordersAccess).toBe("recent");
    expect(overview.unknownLastOrder).toBe(1);
    // Not a contact who never ordered: not due as a prospect.
    expect(overview.due.map((d) => d.email)).not.toContain("old.buyer@example.fr");
    // Orders placed without an account are read as far back as 60 days too.
    const guests = await t.db.subject.findMany({
      where: { shopId: shops[recentOnly]?.id as string, shopifyCustomerId: null },
      select: { email: true },
    });
    expect(guests.map((g) => g.email)).toEqual(["nouvel.invite@example.fr"]);
  });

  it("bulk_operations/finish wakes the backfill waiting on that operation", async () => {
    sim.bulk.hold();
    const started = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    await runBackfill(context(), started.id);
    const running = await row(started.id);
    expect(running.status).toBe("running");
    const deliveryId = `finish-${started.id}`;
    await receipts.store(
      {
        source: "shopify",
        deliveryId,
        shopDomain: shop,
        topic: "bulk_operations/finish",
        body: JSON.stringify({
          admin_graphql_api_id: running.operationId,
          completed_at: new Date().toISOString(),
          created_at: new Date().toISOString(),
          error_code: null,
          status: "completed",
          type: "query",
        }),
      },
      { priority: 50 },
    );
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
    await processDelivery(context(), receipt.id);
    expect(await t.db.job.count({ where: { jobKey: `backfill:${started.id}:finish:${receipt.id}` } })).toBe(
      1,
    );
    sim.bulk.release();
    expect((await drive(started.id)).status).toBe("done");
  });

  it("afterwards, customers/create, customers/update and orders/create keep the subjects current", async () => {
    const deliver = async (topic: string, body: unknown) => {
      const deliveryId = `${topic}-${Math.random()}`;
      await receipts.store(
        {
          source: "shopify",
          deliveryId,
          shopDomain: shop,
          topic,
          body: typeof body === "string" ? body : JSON.stringify(body),
        },
        { priority: 50 },
      );
      const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
      await processDelivery(context(), receipt.id);
    };
    // A customer beyond 2^53, created two years ago in Shopify: sent to Vigie as a number.
    // Written as JSON text: a JavaScript number literal would already have rounded it.
    await deliver(
      "customers/create",
      `{"id":820982911946154508,"email":"Nouvelle@Example.fr","created_at":"${ago(2 * YEAR)}","locale":"fr"}`,
    );
    const created = await subjectOf(shop, "820982911946154508");
    expect(created.email).toBe("nouvelle@example.fr");
    expect(created.createdAt.getTime()).toBeCloseTo(Date.now() - 2 * YEAR, -5);
    await deliver(
      "customers/update",
      '{"id":820982911946154508,"email":"changed@example.fr","phone":"+33 6 00 00 00 09"}',
    );
    expect(await subjectOf(shop, "820982911946154508")).toMatchObject({
      email: "changed@example.fr",
      phone: "+33600000009",
    });
    // Ben's new order moves his last order forward; Ana's 11-year-old one too, so she is no longer due.
    await deliver("orders/create", {
      id: 6999,
      created_at: new Date().toISOString(),
      customer: { id: 7201 },
    });
    const ana = await subjectOf(shop, "7201");
    expect(Date.now() - (ana.lastOrderAt?.getTime() ?? 0)).toBeLessThan(60_000);
    const overview = await retentionOverview(t.db, shops[shop]?.id as string);
    expect(overview.due.map((d) => d.email)).not.toContain("ana@example.fr");
  });

  it("orders/create names the buyer by the customer's e-mail, else the order's contact e-mail", async () => {
    const deliver = async (body: unknown) => {
      const deliveryId = `orders-create-${Math.random()}`;
      await receipts.store(
        {
          source: "shopify",
          deliveryId,
          shopDomain: shop,
          topic: "orders/create",
          body: JSON.stringify(body),
        },
        { priority: 50 },
      );
      const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
      await processDelivery(context(), receipt.id);
    };
    const now = new Date().toISOString();
    // Without an account: the order's e-mail finds the buyer the backfill imported; no second one.
    await deliver({ id: 7001, created_at: now, email: "INVITE@example.fr", customer: null });
    const invite = await guestOf("invite@example.fr");
    expect(invite).toHaveLength(1);
    expect(Date.now() - (invite[0]?.lastOrderAt?.getTime() ?? 0)).toBeLessThan(60_000);
    // A customer whose address Shopify withholds (null): the order's contact e-mail names them.
    await deliver({
      id: 7002,
      created_at: now,
      email: "retenu@example.fr",
      customer: { id: 7205, email: null },
    });
    expect(await subjectOf(shop, "7205")).toMatchObject({ email: "retenu@example.fr" });
    // Both given: the customer's address wins over the one typed at checkout.
    await deliver({
      id: 7003,
      created_at: now,
      email: "autre@example.fr",
      contact_email: "autre@example.fr",
      customer: { id: 7206, email: "Compte@Example.fr" },
    });
    expect(await subjectOf(shop, "7206")).toMatchObject({ email: "compte@example.fr" });
    expect(await guestOf("autre@example.fr")).toEqual([]);
  });
  it("an erased person stays erased: the next backfill and Shopify's updates leave out what predates the erasure", async () => {
    const shopId = shops[shop]?.id as string;
    const deliver = async (topic: string, body: string) => {
      const deliveryId = `${topic}-${Math.random()}`;
      await receipts.store(
        { source: "shopify", deliveryId, shopDomain: shop, topic, body },
        { priority: 50 },
      );
      const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
      await processDelivery(context(), receipt.id);
    };
    // The guest of 12 years ago and Ben (an account Shopify will erase within 180 days) are erased in
    // Vigie; Shopify still holds the guest's order for the shop's accounts, and Ben's account.
    const douze = (await guestOf("douze@example.fr"))[0];
    const ben = await subjectOf(shop, "7202");
    for (const subject of [douze, ben]) {
      const ref = {
        shopDomain: shop,
        subjectId: subject?.id as string,
        email: subject?.email ?? null,
        shopifyCustomerId: subject?.shopifyCustomerId ?? null,
      };
      expect(await executeVigieStep(t.db, shopId, ref, "delete-subject")).toMatchObject({ outcome: "done" });
    }
    // Only keys are kept, never the address or the id in clear.
    const keys = await t.db.erasedContact.findMany({ where: { shopId } });
    expect(keys.length).toBe(3); // her address; his address and his account
    expect(JSON.stringify(keys)).not.toMatch(/douze|ben@|7202/);

    const again = await requestBackfill(t.db, shops[shop] as { id: string; domain: string }, "staff-1");
    const done = await drive(again.id);
    expect(done).toMatchObject({ status: "done", customers: FILLERS + 3 });
    expect(await guestOf("douze@example.fr")).toEqual([]);
    expect(await guestOf("ben@example.fr")).toEqual([]);
    // The others are untouched.
    expect((await guestOf("invite@example.fr"))[0]?.guestOrderCount).toBe(2);
    expect(await subjectOf(shop, "7201")).toMatchObject({ email: "ana@example.fr" });

    // Shopify's update of Ben's account (its own redaction sends one) does not bring him back…
    await deliver("customers/update", `{"id":7202,"email":"ben@example.fr","created_at":"${ago(3 * YEAR)}"}`);
    expect(await guestOf("ben@example.fr")).toEqual([]);
    // …but an order placed after the erasure is a new relationship: the buyer is known again.
    await deliver(
      "orders/create",
      JSON.stringify({
        id: 7101,
        created_at: new Date().toISOString(),
        email: "douze@example.fr",
        customer: null,
      }),
    );
    expect(await guestOf("douze@example.fr")).toHaveLength(1);

    // Kept as long as the orders that could name them: ten years, then the daily job drops them.
    expect(await expireErasedContactKeys(t.db, new Date(Date.now() + 9 * YEAR))).toBe(0);
    expect(await expireErasedContactKeys(t.db, new Date(Date.now() + 10 * YEAR + 5 * DAY))).toBe(3);
  });
});
