// The consent ledger on real databases: chained appends, derived state, verification, tampering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendConsentEvent,
  currentConsent,
  type RecordConsentInput,
  verifyLedger,
} from "~/services/consent-ledger.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("consent ledger on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function shopWithSubjects(count = 1) {
    const shop = await t.db.shop.create({ data: { domain: `ledger-${dialect}-${++n}.myshopify.com` } });
    const subjects = [];
    for (let i = 0; i < count; i++) {
      subjects.push(
        await t.db.subject.create({
          data: { shopId: shop.id, email: `s${i}@example.com`, shopifyCustomerId: `${900 + i}` },
        }),
      );
    }
    return { shop, subjects };
  }

  const grant = (
    shopId: string,
    subject: { id: string; email: string | null },
    at: string,
  ): RecordConsentInput => ({
    shopId,
    subject: { id: subject.id, email: subject.email as string },
    kind: "granted",
    lawfulBasis: "consent",
    source: "checkout",
    occurredAt: new Date(at),
    noticeVersion: "2022-10-31",
    wordingKey: "newsletter_checkbox.default",
    wording: "Je souhaite recevoir les actualités de iméra par e-mail",
    wordingLocale: "fr",
    orderId: "820982911946154",
    ipPrefix: "203.0.113.0/24",
    userAgent: "Mozilla/5.0",
  });
  const withdraw = (
    shopId: string,
    subject: { id: string; email: string | null },
    at: string,
  ): RecordConsentInput => ({
    shopId,
    subject: { id: subject.id, email: subject.email as string },
    kind: "withdrawn",
    lawfulBasis: "consent",
    source: "privacy_centre",
    occurredAt: new Date(at),
  });

  it("chains a shop's events 1, 2, 3 and keeps the subject's derived state", async () => {
    const { shop, subjects } = await shopWithSubjects(2);
    const [a, b] = subjects as [(typeof subjects)[0], (typeof subjects)[0]];
    await t.db.$transaction((tx) => appendConsentEvent(tx, grant(shop.id, a, "2026-11-01T10:00:00Z")));
    await t.db.$transaction((tx) => appendConsentEvent(tx, grant(shop.id, b, "2026-11-02T10:00:00Z")));
    const { state } = await t.db.$transaction((tx) =>
      appendConsentEvent(tx, withdraw(shop.id, a, "2026-11-03T10:00:00Z")),
    );
    expect(state.status).toBe("unsubscribed");
    const rows = await t.db.consentEvent.findMany({ where: { shopId: shop.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
    expect(await currentConsent(t.db, a.id)).toMatchObject({ status: "unsubscribed" });
    expect(await currentConsent(t.db, b.id)).toMatchObject({ status: "subscribed", lawfulBasis: "consent" });
    expect(await verifyLedger(t.db, shop.id)).toEqual({ ok: true, count: 3, headSeq: 3 });
  });

  it("serialises concurrent appends of one shop without gaps", async () => {
    const { shop, subjects } = await shopWithSubjects(10);
    await Promise.all(
      subjects.map((s, i) =>
        t.db.$transaction((tx) =>
          appendConsentEvent(tx, grant(shop.id, s, `2026-11-0${(i % 9) + 1}T10:00:00Z`)),
        ),
      ),
    );
    const seqs = (
      await t.db.consentEvent.findMany({ where: { shopId: shop.id }, select: { seq: true } })
    ).map((r) => r.seq);
    expect(seqs.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await verifyLedger(t.db, shop.id)).ok).toBe(true);
  });

  it("keeps each shop's chain apart", async () => {
    const one = await shopWithSubjects();
    const two = await shopWithSubjects();
    await t.db.$transaction((tx) =>
      appendConsentEvent(tx, grant(one.shop.id, one.subjects[0] as never, "2026-11-01T10:00:00Z")),
    );
    await t.db.$transaction((tx) =>
      appendConsentEvent(tx, grant(two.shop.id, two.subjects[0] as never, "2026-11-01T10:00:00Z")),
    );
    const first = await t.db.consentEvent.findFirstOrThrow({ where: { shopId: two.shop.id } });
    expect(first.seq).toBe(1);
  });

  it.each([
    ["the wording shown", { wording: "Je souhaite tout recevoir" }, "hash_mismatch"],
    ["the time of the act", { occurredAt: new Date("2020-01-01T00:00:00Z") }, "hash_mismatch"],
    ["the e-mail", { email: "someone-else@example.com" }, "commitment_mismatch"],
    ["the e-mail, nulled", { email: null }, "commitment_mismatch"],
    ["the pseudonymised flag, to hide personal data", { pseudonymised: true }, "commitment_mismatch"],
  ])("reports a change to %s at exactly that event", async (_what, change, reason) => {
    const { shop, subjects } = await shopWithSubjects(3);
    for (const [i, s] of subjects.entries()) {
      await t.db.$transaction((tx) =>
        appendConsentEvent(tx, grant(shop.id, s, `2026-11-0${i + 1}T10:00:00Z`)),
      );
    }
    await t.db.consentEvent.update({ where: { shopId_seq: { shopId: shop.id, seq: 2 } }, data: change });
    const result = await verifyLedger(t.db, shop.id);
    expect(result).toMatchObject({ ok: false, count: 1, brokenAt: { seq: 2, reason } });
    const head = await t.db.consentLedgerHead.findUniqueOrThrow({ where: { shopId: shop.id } });
    expect(JSON.parse(head.lastVerification ?? "{}")).toMatchObject({ ok: false });
  });

  it("reports a deleted middle event as a gap and a dropped newest event against the head", async () => {
    const { shop, subjects } = await shopWithSubjects(3);
    for (const [i, s] of subjects.entries()) {
      await t.db.$transaction((tx) =>
        appendConsentEvent(tx, grant(shop.id, s, `2026-11-0${i + 1}T10:00:00Z`)),
      );
    }
    await t.db.consentEvent.delete({ where: { shopId_seq: { shopId: shop.id, seq: 3 } } });
    expect(await verifyLedger(t.db, shop.id)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: "missing_after_last" },
    });
    await t.db.consentEvent.delete({ where: { shopId_seq: { shopId: shop.id, seq: 1 } } });
    expect(await verifyLedger(t.db, shop.id)).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: "seq_gap" },
    });
  });

  it("a grant recorded late does not undo a later withdrawal", async () => {
    const { shop, subjects } = await shopWithSubjects();
    const s = subjects[0] as (typeof subjects)[0];
    await t.db.$transaction((tx) => appendConsentEvent(tx, withdraw(shop.id, s, "2026-11-10T10:00:00Z")));
    const { state } = await t.db.$transaction((tx) =>
      appendConsentEvent(tx, grant(shop.id, s, "2026-11-05T10:00:00Z")),
    );
    expect(state.status).toBe("unsubscribed");
  });
});
