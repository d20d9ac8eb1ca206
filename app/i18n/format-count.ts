// Counts the admin shows on a large shop are capped in the database (docs/decisions/086): a count
// above its cap comes as cap + 1 and reads "10 000+" (fr) or "10,000+" (en).
import type { Locale } from "./locale";

/** Beyond this many rows a page's count stops counting: the exact figure would cost a scan. */
export const COUNT_CAP = 10_000;
/**
 * The cap of the dashboard's webhooks of the last 7 days: rows written a thousand a second under a
 * sale, too fresh for an index-only count, so each costs a read of the table; past a thousand the
 * figure says only that Shopify delivers, which "1 000+" says too (docs/decisions/092).
 */
export const WEBHOOKS_COUNT_CAP = 1_000;
/**
 * The cap of counts whose every row costs lookups in other tables (who is past their period, who is
 * to be asked again): 100, the retention sweep's batch (docs/decisions/090).
 */
export const FILTERED_COUNT_CAP = 100;

/** A count as staff read it, in their locale's digits, "+" when it reached its cap. */
export function formatCount(count: number, locale: Locale, cap = COUNT_CAP): string {
  const format = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  return count > cap ? `${format.format(cap)}+` : format.format(count);
}

/**
 * The rows a count over index walks reads at most before it gives a lower bound, shown "at least"
 * (docs/decisions/090).
 */
export const WALK_BUDGET = 2_000;
