import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SendEmailJob } from "~/jobs/job-types";
import { queueEmail } from "~/mail/outbox.server";
import { createTransport, type MailTransport } from "~/mail/transport.server";
import { SAMPLE_REFERENCE, sampleMessages } from "../../tests/fixtures/sample-messages";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import { type SmtpSink, startSmtpSink } from "../../tests/support/smtp-sink";
import { memoryLogger, testJobContext } from "../../tests/support/test-logger";
import { sendQueuedEmail } from "./send-email.server";

const SHOPPER = "camille.martin@example.fr";
const FROM = "Vigie <vigie@mail.example>";

describe.each(testDialects())("sendQueuedEmail on %s", (dialect) => {
  let t: TestDatabase;
  let sink: SmtpSink;
  let smtp: MailTransport;
  let shopId: string;
  const shopDomain = `mail-${dialect}.myshopify.com`;
  const records: Parameters<typeof memoryLogger>[0] = [];
  /** The transport the next run sends with, as the composition root would give it. */
  let transport: MailTransport;
  const setMailTransport = (next: MailTransport) => {
    transport = next;
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    sink = await startSmtpSink();
    smtp = createTransport({ smtpUrl: sink.url, from: FROM });
    const shop = await t.db.shop.create({
      data: { domain: shopDomain, settings: JSON.stringify({ dpoEmail: "dpo@imera-paris.com" }) },
    });
    shopId = shop.id;
  });
  afterAll(async () => {
    await smtp.close();
    await sink.close();
    await t.drop();
  });
  afterEach(() => {
    sink.received.length = 0;
    sink.refuse = null;
    records.length = 0;
  });

  async function queue() {
    return t.db.$transaction((tx) =>
      queueEmail(tx, {
        shopId,
        shopDomain,
        requestId: "req-42",
        to: SHOPPER,
        locale: "fr",
        message: sampleMessages["request.acknowledgement"],
      }),
    );
  }

  /** Runs the job's handler as the worker would, for the job queueEmail enqueued. */
  async function run(emailId: string, attempt = 1) {
    const job = await t.db.job.findUniqueOrThrow({ where: { jobKey: `mail.send:${emailId}` } });
    const context = testJobContext({
      db: t.db,
      dialect,
      jobId: job.id,
      attempt,
      shopDomain,
      log: memoryLogger(records),
      mail: transport,
    });
    await sendQueuedEmail(context, SendEmailJob.payload.parse(JSON.parse(job.payload)).emailId);
  }

  const audits = (emailId: string) =>
    t.db.auditEvent.findMany({
      where: { targetType: "email", targetId: emailId },
      orderBy: { createdAt: "asc" },
    });

  it("sends through SMTP, marks the row sent with its Message-ID, and audits it without the address", async () => {
    setMailTransport(smtp);
    const id = await queue();
    await run(id);

    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    expect(mail?.envelope.to).toEqual([SHOPPER]);
    expect(mail?.subject).toBe("iméra — Nous avons bien reçu votre demande (DR-2026-0042)");
    expect(mail?.text).toContain(SAMPLE_REFERENCE);
    expect(mail?.text).toContain("28 décembre 2026");
    // Replies reach the shop's DPO.
    expect(mail?.headers["reply-to"]).toBe("dpo@imera-paris.com");

    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(email).toMatchObject({ status: "sent", messageId: `<${id}@mail.example>`, error: null });
    expect(email.sentAt).toBeInstanceOf(Date);
    expect(mail?.headers["message-id"]).toBe(email.messageId);
    const events = await audits(id);
    expect(events.map((e) => e.action)).toEqual(["email.sent"]);
    expect(JSON.parse(events[0]?.data ?? "{}")).toEqual({
      template: "request.acknowledgement",
      requestId: "req-42",
    });
    expect(events[0]?.data).not.toContain(SHOPPER);
  });

  it("does nothing when run again for an e-mail already sent", async () => {
    setMailTransport(smtp);
    const id = await queue();
    await run(id);
    await run(id, 2);
    expect(sink.received).toHaveLength(1);
    expect(await audits(id)).toHaveLength(1);
  });

  it("marks the row sending before SMTP is spoken, and a run that finds it so sends nothing but marks it unknown", async () => {
    setMailTransport(smtp);
    const id = await queue();
    let seen: string | undefined;
    sink.beforeAccept = async () => {
      seen = (await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).status;
    };
    await run(id);
    expect(seen).toBe("sending");
    sink.beforeAccept = null;
    sink.received.length = 0;

    // As a worker that died inside transport.send() leaves it.
    const other = await queue();
    await t.db.outboxEmail.update({ where: { id: other }, data: { status: "sending" } });
    await run(other, 2);
    expect(sink.received).toHaveLength(0);
    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: other } });
    expect(email).toMatchObject({ status: "unknown", sentAt: null });
    expect((await audits(other)).map((e) => e.action)).toEqual(["email.unknown"]);
    await run(other, 3);
    expect(sink.received).toHaveLength(0);
    expect(await audits(other)).toHaveLength(1);
  });

  it("throws on a 4xx answer so the job is retried, keeps the row queued, then sends on the next attempt", async () => {
    setMailTransport(smtp);
    const id = await queue();
    sink.refuse = { at: "rcpt", code: 451, message: `4.7.1 <${SHOPPER}> greylisted, try again later` };
    const error = await run(id).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "MailSendError", permanent: false });
    expect(String((error as Error).message)).not.toContain(SHOPPER);
    const waiting = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(waiting).toMatchObject({ status: "queued", error: "SMTP 451 4.7.1 at RCPT TO (EENVELOPE)" });
    expect(sink.received).toHaveLength(0);

    sink.refuse = null;
    await run(id, 2);
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      error: null,
    });
    expect(sink.received).toHaveLength(1);
  });

  it("marks the row failed on a 5xx rejection, with a short error and no address, without throwing", async () => {
    setMailTransport(smtp);
    const id = await queue();
    sink.refuse = { at: "data", code: 554, message: `5.7.1 message from ${SHOPPER} rejected as spam` };
    await run(id);
    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(email).toMatchObject({
      status: "failed",
      error: "SMTP 554 5.7.1 at DATA (EMESSAGE)",
      sentAt: null,
    });
    expect((await audits(id)).map((e) => e.action)).toEqual(["email.failed"]);
    expect(records).toContainEqual(expect.objectContaining({ level: "warn" }));
    expect(JSON.stringify(records)).not.toContain(SHOPPER);

    // A later run of the same job changes nothing.
    sink.refuse = null;
    await run(id, 2);
    expect(sink.received).toHaveLength(0);
  });

  it("in outbox mode marks the row outbox and sends nothing", async () => {
    setMailTransport(createTransport({ from: FROM }));
    const id = await queue();
    await run(id);
    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(email).toMatchObject({ status: "outbox", messageId: null, sentAt: null });
    expect(sink.received).toHaveLength(0);
    expect((await audits(id)).map((e) => e.action)).toEqual(["email.outbox"]);
  });

  it("does nothing for an e-mail that no longer exists", async () => {
    setMailTransport(smtp);
    const id = await queue();
    await t.db.outboxEmail.delete({ where: { id } });
    await run(id);
    expect(sink.received).toHaveLength(0);
  });
});
