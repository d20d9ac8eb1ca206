// Re-permission before the prospects' period ends (docs/decisions/069). CNIL (prospects, commercial
// management): a prospect's data is kept 3 years from the last contact *initiated by the person*;
// before the end the shop may ask them whether they want to stay. Only the person's own acts move
// the start: a click or a reply to an e-mail counts, an open does not (pixels open mail on their own).
import { yearsBefore } from "./retention-rules";

const DAY_MS = 86_400_000;

/** What Vigie knows the person did with the shop's e-mails. */
export type EngagementKind = "open" | "click" | "reply";

/** Kinds that are a contact the person initiated (CNIL). An open is the mail client's, not theirs. */
export const ENGAGING_KINDS: readonly EngagementKind[] = ["click", "reply"];

/** The same instant `years` calendar years later (29 February becomes 28 February). */
export function yearsAfter(date: Date, years: number): Date {
  return yearsBefore(date, -years);
}

/** The newest engagement that counts (a click or a reply), or null. */
export function lastEngagement(events: readonly { kind: EngagementKind; at: Date }[]): Date | null {
  let last: Date | null = null;
  for (const event of events) {
    if (!ENGAGING_KINDS.includes(event.kind)) continue;
    if (!last || event.at > last) last = event.at;
  }
  return last;
}

/**
 * A prospect's last contact: their sign-up, their consent acts, their requests and their last
 * engagement (a click or a reply), whichever came last.
 */
export function lastContact(contacts: readonly (Date | null | undefined)[]): Date {
  const times = contacts.flatMap((d) => (d ? [d.getTime()] : []));
  if (times.length === 0) throw new Error("lastContact: at least the sign-up date is needed");
  return new Date(Math.max(...times));
}

/** When a prospect's period ends (CNIL: 3 years from the last contact), given that contact. */
export function periodEnd(lastContactAt: Date, prospectYears: number): Date {
  return yearsAfter(lastContactAt, prospectYears);
}

/**
 * Whether to ask now: the period ends within `leadDays` and has not ended yet (once it has, the
 * sweep files the erasure; asking then would be too late to be fair).
 */
export function repermissionDue(periodEndsAt: Date, now: Date, leadDays: number): boolean {
  const opens = periodEndsAt.getTime() - leadDays * DAY_MS;
  return now.getTime() >= opens && now.getTime() < periodEndsAt.getTime();
}

export type RepermissionCandidate = {
  /** Only a subscriber is asked: someone not subscribed receives nothing from the shop. */
  status: string;
  /** GDPR art. 21(2)-(3): an objection to marketing ends every marketing e-mail. */
  objected: boolean;
  /** GDPR art. 18(2): restricted data is only stored, never used to write to the person. */
  restricted: boolean;
};

/** Why a contact near the end is not asked, or null when they are. */
export function repermissionSkip(
  c: RepermissionCandidate,
): "restricted" | "objected" | "not_subscribed" | null {
  if (c.restricted) return "restricted";
  if (c.objected) return "objected";
  if (c.status !== "subscribed") return "not_subscribed";
  return null;
}

export type RenewalDecision = "renew" | "expired" | "already_renewed" | "not_subscribed";

/**
 * What a click on the renewal link does: renews while the period it was sent for runs; after its
 * end the person has been (or is being) erased, and only a new sign-up brings them back. A person
 * who withdrew since is not subscribed again by an old link (GDPR art. 7(3)).
 */
// GDPR art. 4(11), 7(1): the click is the person's clear affirmative act, recorded with its proof.
export function decideRenewal(
  ask: { periodEndsAt: Date; renewedAt: Date | null },
  state: { status: string },
  now: Date,
): RenewalDecision {
  if (ask.renewedAt) return "already_renewed";
  if (now.getTime() >= ask.periodEndsAt.getTime()) return "expired";
  if (state.status !== "subscribed") return "not_subscribed";
  return "renew";
}
