import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECKOUT_ATTRIBUTES, parseCheckoutConsent } from "./checkout-attributes";

const WORDING = "Je souhaite recevoir les actualités de Lumière & Fils par e-mail";

/** What the extension writes when the box is ticked, plus a foreign attribute. */
function ticked(overrides: Record<string, unknown> = {}): { name: string; value: unknown }[] {
  const values: Record<string, unknown> = {
    _vigie_consent: "granted",
    _vigie_notice_version: "2022-10-31",
    _vigie_wording_key: "newsletter_checkbox.default",
    _vigie_wording_locale: "fr",
    _vigie_wording: WORDING,
    ...overrides,
  };
  return [
    { name: "gift_note", value: "Joyeux anniversaire" },
    ...Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ({ name, value })),
  ];
}

describe("CHECKOUT_ATTRIBUTES", () => {
  it("keeps the exact names the checkout extension writes", () => {
    expect(CHECKOUT_ATTRIBUTES).toEqual({
      consent: "_vigie_consent",
      noticeVersion: "_vigie_notice_version",
      wordingKey: "_vigie_wording_key",
      wordingLocale: "_vigie_wording_locale",
      wording: "_vigie_wording",
    });
  });
});

describe("parseCheckoutConsent", () => {
  it("returns the proof when the box was ticked", () => {
    expect(parseCheckoutConsent(ticked())).toEqual({
      granted: true,
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wordingLocale: "fr",
      wording: WORDING,
    });
  });

  it("ignores malformed foreign entries around a valid consent", () => {
    const attributes = [null, 42, "x", { name: 5, value: "y" }, { value: "no name" }, ...ticked()];
    expect(parseCheckoutConsent(attributes).granted).toBe(true);
  });

  it("accepts a wording of exactly 500 code points, emoji included", () => {
    expect(parseCheckoutConsent(ticked({ _vigie_wording: "é".repeat(500) })).granted).toBe(true);
    expect(parseCheckoutConsent(ticked({ _vigie_wording: "😀".repeat(500) })).granted).toBe(true);
  });

  it.each<[string, unknown]>([
    ["undefined", undefined],
    ["null", null],
    ["an empty list", []],
    ["only foreign attributes", [{ name: "gift_note", value: "x" }]],
    ["wording fields without the consent key (unticked box)", ticked({ _vigie_consent: undefined })],
  ])("is absent, not a withdrawal, for %s", (_label, attributes) => {
    expect(parseCheckoutConsent(attributes)).toEqual({ granted: false, reason: "absent" });
  });

  it.each<[string, unknown]>([
    ["a string instead of a list", "_vigie_consent=granted"],
    ["an object instead of a list", { _vigie_consent: "granted" }],
    ["a number", 1],
    ["consent 'true'", ticked({ _vigie_consent: "true" })],
    ["consent 'Granted'", ticked({ _vigie_consent: "Granted" })],
    ["consent as boolean", ticked({ _vigie_consent: true })],
    ["consent as null", ticked({ _vigie_consent: null })],
    ["missing wording", ticked({ _vigie_wording: undefined })],
    ["missing notice version", ticked({ _vigie_notice_version: undefined })],
    ["missing wording key", ticked({ _vigie_wording_key: undefined })],
    ["missing locale", ticked({ _vigie_wording_locale: undefined })],
    ["an unsupported locale", ticked({ _vigie_wording_locale: "nl" })],
    ["a wording of 501 code points", ticked({ _vigie_wording: "a".repeat(501) })],
    ["a blank wording", ticked({ _vigie_wording: "   " })],
    ["a wording as a number", ticked({ _vigie_wording: 42 })],
    ["a wording as a list", ticked({ _vigie_wording: [WORDING] })],
    ["a wording with a lone surrogate", ticked({ _vigie_wording: "abc\uD800" })],
    ["a notice version with spaces", ticked({ _vigie_notice_version: "2022 10 31" })],
    ["a wording key with capitals", ticked({ _vigie_wording_key: "Newsletter" })],
    ["the consent key twice", [...ticked(), { name: "_vigie_consent", value: "granted" }]],
    ["the wording twice, different", [...ticked(), { name: "_vigie_wording", value: "Other text" }]],
  ])("is invalid, never granted, for %s", (_label, attributes) => {
    expect(parseCheckoutConsent(attributes)).toEqual({ granted: false, reason: "invalid" });
  });

  it("never throws on arbitrary input, and arbitrary input is never a grant (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.array(fc.record({ name: fc.string(), value: fc.anything() }))),
        (input) => {
          const result = parseCheckoutConsent(input);
          expect(result.granted).toBe(false);
        },
      ),
    );
  });

  it("grants only when every value is a valid string and consent is exactly 'granted' (property)", () => {
    const keys = fc.constantFrom(...Object.values(CHECKOUT_ATTRIBUTES));
    const value = fc.oneof(
      fc.constantFrom("granted", "fr", "en", "x.y", "2022-10-31"),
      fc.string(),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.dictionary(keys, value), (overrides) => {
        const attributes = ticked(overrides);
        const sent = new Map(attributes.map((attribute) => [attribute.name, attribute.value]));
        const result = parseCheckoutConsent(attributes);
        if (!result.granted) return;
        expect(sent.get("_vigie_consent")).toBe("granted");
        expect(result).toEqual({
          granted: true,
          noticeVersion: sent.get("_vigie_notice_version"),
          wordingKey: sent.get("_vigie_wording_key"),
          wordingLocale: sent.get("_vigie_wording_locale"),
          wording: sent.get("_vigie_wording"),
        });
        expect(["fr", "en"]).toContain(result.wordingLocale);
      }),
    );
  });
});
