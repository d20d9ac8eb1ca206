// A worker process killed (SIGKILL) at a chosen moment of a job, then started again: the work is
// finished, not left half done, and nothing reaches a shopper twice. Real processes, the sandbox's
// simulators and an SMTP server on loopback, on SQLite and PostgreSQL. The random version, every
// job kind at once, is crash-convergence.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queueEmail, resendEmail } from "~/mail/outbox.server";
import { fileRequest } from "~/services/requests/create-request.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { sampleMessages } from "../fixtures/sample-messages";
import { type AppWorker, spawnAppWorker } from "../support/app-worker";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { seedWorldShop, startWorld, type World } from "../support/sandbox-world";
import { eventually } from "../support/server";
import { TEST_SECRET_KEY } from "../support/test-logger";

const LEASE_MS = 1_500;

describe.each(testDialects())("recovery after a worker crash on %s", (dialect) => {
  let t: TestDatabase;
  let world: World;
  let shop: { id: string; domain: string; name: string | null };
  const workers: AppWorker[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    // Stripe answers slowly: its export part is still being built when the worker is killed.
    world = await startWorld({ stripeLatencyMs: 150 });
    shop = await seedWorldShop(t.db, world);
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

  const links = (): LinkContext => ({
    shopDomain: shop.domain,
    proxyPrefix: "/apps/privacy",
    secret: TEST_SECRET_KEY,
    sandboxUrl: null,
    appUrl: "https://vigie.example.com",
  });

  it("finishes an export whose worker died while a part was being built", async () => {
    const subject = await t.db.subject.findFirstOrThrow({
      where: { shopId: shop.id, email: "camille.martin@example.fr" },
    });
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, links(), {
        shop,
        details: { type: "access" },
        channel: "staff",
        requesterEmail: "camille.martin@example.fr",
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        subjectId: subject.id,
        shopifyCustomerId: "7001",
        actor: { type: "staff", id: "dpo" },
      }),
    );
    const stripePart = () =>
      t.db.exportPart.findFirstOrThrow({ where: { system: "stripe", archive: { requestId: request.id } } });
    const first = await worker();
    await eventually(async () => (await stripePart()).status === "running", 20_000);
    await first.kill();
    expect((await stripePart()).status).toBe("running");

    await worker();
    const archive = await eventually(
      () =>
        t.db.exportArchive.findFirst({
          where: { requestId: request.id, status: "complete" },
          include: { parts: true },
        }),
      30_000,
    );
    expect(Object.fromEntries(archive.parts.map((p) => [p.system, p.status]))).toEqual({
      shopify: "done",
      stripe: "done",
      mailchimp: "done",
      vigie: "done",
    });
    expect((await stripePart()).records).toBeGreaterThan(0);
    const tasks = await t.db.requestTask.findMany({ where: { requestId: request.id, kind: "export" } });
    expect(tasks.map((task) => task.status)).toEqual(["done", "done", "done", "done"]);
    expect(await t.db.auditEvent.count({ where: { action: "export.completed", targetId: request.id } })).toBe(
      1,
    );
    // The killed job itself finished the part, on its second attempt.
    const stripeJob = await t.db.job.findFirstOrThrow({
      where: { type: "export.system", payload: { contains: '"stripe"' }, jobKey: { contains: archive.id } },
    });
    expect(stripeJob).toMatchObject({ status: "succeeded", attempts: 2 });
  }, 60_000);

  it("never sends an e-mail again when its worker died after the SMTP server took it; staff see it and may resend", async () => {
    const emailId = await t.db.$transaction((tx) =>
      queueEmail(tx, {
        shopId: shop.id,
        shopDomain: shop.domain,
        to: "camille.martin@example.fr",
        locale: "fr",
        message: sampleMessages["request.acknowledgement"],
      }),
    );
    const messageId = `<${emailId}@imera-paris.com>`;
    const copies = () => world.smtp.received.filter((mail) => mail.headers["message-id"] === messageId);
    // The server has the message; the worker dies before it hears the 250.
    let killed: AppWorker | undefined;
    world.smtp.beforeAccept = async () => {
      world.smtp.beforeAccept = null;
      await killed?.kill();
    };
    killed = await worker();
    await killed.exited;
    expect(copies()).toHaveLength(1);

    await worker();
    const row = await eventually(async () => {
      const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: emailId } });
      return email.status === "unknown" && email;
    }, 20_000);
    expect(row.sentAt).toBeNull();
    const job = await eventually(async () => {
      const sender = await t.db.job.findUniqueOrThrow({ where: { jobKey: `mail.send:${emailId}` } });
      return sender.status === "succeeded" && sender;
    });
    expect(job.attempts).toBe(2);
    expect(copies()).toHaveLength(1);
    expect(await t.db.auditEvent.count({ where: { action: "email.unknown", targetId: emailId } })).toBe(1);

    // Staff decide to send it again: once, with the same Message-ID, and it is audited.
    expect(await resendEmail(t.db, shop, "dpo", emailId)).toBe(true);
    expect(await resendEmail(t.db, shop, "dpo", emailId)).toBe(false);
    await eventually(async () => {
      const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: emailId } });
      return email.status === "sent";
    }, 20_000);
    expect(copies()).toHaveLength(2);
    expect(
      await t.db.auditEvent.count({ where: { action: "email.resent", targetId: emailId, actorId: "dpo" } }),
    ).toBe(1);
  }, 60_000);
});
