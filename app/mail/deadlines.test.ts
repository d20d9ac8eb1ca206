// Deadlines in shopper e-mails are said as the admin says them, "in 5 days — 8 January", counted from
// the shop's day the e-mail is written (docs/decisions/081); the sentences keep the full date.
import { describe, expect, it } from "vitest";
import type { ShopperLocale } from "~/i18n/locale";
import { sampleMessages as s } from "../../tests/fixtures/sample-messages";
import type { EmailMessage } from "./message";
import { renderEmail } from "./render";

const colon = (locale: ShopperLocale) => (locale === "fr" ? "\u00a0: " : ": ");

// The fixtures are written on 26 November (answer due 28 December), 20 December (extended to
// 26 February 2027), 2 December (link expires 1 January 2027) and 3 December (last day 2 January 2027).
const EXPECTED: Record<
  "request.acknowledgement" | "request.extension" | "request.answer" | "consent.repermission",
  Record<ShopperLocale, [string, string]>
> = {
  "request.acknowledgement": {
    en: ["Answer due", "in 32 days — 28 December"],
    fr: ["Réponse attendue", "dans 32 jours — 28 décembre"],
    de: ["Antwort fällig", "in 32 Tagen — 28. Dezember"],
    es: ["Respuesta prevista", "dentro de 32 días — 28 de diciembre"],
    it: ["Risposta prevista", "tra 32 giorni — 28 dicembre"],
  },
  "request.extension": {
    en: ["New date for our answer", "in 68 days — 26 February 2027"],
    fr: ["Nouvelle date de réponse", "dans 68 jours — 26 février 2027"],
    de: ["Neues Datum unserer Antwort", "in 68 Tagen — 26. Februar 2027"],
    es: ["Nueva fecha de nuestra respuesta", "dentro de 68 días — 26 de febrero de 2027"],
    it: ["Nuova data della nostra risposta", "tra 68 giorni — 26 febbraio 2027"],
  },
  "request.answer": {
    en: ["Link expires", "in 30 days — 1 January 2027"],
    fr: ["Expiration du lien", "dans 30 jours — 1er janvier 2027"],
    de: ["Ablauf des Links", "in 30 Tagen — 1. Januar 2027"],
    es: ["Caducidad del enlace", "dentro de 30 días — 1 de enero de 2027"],
    it: ["Scadenza del link", "tra 30 giorni — 1º gennaio 2027"],
  },
  "consent.repermission": {
    en: ["Last day to stay subscribed", "in 30 days — 2 January 2027"],
    fr: ["Dernier jour pour rester inscrit·e", "dans 30 jours — 2 janvier 2027"],
    de: ["Letzter Tag, um angemeldet zu bleiben", "in 30 Tagen — 2. Januar 2027"],
    es: ["Último día para seguir suscrito/a", "dentro de 30 días — 2 de enero de 2027"],
    it: ["Ultimo giorno per restare iscritto/a", "tra 30 giorni — 2 gennaio 2027"],
  },
};

const LOCALES = ["fr", "en", "de", "es", "it"] as const;

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])("%s", (template) => {
  it.each(LOCALES)("says its deadline from the day it is written, in %s", (locale) => {
    const [label, when] = EXPECTED[template][locale];
    const out = renderEmail(s[template] as EmailMessage, locale);
    expect(out.text.split("\n")).toContain(`${label}${colon(locale)}${when}`);
    expect(out.html).toContain(`>${when}</td>`);
  });
});

describe("the day the e-mail is written", () => {
  it("moves the count, not the date", () => {
    const ack = { ...s["request.acknowledgement"], writtenOn: "2026-12-27" } as EmailMessage;
    expect(renderEmail(ack, "en").text).toContain("Answer due: tomorrow — 28 December");
    expect(renderEmail(ack, "fr").text).toContain("Réponse attendue\u00a0: demain — 28 décembre");
  });

  it("an answer without a download link says no expiry", () => {
    const answer = {
      ...s["request.answer"],
      downloadUrl: undefined,
      downloadExpiresOn: undefined,
    } as EmailMessage;
    expect(renderEmail(answer, "en").text).not.toContain("Link expires");
  });
});
