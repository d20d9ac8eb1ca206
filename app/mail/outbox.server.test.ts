import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendEmailJob } from "~/jobs/job-types";
import { SAMPLE_REFERENCE, sampleMessages } from "../../tests/fixtures/sample-messages";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import { queueEmail } from "./outbox.server";
import { renderEmail } from "./render";

describe.each(testDialects())("queueEmail on %s", (dialect) => {
  let t: TestDatabase;
  let shopId: string;
  const shopDomain = `outbox-${dialect}.myshopify.com`;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    shopId = (await t.db.shop.create({ data: { domain: shopDomain } })).id;
  });
  afterAll(async () => {
    await t.drop();
  });

  it("stores the rendered e-mail as queued and its mail.send job, keyed by the e-mail id", async () => {
    const message = sampleMessages["request.acknowledgement"];
    const id = await t.db.$transaction((tx) =>
      queueEmail(tx, {
        shopId,
        shopDomain,
        requestId: "req-1",
        to: "camille.martin@example.fr",
        locale: "en",
        message,
      }),
    );
    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    const rendered = renderEmail(message, "en");
    expect(email).toMatchObject({
      shopId,
      requestId: "req-1",
      template: "request.acknowledgement",
      locale: "en",
      to: "camille.martin@example.fr",
      status: "queued",
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: null,
      sentAt: null,
    });
    expect(email.text).toContain(SAMPLE_REFERENCE);
    const job = await t.db.job.findUniqueOrThrow({ where: { jobKey: `mail.send:${id}` } });
    expect(job).toMatchObject({ type: SendEmailJob.id, shopDomain, status: "pending" });
    expect(JSON.parse(job.payload)).toEqual({ emailId: id });
  });

  it("keeps a marketing-related e-mail's withdrawal link with the row, for its List-Unsubscribe header", async () => {
    const unsubscribeUrl = "https://vigie.example.com/consent/unsubscribe/abc.def";
    const message = sampleMessages["consent.confirm"];
    const id = await t.db.$transaction((tx) =>
      queueEmail(tx, {
        shopId,
        shopDomain,
        to: "camille.martin@example.fr",
        locale: "fr",
        message,
        unsubscribeUrl,
      }),
    );
    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(email.unsubUrl).toBe(unsubscribeUrl);
    expect(email.text).toBe(renderEmail(message, "fr", { unsubscribeUrl }).text);
    expect(email.text).toContain(`Me désinscrire\u00a0: ${unsubscribeUrl}`);
    await expect(
      t.db.$transaction((tx) =>
        queueEmail(tx, {
          shopId,
          shopDomain,
          to: "camille.martin@example.fr",
          locale: "fr",
          message,
          unsubscribeUrl: "javascript:alert(1)",
        }),
      ),
    ).rejects.toThrow();
  });

  it("writes in the shopper's language", async () => {
    const id = await t.db.$transaction((tx) =>
      queueEmail(tx, {
        shopId,
        shopDomain,
        to: "lucas.bernard@example.fr",
        locale: "fr",
        message: sampleMessages["request.closed_unverified"],
      }),
    );
    const email = await t.db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(email).toMatchObject({ locale: "fr", requestId: null });
    expect(email.subject).toBe("iméra — Votre demande DR-2026-0042 a été close");
  });

  it("stores neither the e-mail nor its job when the caller's transaction rolls back", async () => {
    let id = "";
    await expect(
      t.db.$transaction(async (tx) => {
        id = await queueEmail(tx, {
          shopId,
          shopDomain,
          to: "emma.thomas@example.com",
          locale: "en",
          message: sampleMessages["consent.confirm"],
        });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(id).not.toBe("");
    expect(await t.db.outboxEmail.count({ where: { id } })).toBe(0);
    expect(await t.db.job.count({ where: { jobKey: `mail.send:${id}` } })).toBe(0);
  });

  it("refuses an invalid address or message and stores nothing", async () => {
    const before = await t.db.outboxEmail.count();
    const base = { shopId, shopDomain, locale: "fr" as const };
    await expect(
      t.db.$transaction((tx) =>
        queueEmail(tx, { ...base, to: "not an address", message: sampleMessages["consent.confirm"] }),
      ),
    ).rejects.toThrow();
    await expect(
      t.db.$transaction((tx) =>
        queueEmail(tx, {
          ...base,
          to: "emma.thomas@example.com",
          message: { ...sampleMessages["consent.confirm"], confirmUrl: "javascript:alert(1)" },
        }),
      ),
    ).rejects.toThrow();
    expect(await t.db.outboxEmail.count()).toBe(before);
  });
});
