// The notice round trip's last step (issue 15 item 3): record → notice → published version →
// a consent event that points at the version in force when the shopper acted, read from Vigie's
// own versions (never from the browser), covered by the chain hash, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flattenForForm } from "~/domain/processing/record";
import { appendConsentEvent, verifyLedger } from "~/services/consent-ledger.server";
import { publishNotice } from "~/services/privacy-notice.server";
import { activityForEdit, saveActivity } from "~/services/processing-register.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("the notice in force on each consent, on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  it("stamps shoppers' acts with the version published at that moment, and the chain proves it", async () => {
    const shop = await t.db.shop.create({
      data: {
        domain: `in-force-${dialect}.myshopify.com`,
        name: "iméra",
        settings: JSON.stringify({ dpoEmail: "contact@imera-paris.com" }),
      },
    });
    const subject = await t.db.subject.create({
      data: { shopId: shop.id, email: "ines@example.com" },
    });
    const act = (source: "checkout" | "privacy_centre" | "staff", occurredAt: string) =>
      t.db.$transaction((tx) =>
        appendConsentEvent(tx, {
          shopId: shop.id,
          subject: { id: subject.id, email: "ines@example.com" },
          kind: source === "staff" ? "withdrawn" : "granted",
          lawfulBasis: "consent",
          source,
          occurredAt: new Date(occurredAt),
          ...(source === "staff"
            ? { actor: "dpo-1" }
            : {
                noticeVersion: "checkbox-wording-1",
                wordingKey: "newsletter_checkbox.default",
                wording: "Je souhaite recevoir les actualités d'iméra par e-mail",
                wordingLocale: "fr" as const,
              }),
        }),
      );

    // Before any notice is published, nothing is claimed.
    const before = await act("checkout", "2026-11-30T09:00:00Z");
    expect(before.event.privacyNoticeVersion).toBeUndefined();

    const staff = { type: "staff" as const, id: "dpo-1" };
    await publishNotice(t.db, shop, staff, new Date("2026-12-01T10:00:00Z"));
    const { entry } = await activityForEdit(t.db, shop.id, "marketing", "fr");
    await saveActivity(
      t.db,
      shop,
      "dpo-1",
      "marketing",
      Object.entries({
        ...flattenForForm(entry.content),
        revision: String(entry.revision),
        "retention.1.months": "36",
        "retention.1.clock": "last_contact",
      }),
    );
    expect((await publishNotice(t.db, shop, staff, new Date("2026-12-02T10:00:00Z"))).version).toBe(2);

    // An act recorded late (a retried delivery) gets the version in force when it happened.
    const underV1 = await act("checkout", "2026-12-01T23:59:59Z");
    const underV2 = await act("privacy_centre", "2026-12-02T10:00:01Z");
    const staffAct = await act("staff", "2026-12-02T11:00:00Z");
    expect(underV1.event.privacyNoticeVersion).toBe(1);
    expect(underV2.event.privacyNoticeVersion).toBe(2);
    // Staff acted in the admin, not on a page showing the notice.
    expect(staffAct.event.privacyNoticeVersion).toBeUndefined();

    const stored = await t.db.consentEvent.findMany({
      where: { shopId: shop.id },
      orderBy: { seq: "asc" },
      select: { seq: true, privacyNoticeVersion: true },
    });
    expect(stored.map((row) => row.privacyNoticeVersion)).toEqual([null, 1, 2, null]);
    expect((await verifyLedger(t.db, shop.id)).ok).toBe(true);

    // Claiming a later notice than the one in force breaks the chain at exactly that event.
    await t.db.consentEvent.update({
      where: { shopId_seq: { shopId: shop.id, seq: 2 } },
      data: { privacyNoticeVersion: 2 },
    });
    const broken = await verifyLedger(t.db, shop.id);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.brokenAt.seq).toBe(2);
  });
});
