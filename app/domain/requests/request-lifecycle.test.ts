import { describe, expect, it } from "vitest";
import type { HeirRequestDetails } from "./request-details";
import {
  allowedTransitions,
  clockEffect,
  createRequest,
  isTerminal,
  markIdentityVerified,
  REQUEST_STATES,
  type RequestState,
  type RightsRequest,
  recordHeirProof,
  type TransitionEvent,
  transition,
} from "./request-lifecycle";

const heirDetails: HeirRequestDetails = {
  type: "heir_request",
  deceasedEmail: "jean.martin@example.fr",
  relationship: "fils",
  scope: ["close_account", "estate_access"],
  deathProof: "missing",
  heirProof: "missing",
};

function at(state: RequestState, overrides: Partial<RightsRequest> = {}): RightsRequest {
  return { state, details: { type: "access" }, identityVerified: true, refusal: null, ...overrides };
}

const refusal = {
  ground: "manifestly_unfounded_or_excessive" as const,
  explanation: "Fifth identical request this week.",
};

function eventTo(to: RequestState): TransitionEvent {
  return to === "refused" ? { to, refusal } : ({ to } as TransitionEvent);
}

const LEGAL: Array<[RequestState, RequestState]> = [
  ["received", "identity_check"],
  ["received", "in_progress"],
  ["received", "refused"],
  ["received", "withdrawn"],
  ["identity_check", "in_progress"],
  ["identity_check", "refused"],
  ["identity_check", "withdrawn"],
  ["identity_check", "closed_unverified"],
  ["in_progress", "identity_check"],
  ["in_progress", "answered"],
  ["in_progress", "refused"],
  ["in_progress", "withdrawn"],
];

describe("createRequest", () => {
  it("starts in received with no refusal and the given identity status", () => {
    expect(createRequest({ type: "erasure" }, { identityVerified: false })).toEqual({
      state: "received",
      details: { type: "erasure" },
      identityVerified: false,
      refusal: null,
    });
  });

  it("validates type-specific details", () => {
    expect(() => createRequest({ ...heirDetails, scope: [] }, { identityVerified: false })).toThrow(
      expect.objectContaining({ code: "HEIR_SCOPE_INVALID" }),
    );
  });
});

describe("transition", () => {
  it.each(LEGAL)("allows %s → %s", (from, to) => {
    expect(transition(at(from), eventTo(to)).state).toBe(to);
  });

  const illegal = REQUEST_STATES.flatMap((from) =>
    REQUEST_STATES.filter((to) => !LEGAL.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as const,
    ),
  );

  it.each(illegal)("throws ILLEGAL_TRANSITION for %s → %s", (from, to) => {
    expect(() => transition(at(from), eventTo(to))).toThrow(
      expect.objectContaining({ code: "ILLEGAL_TRANSITION", name: "AppError" }),
    );
  });

  it("does not mutate the request it is given", () => {
    const request = at("received");
    transition(request, { to: "withdrawn" });
    expect(request.state).toBe("received");
  });

  it("refuses to start work before identity is verified", () => {
    expect(() =>
      transition(at("identity_check", { identityVerified: false }), { to: "in_progress" }),
    ).toThrow(expect.objectContaining({ code: "IDENTITY_NOT_VERIFIED" }));
  });

  it("voids the verification when a new doubt sends the request back to identity_check", () => {
    expect(transition(at("in_progress"), { to: "identity_check" }).identityVerified).toBe(false);
  });

  it("records the refusal with its ground and explanation", () => {
    expect(transition(at("in_progress"), { to: "refused", refusal }).refusal).toEqual(refusal);
  });

  it("requires a written explanation to refuse", () => {
    expect(() =>
      transition(at("in_progress"), { to: "refused", refusal: { ...refusal, explanation: " " } }),
    ).toThrow(expect.objectContaining({ code: "REFUSAL_REASON_REQUIRED" }));
  });

  it("refuses a ground the request type does not allow (objection to marketing on 'excessive')", () => {
    const request = at("in_progress", { details: { type: "object_to_marketing" } });
    expect(() => transition(request, { to: "refused", refusal })).toThrow(
      expect.objectContaining({ code: "REFUSAL_GROUND_NOT_ALLOWED" }),
    );
    const identity = {
      ground: "identity_not_established" as const,
      explanation: "The code was never confirmed.",
    };
    expect(transition(request, { to: "refused", refusal: identity }).state).toBe("refused");
  });

  it("lets an erasure be refused on a legal retention obligation but not an access request", () => {
    const legal = {
      ground: "legal_obligation" as const,
      explanation: "Invoices are kept 10 years (C. com. L123-22).",
    };
    expect(
      transition(at("in_progress", { details: { type: "erasure" } }), { to: "refused", refusal: legal })
        .state,
    ).toBe("refused");
    expect(() => transition(at("in_progress"), { to: "refused", refusal: legal })).toThrow(
      expect.objectContaining({ code: "REFUSAL_GROUND_NOT_ALLOWED" }),
    );
  });

  it("keeps an heir request out of in_progress until both proofs are accepted", () => {
    let request = createRequest(heirDetails, { identityVerified: true });
    request = transition(request, { to: "identity_check" });
    request = markIdentityVerified(request);
    request = recordHeirProof(request, "death", "accepted");
    expect(() => transition(request, { to: "in_progress" })).toThrow(
      expect.objectContaining({ code: "HEIR_PROOFS_REQUIRED" }),
    );
    request = recordHeirProof(request, "heir", "accepted");
    expect(transition(request, { to: "in_progress" }).state).toBe("in_progress");
  });
});

describe("allowedTransitions", () => {
  it("lists the next states of identity_check", () => {
    expect(allowedTransitions("identity_check")).toEqual([
      "in_progress",
      "refused",
      "withdrawn",
      "closed_unverified",
    ]);
  });
});

describe("isTerminal", () => {
  it.each<[RequestState, boolean]>([
    ["received", false],
    ["identity_check", false],
    ["in_progress", false],
    ["answered", true],
    ["refused", true],
    ["withdrawn", true],
    ["closed_unverified", true],
  ])("%s → %s", (state, expected) => {
    expect(isTerminal(state)).toBe(expected);
  });
});

describe("markIdentityVerified", () => {
  it("marks an open request verified", () => {
    expect(markIdentityVerified(at("identity_check", { identityVerified: false })).identityVerified).toBe(
      true,
    );
  });

  it("throws REQUEST_CLOSED on an ended request", () => {
    expect(() => markIdentityVerified(at("closed_unverified", { identityVerified: false }))).toThrow(
      expect.objectContaining({ code: "REQUEST_CLOSED" }),
    );
  });
});

describe("recordHeirProof", () => {
  it("updates only the named proof", () => {
    const request = recordHeirProof(
      createRequest(heirDetails, { identityVerified: false }),
      "heir",
      "rejected",
    );
    expect(request.details).toMatchObject({ deathProof: "missing", heirProof: "rejected" });
  });

  it("throws WRONG_REQUEST_TYPE for a request that is not from an heir", () => {
    expect(() => recordHeirProof(at("received"), "death", "accepted")).toThrow(
      expect.objectContaining({ code: "WRONG_REQUEST_TYPE" }),
    );
  });

  it("throws REQUEST_CLOSED once the request has ended", () => {
    expect(() => recordHeirProof(at("withdrawn", { details: heirDetails }), "death", "accepted")).toThrow(
      expect.objectContaining({ code: "REQUEST_CLOSED" }),
    );
  });
});

describe("clockEffect", () => {
  it.each<[RequestState, RequestState, string]>([
    ["received", "identity_check", "open_pause"],
    ["in_progress", "identity_check", "open_pause"],
    ["identity_check", "in_progress", "close_pause"],
    ["identity_check", "closed_unverified", "close_pause"],
    ["identity_check", "withdrawn", "close_pause"],
    ["received", "in_progress", "none"],
    ["in_progress", "answered", "none"],
  ])("%s → %s gives %s", (from, to, expected) => {
    expect(clockEffect(from, to)).toBe(expected);
  });
});
