// The register of post-mortem directives (LIL art. 84–86): what a carried-out directive request
// does to it, and when a directive in it may end. docs/decisions/035.

import { AppError } from "../errors";
import type { HeirRequestDetails, PostMortemDirectiveDetails } from "./request-details";

/** `in_force` until the person revokes it or staff carry it out after the person's death. */
export type DirectiveStatus = "in_force" | "revoked" | "carried_out";

/** What carrying out a directive request does to the person's entry in the register. */
export type RegisterChange =
  | { kind: "create"; instructions: string }
  | { kind: "replace"; instructions: string }
  | { kind: "revoke" }
  | { kind: "none" };

/**
 * The register change of a directive request, given whether the person already has a directive in
 * force. LIL art. 85-I: directives may be changed or revoked at any time, so "record" over one in
 * force replaces it (one directive per person, the latest), "update" without one records it, and
 * "revoke" without one changes nothing.
 */
export function registerChange(details: PostMortemDirectiveDetails, inForce: boolean): RegisterChange {
  if (details.action === "revoke") return inForce ? { kind: "revoke" } : { kind: "none" };
  const instructions = details.instructions?.trim() ?? "";
  // The request was validated when filed; an erasure since then may have emptied its text.
  if (instructions === "" || !details.specificConsent) {
    throw new AppError("DIRECTIVE_INSTRUCTIONS_REQUIRED", "The directive's text is no longer there");
  }
  return inForce ? { kind: "replace", instructions } : { kind: "create", instructions };
}

/** Throws `DIRECTIVE_NOT_IN_FORCE` unless the directive can still be revoked (only one in force can). */
export function assertRevocable(status: DirectiveStatus): void {
  if (status !== "in_force") throw new AppError("DIRECTIVE_NOT_IN_FORCE", `The directive is ${status}`);
}

/**
 * Throws unless staff may mark the directive carried out after this heir request: it must be in
 * force, and the death proven (LIL art. 85-I: directives apply after death; décret 2019-536 art. 124
 * for the proof the heir brings).
 */
export function assertCarriable(status: DirectiveStatus, heir: HeirRequestDetails): void {
  if (status !== "in_force") throw new AppError("DIRECTIVE_NOT_IN_FORCE", `The directive is ${status}`);
  if (heir.deathProof !== "accepted") {
    throw new AppError("DEATH_PROOF_REQUIRED", "The proof of death must be accepted first");
  }
}
