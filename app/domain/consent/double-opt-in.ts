// Double opt-in: a consent given in one of Vigie's own forms (checkout box, thank-you page, privacy
// centre) becomes a subscription only once the shopper confirms it from their inbox. GDPR art. 7(1)
// puts the proof of consent on the shop; the CNIL's guidance on proving consent asks that the shop
// can show how and when it was given: the confirmation ties the act to the mailbox's owner.
import type { ConsentSource } from "./consent-event";
import type { ConsentState } from "./derive-consent-state";

/** Days a shopper has to confirm; an unconfirmed request then lapses into nothing. */
export const CONFIRMATION_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** When a confirmation request made at `requestedAt` lapses. */
export function confirmationDeadline(requestedAt: Date | string): Date {
  return new Date(new Date(requestedAt).getTime() + CONFIRMATION_WINDOW_DAYS * DAY_MS);
}

/**
 * Whether a grant the shopper just gave must first be confirmed by e-mail: the shop asks for
 * double opt-in, the grant comes from one of Vigie's own forms (a consent other systems collected
 * follows their rules), and the shopper is not already subscribed (the confirmation proves who
 * owns the address before anything is sent to it; a subscriber already receives the shop's e-mails).
 */
// CNIL guidance on proof of consent, GDPR art. 7(1): confirm from the inbox before the first e-mail.
export function needsConfirmation(options: {
  doubleOptIn: boolean;
  source: ConsentSource;
  state: Pick<ConsentState, "status">;
}): boolean {
  const ownForm = options.source === "checkout" || options.source === "privacy_centre";
  return options.doubleOptIn && ownForm && options.state.status !== "subscribed";
}

export type ConfirmationDecision =
  /** Record the confirmed grant now. */
  | "confirm"
  /** Already subscribed (a second click): nothing to do. */
  | "already_subscribed"
  /** Too late: the request lapsed unconfirmed. */
  | "lapsed"
  /** Withdrawn, superseded by a newer request, or lapsed already: this request is over. */
  | "not_pending";

/**
 * What a click on the confirmation link of `requestId` does, given the subject's current state.
 * Only the request the subject is pending on can be confirmed, within its window: a request the
 * shopper cancelled (withdrawal) or replaced must not come back to life.
 */
// GDPR art. 7(3): a cancelled request stays cancelled; art. 7(1): only a timely click proves the consent.
export function decideConfirmation(state: ConsentState, requestId: string, now: Date): ConfirmationDecision {
  if (state.status === "subscribed") return "already_subscribed";
  const pending = state.status === "pending" ? state.confirmationRequest : undefined;
  if (!pending || pending.eventId !== requestId) return "not_pending";
  return now.getTime() >= confirmationDeadline(pending.requestedAt).getTime() ? "lapsed" : "confirm";
}

/** Whether a subject pending since `since` is past the window (the daily lapse records it). */
export function hasLapsed(state: { status: string; since?: Date | string | null }, now: Date): boolean {
  return (
    state.status === "pending" &&
    state.since != null &&
    now.getTime() >= confirmationDeadline(state.since).getTime()
  );
}
