import { describe, expect, it } from "vitest";
import { assertCarriable, assertRevocable, registerChange } from "./post-mortem-directives";
import type { HeirRequestDetails, PostMortemDirectiveDetails } from "./request-details";

const directive: PostMortemDirectiveDetails = {
  type: "post_mortem_directive",
  action: "record",
  instructions: "  Effacer mon compte, transmettre mes factures à ma fille.  ",
  executor: null,
  specificConsent: true,
};
const heir: HeirRequestDetails = {
  type: "heir_request",
  deceasedEmail: "jean@example.fr",
  relationship: "fille",
  scope: ["close_account"],
  deathProof: "accepted",
  heirProof: "submitted",
};

describe("registerChange", () => {
  it("records a first directive, and replaces the one in force on a new record or update", () => {
    const text = "Effacer mon compte, transmettre mes factures à ma fille.";
    expect(registerChange(directive, false)).toEqual({ kind: "create", instructions: text });
    expect(registerChange(directive, true)).toEqual({ kind: "replace", instructions: text });
    expect(registerChange({ ...directive, action: "update" }, false)).toEqual({
      kind: "create",
      instructions: text,
    });
  });

  it("revokes the directive in force, and does nothing when there is none", () => {
    const revoke = { ...directive, action: "revoke" as const, instructions: null };
    expect(registerChange(revoke, true)).toEqual({ kind: "revoke" });
    expect(registerChange(revoke, false)).toEqual({ kind: "none" });
  });

  it("refuses to record a directive whose text or specific consent is gone", () => {
    expect(() => registerChange({ ...directive, instructions: null }, false)).toThrow(
      expect.objectContaining({ code: "DIRECTIVE_INSTRUCTIONS_REQUIRED" }),
    );
    expect(() => registerChange({ ...directive, specificConsent: false }, false)).toThrow(
      expect.objectContaining({ code: "DIRECTIVE_INSTRUCTIONS_REQUIRED" }),
    );
  });
});

describe("ending a directive", () => {
  it("revokes or carries out only a directive in force", () => {
    expect(() => assertRevocable("in_force")).not.toThrow();
    for (const status of ["revoked", "carried_out"] as const) {
      expect(() => assertRevocable(status)).toThrow(
        expect.objectContaining({ code: "DIRECTIVE_NOT_IN_FORCE" }),
      );
      expect(() => assertCarriable(status, heir)).toThrow(
        expect.objectContaining({ code: "DIRECTIVE_NOT_IN_FORCE" }),
      );
    }
  });

  it("carries out a directive only once the death is proven", () => {
    expect(() => assertCarriable("in_force", heir)).not.toThrow();
    expect(() => assertCarriable("in_force", { ...heir, deathProof: "submitted" })).toThrow(
      expect.objectContaining({ code: "DEATH_PROOF_REQUIRED" }),
    );
  });
});
