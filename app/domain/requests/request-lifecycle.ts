import { AppError } from "../errors";
import {
  heirProofsAccepted,
  type ProofStatus,
  type RequestDetails,
  validateDetails,
} from "./request-details";
import { REQUEST_TYPE_INFO, type RefusalGround } from "./request-types";

/**
 * Lifecycle states. Beyond the base `received → identity_check → in_progress → answered | refused`:
 * - `withdrawn`: the requester may drop the request at any time before it is answered; we stop work and say so.
 * - `closed_unverified`: the requester never supplied the identity information asked for. Kept apart from
 *   `refused` because nothing was decided on the merits and the shopper did not answer (GDPR art. 12(6)); it
 *   reads differently in the register and to the CNIL.
 */
export const REQUEST_STATES = [
  "received",
  "identity_check",
  "in_progress",
  "answered",
  "refused",
  "withdrawn",
  "closed_unverified",
] as const;

export type RequestState = (typeof REQUEST_STATES)[number];

/** A refusal always carries a ground and the written explanation sent to the requester. */
export type Refusal = { ground: RefusalGround; explanation: string };

export type RightsRequest = {
  state: RequestState;
  details: RequestDetails;
  /** True once the identity check level required by the policy has been satisfied. */
  identityVerified: boolean;
  refusal: Refusal | null;
};

export type TransitionEvent =
  | { to: "identity_check" }
  | { to: "in_progress" }
  | { to: "answered" }
  | { to: "refused"; refusal: Refusal }
  | { to: "withdrawn" }
  | { to: "closed_unverified" };

const NEXT: Record<RequestState, readonly RequestState[]> = {
  received: ["identity_check", "in_progress", "refused", "withdrawn"],
  // A reasonable doubt can also arise mid-way, so in_progress may go back to identity_check.
  identity_check: ["in_progress", "refused", "withdrawn", "closed_unverified"],
  in_progress: ["identity_check", "answered", "refused", "withdrawn"],
  answered: [],
  refused: [],
  withdrawn: [],
  closed_unverified: [],
};

/** Whether the clock pauses, resumes or runs on when a request moves between two states. */
export type ClockEffect = "open_pause" | "close_pause" | "none";

/** States a request in `state` may move to; empty for final states. */
export function allowedTransitions(state: RequestState): readonly RequestState[] {
  return NEXT[state];
}

/** True for states that end the request. */
export function isTerminal(state: RequestState): boolean {
  return NEXT[state].length === 0;
}

/**
 * A new request in `received`, after checking its type-specific details (throws an `AppError` when incomplete).
 * `identityVerified` comes from the identity policy (`verified` level).
 */
export function createRequest(
  details: RequestDetails,
  options: { identityVerified: boolean },
): RightsRequest {
  validateDetails(details);
  return { state: "received", details, identityVerified: options.identityVerified, refusal: null };
}

function guard(request: RightsRequest, event: TransitionEvent): void {
  const { details } = request;
  if (event.to === "in_progress") {
    // GDPR art. 12(2) and 12(6): act on the request once the requester is identified.
    if (!request.identityVerified) {
      throw new AppError("IDENTITY_NOT_VERIFIED", "Identity must be verified before work starts");
    }
    // LIL art. 85-II with décret 2019-536 art. 124: an heir proves the death and the heir status first.
    if (details.type === "heir_request" && !heirProofsAccepted(details)) {
      throw new AppError(
        "HEIR_PROOFS_REQUIRED",
        "Both the proof of death and of heir status must be accepted",
      );
    }
  }
  if (event.to === "refused") {
    // GDPR art. 12(4): a refusal states its reasons and the right to complain to the CNIL.
    if (event.refusal.explanation.trim() === "") {
      throw new AppError("REFUSAL_REASON_REQUIRED", "A refusal needs a written explanation");
    }
    if (!REQUEST_TYPE_INFO[details.type].refusalGrounds.includes(event.refusal.ground)) {
      throw new AppError(
        "REFUSAL_GROUND_NOT_ALLOWED",
        `A ${details.type} request cannot be refused on the ground ${event.refusal.ground}`,
      );
    }
  }
}

/**
 * The request after `event`. Throws `ILLEGAL_TRANSITION` when the lifecycle forbids the move, and the guard's
 * code (`IDENTITY_NOT_VERIFIED`, `HEIR_PROOFS_REQUIRED`, `REFUSAL_REASON_REQUIRED`, `REFUSAL_GROUND_NOT_ALLOWED`)
 * when a type-specific condition is not met. Never mutates its input.
 */
export function transition(request: RightsRequest, event: TransitionEvent): RightsRequest {
  if (!NEXT[request.state].includes(event.to)) {
    throw new AppError("ILLEGAL_TRANSITION", `Cannot move a request from ${request.state} to ${event.to}`);
  }
  guard(request, event);
  return {
    ...request,
    state: event.to,
    // A renewed doubt voids the earlier verification until the new check passes.
    identityVerified: event.to === "identity_check" ? false : request.identityVerified,
    refusal: event.to === "refused" ? event.refusal : null,
  };
}

function assertOpen(request: RightsRequest): void {
  if (isTerminal(request.state)) {
    throw new AppError("REQUEST_CLOSED", `The request is already ${request.state}`);
  }
}

/** The request with its identity marked verified; throws `REQUEST_CLOSED` once the request has ended. */
export function markIdentityVerified(request: RightsRequest): RightsRequest {
  assertOpen(request);
  return { ...request, identityVerified: true };
}

/** The heir request with one proof's review status updated; throws for other types or ended requests. */
export function recordHeirProof(
  request: RightsRequest,
  proof: "death" | "heir",
  status: ProofStatus,
): RightsRequest {
  assertOpen(request);
  const { details } = request;
  if (details.type !== "heir_request") {
    throw new AppError("WRONG_REQUEST_TYPE", "Only heir requests carry proofs of death and heir status");
  }
  const updated = proof === "death" ? { ...details, deathProof: status } : { ...details, heirProof: status };
  return { ...request, details: updated };
}

/**
 * What a move does to the legal clock: entering `identity_check` opens a pause (we are waiting for the requester),
 * leaving it closes the pause, whatever the destination.
 */
export function clockEffect(from: RequestState, to: RequestState): ClockEffect {
  // Décret 2019-536 (ex-décret 2005-1309 art. 92): time limits are suspended while identity information is awaited.
  if (to === "identity_check" && from !== "identity_check") return "open_pause";
  if (from === "identity_check" && to !== "identity_check") return "close_pause";
  return "none";
}
