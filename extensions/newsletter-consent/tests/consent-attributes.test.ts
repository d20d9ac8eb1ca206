import { describe, expect, test } from "vitest";
import {
  CONSENT_ATTRIBUTE_KEYS,
  clearChanges,
  grantChanges,
  hasConsentAttributes,
  hasGrantMarker,
  isGrantRecorded,
} from "../src/consent-attributes";
import type { ConsentRecord } from "../src/wording";

const record: ConsentRecord = {
  noticeVersion: "2022-10-31",
  wordingKey: "newsletter_checkbox.default",
  wordingLocale: "fr",
  wording: "Je souhaite recevoir les actualités de Ma Boutique par e-mail",
};

const recorded = () =>
  grantChanges(record).map((change) => ({
    key: change.key,
    value: change.type === "updateAttribute" ? change.value : "",
  }));

describe("consent attributes contract", () => {
  test("the five keys are exactly the contract", () => {
    expect(CONSENT_ATTRIBUTE_KEYS).toEqual([
      "_vigie_consent",
      "_vigie_notice_version",
      "_vigie_wording_key",
      "_vigie_wording_locale",
      "_vigie_wording",
    ]);
  });

  test("a grant writes the record's values, the consent marker last", () => {
    expect(grantChanges(record)).toEqual([
      { type: "updateAttribute", key: "_vigie_notice_version", value: "2022-10-31" },
      { type: "updateAttribute", key: "_vigie_wording_key", value: "newsletter_checkbox.default" },
      { type: "updateAttribute", key: "_vigie_wording_locale", value: "fr" },
      { type: "updateAttribute", key: "_vigie_wording", value: record.wording },
      { type: "updateAttribute", key: "_vigie_consent", value: "granted" },
    ]);
  });

  test("clearing removes all five, the consent marker first", () => {
    expect(clearChanges()).toEqual(CONSENT_ATTRIBUTE_KEYS.map((key) => ({ type: "removeAttribute", key })));
    expect(clearChanges()[0]).toEqual({ type: "removeAttribute", key: "_vigie_consent" });
  });

  test("isGrantRecorded needs all five attributes with this record's values", () => {
    const others = [{ key: "gift_wrap", value: "yes" }];
    expect(isGrantRecorded([...others, ...recorded()], record)).toBe(true);
    expect(isGrantRecorded(recorded().slice(0, 4), record)).toBe(false);
    expect(isGrantRecorded(recorded(), { ...record, wording: "Autre texte" })).toBe(false);
    expect(isGrantRecorded(recorded(), { ...record, noticeVersion: "2026-01-01" })).toBe(false);
    expect(isGrantRecorded([], record)).toBe(false);
  });

  test("hasConsentAttributes / hasGrantMarker", () => {
    expect(hasConsentAttributes([{ key: "_vigie_wording", value: "x" }])).toBe(true);
    expect(hasConsentAttributes([{ key: "gift_wrap", value: "yes" }])).toBe(false);
    expect(hasGrantMarker([{ key: "_vigie_consent", value: "granted" }])).toBe(true);
    expect(hasGrantMarker([{ key: "_vigie_consent", value: "no" }])).toBe(false);
    expect(hasGrantMarker([{ key: "_vigie_wording", value: "granted" }])).toBe(false);
  });
});
