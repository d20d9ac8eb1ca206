// German, Spanish and Italian e-mails (docs/decisions/061): every template renders in each, fully
// in that language's words (no placeholder or key left, no French or English sentence), with its
// dates, durations and law citations written the reader's way.
import { describe, expect, it } from "vitest";
import { ACCOUNTING_HOLD_BASIS } from "~/domain/erasure/invoice-archive";
import { REFUSAL_GROUNDS } from "~/mail/message";
import { ALL_TEMPLATES, sampleMessages as s } from "../../tests/fixtures/sample-messages";
import type { EmailMessage } from "./message";
import { renderEmail } from "./render";

const SHOPPER_TEMPLATES = ALL_TEMPLATES.filter((template) => template !== "dpo.digest");

/** Words of each language that its every e-mail uses at least once (greeting, signature or footer). */
const MARK = {
  de: /Guten Tag|Mit freundlichen Grüßen/,
  es: /Buenos días|Atentamente/,
  it: /Gentile cliente|Cordiali saluti/,
};
/** Sentences of the French and English e-mails that must not leak into another language. */
const FOREIGN =
  /\b(Bonjour|Hello|Kind regards|Bien cordialement|your request|votre demande|personal data|données personnelles)\b/i;

describe.each(["de", "es", "it"] as const)("e-mails in %s", (locale) => {
  it.each(SHOPPER_TEMPLATES)("%s is written in that language only", (template) => {
    const out = renderEmail(s[template] as EmailMessage, locale, {
      unsubscribeUrl: "https://vigie.example.com/u/x",
    });
    const written = out.text
      .split("\n")
      .filter((line) => !line.startsWith(">"))
      .join("\n");
    expect(`${out.subject}\n${written}`).toMatch(MARK[locale]);
    expect(written).not.toMatch(FOREIGN);
    expect(written).not.toMatch(/\{\w+\}|shopper\.mail|mail\.\w+\./);
    expect(out.html).toContain(`<html lang="${locale}">`);
  });

  it.each(REFUSAL_GROUNDS)("a refusal on %s cites its ground in that language", (ground) => {
    const out = renderEmail({ ...s["request.refusal"], ground } as EmailMessage, locale);
    expect(out.text).not.toMatch(/\bGDPR\b.*\bRGPD\b|conditions not met|we could not/);
  });
});

describe("dates, durations and citations", () => {
  it("are written the German, Spanish and Italian way", () => {
    const code = { ...s["request.identity_code"], expiresInMinutes: 1440 } as EmailMessage;
    expect(renderEmail(code, "de").text).toContain("24 Stunden");
    expect(renderEmail(code, "es").text).toContain("24 horas");
    expect(renderEmail(code, "it").text).toContain("24 ore");
    const ack = s["request.acknowledgement"] as EmailMessage;
    expect(renderEmail(ack, "de").text).toContain("28. Dezember 2026");
    expect(renderEmail(ack, "es").text).toContain("28 de diciembre de 2026");
    expect(renderEmail(ack, "it").text).toContain("28 dicembre 2026");
    const answer = {
      ...s["request.answer"],
      holds: [{ what: "Rechnungen", basis: ACCOUNTING_HOLD_BASIS, until: "2036-12-31" }],
    } as EmailMessage;
    expect(renderEmail(answer, "de").text).toContain(
      "Code de commerce L123-22 (10 Jahre); DSGVO Art. 17(3)(b)",
    );
    expect(renderEmail(answer, "es").text).toContain("(10 años); RGPD art. 17(3)(b)");
    expect(renderEmail(answer, "it").text).toContain("(10 anni); GDPR art. 17(3)(b)");
  });
});
