// Withdrawal of consent and objection to marketing, carried out once the requester is identified:
// a ledger withdrawal synced to Shopify and Mailchimp, and (objection) a mark that outlives later consents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { closeUnverified } from "~/services/requests/request-actions.server";
import { resolveUnsubscribeLink } from "~/services/unsubscribe.server";
import { createShop, SECRET, seedShopper } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("marketing requests on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function file(
    type: "withdraw_consent" | "object_to_marketing" | "access",
    email: string,
    seed = true,
  ) {
    const shop = await createShop(t.db, `mkt-${dialect}`);
    const seeded = seed ? await seedShopper(t.db, shop, { email, shopifyCustomerId: "9001" }) : null;
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, shop.links, {
        shop: shop.shop,
        details: { type },
        channel: "privacy_centre",
        requesterEmail: email,
        locale: "fr",
        receivedAt: new Date(),
        identity: { level: "verified", rationale: "signed_in_customer" },
        actor: { type: "shopper" },
      }),
    );
    return { shop, seeded, request };
  }

  it("withdraws a subscribed shopper's consent in the ledger and queues its sync", async () => {
    const { shop, seeded, request } = await file("withdraw_consent", "wd@example.fr");
    const subjectId = seeded?.subjectId as string;
    expect((await currentConsent(t.db, subjectId)).status).toBe("unsubscribed");
    const event = await t.db.consentEvent.findFirstOrThrow({
      where: { subjectId },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ kind: "withdrawn", source: "privacy_centre" });
    expect(await t.db.job.count({ where: { type: "consent.sync", payload: { contains: event.id } } })).toBe(
      1,
    );
    expect(await t.db.requestTask.findFirst({ where: { requestId: request.id } })).toMatchObject({
      status: "done",
      detail: "withdrawn",
    });
    expect((await verifyLedger(t.db, shop.shop.id)).ok).toBe(true);
  });

  it("records an objection that stays, and says so when nothing was subscribed or known", async () => {
    const { seeded, request } = await file("object_to_marketing", "obj@example.fr");
    const subject = await t.db.subject.findUniqueOrThrow({ where: { id: seeded?.subjectId } });
    expect(subject.marketingObjectionAt).not.toBeNull();
    expect(await t.db.requestTask.findFirst({ where: { requestId: request.id } })).toMatchObject({
      detail: "withdrawn",
    });

    const unknown = await file("withdraw_consent", "nobody@example.fr", false);
    expect(await t.db.requestTask.findFirst({ where: { requestId: unknown.request.id } })).toMatchObject({
      status: "done",
      detail: "no_record",
    });
    expect(await t.db.consentEvent.count({ where: { shopId: unknown.shop.shop.id } })).toBe(0);
  });

  it("sends every e-mail about such a request with the one-click withdrawal of the requester's own address", async () => {
    const { shop, seeded, request } = await file("withdraw_consent", "Link@Example.fr");
    const ack = await t.db.outboxEmail.findFirstOrThrow({
      where: { requestId: request.id, template: "request.acknowledgement" },
    });
    expect(ack.unsubUrl).toMatch(/^https:\/\/vigie\.example\/consent\/unsubscribe\/[\w-]+\.[\w-]+$/);
    // No personal data in the link: the address is nowhere in it, nor in its token's payload.
    const token = ack.unsubUrl?.split("/").at(-1) ?? "";
    expect(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()).not.toMatch(/@|link/i);
    expect(ack.text).toContain(`Me désinscrire\u00a0: ${ack.unsubUrl}`);
    expect(ack.html).toContain(`href="${ack.unsubUrl}"`);
    const link = await resolveUnsubscribeLink(t.db, SECRET, token);
    expect(link).toMatchObject({ shop: { id: shop.shop.id }, subject: { id: seeded?.subjectId } });

    // An access request is not about marketing; an unknown address has no subscription to end.
    const access = await file("access", "other@example.fr");
    const unknown = await file("object_to_marketing", "nobody-else@example.fr", false);
    for (const { request: other } of [access, unknown]) {
      const mail = await t.db.outboxEmail.findFirstOrThrow({ where: { requestId: other.id } });
      expect(mail.unsubUrl).toBeNull();
      expect(mail.text).not.toContain("/consent/unsubscribe/");
    }
  });

  it("also while the requester's address is unconfirmed: the code and the closure carry the link too", async () => {
    const shop = await createShop(t.db, `mkt-guest-${dialect}`);
    await seedShopper(t.db, shop, { email: "guest@example.fr", shopifyCustomerId: "9002" });
    const request = await t.db.$transaction((tx) =>
      fileRequest(tx, shop.links, {
        shop: shop.shop,
        details: { type: "object_to_marketing" },
        channel: "privacy_centre",
        requesterEmail: "guest@example.fr",
        locale: "en",
        receivedAt: new Date(),
        identity: { level: "email_link", sendTo: "email_on_file", rationale: "email_control" },
        actor: { type: "shopper" },
      }),
    );
    await closeUnverified(t.db, shop.links, shop.shop, { type: "staff", id: "dpo" }, request.id);
    const mails = await t.db.outboxEmail.findMany({
      where: { requestId: request.id },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => m.template).sort()).toEqual([
      "request.acknowledgement",
      "request.closed_unverified",
      "request.identity_code",
    ]);
    for (const mail of mails) {
      expect(mail.unsubUrl, mail.template).toMatch(/^https:\/\/vigie\.example\/consent\/unsubscribe\//);
      expect(mail.text, mail.template).toContain(`Unsubscribe: ${mail.unsubUrl}`);
    }
  });
});
