// Counts the admin shows on a large shop are capped in the database (docs/decisions/086): a count
// above COUNT_CAP comes as COUNT_CAP + 1 and reads "10 000+" (fr) or "10,000+" (en).
import type { Locale } from "./locale";

/** Beyond this many rows a page's count stops counting: the exact figure would cost a scan. */
export const COUNT_CAP = 10_000;

/** A count as staff read it, in their locale's digits, "+" when it reached the cap. */
export function formatCount(count: number, locale: Locale): string {
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  return count > COUNT_CAP ? `${format.format(COUNT_CAP)}+` : format.format(count);
}
