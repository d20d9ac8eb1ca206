// The checkout extension cannot import app code, so it keeps its own copy of the contract: the
// attribute names it writes on the order, the default wording it shows, and the wording's limit.
// This test reads both sides and fails on any drift, so the ledger never records a text other than
// the one the buyer saw, nor misses a consent written under a renamed key.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/connectors/shopify/api-version";
import { CHECKOUT_ATTRIBUTES } from "~/domain/consent/checkout-attributes";
import { WORDING_LOCALES } from "~/domain/consent/consent-event";
import { DEFAULT_WORDING } from "~/domain/consent/default-wordings";
import {
  CONSENT_KEY,
  NOTICE_VERSION_KEY,
  WORDING_KEY,
  WORDING_KEY_KEY,
  WORDING_LOCALE_KEY,
} from "../../extensions/newsletter-consent/src/consent-attributes";
import {
  DEFAULT_WORDING_KEY,
  WORDING_LOCALES as EXTENSION_WORDING_LOCALES,
} from "../../extensions/newsletter-consent/src/wording";

const locale = (file: string) =>
  JSON.parse(readFileSync(`extensions/newsletter-consent/locales/${file}`, "utf8")) as {
    newsletter_checkbox: { default: string };
  };

describe("the checkout extension's contract with the app", () => {
  it("writes the attributes the app reads, under the same names", () => {
    expect({
      consent: CONSENT_KEY,
      noticeVersion: NOTICE_VERSION_KEY,
      wordingKey: WORDING_KEY_KEY,
      wordingLocale: WORDING_LOCALE_KEY,
      wording: WORDING_KEY,
    }).toEqual(CHECKOUT_ATTRIBUTES);
  });

  it("shows the default wording the app records, in every language it has a locale file for", () => {
    expect(DEFAULT_WORDING_KEY).toBe(DEFAULT_WORDING.key);
    expect(EXTENSION_WORDING_LOCALES).toEqual(WORDING_LOCALES);
    for (const language of WORDING_LOCALES) {
      const file = language === "en" ? "en.default.json" : `${language}.json`;
      // Shopify's extension i18n writes {{shop}}; the app's templates write {shop}.
      expect(locale(file).newsletter_checkbox.default.replace("{{shop}}", "{shop}"), language).toBe(
        DEFAULT_WORDING.templates[language],
      );
    }
  });

  it("subscribes to webhooks on the Admin API version Vigie calls, the newest Shopify's library knows", async () => {
    const toml = readFileSync("shopify.app.toml", "utf8");
    expect(toml).toMatch(new RegExp(`\\[webhooks\\]\\s*\\napi_version = "${ADMIN_API_VERSION}"`));
    const { ApiVersion } = await import("@shopify/shopify-api");
    const stable = Object.values(ApiVersion).filter((version) => /^\d{4}-\d{2}$/.test(version));
    expect(ADMIN_API_VERSION).toBe(stable.sort().at(-1));
  });
});
