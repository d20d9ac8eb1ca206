import type { ConsentEvent, LawfulBasis } from "./consent-event";

/**
 * `pending` (it mirrors Shopify's PENDING state): a consent given in one of Vigie's forms of a shop
 * that asks for double opt-in, not yet confirmed from the shopper's inbox. Not a subscription.
 */
export type ConsentStatus = "subscribed" | "unsubscribed" | "pending" | "never";

export type ConsentState = {
  status: ConsentStatus;
  /** Only while subscribed: the basis marketing e-mails rely on. */
  lawfulBasis?: LawfulBasis;
  /** When the current status (and, while subscribed, the current basis) began: an `occurredAt`. */
  since?: string;
  /** The newest event by `seq`, whatever its kind. */
  lastEvent?: ConsentEvent;
  /** When a re-permission request went out that no grant, withdrawal or expiry has answered yet. */
  repermissionRequestedAt?: string;
  /** Only while `pending`: the `confirmation_requested` event awaiting its confirmation. */
  confirmationRequest?: { eventId: string; requestedAt: string };
};

/** The fold's state: what a pending request lapses back to travels with it. */
type Fold = ConsentState & { beforePending?: ConsentState };

// CPCE L34-5: consent covers what soft opt-in covers and more (prospects, other products), so a
// later soft opt-in never downgrades a standing consent, while a later consent upgrades a soft opt-in.
const BASIS_RANK: Record<LawfulBasis, number> = { soft_opt_in: 1, consent: 2 };

/**
 * Derives one subject's current state for one purpose from their ledger events, taken in the
 * order the acts happened (`occurredAt`, then `seq` for ties; the input is sorted here, not
 * trusted): a grant whose webhook was processed late cannot undo a later withdrawal.
 *
 * - `granted` subscribes, under its lawful basis; consent and soft opt-in stay distinct.
 * - Only an explicit `withdrawn` ends a subscription the shopper gave, whatever its basis.
 * - `expired` (retention reached) also ends it; an expiry when not subscribed changes nothing.
 * - `repermission_requested` keeps the status and shows up as `repermissionRequestedAt`.
 * - `confirmation_requested` (double opt-in) makes a subject who is not subscribed `pending`: not
 *   a subscription until a grant confirms it; a withdrawal cancels it; an expiry (the request
 *   lapsed unconfirmed) puts back the status it had before, as if nothing had happened.
 * - No events at all gives `never`.
 *
 * An unticked checkout box never produces an event, so it can neither subscribe (GDPR recital 32:
 * silence or inactivity is not consent) nor unsubscribe (it is not a withdrawal under art. 7(3)).
 *
 * @throws {Error} when the events mix subjects or purposes: that is a query bug, not data.
 */
export function deriveConsentState(events: readonly ConsentEvent[]): ConsentState {
  const ordered = [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.seq - b.seq);
  assertOneStream(ordered);
  let fold: Fold = { status: "never" };
  for (const event of ordered) fold = applyEvent(fold, event);
  const { beforePending: _, ...state } = fold;
  const lastEvent = ordered.reduce<ConsentEvent | undefined>(
    (last, e) => (!last || e.seq > last.seq ? e : last),
    undefined,
  );
  return lastEvent ? { ...state, lastEvent } : state;
}

function applyEvent(state: Fold, event: ConsentEvent): Fold {
  switch (event.kind) {
    case "granted": {
      if (state.status !== "subscribed" || state.lawfulBasis === undefined) {
        return { status: "subscribed", lawfulBasis: event.lawfulBasis, since: event.occurredAt };
      }
      const upgrades = BASIS_RANK[event.lawfulBasis] > BASIS_RANK[state.lawfulBasis];
      return upgrades
        ? { status: "subscribed", lawfulBasis: event.lawfulBasis, since: event.occurredAt }
        : { status: "subscribed", lawfulBasis: state.lawfulBasis, since: state.since };
    }
    case "withdrawn":
      // GDPR art. 7(3) and 21(3): a withdrawal or objection ends direct marketing on any basis.
      if (state.status === "unsubscribed") return { status: "unsubscribed", since: state.since };
      return { status: "unsubscribed", since: event.occurredAt };
    case "expired":
      // GDPR art. 7(1): unconfirmed, the consent cannot be demonstrated; the request lapses into nothing.
      if (state.status === "pending") return state.beforePending ?? { status: "never" };
      if (state.status !== "subscribed") return state;
      return { status: "unsubscribed", since: event.occurredAt };
    case "repermission_requested":
      return { ...state, repermissionRequestedAt: event.occurredAt };
    case "confirmation_requested": {
      // Someone already subscribed is not asked to confirm (the service records a grant instead).
      if (state.status === "subscribed") return state;
      const beforePending = state.status === "pending" ? state.beforePending : state;
      return {
        status: "pending",
        since: event.occurredAt,
        confirmationRequest: { eventId: event.id, requestedAt: event.occurredAt },
        ...(beforePending && { beforePending }),
      };
    }
    case "refused":
      // A tracker refusal (the banner's own purposes) never reaches a newsletter stream.
      return state;
  }
}

function assertOneStream(events: readonly ConsentEvent[]): void {
  const [first] = events;
  if (!first) return;
  const subject = first.personal?.subjectId;
  for (const event of events) {
    if (event.purpose !== first.purpose || event.personal?.subjectId !== subject) {
      throw new Error("deriveConsentState: events must belong to one subject and one purpose");
    }
  }
}
