// What staff see of work a crash stopped, through the built server (sandbox): an export part and an
// erasure system whose jobs ended without finishing them are shown stalled with their Retry, and an
// e-mail whose sending was interrupted is shown with its unknown outcome and "Send again", in
// English and in French.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { SANDBOX_SHOP } from "../support/app-proxy";
import { type RunningServer, startServer } from "../support/server";

describe("stalled work on the admin pages", () => {
  let server: RunningServer;
  let db: Db;
  let shopId: string;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${server.dataDir}/vigie.sqlite`)).db;
    shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SANDBOX_SHOP } })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  /** A job that died on its last attempt (its worker was killed every time). */
  const deadJob = (type: string, jobKey: string) =>
    db.job.create({
      data: {
        type,
        jobKey,
        shopDomain: SANDBOX_SHOP,
        status: "dead",
        attempts: 5,
        maxAttempts: 5,
        finishedAt: new Date(),
        lastError: "lease expired on the last attempt (the worker stopped or crashed)",
      },
    });

  async function request(type: "access" | "erasure", reference: string) {
    return db.rightsRequest.create({
      data: {
        shopId,
        reference,
        type,
        channel: "staff",
        state: "in_progress",
        receivedAt: new Date(),
        details: JSON.stringify({ type }),
        identityLevel: "verified",
        requesterEmail: "camille.martin@example.fr",
        tasks: {
          create: ["shopify", "stripe", "mailchimp", "vigie"].map((system) => ({
            system,
            kind: type === "access" ? "export" : "erasure",
            status: "running",
          })),
        },
      },
    });
  }

  const page = async (path: string, locale: "en" | "fr") =>
    (await fetch(`${server.baseUrl}${path}?locale=${locale}`)).text();

  it("shows an export part whose job died while building it as stalled, with its Retry", async () => {
    const access = await request("access", "R-2026-STAL1");
    const archive = await db.exportArchive.create({
      data: { shopId, requestId: access.id, locale: "fr" },
    });
    const job = await deadJob("export.system", `export.system:${archive.id}:stripe:0`);
    await db.exportPart.createMany({
      data: [
        { archiveId: archive.id, system: "shopify", status: "done", records: 3 },
        { archiveId: archive.id, system: "stripe", status: "running", jobId: job.id },
        { archiveId: archive.id, system: "mailchimp", status: "done", records: 1 },
        { archiveId: archive.id, system: "vigie", status: "done", records: 2 },
      ],
    });
    const en = await page(`/app/requests/${access.id}`, "en");
    expect(en).toContain("Stripe stopped without finishing: the job building it is no longer running.");
    expect(en).toContain("Retry Stripe");
    expect(en).not.toContain("Retry Shopify");
    const fr = await page(`/app/requests/${access.id}`, "fr");
    expect(fr).toContain(
      "Stripe s&#x27;est arrêté sans finir\u00a0: la tâche qui le préparait ne tourne plus.",
    );
    expect(fr).toContain("Relancer Stripe");
  });

  it("shows an erasure system whose job died as stalled, with its Retry", async () => {
    const erasure = await request("erasure", "R-2026-STAL2");
    const step = (id: string) => ({ id, action: "delete", target: "customer" });
    const run = await db.erasureRun.create({
      data: {
        shopId,
        requestId: erasure.id,
        channel: "staff",
        status: "running",
        startedAt: new Date(),
        approvedBy: "dpo",
        approvedAt: new Date(),
        plan: JSON.stringify([
          { system: "shopify", steps: [step("shopify:customer-data-erasure:7001")] },
          { system: "stripe", steps: [step("stripe:cus_Q1:delete-customer")] },
          { system: "mailchimp", steps: [], skipped: "not_connected" },
          { system: "vigie", steps: [step("vigie:delete-subject")] },
        ]),
        receipts: {
          create: {
            stepId: "shopify:customer-data-erasure:7001",
            system: "shopify",
            outcome: "done",
            at: new Date(),
          },
        },
      },
    });
    await deadJob("erasure.system", `erasure.system:${run.id}:stripe:0`);
    const en = await page(`/app/requests/${erasure.id}`, "en");
    expect(en).toContain("Stripe stopped without finishing: the job erasing it is no longer running.");
    expect(en).toContain("Retry Stripe");
    expect(en).not.toContain("Retry Vigie");
    const fr = await page(`/app/requests/${erasure.id}`, "fr");
    expect(fr).toContain(
      "Stripe s&#x27;est arrêté sans finir\u00a0: la tâche qui l&#x27;effaçait ne tourne plus.",
    );
  });

  it("shows an e-mail whose sending was interrupted, with its unknown outcome and Send again", async () => {
    await db.outboxEmail.create({
      data: {
        shopId,
        template: "request.acknowledgement",
        locale: "fr",
        to: "camille.martin@example.fr",
        subject: "iméra — Nous avons bien reçu votre demande",
        text: "Bonjour",
        html: "<p>Bonjour</p>",
        status: "unknown",
      },
    });
    const en = await page("/app/outbox", "en");
    expect(en).toContain("outcome unknown");
    expect(en).toContain("it may have been delivered or not. It is not sent again on its own");
    expect(en).toContain("Send again");
    const fr = await page("/app/outbox", "fr");
    expect(fr).toContain("issue inconnue");
    expect(fr).toContain("Renvoyer");
  });
});
