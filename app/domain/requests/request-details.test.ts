import { describe, expect, it } from "vitest";
import {
  type HeirRequestDetails,
  heirProofsAccepted,
  type PostMortemDirectiveDetails,
  type ProofStatus,
  validateDetails,
} from "./request-details";

const directive: PostMortemDirectiveDetails = {
  type: "post_mortem_directive",
  action: "record",
  instructions: "Erase my account and order history, keep invoices as the law requires.",
  executor: { name: "Camille Martin", email: "camille@example.fr" },
  specificConsent: true,
};

const heir: HeirRequestDetails = {
  type: "heir_request",
  deceasedEmail: "jean.martin@example.fr",
  relationship: "fille",
  scope: ["close_account", "stop_marketing"],
  deathProof: "submitted",
  heirProof: "submitted",
};

describe("validateDetails", () => {
  it("accepts a simple request type with no extra details", () => {
    expect(() => validateDetails({ type: "access" })).not.toThrow();
  });

  it("accepts a complete directive, with or without an executor", () => {
    expect(() => validateDetails(directive)).not.toThrow();
    expect(() => validateDetails({ ...directive, executor: null })).not.toThrow();
  });

  it.each(["record", "update"] as const)("requires the directive text to %s a directive", (action) => {
    expect(() => validateDetails({ ...directive, action, instructions: "  " })).toThrow(
      expect.objectContaining({ code: "DIRECTIVE_INSTRUCTIONS_REQUIRED" }),
    );
  });

  it("requires a specific consent, not acceptance of general terms, to record a directive", () => {
    expect(() => validateDetails({ ...directive, specificConsent: false })).toThrow(
      expect.objectContaining({ code: "DIRECTIVE_SPECIFIC_CONSENT_REQUIRED" }),
    );
  });

  it("lets a directive be revoked with no text and no fresh consent", () => {
    expect(() =>
      validateDetails({ ...directive, action: "revoke", instructions: null, specificConsent: false }),
    ).not.toThrow();
  });

  it("requires a way to reach a named executor", () => {
    expect(() => validateDetails({ ...directive, executor: { name: "Camille Martin" } })).toThrow(
      expect.objectContaining({ code: "EXECUTOR_CONTACT_REQUIRED" }),
    );
    expect(() =>
      validateDetails({ ...directive, executor: { name: " ", email: "camille@example.fr" } }),
    ).toThrow(expect.objectContaining({ code: "EXECUTOR_CONTACT_REQUIRED" }));
    expect(() =>
      validateDetails({
        ...directive,
        executor: { name: "Camille Martin", postalAddress: "1 rue de la Paix, Paris" },
      }),
    ).not.toThrow();
  });

  it("accepts an heir request within the three allowed purposes", () => {
    expect(() => validateDetails({ ...heir, scope: ["estate_access"] })).not.toThrow();
  });

  it("requires the deceased's e-mail and the heir's relationship to them", () => {
    expect(() => validateDetails({ ...heir, deceasedEmail: " " })).toThrow(
      expect.objectContaining({ code: "HEIR_DECEASED_EMAIL_REQUIRED" }),
    );
    expect(() => validateDetails({ ...heir, relationship: "" })).toThrow(
      expect.objectContaining({ code: "HEIR_RELATIONSHIP_REQUIRED" }),
    );
  });

  it("rejects an heir request with no purpose or one outside LIL art. 85-II", () => {
    expect(() => validateDetails({ ...heir, scope: [] })).toThrow(
      expect.objectContaining({ code: "HEIR_SCOPE_INVALID" }),
    );
    const outside = { ...heir, scope: ["full_portability"] } as unknown as HeirRequestDetails;
    expect(() => validateDetails(outside)).toThrow(expect.objectContaining({ code: "HEIR_SCOPE_INVALID" }));
  });
});

describe("heirProofsAccepted", () => {
  it.each<[ProofStatus, ProofStatus, boolean]>([
    ["accepted", "accepted", true],
    ["accepted", "submitted", false],
    ["submitted", "accepted", false],
    ["accepted", "rejected", false],
    ["missing", "accepted", false],
  ])("death proof %s and heir proof %s → %s", (deathProof, heirProof, expected) => {
    expect(heirProofsAccepted({ ...heir, deathProof, heirProof })).toBe(expected);
  });
});
