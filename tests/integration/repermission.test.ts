// Re-permission before the prospects' period ends (docs/decisions/069) on real databases, with the
// clock pinned and Mailchimp's activity read from its simulator: batches, never twice for one period
// (two workers at once, and the unique constraint), the restricted and the unsubscribed skipped, a
// click in Mailchimp moves the period and an open does not, the renewal is a verified ledger event
// with its proof, and silence lets the sweep file the erasure once the period is over.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailchimpClient } from "~/connectors/mailchimp/client.server";
import { createMailchimpEngagement } from "~/connectors/mailchimp/engagement.server";
import { createDatabase, type Db } from "~/db/client.server";
import { type MailchimpSimulator, startMailchimpSimulator } from "~/sandbox/simulators/mailchimp.server";
import { currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { recordConsent } from "~/services/consents.server";
import {
  askRepermissionBatch,
  inspectRenewalLink,
  renewBySignedLink,
  repermissionProgress,
  repermissionUrl,
} from "~/services/repermission.server";
import { sweepRetention } from "~/services/retention.server";
import { upsertSubject } from "~/services/subjects.server";
import { logger } from "~/utils/logger.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const SECRET = randomBytes(32);
const LINKS = { appUrl: "https://vigie.example", secret: SECRET };
const NOW = new Date("2026-12-03T10:00:00.000Z");
const SIGNED_UP = new Date("2023-12-20T09:00:00.000Z");
/** SIGNED_UP + 3 years: inside the 30 days' lead time at NOW. */
const PERIOD_END = new Date("2026-12-20T09:00:00.000Z");
const DAY = 86_400_000;

describe.each(testDialects())("re-permission on %s", (dialect) => {
  let t: TestDatabase;
  let second: Db;
  let mailchimp: MailchimpSimulator;
  let shop: { id: string; domain: string };
  const ids: Record<string, string> = {};

  /** A newsletter subscriber who never ordered, whose last contact was `at`. */
  async function prospect(name: string, at: Date, subscribed = true) {
    const email = `${name}@example.fr`;
    const subject = await t.db.$transaction((tx) => upsertSubject(tx, shop.id, { email }));
    if (!subject?.email) throw new Error("no subject");
    const person = { id: subject.id, email: subject.email };
    await t.db.$transaction((tx) =>
      recordConsent(tx, shop.domain, {
        shopId: shop.id,
        subject: person,
        kind: "granted",
        lawfulBasis: "consent",
        source: "privacy_centre",
        occurredAt: at,
        noticeVersion: "2022-10-31",
        wording: "Je souhaite recevoir la newsletter d'iméra",
        wordingLocale: "fr",
      }),
    );
    if (!subscribed) {
      await t.db.$transaction((tx) =>
        recordConsent(tx, shop.domain, {
          shopId: shop.id,
          subject: person,
          kind: "withdrawn",
          lawfulBasis: "consent",
          source: "privacy_centre",
          occurredAt: at,
        }),
      );
    }
    // Their sign-up and consent happened then (the database stamps today otherwise).
    await t.db.subject.update({ where: { id: subject.id }, data: { createdAt: at } });
    await t.db.consentState.updateMany({ where: { subjectId: subject.id }, data: { updatedAt: at } });
    ids[name] = subject.id;
    return subject.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    second = (await createDatabase(t.url)).db;
    const row = await t.db.shop.create({
      data: { domain: `reperm-${dialect}.myshopify.com`, name: "iméra", settings: "{}" },
    });
    shop = { id: row.id, domain: row.domain };
    mailchimp = await startMailchimpSimulator({
      members: [
        {
          email: "bea@example.fr",
          status: "subscribed",
          activity: [{ activity_type: "open", created_at_timestamp: "2025-06-01T08:00:00+00:00" }],
        },
        {
          email: "cleo@example.fr",
          status: "subscribed",
          activity: [
            { activity_type: "open", created_at_timestamp: "2025-06-02T08:00:00+00:00" },
            { activity_type: "click", created_at_timestamp: "2025-06-01T08:05:00+00:00" },
          ],
        },
      ],
    });
    for (const name of ["ana", "bea", "cleo", "dan", "gus", "hal"]) await prospect(name, SIGNED_UP);
    await prospect("eve", SIGNED_UP, false);
    // Their period ends in 60 days: not asked yet.
    await prospect("fay", new Date(SIGNED_UP.getTime() + 60 * DAY));
    // Dan's processing is restricted (GDPR art. 18): only stored.
    const request = await t.db.rightsRequest.create({
      data: {
        shopId: shop.id,
        reference: "R-RESTRICT",
        type: "restriction",
        channel: "staff",
        state: "closed",
        receivedAt: SIGNED_UP,
        identityLevel: "verified",
        subjectId: ids.dan,
      },
    });
    await t.db.restriction.create({
      data: {
        shopId: shop.id,
        subjectId: ids.dan as string,
        requestId: request.id,
        ground: "accuracy_contested",
        grantedAt: SIGNED_UP,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await mailchimp?.stop();
    await second?.$disconnect();
    await t?.drop();
  });

  const engagement = () =>
    createMailchimpEngagement(
      createMailchimpClient({
        credentials: {
          apiKey: mailchimp.apiKey,
          serverPrefix: mailchimp.serverPrefix,
          audienceId: mailchimp.audienceId,
        },
        basePath: mailchimp.basePath,
        log: logger.child("test"),
      }),
    );
  const asks = () =>
    t.db.repermission.findMany({ where: { shopId: shop.id }, orderBy: { subjectId: "asc" } });

  it("asks in batches, once per person and period, even with two workers at once", async () => {
    expect((await repermissionProgress(t.db, shop.id, NOW)).due).toBe(5);
    // Two workers, each on its own connection, take the same first batch of two.
    const [a, b] = await Promise.all([
      askRepermissionBatch({ db: t.db, links: LINKS, engagement: engagement() }, shop.id, undefined, NOW, 2),
      askRepermissionBatch(
        { db: second, links: LINKS, engagement: engagement() },
        shop.id,
        undefined,
        NOW,
        2,
      ),
    ]);
    expect(a.asked + b.asked).toBe(2);
    expect(a.next).not.toBeNull();
    let next = a.next ?? undefined;
    while (next) {
      const outcome = await askRepermissionBatch(
        { db: t.db, links: LINKS, engagement: engagement() },
        shop.id,
        next,
        NOW,
        2,
      );
      next = outcome.next ?? undefined;
    }
    // Again, from the start: nobody is asked twice.
    const again = await askRepermissionBatch(
      { db: t.db, links: LINKS, engagement: engagement() },
      shop.id,
      undefined,
      NOW,
    );
    expect(again.asked).toBe(0);

    const asked = (await asks()).map((row) => row.subjectId).sort();
    // Bea only opened (no contact); Cleo clicked in 2025 (her period moved); Dan is restricted; Eve
    // unsubscribed; Fay's period ends later.
    expect(asked).toEqual([ids.ana, ids.bea, ids.gus, ids.hal].sort());
    for (const row of await asks()) expect(row.periodEndsAt).toEqual(PERIOD_END);
    const cleo = await t.db.subject.findUniqueOrThrow({ where: { id: ids.cleo } });
    expect(cleo.lastEngagedAt).toEqual(new Date("2025-06-01T08:05:00.000Z"));

    const emails = await t.db.outboxEmail.findMany({
      where: { shopId: shop.id, template: "consent.repermission" },
    });
    expect(emails.map((e) => e.to).sort()).toEqual([
      "ana@example.fr",
      "bea@example.fr",
      "gus@example.fr",
      "hal@example.fr",
    ]);
    expect(emails[0]?.text).toContain("/consent/renew/");
    const requested = await t.db.consentEvent.count({
      where: { shopId: shop.id, kind: "repermission_requested" },
    });
    expect(requested).toBe(4);
    const audited = await t.db.auditEvent.count({
      where: { shopId: shop.id, action: "consent.repermission_requested" },
    });
    expect(audited).toBe(4);
    expect(await repermissionProgress(t.db, shop.id, NOW)).toMatchObject({ due: 0, asked: 4, renewed: 0 });
  });

  it("refuses a second row for the same period (unique constraint)", async () => {
    const [first] = await asks();
    if (!first) throw new Error("no ask");
    await expect(
      t.db.repermission.create({
        data: {
          shopId: shop.id,
          subjectId: first.subjectId,
          periodEndsAt: first.periodEndsAt,
          requestEventId: "x",
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("renews on the click, with its proof, in a chain that still verifies; once", async () => {
    const ask = (await asks()).find((row) => row.subjectId === ids.ana);
    if (!ask) throw new Error("no ask for Ana");
    const token = repermissionUrl(LINKS, ask, NOW).split("/").pop() as string;
    const later = new Date(NOW.getTime() + DAY);
    expect(await inspectRenewalLink(t.db, SECRET, token, later)).toMatchObject({
      found: true,
      decision: "renew",
    });
    const renewed = await renewBySignedLink({
      db: t.db,
      secret: SECRET,
      token,
      ip: "203.0.113.77",
      userAgent: "Firefox",
      now: later,
    });
    expect(renewed).toMatchObject({ found: true, decision: "renew" });
    const row = await t.db.repermission.findUniqueOrThrow({ where: { id: ask.id } });
    expect(row.renewedAt).toEqual(later);
    const grant = await t.db.consentEvent.findUniqueOrThrow({ where: { id: row.renewedEventId as string } });
    expect(grant).toMatchObject({
      kind: "granted",
      source: "privacy_centre",
      wordingKey: "shopper.repermission.wording",
      wordingLocale: "fr",
      noticeVersion: "1",
      ipPrefix: "203.0.113.0/24",
      userAgent: "Firefox",
    });
    expect(grant.wording).toContain("iméra");
    expect(await verifyLedger(t.db, shop.id)).toMatchObject({ ok: true });
    expect((await currentConsent(t.db, ids.ana as string)).status).toBe("subscribed");

    const second = await renewBySignedLink({ db: t.db, secret: SECRET, token, now: later });
    expect(second).toMatchObject({ decision: "already_renewed" });
    expect(
      await t.db.consentEvent.count({
        where: { shopId: shop.id, wordingKey: "shopper.repermission.wording" },
      }),
    ).toBe(1);
  });

  it("refuses a forged link, and after the period's end the link has expired", async () => {
    const ask = (await asks()).find((row) => row.subjectId === ids.bea);
    if (!ask) throw new Error("no ask for Bea");
    const token = repermissionUrl(LINKS, ask, NOW).split("/").pop() as string;
    const forged = repermissionUrl({ ...LINKS, secret: randomBytes(32) }, ask, NOW)
      .split("/")
      .pop() as string;
    expect(await renewBySignedLink({ db: t.db, secret: SECRET, token: forged, now: NOW })).toEqual({
      found: false,
    });
    const after = new Date(PERIOD_END.getTime() + 1);
    expect(await renewBySignedLink({ db: t.db, secret: SECRET, token, now: after })).toMatchObject({
      decision: "expired",
    });
    expect((await t.db.repermission.findUniqueOrThrow({ where: { id: ask.id } })).renewedAt).toBeNull();
  });

  it("silence: once the period is over the sweep files the erasure; the renewed and the engaged stay", async () => {
    const after = new Date(PERIOD_END.getTime() + DAY);
    await sweepRetention(t.db, shop, "dpo", after);
    const filed = await t.db.rightsRequest.findMany({
      where: { shopId: shop.id, channel: "retention" },
      select: { subjectId: true },
    });
    const erased = filed.map((r) => r.subjectId).sort();
    // Bea, Gus and Hal stayed silent; Eve (unsubscribed) is past her period too. Ana renewed, Cleo
    // clicked, Dan is restricted, Fay's period runs.
    expect(erased).toEqual([ids.bea, ids.eve, ids.gus, ids.hal].sort());
    expect(await repermissionProgress(t.db, shop.id, after)).toMatchObject({ renewed: 1, ended: 3 });
  });
});
