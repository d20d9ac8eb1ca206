// The export orchestration on real databases, with the real worker and jobs: one part per system,
// a failing system retried then shown as failed, staff retrying that system alone, and a partial
// export never answered as complete.
import { createWriteStream, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, ConnectorError } from "~/connectors/connector";
import { createVigieConnector } from "~/connectors/vigie/connector.server";
import type { ExportRecord } from "~/domain/systems";
import { ExportAssembleJob, ExportSystemJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { jobsAdded } from "~/jobs/queue/notify.server";
import type { Worker } from "~/jobs/worker.server";
import { buildExportPart } from "~/services/exports/build-part.server";
import { readChunks } from "~/services/exports/chunks.server";
import { isPartStalled, retryExportSystem } from "~/services/exports/exports.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { answerRequest } from "~/services/requests/request-actions.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { upsertSubject } from "~/services/subjects.server";
import { zipEntries, zipEntry } from "../fixtures/export-archives";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { TEST_SECRET_KEY, testJobContext } from "../support/test-logger";
import { startTestWorker } from "../support/worker";

/** A system that answers with `records`, or fails while `failure` is set. */
function fakeConnector(name: "shopify" | "stripe", records: ExportRecord[]) {
  const state = { failure: null as ConnectorError | null, calls: 0 };
  const connector = {
    name,
    async *exportSubject() {
      state.calls++;
      for (const record of records) {
        if (state.failure) throw state.failure;
        yield record;
      }
    },
  } as unknown as Connector;
  return { connector, state };
}

describe.each(testDialects())("exports on %s", (dialect) => {
  let t: TestDatabase;
  let worker: Worker;
  const shopify = fakeConnector("shopify", [
    {
      section: "customer",
      provided: true,
      data: { id: "gid://shopify/Customer/7001", firstName: "Camille" },
    },
    { section: "orders", provided: false, data: { name: "#1001", total: "42.00" } },
  ]);
  const stripe = fakeConnector("stripe", [
    { section: "customers", provided: false, data: { id: "cus_1" } },
    { section: "charges", provided: false, data: { id: "ch_1", amount: 4200 } },
  ]);

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    worker = startTestWorker(t, { shopify: shopify.connector, stripe: stripe.connector, mailchimp: null });
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.drop();
  });

  it("retries a failing system, shows it failed, lets staff retry it alone, and answers only the complete export", async () => {
    const domain = `exports-${dialect}.myshopify.com`;
    const shop = await t.db.shop.create({ data: { domain, name: "iméra" } });
    const links: LinkContext = {
      shopDomain: domain,
      proxyPrefix: "/apps/privacy",
      secret: TEST_SECRET_KEY,
      sandboxUrl: null,
      appUrl: "https://vigie.example.com",
    };
    stripe.state.failure = new ConnectorError("stripe", "Stripe answered 503", true, 503);
    const request = await t.db.$transaction(async (tx) => {
      const subject = await upsertSubject(tx, shop.id, { customerId: 7001, email: "camille@example.fr" });
      return fileRequest(tx, links, {
        shop: { id: shop.id, domain, name: shop.name },
        details: { type: "access" },
        channel: "staff",
        requesterEmail: "camille@example.fr",
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: subject?.id ?? null,
        actor: { type: "staff", id: "dpo" },
      });
    });

    // Stripe's first try fails with a retryable error: its job waits for its backoff.
    const stripeJob = () =>
      t.db.job.findFirstOrThrow({
        where: { type: "export.system", shopDomain: domain, payload: { contains: "stripe" } },
      });
    const part = (system: string) =>
      t.db.exportPart.findFirstOrThrow({ where: { system, archive: { requestId: request.id } } });
    await eventually(
      async () => (await stripeJob()).status === "failed" && (await part("shopify")).status === "done",
    );
    expect(await part("shopify")).toMatchObject({ status: "done", records: 2 });
    expect(await part("mailchimp")).toMatchObject({ status: "not_connected" });
    expect(await part("stripe")).toMatchObject({ status: "failed", error: "Stripe answered 503" });
    // Time passes; Stripe now refuses for good (a revoked key): the job is dead, not retried forever.
    stripe.state.failure = new ConnectorError("stripe", "Stripe answered 401", false, 401);
    await t.db.job.updateMany({ where: { id: (await stripeJob()).id }, data: { runAt: new Date() } });
    jobsAdded();
    await eventually(async () => (await stripeJob()).status === "dead");
    expect(stripe.state.calls).toBe(2);
    expect(await part("stripe")).toMatchObject({ status: "failed", error: "Stripe answered 401" });
    const archive = await t.db.exportArchive.findFirstOrThrow({ where: { requestId: request.id } });
    expect(archive.status).toBe("building");
    expect(
      await t.db.requestTask.findFirst({ where: { requestId: request.id, system: "stripe" } }),
    ).toMatchObject({
      status: "failed",
    });
    // A partial export is never sent.
    await expect(
      answerRequest(t.db, links, shop, { type: "staff", id: "dpo" }, request.id, "Voici vos données"),
    ).rejects.toMatchObject({ code: "EXPORT_NOT_READY" });

    // The key is fixed; staff retry Stripe alone: the others are not fetched again.
    stripe.state.failure = null;
    const shopifyCalls = shopify.state.calls;
    expect(await retryExportSystem(t.db, shop, "dpo", archive.id, "stripe")).toBe(true);
    const done = await eventually(
      () => t.db.exportArchive.findFirst({ where: { id: archive.id, status: "complete" } }),
      15_000,
    );
    expect(shopify.state.calls).toBe(shopifyCalls);
    expect(await retryExportSystem(t.db, shop, "dpo", archive.id, "stripe")).toBe(false);
    // Staging is gone once the zip exists; the zip itself is stored encrypted.
    expect(
      await t.db.exportChunk.count({ where: { archiveId: archive.id, kind: { startsWith: "part:" } } }),
    ).toBe(0);
    const stored = await t.db.exportChunk.findFirstOrThrow({ where: { archiveId: archive.id, kind: "zip" } });
    expect(Buffer.from(stored.data).includes(Buffer.from("PK\u0003\u0004"))).toBe(false);

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigie-export-int-")), "export.zip");
    await pipeline(
      Readable.from(readChunks(t.db, TEST_SECRET_KEY, archive.id, "zip")),
      createWriteStream(file),
    );
    expect(zipEntries(file)).toEqual(expect.arrayContaining(["shopify.json", "stripe.json", "vigie.json"]));
    expect(zipEntries(file)).not.toContain("mailchimp.json");
    expect(zipEntry(file, "stripe.json").toString()).toContain("ch_1");
    expect(zipEntry(file, "vigie.json").toString()).toContain(request.reference);
    expect(done.sha256).toMatch(/^[0-9a-f]{64}$/);

    const answered = await answerRequest(
      t.db,
      links,
      shop,
      { type: "staff", id: "dpo" },
      request.id,
      "Voici vos données",
    );
    expect(answered.state).toBe("answered");
    const mail = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.answer" },
    });
    expect(mail.text).toContain("https://vigie.example.com/exports/");
    const actions = (
      await t.db.auditEvent.findMany({ where: { targetId: request.id }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["export.started", "export.retried", "export.completed", "request.answered"]),
    );
  });

  it("shows a part whose job ended without settling it as stalled, and lets staff retry it", async () => {
    const domain = `stalled-${dialect}.myshopify.com`;
    const shop = await t.db.shop.create({ data: { domain, name: "iméra" } });
    const links: LinkContext = {
      shopDomain: domain,
      proxyPrefix: "/apps/privacy",
      secret: TEST_SECRET_KEY,
      sandboxUrl: null,
      appUrl: "https://vigie.example.com",
    };
    // As a crash leaves it: Stripe's part was being built when its job's last attempt died.
    const { request, stripeJob } = await t.db.$transaction(async (tx) => {
      const subject = await upsertSubject(tx, shop.id, { customerId: 7002, email: "lucas@example.fr" });
      const request = await fileRequest(tx, links, {
        shop: { id: shop.id, domain, name: shop.name },
        details: { type: "access" },
        channel: "staff",
        requesterEmail: "lucas@example.fr",
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: subject?.id ?? null,
        actor: { type: "staff", id: "dpo" },
      });
      const stripeJob = await tx.job.findFirstOrThrow({
        where: { type: "export.system", shopDomain: domain, payload: { contains: '"stripe"' } },
      });
      await tx.job.update({
        where: { id: stripeJob.id },
        data: { status: "dead", attempts: 5, finishedAt: new Date(), lastError: "lease expired" },
      });
      await tx.exportPart.updateMany({
        where: { system: "stripe", archive: { requestId: request.id } },
        data: { status: "running", jobId: stripeJob.id },
      });
      return { request, stripeJob };
    });
    jobsAdded();
    const part = (system: string) =>
      t.db.exportPart.findFirstOrThrow({ where: { system, archive: { requestId: request.id } } });
    await eventually(async () => (await part("shopify")).status === "done");
    const stripePart = await part("stripe");
    expect(stripePart).toMatchObject({ status: "running", jobId: stripeJob.id });
    expect(await isPartStalled(t.db, stripePart)).toBe(true);
    // A part whose job is alive is not stalled, and cannot be retried over it.
    const { id: liveJob } = (await t.db.job.create({
      data: { type: "export.system", status: "running", lockedUntil: new Date(Date.now() + 60_000) },
    })) as { id: string };
    expect(await isPartStalled(t.db, { ...stripePart, jobId: liveJob })).toBe(false);
    await t.db.job.delete({ where: { id: liveJob } });

    expect(await retryExportSystem(t.db, shop, "dpo", stripePart.archiveId, "stripe")).toBe(true);
    expect(await retryExportSystem(t.db, shop, "dpo", stripePart.archiveId, "stripe")).toBe(false);
    await eventually(
      () => t.db.exportArchive.findFirst({ where: { requestId: request.id, status: "complete" } }),
      15_000,
    );
    expect(await part("stripe")).toMatchObject({ status: "done", records: 2 });
    expect(await t.db.auditEvent.count({ where: { action: "export.completed", targetId: request.id } })).toBe(
      1,
    );
    expect(
      await t.db.auditEvent.count({
        where: { action: "export.retried", targetId: request.id, actorId: "dpo" },
      }),
    ).toBe(1);
  });

  it("builds again the parts an earlier version staged as JSON Lines, then assembles the archive", async () => {
    const domain = `legacy-${dialect}.myshopify.com`;
    const shop = await t.db.shop.create({ data: { domain, name: "iméra" } });
    const request = await t.db.rightsRequest.create({
      data: {
        shopId: shop.id,
        reference: `R-LEGACY-${dialect}`,
        type: "access",
        channel: "staff",
        state: "in_progress",
        receivedAt: new Date(),
        details: "{}",
        identityLevel: "verified",
        shopifyCustomerId: "7001",
        requesterEmail: "camille@example.fr",
      },
    });
    // As a deploy finds it: every part done under the old staging (no summary), the assembly queued.
    const archive = await t.db.exportArchive.create({
      data: {
        shopId: shop.id,
        requestId: request.id,
        locale: "fr",
        parts: {
          create: [
            { system: "shopify", status: "done", records: 2 },
            { system: "stripe", status: "done", records: 2 },
            { system: "mailchimp", status: "not_connected" },
            { system: "vigie", status: "done", records: 1 },
          ],
        },
        chunks: { create: { kind: "part:shopify", seq: 0, data: new Uint8Array([1, 2, 3]) } },
      },
    });
    const calls = shopify.state.calls;
    await enqueue(
      t.db,
      ExportAssembleJob,
      { archiveId: archive.id },
      { key: `${ExportAssembleJob.id}:${archive.id}`, shopDomain: domain },
    );

    const done = await eventually(
      () => t.db.exportArchive.findFirst({ where: { id: archive.id, status: "complete" } }),
      15_000,
    );
    expect(done.size).toBeGreaterThan(0);
    expect(shopify.state.calls).toBe(calls + 1);
    const parts = await t.db.exportPart.findMany({ where: { archiveId: archive.id, status: "done" } });
    expect(parts.map((part) => part.system).sort()).toEqual(["shopify", "stripe", "vigie"]);
    for (const part of parts) expect(part.summary, part.system).not.toBeNull();
    // The old staging went with the new once the zip existed.
    expect(await t.db.exportChunk.count({ where: { archiveId: archive.id, kind: { not: "zip" } } })).toBe(0);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigie-export-int-")), "export.zip");
    await pipeline(
      Readable.from(readChunks(t.db, TEST_SECRET_KEY, archive.id, "zip")),
      createWriteStream(file),
    );
    expect(zipEntry(file, "shopify.json").toString()).toContain("#1001");
  });
});

describe.each(testDialects())("export parts finishing together on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t?.drop());

  it("queue one assembly when the last parts of an export settle at the same moment", async () => {
    const domain = `together-${dialect}.myshopify.com`;
    const shop = await t.db.shop.create({ data: { domain, name: "iméra" } });
    const connectors = async () => ({
      shopify: null,
      stripe: null,
      mailchimp: null,
      vigie: createVigieConnector({ db: t.db, shopId: shop.id }),
    });
    const archives: string[] = [];
    for (let i = 0; i < 12; i++) {
      const request = await t.db.$transaction((tx) =>
        fileRequest(tx, null, {
          shop: { id: shop.id, domain, name: shop.name },
          details: { type: "access" },
          channel: "shopify",
          requesterEmail: null,
          locale: "fr",
          receivedAt: new Date(),
          identity: { level: "verified", rationale: "merchant_compliance_webhook" },
          shopifyCustomerId: String(8000 + i),
          actor: { type: "shopify" },
        }),
      );
      const jobs = await t.db.job.findMany({
        where: { type: "export.system", payload: { contains: (await archiveOf(request.id)).id } },
      });
      archives.push((await archiveOf(request.id)).id);
      const run = (job: (typeof jobs)[number]) =>
        buildExportPart(
          testJobContext({ db: t.db, dialect, jobId: job.id, connectors }),
          ExportSystemJob.payload.parse(JSON.parse(job.payload)),
        );
      // Vigie's part first; then the three others at once, as workers run jobs side by side: they
      // settle together, each the last but for the others.
      const vigie = jobs.filter((job) => job.payload.includes('"vigie"'));
      for (const job of vigie) await run(job);
      await Promise.all(jobs.filter((job) => !vigie.includes(job)).map(run));
    }
    for (const archiveId of archives) {
      expect(
        await t.db.job.count({ where: { type: ExportAssembleJob.id, payload: { contains: archiveId } } }),
      ).toBe(1);
    }
  });

  const archiveOf = (requestId: string) => t.db.exportArchive.findFirstOrThrow({ where: { requestId } });
});
