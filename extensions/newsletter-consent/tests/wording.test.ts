import { describe, expect, test } from "vitest";
import { resolveWording, type WordingSource, wordingLocale } from "../src/wording";
import { keyPaths, translator } from "./helpers";

function source(isoCode: string, settings: WordingSource["settings"]["value"] = {}): WordingSource {
  const locale = wordingLocale(isoCode);
  return {
    settings: { value: settings },
    localization: { extensionLanguage: { value: { isoCode } } },
    shop: { name: "Ma Boutique", storefrontUrl: "https://ma-boutique.fr/" },
    i18n: { translate: translator(locale) },
  };
}

describe("wording", () => {
  test("buyer language → wording locale", () => {
    expect(["fr", "fr-CA", "FR-be"].map(wordingLocale)).toEqual(["fr", "fr", "fr"]);
    expect(["en", "en-GB", "nl", "fri"].map(wordingLocale)).toEqual(["en", "en", "en", "en"]);
    expect(["de-AT", "es", "it-CH"].map(wordingLocale)).toEqual(["de", "es", "it"]);
  });

  test("defaults: the shop's French and English wording, notice 2022-10-31, store privacy policy", () => {
    expect(resolveWording(source("fr"))).toEqual({
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wordingLocale: "fr",
      wording: "Je souhaite recevoir les actualités de Ma Boutique par e-mail",
      privacyUrl: "https://ma-boutique.fr/policies/privacy-policy",
    });
    expect(resolveWording(source("en")).wording).toBe("I'd like to receive news from Ma Boutique by e-mail");
  });

  test("a merchant override for the buyer's locale is used verbatim ({shop} replaced) with key custom", () => {
    const wording = resolveWording(source("fr", { wording_fr: "Oui aux nouvelles de {shop} ({shop})" }));
    expect(wording.wording).toBe("Oui aux nouvelles de Ma Boutique (Ma Boutique)");
    expect(wording.wordingKey).toBe("newsletter_checkbox.custom");
    expect(resolveWording(source("en", { wording_fr: "Oui" })).wordingKey).toBe(
      "newsletter_checkbox.default",
    );
    expect(resolveWording(source("fr", { wording_fr: "   " })).wordingKey).toBe(
      "newsletter_checkbox.default",
    );
  });

  test("privacy_url: only https, else the store policy; notice_version from settings", () => {
    expect(resolveWording(source("en", { privacy_url: "https://x.fr/p" })).privacyUrl).toBe("https://x.fr/p");
    expect(resolveWording(source("en", { privacy_url: "javascript:alert(1)" })).privacyUrl).toBe(
      "https://ma-boutique.fr/policies/privacy-policy",
    );
    expect(resolveWording(source("en", { notice_version: " 2026-11-01 " })).noticeVersion).toBe("2026-11-01");
    expect(resolveWording({ ...source("en"), shop: { name: "S" } }).privacyUrl).toBeUndefined();
  });

  test("both locale files hold the same strings, and French is actually French", () => {
    expect(keyPaths("fr")).toEqual(keyPaths("en"));
    const fr = translator("fr");
    const en = translator("en");
    for (const key of keyPaths("en")) expect(fr(key, { shop: "S" })).not.toBe(en(key, { shop: "S" }));
  });
});
