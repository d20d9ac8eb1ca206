// Restriction of processing (GDPR art. 18) and the notice to recipients (art. 19): pure rules.
// A restricted person's data is only stored: no marketing, no retention erasure, no re-subscription;
// it stays so until staff lift it, and a lift takes effect only once the person has been told.

/** The four cases of art. 18(1) in which the person may obtain a restriction. */
export const RESTRICTION_GROUNDS = [
  // GDPR art. 18(1)(a): the accuracy is contested, for the time the controller needs to verify it.
  "accuracy_contested",
  // GDPR art. 18(1)(b): the processing is unlawful and the person opposes erasure.
  "unlawful_no_erasure",
  // GDPR art. 18(1)(c): the controller no longer needs the data, the person needs it for legal claims.
  "legal_claims",
  // GDPR art. 18(1)(d): the person objected (art. 21(1)), pending whether the grounds override theirs.
  "objection_pending",
] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/** The provision each ground rests on, for the request page, the answer and the audit trail. */
export const RESTRICTION_GROUND_BASIS: Record<RestrictionGround, string> = {
  accuracy_contested: "GDPR art. 18(1)(a)",
  unlawful_no_erasure: "GDPR art. 18(1)(b)",
  legal_claims: "GDPR art. 18(1)(c)",
  objection_pending: "GDPR art. 18(1)(d)",
};

/** active → lifting (the notice is queued) → lifted (the notice has left). */
export const RESTRICTION_STATUSES = ["active", "lifting", "lifted"] as const;
export type RestrictionStatus = (typeof RESTRICTION_STATUSES)[number];

/** Statuses in which the data is only stored: the lift is not effective until the notice is sent. */
export const RESTRICTED_STATUSES: RestrictionStatus[] = ["active", "lifting"];

export function isRestricted(status: string): boolean {
  return (RESTRICTED_STATUSES as string[]).includes(status);
}

/**
 * Whether a marketing state may be pushed to a system for this person. GDPR art. 18(2): while
 * restricted, data is only stored, so a subscription (a new consent, a sync) is not carried out;
 * an unsubscription always is.
 */
export function marketingPushAllowed(status: "subscribed" | "unsubscribed", restricted: boolean): boolean {
  return !(restricted && status === "subscribed");
}

/** Staff may decide to lift only an active restriction (a lift already decided waits for its notice). */
export function canDecideLift(status: RestrictionStatus): boolean {
  return status === "active";
}

/**
 * The lift takes effect when the notice to the person has left (GDPR art. 18(3): informed BEFORE
 * the restriction is lifted): sent by SMTP, or handed to staff in the outbox when no server is set.
 */
export function liftTakesEffect(status: RestrictionStatus, noticeStatus: string): boolean {
  return status === "lifting" && (noticeStatus === "sent" || noticeStatus === "outbox");
}

/** The outside systems Vigie can tell through their connectors. */
export type ConnectedRecipient = "shopify" | "stripe" | "mailchimp";

/** What the notice to one recipient (art. 19) consists of, for the kind of request carried out. */
export type RecipientNoticePlan = {
  recipient: string;
  /** `connector`: Vigie tells it itself (a job); `staff`: a task for staff, marked done by them. */
  channel: "connector" | "staff";
};

/** Request types after which recipients are told (GDPR art. 19: rectification, erasure, restriction). */
export const ART19_TYPES = ["rectification", "erasure", "restriction"] as const;
export type Art19Type = (typeof ART19_TYPES)[number];

export function isArt19Type(type: string): type is Art19Type {
  return (ART19_TYPES as readonly string[]).includes(type);
}

/**
 * GDPR art. 19: each recipient to whom the data were disclosed is told of the rectification,
 * erasure or restriction, unless impossible or disproportionate. A connector that can carry it out
 * tells its system (an erasure: its receipts; a restriction: marketing set to not subscribed in
 * Shopify and Mailchimp; a rectification run: its own writes, when the request carries the
 * corrected values); every other recipient of the processors register is a staff task.
 */
export function recipientNoticePlan(
  type: Art19Type,
  connected: readonly ConnectedRecipient[],
  registerRecipients: readonly string[],
  rectifiedByConnectors = false,
): RecipientNoticePlan[] {
  const byConnector = new Set<ConnectedRecipient>(
    type === "erasure" || (type === "rectification" && rectifiedByConnectors)
      ? connected
      : type === "restriction"
        ? connected.filter((s) => s !== "stripe")
        : [],
  );
  const plans: RecipientNoticePlan[] = connected.map((recipient) => ({
    recipient,
    channel: byConnector.has(recipient) ? "connector" : "staff",
  }));
  const systems = new Set<string>(["shopify", "stripe", "mailchimp", "vigie"]);
  for (const key of registerRecipients) {
    if (!systems.has(key)) plans.push({ recipient: key, channel: "staff" });
  }
  return plans;
}
