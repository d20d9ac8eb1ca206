import { describe, expect, it } from "vitest";
import { parseCheckoutConsent } from "./checkout-attributes";
import { DEFAULT_WORDING, defaultWording, renderWording } from "./default-wordings";

describe("DEFAULT_WORDING", () => {
  it("holds the agreed texts, key and version (the checkout extension has a copy)", () => {
    expect(DEFAULT_WORDING).toEqual({
      key: "newsletter_checkbox.default",
      version: "2026-11-26",
      templates: {
        fr: "Je souhaite recevoir les actualités de {shop} par e-mail",
        en: "I'd like to receive news from {shop} by e-mail",
        de: "Ich möchte Neuigkeiten von {shop} per E-Mail erhalten",
        es: "Deseo recibir las novedades de {shop} por correo electrónico",
        it: "Desidero ricevere le novità di {shop} via e-mail",
      },
    });
  });
});

describe("defaultWording", () => {
  it("renders the French wording for a shop", () => {
    expect(defaultWording("fr", "Lumière & Fils")).toEqual({
      key: "newsletter_checkbox.default",
      version: "2026-11-26",
      locale: "fr",
      text: "Je souhaite recevoir les actualités de Lumière & Fils par e-mail",
    });
  });

  it("renders the English wording for a shop", () => {
    expect(defaultWording("en", "Lumière & Fils").text).toBe(
      "I'd like to receive news from Lumière & Fils by e-mail",
    );
  });

  it("gives a text the checkout parser accepts as a wording", () => {
    const { key, locale, text } = defaultWording("fr", "Lumière & Fils");
    const attributes = [
      { name: "_vigie_consent", value: "granted" },
      { name: "_vigie_notice_version", value: "2022-10-31" },
      { name: "_vigie_wording_key", value: key },
      { name: "_vigie_wording_locale", value: locale },
      { name: "_vigie_wording", value: text },
    ];
    expect(parseCheckoutConsent(attributes)).toMatchObject({ granted: true, wording: text });
  });
});

describe("renderWording", () => {
  it("inserts the name literally, even with replacement patterns in it", () => {
    expect(renderWording("News from {shop}", "A$&B $1 $$")).toBe("News from A$&B $1 $$");
  });

  it("replaces every placeholder and collapses whitespace in the name", () => {
    expect(renderWording("{shop} / {shop}", "  Chez\n  Marcel \t")).toBe("Chez Marcel / Chez Marcel");
  });

  it("refuses a blank shop name", () => {
    expect(() => renderWording(DEFAULT_WORDING.templates.fr, " \n ")).toThrow(RangeError);
  });

  it("refuses a result longer than the checkout can carry", () => {
    expect(() => renderWording(DEFAULT_WORDING.templates.en, "x".repeat(500))).toThrow(RangeError);
    expect(renderWording("{shop}", "x".repeat(500))).toHaveLength(500);
  });
});
