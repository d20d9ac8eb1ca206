// A citation of the law, stored once in English ("GDPR art. 17(3)(b)", "Code de commerce L123-22
// (10 years)"), written in the reader's language (docs/decisions/054, 061). Pure.
import type { ShopperLocale } from "./locale";

/** The regulation's name, its "years" and "(conditions not met)" in each language. */
const LAW: Record<
  ShopperLocale,
  { gdpr: string; art: string; years: (n: string) => string; notMet: string }
> = {
  en: {
    gdpr: "GDPR",
    art: "art.",
    years: (n) => `${n} ${n === "1" ? "year" : "years"}`,
    notMet: "conditions not met",
  },
  fr: { gdpr: "RGPD", art: "art.", years: (n) => `${n} ans`, notMet: "conditions non réunies" },
  de: {
    gdpr: "DSGVO",
    art: "Art.",
    years: (n) => `${n} ${n === "1" ? "Jahr" : "Jahre"}`,
    notMet: "Voraussetzungen nicht erfüllt",
  },
  es: {
    gdpr: "RGPD",
    art: "art.",
    years: (n) => `${n} ${n === "1" ? "año" : "años"}`,
    notMet: "no se cumplen los requisitos",
  },
  it: {
    gdpr: "GDPR",
    art: "art.",
    years: (n) => `${n} ${n === "1" ? "anno" : "anni"}`,
    notMet: "condizioni non soddisfatte",
  },
};

/**
 * "GDPR art. 17" → "RGPD art. 17" in French and Spanish, "DSGVO Art. 17" in German; "(10 years)" →
 * "(10 ans)", "(10 Jahre)"…; a citation stored in French is read back the same way.
 */
export function citeLaw(citation: string, locale: ShopperLocale): string {
  const to = LAW[locale];
  return citation
    .replace(/\b(GDPR|RGPD)\b( art\.)?/g, (_m, _name, art) => (art ? `${to.gdpr} ${to.art}` : to.gdpr))
    .replace(/\((\d+) (?:years?|ans)\)/g, (_m, n) => `(${to.years(n)})`)
    .replace(/\((?:conditions not met|conditions non réunies)\)/g, `(${to.notMet})`);
}
