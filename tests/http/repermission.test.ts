// Re-permission through the built server and its worker (docs/decisions/069): staff start the
// e-mails from the retention page, the worker writes the one e-mail with its signed link; GET shows
// the question and records nothing, POST renews the consent with its proof; a forged link is
// refused (404), a link whose period is over has expired (410) and renews nothing.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { yearsBefore } from "~/domain/retention/retention-rules";
import { recordConsent } from "~/services/consents.server";
import { repermissionUrl } from "~/services/repermission.server";
import { upsertSubject } from "~/services/subjects.server";
import { eventually, type RunningServer, startServer } from "../support/server";

const SHOP = "imera-paris.myshopify.com";
const NINA = "nina.prospect@example.fr";
const KEY = randomBytes(32);
const DAY = 86_400_000;

describe("re-permission through the server", () => {
  let server: RunningServer;
  let db: Db;
  let shopId: string;

  /** A newsletter subscriber who never ordered, whose last contact was `at`. */
  async function prospect(email: string, at: Date) {
    const subject = await db.$transaction((tx) => upsertSubject(tx, shopId, { email }));
    if (!subject?.email) throw new Error("no subject");
    await db.$transaction((tx) =>
      recordConsent(tx, SHOP, {
        shopId,
        subject: { id: subject.id, email: subject.email as string },
        kind: "granted",
        lawfulBasis: "consent",
        source: "privacy_centre",
        occurredAt: at,
        noticeVersion: "2022-10-31",
        wording: "Je souhaite recevoir la newsletter d'iméra",
        wordingLocale: "fr",
      }),
    );
    await db.subject.update({ where: { id: subject.id }, data: { createdAt: at } });
    await db.consentState.updateMany({ where: { subjectId: subject.id }, data: { updatedAt: at } });
    return subject.id;
  }

  beforeAll(async () => {
    server = await startServer({ APP_ENCRYPTION_KEY: KEY.toString("base64") });
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    expect(await server.stop()).toBe(0);
  });

  it("staff start the e-mails; the link's GET asks, its POST renews with the proof", async () => {
    // Signed up 3 years ago less 10 days: their period ends in 10 days.
    const signedUp = new Date(yearsBefore(new Date(), 3).getTime() + 10 * DAY);
    const subjectId = await prospect(NINA, signedUp);
    const started = await fetch(`${server.baseUrl}/app/retention?locale=fr`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "repermission" }),
    });
    expect(started.status).toBe(200);
    const email = await eventually(() =>
      db.outboxEmail.findFirst({ where: { to: NINA, template: "consent.repermission" } }),
    );
    expect(email.subject).toBe("iméra — Souhaitez-vous continuer à recevoir notre newsletter\u00a0?");
    expect(email.unsubUrl).toContain("/consent/unsubscribe/");
    const link = /(http:\/\/\S+\/consent\/renew\/[\w-]+\.[\w-]+)/.exec(email.text)?.[1] ?? "";
    expect(link).not.toBe("");
    expect(link).not.toMatch(/nina|%40|@/i);
    const url = `${server.baseUrl}${new URL(link).pathname}`;

    const shown = await fetch(url);
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toContain("Continuer à recevoir notre newsletter");
    expect(page).toContain("Oui, je souhaite continuer à recevoir par e-mail la newsletter d&#x27;iméra.");
    // A GET (a mail scanner) records nothing.
    const ask = await db.repermission.findFirstOrThrow({ where: { subjectId } });
    expect(ask.renewedAt).toBeNull();

    const clicked = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Firefox/140" },
      body: "",
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain("Vous restez inscrit·e");
    const renewed = await db.repermission.findFirstOrThrow({ where: { subjectId } });
    expect(renewed.renewedAt).not.toBeNull();
    const grant = await db.consentEvent.findUniqueOrThrow({
      where: { id: renewed.renewedEventId as string },
    });
    expect(grant).toMatchObject({
      kind: "granted",
      source: "privacy_centre",
      wordingKey: "shopper.repermission.wording",
      userAgent: "Firefox/140",
    });
    expect(grant.ipPrefix).toMatch(/\/(24|48)$/);
    expect(await db.auditEvent.count({ where: { shopId, action: "consent.repermission_renewed" } })).toBe(1);
  });

  it("refuses a forged link and an expired one", async () => {
    const subjectId = await prospect("oscar.ancien@example.fr", yearsBefore(new Date(), 4));
    const ended = new Date(Date.now() - DAY);
    const ask = await db.repermission.create({
      data: { shopId, subjectId, periodEndsAt: ended, requestEventId: "none" },
    });
    const links = { appUrl: server.baseUrl, secret: KEY };
    // Signed when it was sent, 20 days before the end: the token expired with the period.
    const expired = repermissionUrl(links, ask, new Date(ended.getTime() - 20 * DAY));
    const gone = await fetch(expired, { method: "POST", body: "" });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("Ce lien a expiré");

    const forged = repermissionUrl(
      { ...links, secret: randomBytes(32) },
      { ...ask, periodEndsAt: new Date(Date.now() + 9 * DAY) },
    );
    const refused = await fetch(forged, { method: "POST", body: "" });
    expect(refused.status).toBe(404);
    expect((await db.repermission.findUniqueOrThrow({ where: { id: ask.id } })).renewedAt).toBeNull();
    expect(await db.consentEvent.count({ where: { subjectId, kind: "granted" } })).toBe(1);
  });
});
