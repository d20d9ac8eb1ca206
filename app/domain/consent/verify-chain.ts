import type { ConsentEvent, PersonalFields } from "./consent-event";
import { chainHashFor, commitmentFor, GENESIS_HASH } from "./ledger-hash";

/** Where verification stands: the last verified event's `seq` and `hash` (or the genesis). */
export type ChainCursor = { seq: number; hash: string };

/** The position before a shop's first event. */
export const GENESIS_CURSOR: ChainCursor = Object.freeze({ seq: 0, hash: GENESIS_HASH });

export type ChainBreakReason = "hash_mismatch" | "prev_hash_mismatch" | "seq_gap" | "commitment_mismatch";

/**
 * `count`: events verified in this call. `last`: the cursor to pass for the next page.
 * `brokenAt.seq`: the position where the chain breaks (everything before it verified);
 * `brokenAt.eventId`: the stored event found at that position.
 */
export type ChainVerification =
  | { ok: true; count: number; last: ChainCursor }
  | { ok: false; brokenAt: { seq: number; eventId: string; reason: ChainBreakReason } };

/**
 * Verifies a run of one shop's events, in `seq` order, and reports the FIRST broken link.
 *
 * Per event, in this order: `seq` is the previous seq + 1 (else `seq_gap`, which also covers
 * duplicates and reordering); `prevHash` is the previous event's hash (`prev_hash_mismatch`);
 * the stored hash matches the chained fields (`hash_mismatch`); and, unless the event was
 * pseudonymised, the commitment matches its personal fields and salt (`commitment_mismatch`).
 * A pseudonymised event is checked on its chained fields only, but must really hold no personal
 * data or salt, otherwise flipping the flag would hide an edited e-mail.
 *
 * Incremental: pass the `last` cursor of the previous page as `from` to stream a ledger of any
 * size; the pages together give the same answer as one pass. `count` is this page's.
 *
 * NOTE: a chain without a secret proves integrity only relative to a head kept elsewhere: whoever
 * can write the table can rebuild every hash after an edit, or drop the newest events. Compare
 * `last` with an anchored head (ADR 011) to detect that.
 */
export function verifyChain(
  events: Iterable<ConsentEvent>,
  from: ChainCursor = GENESIS_CURSOR,
): ChainVerification {
  let previous = from;
  let count = 0;
  for (const event of events) {
    const reason = brokenLinkReason(event, previous);
    // The expected position, not the stored seq: "verified through seq - 1" holds even when the
    // stored seq is the thing that was changed or is missing.
    if (reason) return { ok: false, brokenAt: { seq: previous.seq + 1, eventId: event.id, reason } };
    previous = { seq: event.seq, hash: event.hash };
    count += 1;
  }
  return { ok: true, count, last: previous };
}

function brokenLinkReason(event: ConsentEvent, previous: ChainCursor): ChainBreakReason | null {
  if (event.seq !== previous.seq + 1) return "seq_gap";
  if (event.prevHash !== previous.hash) return "prev_hash_mismatch";
  if (!safely(() => chainHashFor(event) === event.hash)) return "hash_mismatch";
  if (!commitmentHolds(event)) return "commitment_mismatch";
  return null;
}

function commitmentHolds(event: ConsentEvent): boolean {
  // Rows come from storage and may have been edited into shapes the type forbids: check as unknown.
  const row: { pseudonymised: unknown; personal: unknown; salt: unknown } = event;
  if (row.pseudonymised === true) return row.personal == null && row.salt == null;
  if (row.pseudonymised !== false) return false;
  const { personal, salt } = row;
  if (typeof salt !== "string" || typeof personal !== "object" || personal === null) return false;
  return safely(() => commitmentFor(personal as PersonalFields, salt) === event.commitment);
}

/** A row whose values cannot be serialised cannot match its hash: report it, never throw. */
function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
