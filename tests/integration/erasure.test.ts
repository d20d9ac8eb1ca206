// Erasure runs on real databases, with the real worker, jobs and Vigie connector: the dry run,
// execution once approved (outside systems first, Vigie last), receipts, legal holds and the answer;
// a crash in the middle and its resumption; customers/redact executed without review, twice; and
// holds released when they expire.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connector, SubjectRef } from "~/connectors/connector";
import { createVigieConnector } from "~/connectors/vigie/connector.server";
import type { SystemPlan } from "~/domain/erasure/erasure-plan";
import { ACCOUNTING_HOLD, INVOICE_ARCHIVE_STEP } from "~/domain/erasure/invoice-archive";
import type { ErasureStep, ExportRecord } from "~/domain/systems";
import type { ShopperLocale } from "~/i18n/locale";
import { LegalHoldsExpireJob } from "~/jobs/job-types";
import { jobsAdded } from "~/jobs/queue/notify.server";
import { enqueueScheduled } from "~/jobs/queue/schedules.server";
import { JOB_HANDLERS } from "~/jobs/registry.server";
import type { Worker } from "~/jobs/worker.server";
import { approveErasure, replanErasure, retryErasureSystem } from "~/services/erasure/erasure-runs.server";
import { erasurePanelData } from "~/services/erasure/erasure-view.server";
import { releaseExpiredHolds } from "~/services/erasure/legal-holds.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { directiveForHeirRequest } from "~/services/requests/post-mortem-directives.server";
import { answerRequest, verifyIdentityByStaff } from "~/services/requests/request-actions.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { sweepRetention } from "~/services/retention.server";
import { openBytes } from "~/utils/secret-box.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { cellsContaining, createShop, seedShopper } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { samplePayloads } from "../support/shopify-webhook";
import { TEST_SECRET_KEY, testJobContext } from "../support/test-logger";
import { startTestWorker } from "../support/worker";

/** Shopify as the connector sees it: one customer with two orders; erasure requests are counted. */
function fakeShopify() {
  const calls: string[] = [];
  const orders: ExportRecord[] = [
    {
      section: "orders",
      provided: false,
      data: {
        orderId: "gid://shopify/Order/1",
        name: "#1001",
        createdAt: "2026-02-03T10:00:00Z",
        total: { amount: "42.00", currencyCode: "EUR" },
      },
    },
    {
      section: "order_inputs",
      provided: true,
      data: {
        orderId: "gid://shopify/Order/1",
        email: "x@example.fr",
        billingAddress: { name: "Camille Martin", city: "Paris" },
      },
    },
  ];
  const connector = {
    name: "shopify",
    async planErasure(subject: SubjectRef): Promise<ErasureStep[]> {
      return [
        {
          id: `shopify:customer-data-erasure:${subject.shopifyCustomerId}`,
          action: "delete",
          target: "customer",
        },
      ];
    },
    async *exportSubject() {
      yield* orders;
    },
    async executeErasureStep(_subject: SubjectRef, step: ErasureStep) {
      calls.push(step.id);
      return { stepId: step.id, outcome: "done", vendorRef: "gid://shopify/Customer/7001", at: new Date() };
    },
  } as unknown as Connector;
  return { connector, calls };
}

/** Stripe: mask, delete, keep invoices; `crashOn` makes one step fail once like a dropped connection. */
function fakeStripe() {
  const state = { calls: [] as string[], crashOn: null as string | null };
  const connector = {
    name: "stripe",
    async planErasure(): Promise<ErasureStep[]> {
      return [
        { id: "stripe:cus_Q1:mask-customer", action: "mask", target: "customer" },
        { id: "stripe:cus_Q1:delete-customer", action: "delete", target: "customer" },
        { id: "stripe:cus_Q1:keep-invoices", action: "keep", target: "invoices", holdId: ACCOUNTING_HOLD },
      ];
    },
    async executeErasureStep(_subject: SubjectRef, step: ErasureStep) {
      state.calls.push(step.id);
      if (state.crashOn === step.id) {
        state.crashOn = null;
        throw new Error("socket hang up");
      }
      const outcome = step.action === "keep" ? "held" : "done";
      return { stepId: step.id, outcome, vendorRef: "cus_Q1", at: new Date() };
    },
  } as unknown as Connector;
  return { connector, state };
}

describe.each(testDialects())("erasure on %s", (dialect) => {
  let t: TestDatabase;
  let worker: Worker;
  let receipts: ReceiptStore;
  const shopify = fakeShopify();
  const stripe = fakeStripe();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
    worker = startTestWorker(t, { shopify: shopify.connector, stripe: stripe.connector, mailchimp: null });
  });
  afterAll(async () => {
    await worker?.stop();
    await receipts?.close();
    await t?.drop();
  });

  async function fileErasure(label: string, email: string, customerId: string, locale: ShopperLocale = "fr") {
    const shop = await createShop(t.db, `${label}-${dialect}`);
    const seeded = await seedShopper(t.db, shop, { email, shopifyCustomerId: customerId });
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, shop.links, {
        shop: shop.shop,
        details: { type: "erasure" },
        channel: "privacy_centre",
        requesterEmail: email,
        locale,
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: seeded.subjectId,
        shopifyCustomerId: customerId,
        actor: { type: "shopper" },
      }),
    );
    const planned = await eventually(() =>
      t.db.erasureRun.findFirst({ where: { requestId: request.id, status: "planned" } }),
    );
    return { shop, seeded, request, planned };
  }

  /** Runs one queued job by hand, the worker stopped: a test decides what runs, and when. */
  function jobRunner(shopId: string) {
    const connectors = async () => ({
      shopify: shopify.connector,
      stripe: stripe.connector,
      mailchimp: null,
      vigie: createVigieConnector({ db: t.db, shopId }),
    });
    return async (jobKey: string) => {
      const job = await t.db.job.findUniqueOrThrow({ where: { jobKey } });
      const handler = JOB_HANDLERS.find((h) => h.type.id === job.type);
      await handler?.run(
        handler.type.payload.parse(JSON.parse(job.payload)),
        testJobContext({ db: t.db, dialect, jobId: job.id, connectors }),
      );
    };
  }

  it("plans without touching anything; once approved, erases outside systems then Vigie, keeps the holds and answers with the receipts", async () => {
    const email = "camille.erasure@example.fr";
    const { shop, request, planned } = await fileErasure("staff", email, "7001");
    const plan = JSON.parse(planned.plan ?? "[]") as SystemPlan[];
    expect(plan.map((p) => [p.system, p.steps.length > 0, p.skipped ?? null])).toEqual([
      ["shopify", true, null],
      ["stripe", true, null],
      ["mailchimp", false, "not_connected"],
      ["vigie", true, null],
    ]);
    // The invoice facts are archived before Shopify is asked to erase.
    expect(plan[0]?.steps.map((s) => s.id)).toEqual([
      INVOICE_ARCHIVE_STEP,
      "shopify:customer-data-erasure:7001",
    ]);
    // The dry run did nothing: once every job due has run, no vendor call, the subject still there.
    await eventually(
      async () =>
        (await t.db.job.count({
          where: { status: { in: ["pending", "running"] }, runAt: { lte: new Date() } },
        })) === 0,
    );
    expect(shopify.calls).toEqual([]);
    expect(stripe.state.calls).toEqual([]);
    expect(await t.db.subject.count({ where: { email } })).toBe(1);
    expect(planned.subject).not.toBeNull();

    expect(await approveErasure(t.db, shop.shop, "dpo", planned.id)).toBe(true);
    expect(await approveErasure(t.db, shop.shop, "dpo", planned.id)).toBe(false);
    const done = await eventually(
      () =>
        t.db.erasureRun.findFirst({ where: { id: planned.id, status: "done" }, include: { receipts: true } }),
      15_000,
    );
    expect(shopify.calls).toEqual(["shopify:customer-data-erasure:7001"]);
    expect(stripe.state.calls).toEqual([
      "stripe:cus_Q1:mask-customer",
      "stripe:cus_Q1:delete-customer",
      "stripe:cus_Q1:keep-invoices",
    ]);
    // Vigie's own records went last: every one of its receipts is after every outside one.
    const outsideLast = Math.max(
      ...done.receipts.filter((r) => r.system !== "vigie").map((r) => r.at.getTime()),
    );
    const vigieFirst = Math.min(
      ...done.receipts.filter((r) => r.system === "vigie").map((r) => r.at.getTime()),
    );
    expect(vigieFirst).toBeGreaterThanOrEqual(outsideLast);
    expect(done.receipts.every((r) => ["done", "not_found", "held"].includes(r.outcome))).toBe(true);
    expect(done.subject).toBeNull();

    // Nothing of the person is left in any live table: the answer e-mail aside (it is the proof of
    // the answer, to their own address), the only copy is the sealed invoice archive.
    const cells = await cellsContaining(t.db, [email]);
    expect(cells.every((cell) => cell.startsWith("OutboxEmail."))).toBe(true);
    const holds = await t.db.legalHold.findMany({
      where: { requestId: request.id },
      orderBy: { system: "asc" },
    });
    expect(holds.map((h) => [h.system, h.archive !== null, h.expiresAt.toISOString().slice(0, 10)])).toEqual([
      ["shopify", true, "2036-12-31"],
      ["stripe", false, expect.stringMatching(/^20\d\d-12-31$/)],
    ]);
    const archived = openBytes(TEST_SECRET_KEY, Buffer.from(holds[0]?.archive ?? [])).toString("utf8");
    expect(archived).toContain("Camille Martin");
    expect(archived).toContain("#1001");
    expect(archived).not.toContain("x@example.fr");

    const row = await t.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.state).toBe("answered");
    expect(row.requesterEmail).toBeNull();
    const answer = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.answer" },
    });
    expect(answer.to).toBe(email);
    expect(answer.text).toContain("Client Stripe supprimé (fait)");
    expect(answer.text).toContain("référence\u00a0: cus_Q1");
    expect(answer.text).toContain("Éléments de facturation de vos commandes");
    expect(answer.text).toContain("jusqu'au 31 décembre 2036");
    // Vigie is the shop's own register: the shopper reads it as such.
    expect(answer.text).toContain("Nos propres registres — ");
    expect(answer.text).not.toContain("Vigie");
    const tasks = await t.db.requestTask.findMany({
      where: { requestId: request.id },
      orderBy: { system: "asc" },
    });
    expect(tasks.map((task) => [task.system, task.status])).toEqual([
      ["mailchimp", "not_applicable"],
      ["shopify", "done"],
      ["stripe", "done"],
      ["vigie", "done"],
    ]);
  });

  it("answers a German shopper's erasure with every receipt line in German", async () => {
    const { shop, request, planned } = await fileErasure("german", "jonas.erasure@example.de", "7007", "de");
    expect(await approveErasure(t.db, shop.shop, "dpo", planned.id)).toBe(true);
    await eventually(() => t.db.erasureRun.findFirst({ where: { id: planned.id, status: "done" } }), 15_000);
    const answer = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.answer" },
    });
    expect(answer.text).toContain("Ihre personenbezogenen Daten wurden aus unseren Systemen gelöscht");
    expect(answer.text).toContain("Stripe-Kunde gelöscht (erledigt)");
    expect(answer.text).toContain(
      "Ausgestellte Rechnungen aufbewahrt (Buchführungspflicht) (aufbewahrt (gesetzliche Pflicht))",
    );
    expect(answer.text).toContain("Unsere eigenen Unterlagen");
    expect(answer.text).toContain("Rechnungsangaben Ihrer Bestellungen");
    expect(answer.text).not.toMatch(/Stripe customer deleted|Client Stripe supprimé|Our own records/);
  });

  it("resumes after a failure in the middle without redoing the steps already settled", async () => {
    shopify.calls.length = 0;
    stripe.state.calls.length = 0;
    stripe.state.crashOn = "stripe:cus_Q1:delete-customer";
    const { shop, planned } = await fileErasure("crash", "lucas.erasure@example.fr", "7002");
    await approveErasure(t.db, shop.shop, "dpo", planned.id);
    const failedJob = await eventually(() =>
      t.db.job.findFirst({
        where: { type: "erasure.system", status: "failed", payload: { contains: planned.id } },
      }),
    );
    const failed = await t.db.erasureReceipt.findUniqueOrThrow({
      where: { runId_stepId: { runId: planned.id, stepId: "stripe:cus_Q1:delete-customer" } },
    });
    expect(failed).toMatchObject({ outcome: "failed", detail: "Error: socket hang up" });
    // Vigie waits: the subject is still there while Stripe is unsettled.
    expect(await t.db.subject.count({ where: { email: "lucas.erasure@example.fr" } })).toBe(1);
    // The backoff elapses; the job runs again.
    await t.db.job.update({ where: { id: failedJob.id }, data: { runAt: new Date() } });
    jobsAdded();
    await eventually(() => t.db.erasureRun.findFirst({ where: { id: planned.id, status: "done" } }), 15_000);
    expect(stripe.state.calls).toEqual([
      "stripe:cus_Q1:mask-customer",
      "stripe:cus_Q1:delete-customer",
      "stripe:cus_Q1:delete-customer",
      "stripe:cus_Q1:keep-invoices",
    ]);
    expect(shopify.calls).toHaveLength(1);
    expect(await t.db.subject.count({ where: { email: "lucas.erasure@example.fr" } })).toBe(0);
  });

  it("lets staff restart a plan or a system whose job stopped, and records each system done once however often its job runs", async () => {
    shopify.calls.length = 0;
    stripe.state.calls.length = 0;
    await worker.stop();
    const shop = await createShop(t.db, `stalled-${dialect}`);
    const seeded = await seedShopper(t.db, shop, {
      email: "lea.stalled@example.fr",
      shopifyCustomerId: "7005",
    });
    const runJob = jobRunner(shop.shop.id);
    let request: { id: string } | undefined;
    try {
      request = await t.db.$transaction((tx) =>
        fileRequest(tx, shop.links, {
          shop: shop.shop,
          details: { type: "erasure" },
          channel: "privacy_centre",
          requesterEmail: "lea.stalled@example.fr",
          locale: "fr",
          receivedAt: new Date(),
          identity: { level: "verified", rationale: "signed_in_customer" },
          subjectId: seeded.subjectId,
          shopifyCustomerId: "7005",
          actor: { type: "shopper" },
        }),
      );
      const run = await t.db.erasureRun.findUniqueOrThrow({ where: { requestId: request.id } });
      // The plan's job died on its last attempt: planning stopped, and staff plan again.
      expect(await replanErasure(t.db, shop.shop, "dpo", run.id)).toBe(false);
      await t.db.job.updateMany({
        where: { jobKey: `erasure.plan:${run.id}:0` },
        data: { status: "dead", finishedAt: new Date() },
      });
      expect((await erasurePanelData(t.db, request.id))?.planStalled).toBe(true);
      expect(await replanErasure(t.db, shop.shop, "dpo", run.id)).toBe(true);
      await runJob(`erasure.plan:${run.id}:1`);
      expect(await approveErasure(t.db, shop.shop, "dpo", run.id)).toBe(true);

      // Shopify's job erases, then runs again, as after a crash that followed its last write.
      await runJob(`erasure.system:${run.id}:shopify:0`);
      await runJob(`erasure.system:${run.id}:shopify:0`);
      expect(shopify.calls).toEqual(["shopify:customer-data-erasure:7005"]);
      expect(
        await t.db.auditEvent.count({ where: { action: "erasure.system_done", targetId: request.id } }),
      ).toBe(1);
      await t.db.job.updateMany({
        where: { jobKey: `erasure.system:${run.id}:shopify:0` },
        data: { status: "succeeded", finishedAt: new Date() },
      });

      // Stripe's job died on its last attempt before erasing anything: only Stripe stopped moving.
      expect((await erasurePanelData(t.db, request.id))?.stalled).toEqual([]);
      await t.db.job.updateMany({
        where: { jobKey: `erasure.system:${run.id}:stripe:0` },
        data: { status: "dead", finishedAt: new Date() },
      });
      const panel = await erasurePanelData(t.db, request.id);
      expect(panel?.stalled).toEqual(["stripe"]);
      expect(panel?.progress.find((p) => p.system === "stripe")?.state).toBe("pending");
      expect(await retryErasureSystem(t.db, shop.shop, "dpo", run.id, "vigie")).toBe(false);
      expect(await retryErasureSystem(t.db, shop.shop, "dpo", run.id, "stripe")).toBe(true);
      expect(await retryErasureSystem(t.db, shop.shop, "dpo", run.id, "stripe")).toBe(false);
      expect((await erasurePanelData(t.db, request.id))?.stalled).toEqual([]);
    } finally {
      worker = startTestWorker(t, { shopify: shopify.connector, stripe: stripe.connector, mailchimp: null });
    }
    await eventually(
      () => t.db.erasureRun.findFirst({ where: { requestId: request.id, status: "done" } }),
      15_000,
    );
    expect(stripe.state.calls).toHaveLength(3);
    expect(
      await t.db.auditEvent.count({ where: { action: "erasure.completed", targetId: request.id } }),
    ).toBe(1);
    expect(
      await t.db.outboxEmail.count({ where: { requestId: request.id, template: "request.answer" } }),
    ).toBe(1);
  });

  it("records a system done once when its job was cut short after its last receipt and another system's job finished the run", async () => {
    const { shop, request, planned } = await fileErasure("cut-short", "noe.cut@example.fr", "7006");
    await worker.stop();
    try {
      const runJob = jobRunner(shop.shop.id);
      expect(await approveErasure(t.db, shop.shop, "dpo", planned.id)).toBe(true);
      await runJob(`erasure.system:${planned.id}:shopify:0`);
      // What a kill between Shopify's last receipt and its done record leaves: receipts, no record.
      await t.db.auditEvent.deleteMany({ where: { action: "erasure.system_done", targetId: request.id } });
      await t.db.requestTask.updateMany({
        where: { requestId: request.id, system: "shopify" },
        data: { status: "running" },
      });
      // Stripe settles last: Vigie's turn comes, and Vigie's job finishes the run.
      await runJob(`erasure.system:${planned.id}:stripe:0`);
      await runJob(`erasure.system:${planned.id}:vigie:0`);
      expect((await t.db.erasureRun.findUniqueOrThrow({ where: { id: planned.id } })).status).toBe("done");
      // Shopify's job runs again (its lease ran out): the run is closed, nothing is recorded twice.
      await runJob(`erasure.system:${planned.id}:shopify:0`);
      const done = await t.db.auditEvent.findMany({
        where: { action: "erasure.system_done", targetId: request.id },
      });
      expect(done.map((e) => JSON.parse(e.data).system).sort()).toEqual(["shopify", "stripe", "vigie"]);
      const tasks = await t.db.requestTask.findMany({ where: { requestId: request.id, kind: "erasure" } });
      expect(
        tasks
          .filter((task) => task.status === "done")
          .map((task) => task.system)
          .sort(),
      ).toEqual(["shopify", "stripe", "vigie"]);
    } finally {
      worker = startTestWorker(t, { shopify: shopify.connector, stripe: stripe.connector, mailchimp: null });
    }
  });

  it("carries out customers/redact without review or Shopify call, and a repeat is harmless", async () => {
    shopify.calls.length = 0;
    const shop = await createShop(t.db, `redact-${dialect}`);
    await seedShopper(t.db, shop, { email: "emma.redact@example.com", shopifyCustomerId: "7003" });
    const redact = async (runs: number) => {
      const deliveryId = `redact-${Math.random()}`;
      const body = JSON.stringify(samplePayloads.redact(shop.shop.domain, 7003, "emma.redact@example.com"));
      await receipts.store(
        { source: "shopify", deliveryId, shopDomain: shop.shop.domain, topic: "customers/redact", body },
        { priority: 10 },
      );
      return eventually(async () => {
        const all = await t.db.erasureRun.findMany({
          where: { shopId: shop.shop.id },
          orderBy: { createdAt: "asc" },
        });
        return all.length === runs && all.every((r) => r.status === "done") ? all : null;
      }, 15_000);
    };
    const [first] = await redact(1);
    expect(first).toMatchObject({ channel: "shopify", approvedBy: "shopify" });
    expect(shopify.calls).toEqual([]);
    expect(
      await t.db.subject.count({ where: { shopId: shop.shop.id, email: "emma.redact@example.com" } }),
    ).toBe(0);
    expect(
      await t.db.outboxEmail.count({ where: { shopId: shop.shop.id, template: "request.answer" } }),
    ).toBe(0);
    const holdsAfterFirst = await t.db.legalHold.count({ where: { shopId: shop.shop.id } });
    expect(holdsAfterFirst).toBe(2);

    const runs = await redact(2);
    expect(runs).toHaveLength(2);
    // The same invoice facts and the same Stripe customer: the holds already made cover them.
    expect(await t.db.legalHold.count({ where: { shopId: shop.shop.id } })).toBe(holdsAfterFirst);
    expect(shopify.calls).toEqual([]);
    const requests = await t.db.rightsRequest.findMany({
      where: { shopId: shop.shop.id, type: "erasure", channel: "shopify" },
    });
    expect(requests.map((r) => r.state)).toEqual(["answered", "answered"]);
  });

  it("releases a hold when its period ends, and the daily sweep is queued once per day", async () => {
    const shop = await createShop(t.db, `holds-${dialect}`);
    const base = {
      shopId: shop.shop.id,
      shopDomain: shop.shop.domain,
      system: "shopify",
      scope: "[]",
      basis: "L123-22",
    };
    const expired = await t.db.legalHold.create({
      data: { ...base, expiresAt: new Date(Date.now() - 1000), archive: new Uint8Array([1, 2, 3]) },
    });
    const current = await t.db.legalHold.create({
      data: { ...base, expiresAt: new Date(Date.now() + 86_400_000), archive: new Uint8Array([4]) },
    });
    // A hold of a shop that left (shop/redact) goes entirely once released.
    const orphan = await t.db.legalHold.create({
      data: { ...base, shopId: "gone", expiresAt: new Date(Date.now() - 1000), archive: new Uint8Array([5]) },
    });
    expect(await releaseExpiredHolds(t.db)).toBe(2);
    expect(await t.db.legalHold.findUniqueOrThrow({ where: { id: expired.id } })).toMatchObject({
      archive: null,
    });
    expect((await t.db.legalHold.findUniqueOrThrow({ where: { id: expired.id } })).releasedAt).not.toBeNull();
    expect((await t.db.legalHold.findUniqueOrThrow({ where: { id: current.id } })).archive).not.toBeNull();
    expect(await t.db.legalHold.findUnique({ where: { id: orphan.id } })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { shopId: shop.shop.id, action: "hold.released" } })).toBe(1);
    expect(await releaseExpiredHolds(t.db)).toBe(0);

    const day = Date.UTC(2030, 0, 1, 12);
    const schedules = [{ type: LegalHoldsExpireJob, everyMs: 86_400_000 }];
    expect(await enqueueScheduled(t.db, schedules, day)).toBe(1);
    expect(await enqueueScheduled(t.db, schedules, day + 3_600_000)).toBe(0);
    expect(await enqueueScheduled(t.db, schedules, day + 86_400_000)).toBe(1);
  });

  it("leaves a post-mortem directive in force through every erasure: staff's, customers/redact and the retention sweep's", async () => {
    const shop = await createShop(t.db, `directive-${dialect}`);
    const staff = { type: "staff" as const, id: "dpo" };
    /** The person records a directive: their request is carried out into the register. */
    async function recordDirective(email: string) {
      const request = await fileStaffRequest({
        db: t.db,
        links: shop.links,
        shop: shop.shop,
        staffId: "dpo",
        form: {
          type: "post_mortem_directive",
          email,
          name: "",
          message: "",
          directive_action: "record",
          directive_instructions: `À mon décès, transmettre les factures de ${email} à ma fille.`,
          executor_name: "Claire Martin",
          executor_email: "claire@example.fr",
          specific_consent: "on",
        },
        locale: "fr",
        receivedAt: new Date(),
      });
      await verifyIdentityByStaff(t.db, shop.shop, staff, request.id);
      await answerRequest(t.db, shop.links, shop.shop, staff, request.id, "Enregistrées.");
      return t.db.postMortemDirective.findFirstOrThrow({ where: { shopId: shop.shop.id, email } });
    }
    /** The directive as an heir request would find it once the person's own records are gone. */
    async function stillInForce(directive: {
      id: string;
      email: string | null;
      instructions: string | null;
    }) {
      expect(await t.db.postMortemDirective.findUniqueOrThrow({ where: { id: directive.id } })).toMatchObject(
        {
          status: "in_force",
          email: directive.email,
          instructions: directive.instructions,
          executor: JSON.stringify({ name: "Claire Martin", email: "claire@example.fr" }),
        },
      );
      expect(await t.db.subject.count({ where: { shopId: shop.shop.id, email: directive.email } })).toBe(0);
      const heir = await t.db.$transaction((tx) =>
        fileRequest(tx, shop.links, {
          shop: shop.shop,
          details: {
            type: "heir_request",
            deceasedEmail: directive.email ?? "",
            relationship: "fille",
            scope: ["close_account"],
            deathProof: "missing",
            heirProof: "missing",
          },
          channel: "staff",
          requesterEmail: "claire@example.fr",
          locale: "fr",
          receivedAt: new Date(),
          identity: { level: "email_link", sendTo: "address_given", rationale: "email_control" },
          actor: { type: "staff", id: "dpo" },
        }),
      );
      expect(await directiveForHeirRequest(t.db, shop.shop.id, heir)).toMatchObject({
        id: directive.id,
        status: "in_force",
      });
    }

    // 1. An erasure the person asked for, approved by staff.
    const asked = await seedShopper(t.db, shop, {
      email: "paul.directive@example.fr",
      shopifyCustomerId: "7201",
    });
    const first = await recordDirective("paul.directive@example.fr");
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, shop.links, {
        shop: shop.shop,
        details: { type: "erasure" },
        channel: "privacy_centre",
        requesterEmail: "paul.directive@example.fr",
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: asked.subjectId,
        shopifyCustomerId: "7201",
        actor: { type: "shopper" },
      }),
    );
    const planned = await eventually(() =>
      t.db.erasureRun.findFirst({ where: { requestId: request.id, status: "planned" } }),
    );
    await approveErasure(t.db, shop.shop, "dpo", planned.id);
    await eventually(() => t.db.erasureRun.findFirst({ where: { id: planned.id, status: "done" } }), 15_000);
    await stillInForce(first);

    // 2. customers/redact: Shopify's erasure, carried out without review.
    await seedShopper(t.db, shop, { email: "rose.directive@example.fr", shopifyCustomerId: "7202" });
    const second = await recordDirective("rose.directive@example.fr");
    const body = JSON.stringify(samplePayloads.redact(shop.shop.domain, 7202, "rose.directive@example.fr"));
    await receipts.store(
      {
        source: "shopify",
        deliveryId: `redact-directive-${dialect}`,
        shopDomain: shop.shop.domain,
        topic: "customers/redact",
        body,
      },
      { priority: 10 },
    );
    await eventually(
      () =>
        t.db.erasureRun.findFirst({ where: { shopId: shop.shop.id, channel: "shopify", status: "done" } }),
      15_000,
    );
    await stillInForce(second);

    // 3. The retention sweep: a customer whose last order is eleven years old.
    await t.db.subject.create({
      data: {
        shopId: shop.shop.id,
        email: "henri.directive@example.fr",
        shopifyCustomerId: "7203",
        lastOrderAt: new Date(Date.now() - 11 * 365 * 86_400_000),
        createdAt: new Date(Date.now() - 12 * 365 * 86_400_000),
      },
    });
    const third = await recordDirective("henri.directive@example.fr");
    expect(await sweepRetention(t.db, shop.shop, "dpo")).toEqual({ filed: 1 });
    const swept = await eventually(() =>
      t.db.erasureRun.findFirst({ where: { shopId: shop.shop.id, channel: "retention", status: "planned" } }),
    );
    await approveErasure(t.db, shop.shop, "dpo", swept.id);
    await eventually(() => t.db.erasureRun.findFirst({ where: { id: swept.id, status: "done" } }), 15_000);
    await stillInForce(third);
  });
});
