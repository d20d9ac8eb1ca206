import { AppError } from "../errors";
import { type RequestedChanges, RequestedChangesSchema } from "../rectification/rectification";
import type { RequestType } from "./request-types";
import { RESTRICTION_GROUNDS, type RestrictionGround } from "./restriction";

/** Review state of a supporting document (proof of death, proof of heir status). */
export const PROOF_STATUSES = ["missing", "submitted", "accepted", "rejected"] as const;
export type ProofStatus = (typeof PROOF_STATUSES)[number];

/** What an heir may ask for: LIL art. 85-II limits heirs to these three purposes. */
export const HEIR_SCOPES = ["close_account", "stop_marketing", "estate_access"] as const;
export type HeirScope = (typeof HEIR_SCOPES)[number];

export type DirectiveAction = "record" | "update" | "revoke";

/** The person the deceased named to carry out the directives; reachable by e-mail or post. */
export type ExecutorContact = { name: string; email?: string; postalAddress?: string };

type SimpleType = Exclude<
  RequestType,
  "post_mortem_directive" | "heir_request" | "restriction" | "rectification"
>;

export type RectificationDetails = {
  type: "rectification";
  /** The corrected values (GDPR art. 16); absent on requests filed before they were asked for. */
  changes?: RequestedChanges;
  recipientsAsked?: boolean;
};

export type PostMortemDirectiveDetails = {
  type: "post_mortem_directive";
  action: DirectiveAction;
  /** The directive text (what to keep, erase or communicate); none for `revoke`. */
  instructions: string | null;
  /** Optional executor (LIL art. 85-I lets the directive name one). */
  executor: ExecutorContact | null;
  /** True only when the person ticked a consent specific to this directive, not general terms. */
  specificConsent: boolean;
};

export type HeirRequestDetails = {
  type: "heir_request";
  /** The deceased person's e-mail address, lower-cased: how their data and any directive are found. */
  deceasedEmail: string;
  /** How the requester is related to the deceased (they must be an heir: LIL art. 85-II). */
  relationship: string;
  scope: readonly HeirScope[];
  deathProof: ProofStatus;
  heirProof: ProofStatus;
};

export type RestrictionDetails = {
  type: "restriction";
  /** Which case of GDPR art. 18(1) the person invokes. */
  ground: RestrictionGround;
  /** GDPR art. 19, second sentence: the person asked to be told which recipients were informed. */
  recipientsAsked?: boolean;
};

/**
 * Type-specific data of a request; simple types carry nothing beyond their type, except that after
 * a rectification or erasure the person may ask which recipients were told (GDPR art. 19).
 */
export type RequestDetails =
  | { type: SimpleType; recipientsAsked?: boolean }
  | RestrictionDetails
  | RectificationDetails
  | PostMortemDirectiveDetails
  | HeirRequestDetails;

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === "";
}

function validateDirective(details: PostMortemDirectiveDetails): void {
  if (details.action !== "revoke") {
    // LIL art. 85-I: a directive states how the person wants the data kept, erased or communicated.
    if (isBlank(details.instructions)) {
      throw new AppError("DIRECTIVE_INSTRUCTIONS_REQUIRED", "A directive to record or update needs its text");
    }
    // LIL art. 85-I: particular directives need specific consent, not mere acceptance of general terms.
    if (!details.specificConsent) {
      throw new AppError(
        "DIRECTIVE_SPECIFIC_CONSENT_REQUIRED",
        "A directive needs its own, specific consent",
      );
    }
  }
  const executor = details.executor;
  if (executor && (isBlank(executor.name) || (isBlank(executor.email) && isBlank(executor.postalAddress)))) {
    throw new AppError(
      "EXECUTOR_CONTACT_REQUIRED",
      "A named executor needs a name and an e-mail or postal address",
    );
  }
}

function validateHeirRequest(details: HeirRequestDetails): void {
  // LIL art. 85-II: heirs act on the data of a deceased person, who must be identifiable.
  if (isBlank(details.deceasedEmail)) {
    throw new AppError("HEIR_DECEASED_EMAIL_REQUIRED", "An heir request names the deceased's e-mail");
  }
  // LIL art. 85-II: only heirs may act; the relationship is the first thing the proofs must bear out.
  if (isBlank(details.relationship)) {
    throw new AppError("HEIR_RELATIONSHIP_REQUIRED", "An heir request states the relationship");
  }
  const known = new Set<string>(HEIR_SCOPES);
  // LIL art. 85-II: heirs act only to settle the estate, close accounts or stop processing.
  if (details.scope.length === 0 || details.scope.some((s) => !known.has(s))) {
    throw new AppError(
      "HEIR_SCOPE_INVALID",
      `An heir request asks for one or more of: ${HEIR_SCOPES.join(", ")}`,
    );
  }
}

function validateRestriction(details: RestrictionDetails): void {
  // GDPR art. 18(1): a restriction rests on one of the four cases (a)–(d).
  if (!(RESTRICTION_GROUNDS as readonly string[]).includes(details.ground)) {
    throw new AppError("RESTRICTION_GROUND_REQUIRED", "A restriction names its ground under art. 18(1)");
  }
}

/** Whether the person asked which recipients were told (GDPR art. 19, second sentence). */
export function recipientsAsked(details: RequestDetails): boolean {
  return "recipientsAsked" in details && details.recipientsAsked === true;
}

function validateRectification(details: RectificationDetails): void {
  // GDPR art. 16: the person states what is inaccurate and the corrected value.
  if (details.changes !== undefined && !RequestedChangesSchema.safeParse(details.changes).success) {
    throw new AppError("RECTIFICATION_CHANGES_INVALID", "The corrected values are incomplete or malformed");
  }
}

/** Throws an `AppError` when type-specific details are incomplete; returns nothing when they are valid. */
export function validateDetails(details: RequestDetails): void {
  if (details.type === "rectification") validateRectification(details);
  if (details.type === "restriction") validateRestriction(details);
  if (details.type === "post_mortem_directive") validateDirective(details);
  if (details.type === "heir_request") validateHeirRequest(details);
}

/** True once both the proof of death and the proof of heir status have been accepted by staff. */
export function heirProofsAccepted(details: HeirRequestDetails): boolean {
  // Décret 2019-536 art. 124: the heir proves identity and heir status (acte de notoriété, livret de famille).
  return details.deathProof === "accepted" && details.heirProof === "accepted";
}
