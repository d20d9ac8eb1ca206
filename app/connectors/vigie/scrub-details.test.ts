import { describe, expect, it } from "vitest";
import { scrubRequestDetails } from "./scrub-details";

describe("scrubRequestDetails", () => {
  it("keeps a simple request's type", () => {
    expect(JSON.parse(scrubRequestDetails('{"type":"erasure"}'))).toEqual({ type: "erasure" });
  });

  it("empties a post-mortem directive's instructions and executor, keeping its action and consent flag", () => {
    const details = {
      type: "post_mortem_directive",
      action: "update",
      instructions: "Transmettre mes photos à Jean.",
      executor: { name: "Jean Martin", email: "jean@example.fr", postalAddress: "1 rue de Paris" },
      specificConsent: true,
    };
    expect(JSON.parse(scrubRequestDetails(JSON.stringify(details)))).toEqual({
      type: "post_mortem_directive",
      action: "update",
      specificConsent: true,
      instructions: null,
      executor: null,
    });
  });

  it("keeps an heir request's scope and proof states, which are codes, not who died or who asks", () => {
    const codes = {
      type: "heir_request",
      scope: ["close_account"],
      deathProof: "accepted",
      heirProof: "submitted",
    };
    const details = { ...codes, deceasedEmail: "jean.martin@example.fr", relationship: "fille" };
    expect(JSON.parse(scrubRequestDetails(JSON.stringify(details)))).toEqual({
      ...codes,
      deceasedEmail: null,
      relationship: null,
    });
  });

  it("drops any key it does not know, and turns unreadable details into an empty object", () => {
    expect(JSON.parse(scrubRequestDetails('{"type":"access","note":"camille@example.fr"}'))).toEqual({
      type: "access",
    });
    expect(scrubRequestDetails("not json")).toBe("{}");
    expect(scrubRequestDetails('["camille@example.fr"]')).toBe("{}");
  });
});
