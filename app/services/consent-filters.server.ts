// Parses the Consents page's ledger filters from a query string (docs/decisions/056); the values
// the page and the CSV accept come from the ledger's own vocabularies.
import { z } from "zod";
import { CONSENT_KINDS, CONSENT_SOURCES } from "~/domain/consent/consent-event";
import type { LedgerFilter } from "./consent-filters";

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

export function parseLedgerFilter(params: URLSearchParams): LedgerFilter {
  return LedgerFilterSchema.parse({
    source: params.get("source") || undefined,
    kind: params.get("kind") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    before: params.get("before") || undefined,
  });
}

/** What the page's filters offer: the ledger's sources and kinds (this module stays on the server). */
export const LEDGER_FILTER_OPTIONS = { sources: [...CONSENT_SOURCES], kinds: [...CONSENT_KINDS] };
