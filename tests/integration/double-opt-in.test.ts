// Double opt-in on real databases: a checkout consent of a shop that asks for it waits (pending, no
// sync) for the click on its e-mailed link, which records the confirmed grant with the request's
// proof and the click's; a second click, a forged link, a cancelled or lapsed request change nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIRMATION_WINDOW_DAYS } from "~/domain/consent";
import { recordCheckoutConsent } from "~/services/checkout-consent.server";
import {
  confirmBySignedLink,
  inspectConfirmationLink,
  lapseUnconfirmedConsents,
} from "~/services/consent-confirmation.server";
import { currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { upsertSubject } from "~/services/subjects.server";
import { withdrawBySignedLink } from "~/services/unsubscribe.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const SECRET = randomBytes(32);
const LINKS = { appUrl: "https://vigie.example", secret: SECRET };
const WORDING = "I'd like to receive news from iméra by e-mail";
const DAY = 86_400_000;
const T0 = new Date("2026-12-01T10:00:00.000Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe.each(testDialects())("double opt-in on %s", (dialect) => {
  let t: TestDatabase;
  let shop: { id: string; domain: string };
  let orders = 6000;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const domain = `doi-${dialect}.myshopify.com`;
    const row = await t.db.shop.create({
      data: { domain, name: "iméra", settings: JSON.stringify({ doubleOptIn: true }) },
    });
    shop = { id: row.id, domain };
  });
  afterAll(() => t.drop());

  async function shopper(email: string) {
    const subject = await t.db.$transaction((tx) => upsertSubject(tx, shop.id, { email }));
    if (!subject?.email) throw new Error("no subject");
    return { id: subject.id, email: subject.email, shopifyCustomerId: subject.shopifyCustomerId };
  }

  /** A box ticked at checkout (orders/create or the thank-you page), as the topics record it. */
  function tick(subject: Awaited<ReturnType<typeof shopper>>, when: Date, orderId = String(++orders)) {
    return t.db.$transaction((tx) =>
      recordCheckoutConsent(
        tx,
        shop.domain,
        {
          shopId: shop.id,
          subject,
          kind: "granted",
          lawfulBasis: "consent",
          source: "checkout",
          occurredAt: when,
          noticeVersion: "2022-10-31",
          wordingKey: "newsletter_checkbox.default",
          wording: WORDING,
          wordingLocale: "en",
          orderId,
          ipPrefix: "203.0.113.0/24",
          userAgent: "Mozilla/5.0 (checkout)",
        },
        when,
        () => LINKS,
        when,
      ),
    );
  }

  const confirmEmail = (subjectEmail: string) =>
    t.db.outboxEmail.findFirstOrThrow({ where: { to: subjectEmail, template: "consent.confirm" } });
  const tokenOf = (url: string) => url.split("/").at(-1) ?? "";
  const syncJobs = (eventId: string) => t.db.job.count({ where: { jobKey: `consent.sync:${eventId}` } });

  it("records the tick as a request, sends the confirmation e-mail, and nothing is synced", async () => {
    const alice = await shopper("alice@example.fr");
    const outcome = await tick(alice, T0, "7001");
    expect(outcome).toMatchObject({ recorded: true, status: "pending", confirmation: true });
    const request = await t.db.consentEvent.findFirstOrThrow({ where: { subjectId: alice.id } });
    expect(request).toMatchObject({
      kind: "confirmation_requested",
      source: "checkout",
      wording: WORDING,
      orderId: "7001",
      ipPrefix: "203.0.113.0/24",
    });
    expect(await syncJobs(request.id)).toBe(0);
    expect((await currentConsent(t.db, alice.id)).status).toBe("pending");

    const mail = await confirmEmail(alice.email);
    expect(mail).toMatchObject({ locale: "en", status: "queued" });
    expect(mail.subject).toBe("iméra — Please confirm your newsletter subscription");
    const confirmUrl = /Confirm my subscription: (\S+)/.exec(mail.text)?.[1] ?? "";
    expect(confirmUrl).toMatch(/^https:\/\/vigie\.example\/consent\/confirm\/[\w-]+\.[\w-]+$/);
    expect(mail.text).toContain(`> ${WORDING}`);
    // The confirmation is marketing-related: it carries the one-click withdrawal too.
    expect(mail.unsubUrl).toMatch(/^https:\/\/vigie\.example\/consent\/unsubscribe\//);
    expect(mail.text).toContain(`Unsubscribe: ${mail.unsubUrl}`);
    // The order counts once in the consent-rate chart; the same box reported again is nothing new.
    expect((await tick(alice, T0, "7001")).recorded).toBe(false);
    expect(await t.db.outboxEmail.count({ where: { to: alice.email } })).toBe(1);
  });

  it("a GET shows the request without confirming; the click records the confirmed grant, once", async () => {
    const alice = await t.db.subject.findFirstOrThrow({ where: { email: "alice@example.fr" } });
    const request = await t.db.consentEvent.findFirstOrThrow({ where: { subjectId: alice.id } });
    const token = tokenOf(
      /Confirm my subscription: (\S+)/.exec((await confirmEmail("alice@example.fr")).text)?.[1] ?? "",
    );

    expect(await inspectConfirmationLink(t.db, SECRET, token, at(1))).toEqual({
      found: true,
      shopName: "iméra",
      wording: WORDING,
      locale: "en",
      decision: "confirm",
    });
    expect(await t.db.consentEvent.count({ where: { subjectId: alice.id } })).toBe(1);

    const clicked = await confirmBySignedLink({
      db: t.db,
      secret: SECRET,
      token,
      ip: "198.51.100.77",
      userAgent: "Mozilla/5.0 (mail client)",
      now: at(1),
    });
    expect(clicked).toMatchObject({ found: true, decision: "confirm" });
    const grant = await t.db.consentEvent.findFirstOrThrow({
      where: { subjectId: alice.id, kind: "granted" },
    });
    // The request's proof, plus the confirmation's time and network, naming the request it confirms.
    expect(grant).toMatchObject({
      source: "checkout",
      lawfulBasis: "consent",
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wording: WORDING,
      wordingLocale: "en",
      orderId: "7001",
      confirmsEventId: request.id,
      occurredAt: at(1),
      ipPrefix: "198.51.100.0/24",
      userAgent: "Mozilla/5.0 (mail client)",
      email: "alice@example.fr",
    });
    expect(await syncJobs(grant.id)).toBe(1);
    expect(await currentConsent(t.db, alice.id)).toMatchObject({
      status: "subscribed",
      lawfulBasis: "consent",
    });
    expect(await t.db.auditEvent.count({ where: { action: "consent.confirmed", targetId: alice.id } })).toBe(
      1,
    );

    // A second click (or a mail client's retry) records nothing.
    const again = await confirmBySignedLink({ db: t.db, secret: SECRET, token, now: at(2) });
    expect(again).toMatchObject({ found: true, decision: "already_subscribed" });
    expect(await t.db.consentEvent.count({ where: { subjectId: alice.id } })).toBe(2);
    expect((await verifyLedger(t.db, shop.id)).ok).toBe(true);
  });

  it("refuses a forged link, or a link of another shop's request", async () => {
    const alice = await t.db.subject.findFirstOrThrow({ where: { email: "alice@example.fr" } });
    const token = tokenOf(
      /Confirm my subscription: (\S+)/.exec((await confirmEmail(alice.email ?? "")).text)?.[1] ?? "",
    );
    const [payload, mac] = token.split(".");
    const other = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const forged = `${Buffer.from(JSON.stringify({ ...other, s: "another-shop" })).toString("base64url")}.${mac}`;
    for (const bad of [forged, "not.a-token", `${payload}.${"A".repeat(43)}`]) {
      expect(await confirmBySignedLink({ db: t.db, secret: SECRET, token: bad })).toEqual({ found: false });
    }
    // Signed with another key (another installation): unknown here.
    expect(await inspectConfirmationLink(t.db, randomBytes(32), token)).toEqual({ found: false });
  });

  it("a one-click withdrawal cancels a pending request: its link then confirms nothing", async () => {
    const bruno = await shopper("bruno@example.fr");
    await tick(bruno, T0);
    const mail = await confirmEmail(bruno.email);
    const withdrawn = await withdrawBySignedLink({
      db: t.db,
      secret: SECRET,
      token: tokenOf(mail.unsubUrl ?? ""),
      now: at(0.5),
    });
    expect(withdrawn).toMatchObject({ found: true, withdrawn: true });
    expect((await currentConsent(t.db, bruno.id)).status).toBe("unsubscribed");
    const token = tokenOf(/Confirm my subscription: (\S+)/.exec(mail.text)?.[1] ?? "");
    const late = await confirmBySignedLink({ db: t.db, secret: SECRET, token, now: at(1) });
    expect(late).toMatchObject({ found: true, decision: "not_pending" });
    expect(await t.db.consentEvent.count({ where: { subjectId: bruno.id, kind: "granted" } })).toBe(0);
  });

  it(`lapses after ${CONFIRMATION_WINDOW_DAYS} days unconfirmed: back to nothing, and the link says it expired`, async () => {
    const chloe = await shopper("chloe@example.fr");
    await tick(chloe, T0);
    const token = tokenOf(
      /Confirm my subscription: (\S+)/.exec((await confirmEmail(chloe.email)).text)?.[1] ?? "",
    );
    // Too late, before the daily lapse has run: refused all the same.
    const late = await confirmBySignedLink({ db: t.db, secret: SECRET, token, now: at(7) });
    expect(late).toMatchObject({ decision: "lapsed" });

    expect(await lapseUnconfirmedConsents(t.db, at(6.9))).toBe(0);
    expect(await lapseUnconfirmedConsents(t.db, at(7.5))).toBe(1);
    expect(await lapseUnconfirmedConsents(t.db, at(8))).toBe(0);
    const lapse = await t.db.consentEvent.findFirstOrThrow({
      where: { subjectId: chloe.id, kind: "expired" },
    });
    expect(lapse).toMatchObject({ source: "system", occurredAt: at(7) });
    expect(await syncJobs(lapse.id)).toBe(0);
    expect((await currentConsent(t.db, chloe.id)).status).toBe("never");
    expect(await inspectConfirmationLink(t.db, SECRET, token, at(8))).toMatchObject({
      decision: "not_pending",
    });
    expect((await verifyLedger(t.db, shop.id)).ok).toBe(true);
  });

  it("subscribes at once someone already subscribed, and every shopper of a shop that does not ask for it", async () => {
    const alice = await t.db.subject.findFirstOrThrow({ where: { email: "alice@example.fr" } });
    const again = await tick({ id: alice.id, email: "alice@example.fr", shopifyCustomerId: null }, at(3));
    expect(again).toMatchObject({ recorded: true, status: "subscribed" });
    expect(again).not.toHaveProperty("confirmation");

    await t.db.shop.update({
      where: { id: shop.id },
      data: { settings: JSON.stringify({ doubleOptIn: false }) },
    });
    const dana = await shopper("dana@example.fr");
    expect(await tick(dana, at(3))).toMatchObject({ recorded: true, status: "subscribed" });
    expect(await t.db.outboxEmail.count({ where: { to: dana.email } })).toBe(0);
    const grant = await t.db.consentEvent.findFirstOrThrow({ where: { subjectId: dana.id } });
    expect(grant).toMatchObject({ kind: "granted", confirmsEventId: null });
    expect(await syncJobs(grant.id)).toBe(1);
  });
});
