// A citation of the law, stored once in English ("GDPR art. 17(3)(b)", "Code de commerce L123-22
// (10 years)"), written in the reader's language (docs/decisions/054). Pure.
import type { Locale } from "./locale";

/** "GDPR art. 17" → "RGPD art. 17", "(10 years)" → "(10 ans)" in French, and back in English. */
export function citeLaw(citation: string, locale: Locale): string {
  if (locale === "fr") {
    return citation
      .replace(/\bGDPR\b/g, "RGPD")
      .replace(/\((\d+) years?\)/g, (_m, n) => `(${n} ans)`)
      .replace(/\(conditions not met\)/g, "(conditions non réunies)");
  }
  return citation
    .replace(/\bRGPD\b/g, "GDPR")
    .replace(/\((\d+) ans\)/g, (_m, n) => `(${n} ${n === "1" ? "year" : "years"})`)
    .replace(/\(conditions non réunies\)/g, "(conditions not met)");
}
