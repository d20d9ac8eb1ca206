// The Consents page's list of ledger events and its CSV: one set of filters, kept in the URL
// (docs/decisions/056). Dates are days of the shop's calendar.
export const LEDGER_PAGE_SIZE = 50;

/** A ledger view: source and kind from the ledger's vocabularies, days "YYYY-MM-DD", page cursor. */
export type LedgerFilter = {
  source?: string;
  kind?: string;
  /** First and last day included, in the shop's time zone. */
  from?: string;
  to?: string;
  /** Keyset: events recorded before this chain position (newest first). */
  before?: number;
};

/** The query string of a filtered view (the CSV link reuses it without the page cursor). */
export function ledgerFilterSearch(filter: LedgerFilter, withCursor = true): string {
  const params = new URLSearchParams();
  if (filter.source) params.set("source", filter.source);
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (withCursor && filter.before) params.set("before", String(filter.before));
  return params.toString();
}
