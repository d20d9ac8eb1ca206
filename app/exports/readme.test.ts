import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "~/i18n/locale";
import { buildReadme, type ReadmeInput } from "./readme";
import { README_LABELS } from "./readme-labels";
import { SECTION_INFO } from "./section-info";
import { SYSTEM_INFO, type Text } from "./system-info";

const INPUT: ReadmeInput = {
  locale: "fr",
  subject: { reference: 'REQ-1"><img src=x>', email: "<b>camille</b>@example.fr", shopName: "iméra" },
  generatedAt: new Date("2026-03-01T23:05:00Z"),
  retention: { customerYearsAfterLastOrder: 6, prospectYears: 2 },
  contactEmail: null,
  systems: [
    {
      system: "mailchimp",
      file: "mailchimp.json",
      sections: [
        { section: "member", records: 2, provided: 1 },
        { section: "surveys", records: 3, provided: 0 },
      ],
      csv: [],
    },
  ],
};

function texts(node: unknown): Text[] {
  if (typeof node !== "object" || node === null) return [];
  if ("fr" in node && "en" in node) return [node as Text];
  return Object.values(node).flatMap(texts);
}

describe("buildReadme", () => {
  it("prints the shop's own retention periods", () => {
    const fr = buildReadme(INPUT);
    const en = buildReadme({ ...INPUT, locale: "en" });

    expect(fr).toContain("jusqu&#39;à 6 ans après votre dernière commande");
    expect(fr).toContain("2 ans au plus si vous n&#39;avez jamais commandé");
    expect(en).toContain("up to 6 years after your last order");
    expect(en).toContain("at most 2 years if you never ordered");
  });

  it("points to the shop when no contact address is known, and to the address when it is", () => {
    expect(buildReadme(INPUT)).toContain("Pour exercer ces droits, contactez la boutique iméra.");
    expect(buildReadme({ ...INPUT, contactEmail: "dpo@imera.example" })).toContain(
      "Pour exercer ces droits, écrivez à dpo@imera.example.",
    );
  });

  it("describes a section it does not know generically, with its counts and source", () => {
    expect(buildReadme({ ...INPUT, locale: "en" })).toContain(
      '<td><code>surveys</code></td><td>Other data from this system.</td><td class="n">3</td><td class="n">0</td><td>Mailchimp and iméra: 3</td>',
    );
  });

  it("escapes the subject's reference and e-mail", () => {
    const page = buildReadme(INPUT);

    expect(page).toContain("REQ-1&quot;&gt;&lt;img src=x&gt;");
    expect(page).toContain("&lt;b&gt;camille&lt;/b&gt;@example.fr");
    expect(page).not.toMatch(/<img|<b>/);
  });

  it("writes the creation time in UTC, whatever the server's time zone", () => {
    expect(buildReadme(INPUT)).toContain("Archive créée le : 1er mars 2026, 23:05 UTC");
    expect(buildReadme({ ...INPUT, locale: "en" })).toContain("Archive created on: 1 March 2026, 23:05 UTC");
  });

  it("has every fixed text in every shopper language, translated, with the same placeholders", () => {
    const all = [...texts(README_LABELS), ...texts(SYSTEM_INFO), ...texts(SECTION_INFO)];
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

    expect(all.length).toBeGreaterThan(100);
    for (const text of all) {
      for (const locale of SHOPPER_LOCALES) {
        expect(text[locale].trim()).not.toBe("");
        expect(placeholders(text[locale]), text.en).toEqual(placeholders(text.en));
      }
      expect(text.fr).not.toBe(text.en);
    }
  });

  it.each([
    [
      "de",
      "Ihre personenbezogenen Daten bei iméra",
      "Archiv erstellt am: 1. März 2026, 23:05 UTC",
      "Art. 15 DSGVO",
    ],
    [
      "es",
      "Sus datos personales en iméra",
      "Archivo creado el: 1 de marzo de 2026, 23:05 UTC",
      "RGPD, art. 15",
    ],
    [
      "it",
      "I Suoi dati personali presso iméra",
      "Archivio creato il: 1º marzo 2026, 23:05 UTC",
      "art. 15 GDPR",
    ],
  ] as const)("is written in %s for a request filed in it", (locale, title, created, law) => {
    const readme = buildReadme({ ...INPUT, locale });
    expect(readme).toContain(`<html lang="${locale}">`);
    expect(readme).toContain(`<h1>${title}</h1>`);
    expect(readme).toContain(created);
    expect(readme).toContain(law);
    expect(readme).not.toContain("Your personal data");
  });

  it("says plainly, in both languages, that orders older than 60 days could not be read", () => {
    const input = {
      ...INPUT,
      systems: [
        ...INPUT.systems,
        { system: "shopify" as const, file: "shopify.json", sections: [], csv: [] },
      ],
    };
    expect(buildReadme(input)).not.toContain("older-orders-unread");
    const fr = buildReadme({ ...input, shopifyOrdersRecentOnly: true });
    const en = buildReadme({ ...input, locale: "en", shopifyOrdersRecentOnly: true });
    expect(fr).toContain("Les commandes de plus de 60 jours n&#39;ont pas pu être lues");
    expect(en).toContain("Orders older than 60 days could not be read");
    // Under Shopify's heading, where the orders are listed.
    expect(en.indexOf("older-orders-unread")).toBeGreaterThan(en.indexOf('id="system-shopify"'));
  });
});
