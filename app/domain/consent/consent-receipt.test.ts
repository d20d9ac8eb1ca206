import { describe, expect, it } from "vitest";
import { buildEvent, pseudonymise } from "./build-event";
import type { ConsentEvent, ConsentEventInput, ConsentPurpose } from "./consent-event";
import { buildConsentReceipt, type ConsentReceipt, checkReceipt, RECEIPT_STANDARD } from "./consent-receipt";
import { GENESIS_HASH } from "./ledger-hash";

const SALT = "a".repeat(64);
const texts = Object.fromEntries(
  [
    "newsletter",
    "tracking_analytics",
    "tracking_marketing",
    "tracking_preferences",
    "tracking_sale_of_data",
  ].map((p) => [p, { title: `title ${p}`, description: `about ${p}` }]),
) as Record<ConsentPurpose, { title: string; description: string }>;

function chain(inputs: Omit<ConsentEventInput, "id" | "shopId" | "recordedAt">[]): ConsentEvent[] {
  let prev = GENESIS_HASH;
  return inputs.map((input, index) => {
    const event = buildEvent(
      { id: `e${index + 1}`, shopId: "shop-1", recordedAt: input.occurredAt, ...input } as ConsentEventInput,
      prev,
      index + 1,
      SALT,
    );
    prev = event.hash;
    return event;
  });
}

const newsletterGrant = {
  kind: "granted" as const,
  purpose: "newsletter" as const,
  lawfulBasis: "consent" as const,
  source: "checkout" as const,
  noticeVersion: "checkbox-1",
  wording: "Je souhaite recevoir les actualités",
  wordingLocale: "fr" as const,
  occurredAt: "2026-10-01T10:00:00.000Z",
  personal: { subjectId: "s1", email: "ines@example.com", shopifyCustomerId: "7001" },
};
const tracker = (kind: "granted" | "refused", purpose: ConsentPurpose, occurredAt: string) => ({
  kind,
  purpose,
  lawfulBasis: "consent" as const,
  source: "banner" as const,
  noticeVersion: "b1-0123456789abcdef",
  wordingKey: "banner.custom",
  wording: `text of ${purpose}`,
  wordingLocale: "en" as const,
  region: "FR",
  gpc: false,
  occurredAt,
  personal: { visitorId: "v-1", shopifyCustomerId: "7001" },
});

function sample() {
  const events = chain([
    newsletterGrant,
    tracker("granted", "tracking_analytics", "2026-10-02T10:00:00.000Z"),
    tracker("granted", "tracking_marketing", "2026-10-02T10:00:00.000Z"),
    {
      kind: "withdrawn",
      purpose: "newsletter",
      lawfulBasis: "consent",
      source: "privacy_centre",
      occurredAt: "2026-11-01T10:00:00.000Z",
      personal: { subjectId: "s1", email: "ines@example.com" },
    },
    tracker("refused", "tracking_marketing", "2026-11-02T10:00:00.000Z"),
  ]);
  const receipt = buildConsentReceipt({
    shop: { id: "shop-1", name: "iméra", domain: "imera-paris.myshopify.com", contact: "dpo@imera.fr" },
    shopifyCustomerId: "7001",
    events: [...events].reverse(),
    head: { seq: 5, hash: events[4]?.hash as string, lastVerifiedAt: null, lastVerificationOk: null },
    issuedAt: new Date("2026-12-03T12:00:00Z"),
    language: "en",
    purposeTexts: texts,
  });
  return { events, receipt };
}

describe("the shopper's consent receipt (ISO/IEC TS 27560 fields)", () => {
  it("gives one record per purpose with its state, basis, collection, and the event history in order", () => {
    const { receipt } = sample();
    expect(receipt.standard).toBe(RECEIPT_STANDARD);
    expect(receipt.controller).toEqual({
      name: "iméra",
      domain: "imera-paris.myshopify.com",
      contact: "dpo@imera.fr",
    });
    expect(receipt.principal).toEqual({ shopifyCustomerId: "7001" });
    expect(receipt.records.map((r) => [r.purpose.id, r.state])).toEqual([
      ["newsletter", "withdrawn"],
      ["tracking_analytics", "given"],
      ["tracking_marketing", "refused"],
    ]);
    const newsletter = receipt.records[0];
    expect(newsletter?.since).toBe("2026-11-01T10:00:00.000Z");
    expect(newsletter?.legalBasis).toEqual({ id: "consent", citation: "GDPR art. 6(1)(a)" });
    // The terms in force are those of the act that showed words, not the withdrawal's.
    expect(newsletter?.collection).toMatchObject({
      method: "checkout",
      wording: "Je souhaite recevoir les actualités",
    });
    expect(newsletter?.notice.version).toBe("checkbox-1");
    expect(newsletter?.dataCategories).toEqual(["EmailAddress"]);
    expect(newsletter?.events.map((e) => e.type)).toEqual(["granted", "withdrawn"]);
    const marketing = receipt.records[2];
    expect(marketing?.events.map((e) => [e.seq, e.type])).toEqual([
      [3, "granted"],
      [5, "refused"],
    ]);
    expect(marketing?.collection).toMatchObject({
      method: "banner",
      region: "FR",
      globalPrivacyControl: false,
    });
    expect(marketing?.processing).toContain("Share");
    expect(receipt.ledger.head).toEqual({ seq: 5, hash: sample().events[4]?.hash });
    // Stable per shopper and purpose, different across purposes.
    expect(marketing?.recordId).toBe(sample().receipt.records[2]?.recordId);
    expect(new Set(receipt.records.map((r) => r.recordId)).size).toBe(3);
  });

  it("never puts a personal field in the receipt's entries, only the commitment", () => {
    const text = JSON.stringify(sample().receipt);
    expect(text).not.toContain("ines@example.com");
    expect(text).not.toContain("v-1");
    expect(text).not.toContain(SALT);
  });

  it("checks out on its own and against the chain, even after a JSON round trip", () => {
    const { events, receipt } = sample();
    const copy = JSON.parse(JSON.stringify(receipt)) as ConsentReceipt;
    const held = new Map(events.map((e) => [e.seq, e.hash]));
    expect(checkReceipt(copy)).toEqual({ ok: true, events: 5 });
    expect(checkReceipt(copy, held)).toEqual({ ok: true, events: 5 });
  });

  it("fails when an entry was changed, or the chain holds something else at its place", () => {
    const { events, receipt } = sample();
    const edited = JSON.parse(JSON.stringify(receipt)) as ConsentReceipt;
    const marketing = edited.records[2]?.events[1];
    if (!marketing) throw new Error("no event");
    marketing.entry.kind = "granted";
    expect(checkReceipt(edited)).toEqual({ ok: false, eventId: "e5", reason: "hash_mismatch" });

    const held = new Map(events.map((e) => [e.seq, e.hash]));
    held.set(2, "f".repeat(64));
    expect(checkReceipt(receipt, held)).toEqual({ ok: false, eventId: "e2", reason: "ledger_differs" });
    held.delete(2);
    expect(checkReceipt(receipt, held)).toEqual({ ok: false, eventId: "e2", reason: "not_in_ledger" });

    const past = JSON.parse(JSON.stringify(receipt)) as ConsentReceipt;
    past.ledger.head.seq = 4;
    expect(checkReceipt(past)).toMatchObject({ ok: false, reason: "after_head" });
  });

  it("leaves out pseudonymised events and says none when nothing is left", () => {
    const { events } = sample();
    const receipt = buildConsentReceipt({
      shop: { id: "shop-1", name: "iméra", domain: "imera-paris.myshopify.com", contact: null },
      shopifyCustomerId: "7001",
      events: events.map((event) => pseudonymise(event)),
      head: { seq: 5, hash: "0".repeat(64), lastVerifiedAt: null, lastVerificationOk: null },
      issuedAt: new Date("2026-12-03T12:00:00Z"),
      language: "fr",
      purposeTexts: texts,
    });
    expect(receipt.records).toEqual([]);
  });
});
