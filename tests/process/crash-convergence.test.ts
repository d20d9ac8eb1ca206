// Crashes converge: a real worker process runs every kind of job at once (Shopify webhooks, exports,
// erasures with staff approving their plans and Shopify's customers/redact, consent syncs, e-mails
// over SMTP, the daily jobs, and the retention sweep run by the same process as `npm start` runs
// it), and is SIGKILLed at random moments, then started again,
// many times; finally it runs to quiescence. Every request must then be complete exactly once:
// one zip per export, each erasure done once (its receipts, audit and answer e-mail once), each
// consent change synced to each system, every e-mail sent at most once (counted by Message-ID at
// the SMTP server), nothing left running, no dead job. On SQLite and PostgreSQL.
//
// The moments come from a seeded PRNG: the seed is printed, and CRASH_SEED=<n> runs the same
// schedule again (timings of the machine still vary). CRASH_KILLS sets the number of kills.
//
// One rule keeps a failure meaning a bug: the test never kills the worker while a job is on its
// last allowed attempt, because a crash on that attempt correctly dead-letters the job (a job
// that kills its worker every time must stop), which tests/integration/queue.test.ts covers, and
// staff then recover it (tests/integration/exports.test.ts, erasure.test.ts).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultWording } from "~/domain/consent";
import { VerifyLedgerJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { enqueueScheduled } from "~/jobs/queue/schedules.server";
import { SCHEDULES } from "~/jobs/registry.server";
import { queueEmail } from "~/mail/outbox.server";
import { verifyAuditLog } from "~/services/audit-chain.server";
import { recordConsent } from "~/services/consents.server";
import { approveErasure, parsePlan } from "~/services/erasure/erasure-runs.server";
import { readChunks } from "~/services/exports/chunks.server";
import { fileRequest } from "~/services/requests/create-request.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { upsertSubject } from "~/services/subjects.server";
import { createReceiptStore } from "~/webhooks/receipts.server";
import { sampleMessages } from "../fixtures/sample-messages";
import { type AppWorker, spawnAppWorker } from "../support/app-worker";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World, type WorldShopper } from "../support/sandbox-world";
import { eventually } from "../support/server";
import { samplePayloads } from "../support/shopify-webhook";
import { TEST_SECRET_KEY } from "../support/test-logger";

const KILLS = Number(process.env.CRASH_KILLS ?? 16);
const BASE_SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const LEASE_MS = 2_000;
const YEAR = 365 * 86_400_000;

/** mulberry32: a small seeded PRNG, so a schedule can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const shopper = (n: number, first: string, last: string): WorldShopper => ({
  customerId: 7100 + n,
  email: `${first}.${last}@example.fr`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase(),
  firstName: first,
  lastName: last,
});
const EXPORTED = [shopper(1, "Jeanne", "Roux")];
const ERASED = [shopper(2, "Hugo", "Petit"), shopper(3, "Chloé", "Moreau"), shopper(4, "Louis", "Girard")];
const CONSENTING = [
  shopper(5, "Manon", "Faure"),
  shopper(6, "Nathan", "Andre"),
  shopper(7, "Inès", "Mercier"),
];
/** Erased by Shopify's customers/redact; subscribing at checkout (orders/create). */
const REDACTED = shopper(8, "Paul", "Lambert");
const ORDERING = shopper(9, "Zoé", "Garnier");
const TICKED = [
  { name: "_vigie_consent", value: "granted" },
  { name: "_vigie_notice_version", value: "2022-10-31" },
  { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
  { name: "_vigie_wording_locale", value: "fr" },
  { name: "_vigie_wording", value: "Je souhaite recevoir les actualités de iméra par e-mail" },
];
const DEMO_EXPORTED = ["camille.martin@example.fr", "lucas.bernard@example.fr", "emma.thomas@example.com"];

describe.each(testDialects())("crash convergence on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let shop: { id: string; domain: string; name: string | null };
  let worker: AppWorker | undefined;
  const seed = BASE_SEED + (dialect === "postgres" ? 1 : 0);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const shoppers = [...EXPORTED, ...ERASED, ...CONSENTING, REDACTED, ORDERING];
    world = await startWorld({ shoppers });
    shop = await seedWorldShop(t.db, world, shoppers);
  });
  afterAll(async () => {
    await worker?.kill();
    await world?.stop();
    await t?.drop();
  });

  const links = (): LinkContext => ({
    shopDomain: shop.domain,
    proxyPrefix: "/apps/privacy",
    secret: TEST_SECRET_KEY,
    sandboxUrl: null,
    appUrl: "https://vigie.example.com",
  });

  /** Files a verified request for a shopper of the shop, as a signed-in customer does. */
  async function file(email: string, type: "access" | "erasure") {
    const subject = await t.db.subject.findFirstOrThrow({ where: { shopId: shop.id, email } });
    return t.db.$transaction((tx) =>
      fileRequest(tx, links(), {
        shop,
        details: { type },
        channel: "privacy_centre",
        requesterEmail: email,
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: subject.id,
        shopifyCustomerId: subject.shopifyCustomerId,
        actor: { type: "shopper" },
      }),
    );
  }

  /** Work of every kind, queued before the first worker starts. */
  async function seedWork() {
    const exports = [];
    for (const email of [...DEMO_EXPORTED, ...EXPORTED.map((s) => s.email)])
      exports.push(await file(email, "access"));
    const erasures = [];
    for (const s of ERASED) erasures.push(await file(s.email, "erasure"));
    // Each consenting shopper subscribes in the privacy centre, then staff record a withdrawal.
    const wording = defaultWording("fr", "iméra");
    const events: string[] = [];
    for (const s of CONSENTING) {
      const subject = await t.db.subject.findFirstOrThrow({ where: { shopId: shop.id, email: s.email } });
      const who = { id: subject.id, email: s.email, shopifyCustomerId: subject.shopifyCustomerId };
      for (const kind of ["granted", "withdrawn"] as const) {
        const outcome = await t.db.$transaction((tx) =>
          recordConsent(tx, shop.domain, {
            shopId: shop.id,
            subject: who,
            kind,
            lawfulBasis: "consent",
            source: kind === "granted" ? "privacy_centre" : "staff",
            occurredAt: new Date(),
            ...(kind === "withdrawn" && { actor: "dpo" }),
            ...(kind === "granted" && {
              noticeVersion: "2022-10-31",
              wordingKey: wording.key,
              wording: wording.text,
              wordingLocale: "fr",
              ipPrefix: "192.0.2.0/24",
            }),
          }),
        );
        if (outcome.recorded) events.push(outcome.eventId);
      }
    }
    // Letters of every kind, queued on their own.
    const emails: string[] = [];
    for (const [i, message] of Object.values(sampleMessages).slice(0, 6).entries()) {
      emails.push(
        await t.db.$transaction((tx) =>
          queueEmail(tx, {
            shopId: shop.id,
            shopDomain: shop.domain,
            to: `reader${i}@example.fr`,
            locale: i % 2 ? "en" : "fr",
            message,
          }),
        ),
      );
    }
    // Contacts who never ordered, last seen four years ago: past the three-year period.
    const due: string[] = [];
    for (let i = 0; i < 8; i++) {
      const subject = await t.db.$transaction((tx) =>
        upsertSubject(tx, shop.id, { email: `ancien.contact${i}@example.fr` }),
      );
      await t.db.subject.update({
        where: { id: subject?.id },
        data: { createdAt: new Date(Date.now() - 4 * YEAR) },
      });
      due.push(subject?.id as string);
    }
    // Shopify's deliveries, stored as the intake stores them: a merchant's data request, a redact,
    // an order with the newsletter box ticked.
    const receipts = createReceiptStore(t.url);
    const deliveries = [
      {
        topic: "customers/data_request",
        body: samplePayloads.dataRequest(shop.domain, 7101, EXPORTED[0]?.email),
      },
      {
        topic: "customers/redact",
        body: samplePayloads.redact(shop.domain, REDACTED.customerId, REDACTED.email),
      },
      {
        topic: "orders/create",
        body: { ...samplePayloads.order(ORDERING.customerId, ORDERING.email), note_attributes: TICKED },
      },
    ];
    for (const [i, { topic, body }] of deliveries.entries()) {
      await receipts.store(
        {
          source: "shopify",
          deliveryId: `crash-${i}`,
          shopDomain: shop.domain,
          topic,
          body: JSON.stringify(body),
        },
        { priority: 10 },
      );
    }
    await receipts.close();
    // The daily jobs, and a hold whose period has ended for the first of them to release.
    const hold = await t.db.legalHold.create({
      data: {
        shopId: shop.id,
        shopDomain: shop.domain,
        system: "shopify",
        scope: "[]",
        basis: "Code de commerce L123-22",
        expiresAt: new Date(Date.now() - 86_400_000),
        archive: new Uint8Array([1, 2, 3]),
      },
    });
    await enqueueScheduled(t.db, SCHEDULES);
    await enqueue(t.db, VerifyLedgerJob, { shopId: shop.id }, { shopDomain: shop.domain });
    return { exports, erasures, events, emails, due, hold: hold.id };
  }

  /** Staff approve every plan waiting for them, as the request and retention pages let them. */
  async function approvePlans() {
    const planned = await t.db.erasureRun.findMany({ where: { shopId: shop.id, status: "planned" } });
    for (const run of planned) await approveErasure(t.db, shop, "dpo", run.id);
  }

  const swept = async () =>
    (await t.db.auditEvent.count({ where: { shopId: shop.id, action: "retention.swept" } })) > 0;

  let sweeps = 0;
  async function start() {
    const sweep = !(await swept());
    if (sweep) sweeps += 1;
    worker = await spawnAppWorker({
      url: t.url,
      ...world.workerEnv,
      leaseMs: LEASE_MS,
      pollMs: 25,
      // Staff clicked "File their erasures"; after a crash the page failed, and they click again.
      ...(sweep && { sweepShop: shop }),
    });
    await worker.ready;
  }

  /** No job on its last allowed attempt (see the header): a kill now could only dead-letter it. */
  async function safeToKill() {
    const unfinished = await t.db.job.findMany({
      where: { status: { in: ["pending", "running", "failed"] } },
      select: { attempts: true, maxAttempts: true },
    });
    return unfinished.every((job) => job.attempts < job.maxAttempts - 1);
  }

  async function quiescent() {
    await approvePlans();
    const open = await t.db.job.count({ where: { status: { in: ["pending", "running", "failed"] } } });
    const runs = await t.db.erasureRun.count({ where: { shopId: shop.id, status: { not: "done" } } });
    const archives = await t.db.exportArchive.count({ where: { status: { not: "complete" } } });
    return open === 0 && runs === 0 && archives === 0 && (await swept());
  }

  async function diagnosis() {
    const jobs = await t.db.job.findMany({
      where: { status: { not: "succeeded" } },
      select: { type: true, jobKey: true, status: true, attempts: true, lastError: true },
    });
    const parts = await t.db.exportPart.findMany({ where: { status: { notIn: ["done", "not_connected"] } } });
    const runs = await t.db.erasureRun.findMany({
      where: { status: { not: "done" } },
      select: { id: true, status: true, error: true },
    });
    return JSON.stringify({ jobs, parts, runs, output: worker?.output().slice(-4000) }, null, 1);
  }

  it("brings every request to its end exactly once, however often the worker is killed", async () => {
    const started = Date.now();
    const random = prng(seed);
    const work = await seedWork();
    const kills: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      await start();
      // The first run is cut short more often: the sweep runs at its start.
      const delay = Math.round(20 + random() * (kill === 0 ? 300 : 900));
      const until = Date.now() + delay;
      while (Date.now() < until) {
        await approvePlans();
        await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(0, until - Date.now()))));
      }
      await eventually(safeToKill, 60_000);
      await worker?.kill();
      kills.push(delay);
    }
    await start();
    await eventually(quiescent, 90_000).catch(async (error) => {
      throw new Error(`${error}\n${await diagnosis()}`);
    });
    const rerun = await t.db.job.count({ where: { attempts: { gt: 1 } } });
    const unknown = await t.db.outboxEmail.count({ where: { status: "unknown" } });
    process.stdout.write(
      `crash test on ${dialect}: seed ${seed} (CRASH_SEED=${BASE_SEED}), ${KILLS} kills after ${kills.join(", ")} ms; ` +
        `${rerun} jobs ran more than once, the sweep was started ${sweeps} times, ${unknown} e-mails left unknown; ` +
        `${Date.now() - started} ms in all\n`,
    );

    // No job left behind, none dead.
    const jobs = await t.db.job.groupBy({ by: ["status"], _count: { _all: true } });
    expect(jobs.map((group) => group.status)).toEqual(["succeeded"]);

    // Every delivery processed, its body cleared.
    expect(
      await t.db.webhookReceipt.count({ where: { OR: [{ processedAt: null }, { body: { not: null } }] } }),
    ).toBe(0);

    // Each export complete once: one zip whose bytes are those recorded, its staging gone.
    const merchant = await t.db.rightsRequest.findMany({ where: { channel: "shopify", type: "access" } });
    expect(merchant).toHaveLength(1);
    for (const request of [...work.exports, ...merchant]) {
      const archives = await t.db.exportArchive.findMany({
        where: { requestId: request.id },
        include: { parts: true },
      });
      expect(archives).toHaveLength(1);
      const [archive] = archives;
      expect(archive?.status).toBe("complete");
      expect(archive?.parts.every((p) => p.status === "done" || p.status === "not_connected")).toBe(true);
      const zip = createHash("sha256");
      for await (const chunk of readChunks(t.db, TEST_SECRET_KEY, archive?.id as string, "zip"))
        zip.update(chunk);
      expect(zip.digest("hex")).toBe(archive?.sha256);
      expect(await t.db.exportChunk.count({ where: { archiveId: archive?.id, kind: { not: "zip" } } })).toBe(
        0,
      );
      const tasks = await t.db.requestTask.findMany({ where: { requestId: request.id, kind: "export" } });
      expect(tasks.every((task) => task.status === "done" || task.status === "not_applicable")).toBe(true);
      for (const action of ["export.started", "export.completed"]) {
        expect(await t.db.auditEvent.count({ where: { action, targetId: request.id } }), action).toBe(1);
      }
    }

    // Each erasure done once, the retention sweep's included: every planned step has its receipt,
    // each system is recorded done once, the run completes once, the shopper is answered once.
    const retention = await t.db.rightsRequest.findMany({ where: { shopId: shop.id, channel: "retention" } });
    expect(retention).toHaveLength(work.due.length);
    const redacts = await t.db.rightsRequest.findMany({ where: { channel: "shopify", type: "erasure" } });
    expect(redacts).toHaveLength(1);
    for (const request of [...work.erasures, ...retention, ...redacts]) {
      const run = await t.db.erasureRun.findUniqueOrThrow({
        where: { requestId: request.id },
        include: { receipts: true },
      });
      expect(run.status).toBe("done");
      const plan = parsePlan(run);
      const steps = plan.flatMap((system) => system.steps.map((step) => step.id));
      expect(run.receipts.map((receipt) => receipt.stepId).sort()).toEqual([...steps].sort());
      expect(run.receipts.every((receipt) => ["done", "not_found", "held"].includes(receipt.outcome))).toBe(
        true,
      );
      const systemsDone = await t.db.auditEvent.findMany({
        where: { action: "erasure.system_done", targetId: request.id },
      });
      expect(systemsDone).toHaveLength(plan.filter((system) => system.steps.length > 0).length);
      for (const action of ["erasure.planned", "erasure.completed", "request.answered"]) {
        expect(await t.db.auditEvent.count({ where: { action, targetId: request.id } }), action).toBe(1);
      }
      // Shopify's redact runs without a review; nobody is e-mailed for it or for the sweep's.
      const staffReview = request.channel !== "shopify";
      expect(
        await t.db.auditEvent.count({ where: { action: "erasure.approved", targetId: request.id } }),
      ).toBe(staffReview ? 1 : 0);
      const answers = await t.db.outboxEmail.count({
        where: { requestId: request.id, template: "request.answer" },
      });
      expect(answers).toBe(request.channel === "privacy_centre" ? 1 : 0);
    }
    for (const subjectId of work.due) {
      expect(await t.db.subject.count({ where: { id: subjectId } })).toBe(0);
    }
    // Each erased shopper is gone from each outside system.
    for (const s of ERASED) {
      expect(world.mailchimp.state.member(s.email)).toBeUndefined();
      expect(world.shopify.state.customer(shop.domain, s.customerId)?.erasureRequestedAt).not.toBeNull();
    }

    // Each consent change synced to each system once; the systems hold the final state.
    for (const eventId of work.events) {
      const syncs = await t.db.consentSync.findMany({ where: { eventId }, orderBy: { system: "asc" } });
      expect(syncs.map((sync) => [sync.system, sync.status])).toEqual([
        ["mailchimp", "done"],
        ["shopify", "done"],
      ]);
    }
    const checkout = await t.db.consentEvent.findMany({ where: { source: "checkout", shopId: shop.id } });
    expect(checkout.map((event) => event.email)).toContain(ORDERING.email);
    for (const event of checkout.filter((e) => e.email === ORDERING.email)) {
      const syncs = await t.db.consentSync.findMany({
        where: { eventId: event.id },
        orderBy: { system: "asc" },
      });
      expect(syncs.map((sync) => [sync.system, sync.status])).toEqual([
        ["mailchimp", "done"],
        ["shopify", "done"],
      ]);
    }
    expect(world.mailchimp.state.member(ORDERING.email)?.status).toBe("subscribed");
    for (const s of CONSENTING) {
      expect(world.mailchimp.state.member(s.email)?.status).toBe("unsubscribed");
      expect(world.shopify.state.customer(shop.domain, s.customerId)?.emailMarketing?.state).toBe(
        "UNSUBSCRIBED",
      );
    }

    // E-mails: at most once per Message-ID at the SMTP server; a sent one exactly once; one whose
    // sender was killed while sending is shown to staff (unknown), never sent again on its own.
    const delivered = new Map<string, number>();
    for (const mail of world.smtp.received) {
      const id = mail.headers["message-id"] ?? "";
      delivered.set(id, (delivered.get(id) ?? 0) + 1);
    }
    expect([...delivered.entries()].filter(([, copies]) => copies > 1)).toEqual([]);
    const emails = await t.db.outboxEmail.findMany({ where: { shopId: shop.id } });
    for (const email of emails) {
      expect(["sent", "unknown"], email.template).toContain(email.status);
      const copies = delivered.get(`<${email.id}@imera-paris.com>`) ?? 0;
      expect(copies, email.template).toBe(email.status === "sent" ? 1 : copies > 0 ? 1 : 0);
      // Its final outcome audited once. A run that outlived its lease (a slow SMTP answer) may find
      // its e-mail already marked unknown by the next attempt and then learn it was sent: both are
      // audited, in that order (record 031), and it was still delivered once.
      const outcomes = await t.db.auditEvent.findMany({
        where: { targetId: email.id, action: { in: ["email.sent", "email.unknown"] } },
        orderBy: { createdAt: "asc" },
      });
      const expected = email.status === "sent" ? ["email.sent"] : ["email.unknown"];
      expect(
        outcomes.map((event) => event.action),
        email.template,
      ).toSatisfy(
        (actions: string[]) =>
          actions.join() === expected.join() ||
          (email.status === "sent" && actions.join() === "email.unknown,email.sent"),
      );
    }
    expect(emails.filter((email) => work.emails.includes(email.id))).toHaveLength(work.emails.length);
    expect(await t.db.auditEvent.count({ where: { shopId: shop.id, action: "retention.swept" } })).toBe(1);

    // The daily jobs: the expired hold released once, its archive destroyed; the ledger verified.
    expect(await t.db.legalHold.findUniqueOrThrow({ where: { id: work.hold } })).toMatchObject({
      archive: null,
    });
    expect(
      await t.db.auditEvent.count({ where: { action: "hold.released", data: { contains: work.hold } } }),
    ).toBe(1);
    // Every entry written through all those crashes sits in one intact chain (docs/decisions/053).
    expect(await verifyAuditLog(t.db, shop.id)).toMatchObject({ ok: true });
  }, 240_000);
});
