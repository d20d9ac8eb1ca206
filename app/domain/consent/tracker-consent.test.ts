import { describe, expect, it } from "vitest";
import { buildEvent } from "./build-event";
import { GENESIS_HASH } from "./ledger-hash";
import {
  applyGlobalPrivacyControl,
  askAgainFrom,
  type BannerTexts,
  bannerVersion,
  bannerVersions,
  mustAskAgain,
  purposeWording,
  TrackerChoiceSchema,
} from "./tracker-consent";
import { verifyChain } from "./verify-chain";

/** One language's texts ("en" reads as the English ones, "de" as the German ones, and so on). */
const texts = (processor: string, language = "en"): BannerTexts => ({
  title: `Cookies (${language})`,
  intro: `Intro (${language})`,
  acceptAll: "Accept all",
  refuseAll: "Refuse all",
  choose: "Choose",
  save: "Save",
  close: "Close",
  noticeLink: "Notice",
  cookiesLink: "Cookies",
  gpcNote: "GPC",
  noProcessor: "none named",
  processorsLang: "en",
  purposes: [
    { key: "analytics", title: "Audience", description: "Counting visits", processors: [processor] },
    { key: "marketing", title: "Ads", description: "Ads", processors: [] },
    { key: "preferences", title: "Prefs", description: "Prefs", processors: [] },
    { key: "sale_of_data", title: "Sale", description: "Sale", processors: [] },
  ],
});

describe("asking again (CNIL recommendation 2020-092 §3: a choice is kept 6 months)", () => {
  const decidedAt = new Date("2026-01-15T10:00:00.000Z");
  const version = bannerVersion(texts("Shopify"));

  it("keeps a choice for 6 calendar months, then asks again", () => {
    expect(askAgainFrom(decidedAt).toISOString()).toBe("2026-07-15T10:00:00.000Z");
    const stored = { version, decidedAt };
    const just = new Date("2026-07-15T09:59:59.999Z");
    expect(mustAskAgain({ stored, currentVersion: version, now: just })).toEqual({ ask: false });
    expect(
      mustAskAgain({ stored, currentVersion: version, now: new Date("2026-07-15T10:00:00.000Z") }),
    ).toEqual({
      ask: true,
      reason: "expired",
    });
  });

  it("ends a month-end choice on the last day of a shorter month", () => {
    expect(askAgainFrom(new Date("2025-08-31T12:00:00.000Z")).toISOString()).toBe("2026-02-28T12:00:00.000Z");
  });

  it("asks again when the purposes or processors changed (GDPR art. 4(11): specific, informed), unless the shop said not to", () => {
    const stored = { version, decidedAt };
    const changed = bannerVersion(texts("Shopify, Meta"));
    expect(changed).not.toBe(version);
    const now = new Date("2026-02-01T00:00:00.000Z");
    expect(mustAskAgain({ stored, currentVersion: changed, now })).toEqual({
      ask: true,
      reason: "purposes_changed",
    });
    expect(mustAskAgain({ stored, currentVersion: changed, now, askAgainOnChange: false })).toEqual({
      ask: false,
    });
  });

  it("leaves a first visit to Shopify's shouldShowBanner() and distrusts a choice dated in the future", () => {
    const now = new Date("2026-02-01T00:00:00.000Z");
    expect(mustAskAgain({ stored: null, currentVersion: version, now })).toEqual({ ask: false });
    expect(
      mustAskAgain({
        stored: { version, decidedAt: new Date("2026-03-01T00:00:00.000Z") },
        currentVersion: version,
        now,
      }),
    ).toEqual({ ask: true, reason: "future" });
  });

  it("versions one language's texts: the same texts hash alike, any edit differs", () => {
    expect(bannerVersion(texts("Shopify"))).toBe(version);
    expect(version).toMatch(/^b2-[0-9a-f]{16}$/);
    expect(bannerVersion({ ...texts("Shopify"), intro: "Intro." })).not.toBe(version);
  });
});

describe("a version per language (docs/decisions/082: consent is to the text read in one's language)", () => {
  const shown = (processor: string, languages: string[]) =>
    Object.fromEntries(languages.map((language) => [language, texts(processor, language)]));
  const before = bannerVersions(shown("Shopify", ["fr", "en"]));

  it("gives each language its own version", () => {
    expect(Object.keys(before)).toEqual(["fr", "en"]);
    expect(before.fr).not.toBe(before.en);
    expect(before.fr).toBe(bannerVersion(texts("Shopify", "fr")));
  });

  it("leaves French and English as they were when a language is added", () => {
    const more = bannerVersions(shown("Shopify", ["fr", "en", "de", "es", "it"]));
    expect(more.fr).toBe(before.fr);
    expect(more.en).toBe(before.en);
    expect(new Set(Object.values(more)).size).toBe(5);
  });

  it("changes every language's version when a processor changes (CNIL 2020-091: purposes changed, ask again)", () => {
    const languages = ["fr", "en", "de", "es", "it"];
    const old = bannerVersions(shown("Shopify", languages));
    const changed = bannerVersions(shown("Shopify ; Meta", languages));
    for (const language of languages) expect(changed[language]).not.toBe(old[language]);
  });

  it("changes only English's version when the English text is edited", () => {
    const languages = ["fr", "en", "de", "es", "it"];
    const old = bannerVersions(shown("Shopify", languages));
    const edited = bannerVersions({
      ...shown("Shopify", languages),
      en: { ...texts("Shopify", "en"), acceptAll: "Accept everything" },
    });
    expect(edited.en).not.toBe(old.en);
    expect({ ...edited, en: null }).toEqual({ ...old, en: null });
  });
});

describe("a choice as the banner sends it (LIL art. 82; CNIL 2020-092: refusing as easy as accepting)", () => {
  const base = {
    visitorId: "3b1f6f0e-8a6c-4c5e-9f1e-2b7d9c0a1e42",
    version: "b1-0123456789abcdef",
    locale: "fr",
    region: "FR",
    gpc: false,
  } as const;
  const all = (value: boolean) => ({
    analytics: value,
    marketing: value,
    preferences: value,
    sale_of_data: value,
  });

  it("accepts refuse all, accept all and a custom choice", () => {
    expect(
      TrackerChoiceSchema.safeParse({ ...base, action: "refuse_all", consent: all(false) }).success,
    ).toBe(true);
    expect(TrackerChoiceSchema.safeParse({ ...base, action: "accept_all", consent: all(true) }).success).toBe(
      true,
    );
    const custom = { ...all(false), analytics: true };
    expect(TrackerChoiceSchema.safeParse({ ...base, action: "custom", consent: custom }).success).toBe(true);
  });

  it("refuses a refuse all that grants something, an accept all that does not, unknown fields and a non-random id", () => {
    expect(
      TrackerChoiceSchema.safeParse({
        ...base,
        action: "refuse_all",
        consent: { ...all(false), analytics: true },
      }).success,
    ).toBe(false);
    expect(
      TrackerChoiceSchema.safeParse({
        ...base,
        action: "accept_all",
        consent: { ...all(true), preferences: false },
      }).success,
    ).toBe(false);
    expect(
      TrackerChoiceSchema.safeParse({ ...base, action: "custom", consent: all(false), email: "a@b.fr" })
        .success,
    ).toBe(false);
    expect(
      TrackerChoiceSchema.safeParse({
        ...base,
        visitorId: "camille@example.fr",
        action: "custom",
        consent: all(false),
      }).success,
    ).toBe(false);
  });

  it("with Global Privacy Control (11 CCR §7025), marketing and sale of data stay refused", () => {
    expect(applyGlobalPrivacyControl(all(true), true)).toEqual({
      ...all(true),
      marketing: false,
      sale_of_data: false,
    });
    expect(applyGlobalPrivacyControl(all(true), false)).toEqual(all(true));
    const gpc = { ...base, gpc: true };
    expect(TrackerChoiceSchema.safeParse({ ...gpc, action: "accept_all", consent: all(true) }).success).toBe(
      false,
    );
    const accepted = { ...all(true), marketing: false, sale_of_data: false };
    expect(TrackerChoiceSchema.safeParse({ ...gpc, action: "accept_all", consent: accepted }).success).toBe(
      true,
    );
  });
});

describe("tracker choices in the ledger (its own kind of consent, per purpose)", () => {
  const event = (kind: "granted" | "refused", extra: Record<string, unknown> = {}) => ({
    id: `e-${kind}`,
    shopId: "shop-1",
    kind,
    purpose: "tracking_analytics",
    lawfulBasis: "consent",
    source: "banner",
    noticeVersion: "b1-0123456789abcdef",
    wordingKey: "banner.custom",
    wording: purposeWording(texts("Shopify"), "analytics"),
    wordingLocale: "en",
    region: "FR",
    gpc: false,
    occurredAt: "2026-02-01T10:00:00.000Z",
    recordedAt: "2026-02-01T10:00:00.000Z",
    personal: { visitorId: "3b1f6f0e-8a6c-4c5e-9f1e-2b7d9c0a1e42", ipPrefix: "203.0.113.0/24" },
    ...extra,
  });
  const salt = "a".repeat(64);

  it("chains a refusal and a grant with region and GPC under the hash, and the chain verifies", () => {
    const first = buildEvent(event("refused") as never, GENESIS_HASH, 1, salt);
    const second = buildEvent(event("granted", { id: "e-2" }) as never, first.hash, 2, salt);
    expect(verifyChain([first, second]).ok).toBe(true);
    expect(first.wording).toContain("Audience — Counting visits (Shopify)");
    // The region is chained: changing it breaks the chain.
    expect(verifyChain([{ ...first, region: "US" }, second]).ok).toBe(false);
  });

  it("refuses a tracker choice naming an e-mail, without a visitor, or from another source", () => {
    const withEmail = event("granted", { personal: { visitorId: "v", email: "a@b.fr" } });
    expect(() => buildEvent(withEmail as never, GENESIS_HASH, 1, salt)).toThrow(/email/);
    expect(() => buildEvent(event("granted", { personal: {} }) as never, GENESIS_HASH, 1, salt)).toThrow(
      /visitor/,
    );
    expect(() =>
      buildEvent(event("granted", { source: "checkout" }) as never, GENESIS_HASH, 1, salt),
    ).toThrow(/banner/);
    expect(() =>
      buildEvent(
        event("refused", { purpose: "newsletter", personal: { subjectId: "s", email: "a@b.fr" } }) as never,
        GENESIS_HASH,
        1,
        salt,
      ),
    ).toThrow();
  });
});
