// The shopper's consent receipt (issue 14 item 2, ISO/IEC TS 27560 fields) on SQLite and PostgreSQL:
// gathered from the ledger for the signed-in customer only, checked against the chain as an authority
// would, and broken by a changed event, whether the chain was left as is or rebuilt around the edit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainHashFor, GENESIS_HASH, SHOPIFY_TRACKING_KEYS, trackerPurposeOf } from "~/domain/consent";
import { appendConsentEvent, insertEvents, rowToEvent } from "~/services/consent-ledger.server";
import {
  checkReceiptAgainstLedger,
  shopperConsentReceipt,
} from "~/services/privacy-centre/consent-receipt.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("the shopper's consent receipt, on %s", (dialect) => {
  let t: TestDatabase;
  let shopId: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const shop = await t.db.shop.create({
      data: {
        domain: `receipt-${dialect}.myshopify.com`,
        name: "iméra",
        settings: JSON.stringify({ dpoEmail: "dpo@imera-paris.com" }),
      },
    });
    shopId = shop.id;
    const subject = await t.db.subject.create({
      data: { shopId, email: "ines@example.com", shopifyCustomerId: "7001" },
    });
    const other = await t.db.subject.create({
      data: { shopId, email: "paul@example.com", shopifyCustomerId: "7002" },
    });
    const grant = (who: { id: string; email: string }, occurredAt: string) =>
      t.db.$transaction((tx) =>
        appendConsentEvent(tx, {
          shopId,
          subject: who,
          kind: "granted",
          lawfulBasis: "consent",
          source: "checkout",
          occurredAt: new Date(occurredAt),
          noticeVersion: "checkbox-1",
          wordingKey: "newsletter_checkbox.default",
          wording: "Je souhaite recevoir les actualités d'iméra par e-mail",
          wordingLocale: "fr",
        }),
      );
    const choice = (customer: string | undefined, granted: boolean, occurredAt: string) =>
      t.db.$transaction((tx) =>
        insertEvents(
          tx,
          SHOPIFY_TRACKING_KEYS.map((key) => ({
            id: randomUUID(),
            shopId,
            kind: granted ? ("granted" as const) : ("refused" as const),
            purpose: trackerPurposeOf(key),
            lawfulBasis: "consent" as const,
            source: "banner" as const,
            noticeVersion: "b1-0123456789abcdef",
            wordingKey: granted ? "banner.accept_all" : "banner.refuse_all",
            wording: `Texte de ${key}`,
            wordingLocale: "fr" as const,
            region: "FR",
            gpc: false,
            occurredAt,
            recordedAt: occurredAt,
            personal: { visitorId: randomUUID(), shopifyCustomerId: customer },
          })),
          shopId,
        ),
      );
    await grant({ id: subject.id, email: "ines@example.com" }, "2026-10-01T09:00:00Z");
    await grant({ id: other.id, email: "paul@example.com" }, "2026-10-01T09:05:00Z");
    await choice("7001", true, "2026-10-02T09:00:00.000Z");
    await choice(undefined, true, "2026-10-02T10:00:00.000Z");
    await choice("7002", true, "2026-10-03T09:00:00.000Z");
    await choice("7001", false, "2026-11-02T09:00:00.000Z");
  });
  afterAll(() => t.drop());

  it("holds the signed-in customer's own records only, and checks out against the chain", async () => {
    const receipt = await shopperConsentReceipt(t.db, shopId, "7001", "fr", new Date("2026-12-03T12:00:00Z"));
    expect(receipt.controller).toEqual({
      name: "iméra",
      domain: `receipt-${dialect}.myshopify.com`,
      contact: "dpo@imera-paris.com",
    });
    expect(receipt.records.map((r) => [r.purpose.id, r.state, r.events.length])).toEqual([
      ["newsletter", "given", 1],
      ["tracking_analytics", "refused", 2],
      ["tracking_marketing", "refused", 2],
      ["tracking_preferences", "refused", 2],
      ["tracking_sale_of_data", "refused", 2],
    ]);
    expect(receipt.records[0]?.purpose.title).toBe("Lettre d'information");
    const head = await t.db.consentLedgerHead.findUniqueOrThrow({ where: { shopId } });
    expect(receipt.ledger.head).toEqual({ seq: head.seq, hash: head.hash });
    expect(JSON.stringify(receipt)).not.toContain("paul@example.com");
    expect(JSON.stringify(receipt)).not.toContain("ines@example.com");
    expect(await checkReceiptAgainstLedger(t.db, shopId, receipt)).toEqual({ ok: true, events: 9 });
  });

  it("is broken by a changed event, even when the chain is rebuilt around the change", async () => {
    const receipt = await shopperConsentReceipt(t.db, shopId, "7001", "en");
    const target = receipt.records[2]?.events[1];
    if (!target) throw new Error("no marketing refusal");
    // Someone turns the refusal into a consent in the table.
    await t.db.consentEvent.update({ where: { id: target.id }, data: { kind: "granted" } });
    expect(await checkReceiptAgainstLedger(t.db, shopId, receipt)).toMatchObject({
      ok: false,
      reason: "ledger_broken",
      seq: target.seq,
    });

    // A careful forger rehashes every event from there and moves the head: the chain verifies
    // again, but the receipt the shopper holds no longer matches it.
    const rows = await t.db.consentEvent.findMany({ where: { shopId }, orderBy: { seq: "asc" } });
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const event = { ...rowToEvent(row), prevHash: prev };
      const hash = chainHashFor(event);
      if (hash !== row.hash || prev !== row.prevHash)
        await t.db.consentEvent.update({ where: { id: row.id }, data: { prevHash: prev, hash } });
      prev = hash;
    }
    await t.db.consentLedgerHead.update({ where: { shopId }, data: { hash: prev } });
    expect(await checkReceiptAgainstLedger(t.db, shopId, receipt)).toEqual({
      ok: false,
      eventId: target.id,
      reason: "ledger_differs",
    });
    // A receipt issued now would show the forged consent, under a different head.
    const later = await shopperConsentReceipt(t.db, shopId, "7001", "en");
    expect(later.records[2]?.state).toBe("given");
    expect(later.ledger.head.hash).not.toBe(receipt.ledger.head.hash);
  });
});
