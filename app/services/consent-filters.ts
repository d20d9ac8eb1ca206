// The Consents page's list of ledger events and its CSV: one set of filters, kept in the URL
// (docs/decisions/056). Dates are days of the shop's calendar.
import { z } from "zod";
import { CONSENT_KINDS, CONSENT_SOURCES } from "~/domain/consent/consent-event";

export const LEDGER_PAGE_SIZE = 50;

const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()))
  .optional()
  .catch(undefined);

export const LedgerFilterSchema = z.object({
  source: z.enum(CONSENT_SOURCES).optional().catch(undefined),
  kind: z.enum(CONSENT_KINDS).optional().catch(undefined),
  /** First and last day included, in the shop's time zone. */
  from: localDay,
  to: localDay,
  /** Keyset: events recorded before this chain position (newest first). */
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});
export type LedgerFilter = z.infer<typeof LedgerFilterSchema>;

export function parseLedgerFilter(params: URLSearchParams): LedgerFilter {
  return LedgerFilterSchema.parse({
    source: params.get("source") || undefined,
    kind: params.get("kind") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    before: params.get("before") || undefined,
  });
}

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
