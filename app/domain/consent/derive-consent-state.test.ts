import { describe, expect, it } from "vitest";
import { chainOf, grantInput, minutesLater, withdrawalInput } from "../../../tests/fixtures/consent-events";
import type { ConsentEventInput, ConsentKind, LawfulBasis } from "./consent-event";
import { deriveConsentState } from "./derive-consent-state";

type Step = `${ConsentKind}${"" | `:${LawfulBasis}`}`;

/** One subject's events from a compact script: step i occurs at minute i. */
function events(...steps: Step[]) {
  return chainOf(steps.map((step, i) => input(step, i)));
}

function input(step: Step, minute: number): ConsentEventInput {
  const [kind, basis = "consent"] = step.split(":") as [ConsentKind, LawfulBasis?];
  const at = { id: `evt_${minute}`, occurredAt: minutesLater(minute), recordedAt: minutesLater(minute) };
  if (kind === "granted") return grantInput({ ...at, lawfulBasis: basis });
  if (kind === "confirmation_requested") return grantInput({ ...at, kind });
  return withdrawalInput({
    ...at,
    kind,
    lawfulBasis: basis,
    source: kind === "withdrawn" ? "mailchimp" : "system",
  });
}

describe("deriveConsentState", () => {
  it.each<[string, Step[], { status: string; lawfulBasis?: LawfulBasis; since?: number }]>([
    ["no events", [], { status: "never" }],
    ["a consent grant", ["granted"], { status: "subscribed", lawfulBasis: "consent", since: 0 }],
    [
      "a soft opt-in",
      ["granted:soft_opt_in"],
      { status: "subscribed", lawfulBasis: "soft_opt_in", since: 0 },
    ],
    [
      "soft opt-in then consent (upgrade)",
      ["granted:soft_opt_in", "granted"],
      { status: "subscribed", lawfulBasis: "consent", since: 1 },
    ],
    [
      "consent then soft opt-in (no downgrade)",
      ["granted", "granted:soft_opt_in"],
      { status: "subscribed", lawfulBasis: "consent", since: 0 },
    ],
    [
      "a second consent grant (continuous)",
      ["granted", "granted"],
      { status: "subscribed", lawfulBasis: "consent", since: 0 },
    ],
    ["grant then withdrawal", ["granted", "withdrawn"], { status: "unsubscribed", since: 1 }],
    [
      "soft opt-in then an objection",
      ["granted:soft_opt_in", "withdrawn:soft_opt_in"],
      { status: "unsubscribed", since: 1 },
    ],
    [
      "consent then a withdrawal recorded under soft opt-in",
      ["granted", "withdrawn:soft_opt_in"],
      { status: "unsubscribed", since: 1 },
    ],
    ["grant then expiry", ["granted", "expired"], { status: "unsubscribed", since: 1 }],
    ["a withdrawal with no grant before it", ["withdrawn"], { status: "unsubscribed", since: 0 }],
    [
      "two withdrawals (since the first)",
      ["granted", "withdrawn", "withdrawn"],
      { status: "unsubscribed", since: 1 },
    ],
    ["an expiry when never subscribed", ["expired"], { status: "never" }],
    [
      "an expiry after a withdrawal",
      ["granted", "withdrawn", "expired"],
      { status: "unsubscribed", since: 1 },
    ],
    [
      "re-subscription after withdrawal",
      ["granted", "withdrawn", "granted"],
      { status: "subscribed", lawfulBasis: "consent", since: 2 },
    ],
    [
      "a re-permission request while subscribed",
      ["granted", "repermission_requested"],
      { status: "subscribed", lawfulBasis: "consent", since: 0 },
    ],
    [
      "a re-permission request then expiry",
      ["granted", "repermission_requested", "expired"],
      { status: "unsubscribed", since: 2 },
    ],
    // Double opt-in.
    ["a consent awaiting its confirmation", ["confirmation_requested"], { status: "pending", since: 0 }],
    [
      "a consent then its confirmation",
      ["confirmation_requested", "granted"],
      { status: "subscribed", lawfulBasis: "consent", since: 1 },
    ],
    [
      "a request cancelled by a withdrawal",
      ["confirmation_requested", "withdrawn"],
      { status: "unsubscribed", since: 1 },
    ],
    [
      "a request that lapsed, never subscribed before",
      ["confirmation_requested", "expired"],
      { status: "never" },
    ],
    [
      "a request that lapsed after a withdrawal (back to it, same since)",
      ["granted", "withdrawn", "confirmation_requested", "expired"],
      { status: "unsubscribed", since: 1 },
    ],
    [
      "a second request while pending, then its lapse",
      ["confirmation_requested", "confirmation_requested", "expired"],
      { status: "never" },
    ],
    [
      "a request by someone already subscribed (changes nothing)",
      ["granted", "confirmation_requested", "expired"],
      { status: "unsubscribed", since: 2 },
    ],
  ])("derives %s", (_label, steps, expected) => {
    const state = deriveConsentState(events(...steps));
    expect(state.status).toBe(expected.status);
    expect(state.lawfulBasis).toBe(expected.lawfulBasis);
    expect(state.since).toBe(expected.since === undefined ? undefined : minutesLater(expected.since));
  });

  it("shows an unanswered re-permission request, and clears it once answered", () => {
    const asked = deriveConsentState(events("granted", "repermission_requested"));
    expect(asked.repermissionRequestedAt).toBe(minutesLater(1));
    expect(
      deriveConsentState(events("granted", "repermission_requested", "granted")).repermissionRequestedAt,
    ).toBeUndefined();
    expect(
      deriveConsentState(events("granted", "repermission_requested", "withdrawn")).repermissionRequestedAt,
    ).toBeUndefined();
  });

  it("names the request a pending state waits on, and forgets it once answered", () => {
    const pending = deriveConsentState(events("confirmation_requested", "confirmation_requested"));
    expect(pending.confirmationRequest).toEqual({ eventId: "evt_1", requestedAt: minutesLater(1) });
    expect(pending).not.toHaveProperty("beforePending");
    for (const answer of ["granted", "withdrawn", "expired"] as const) {
      expect(
        deriveConsentState(events("confirmation_requested", answer)).confirmationRequest,
      ).toBeUndefined();
    }
  });

  it("returns the newest event by seq as lastEvent, whatever the input order", () => {
    const ledger = events("granted", "repermission_requested", "withdrawn");
    const state = deriveConsentState([...ledger].reverse());
    expect(state.status).toBe("unsubscribed");
    expect(state.lastEvent?.seq).toBe(3);
    expect(deriveConsentState([]).lastEvent).toBeUndefined();
  });

  it("follows the order of the shopper's acts (occurredAt), not the order Vigie recorded them", () => {
    // A checkout grant whose webhook was processed late must not undo a later withdrawal…
    const lateGrant = chainOf([
      withdrawalInput({ id: "w", occurredAt: minutesLater(10) }),
      grantInput({ id: "g", occurredAt: minutesLater(5) }),
    ]);
    expect(deriveConsentState(lateGrant).status).toBe("unsubscribed");
    // …and a withdrawal recorded late does not undo a grant the shopper gave after it.
    const lateWithdrawal = chainOf([
      grantInput({ id: "g", occurredAt: minutesLater(10) }),
      withdrawalInput({ id: "w", occurredAt: minutesLater(5) }),
    ]);
    expect(deriveConsentState(lateWithdrawal).status).toBe("subscribed");
  });

  it("refuses events of several subjects, a query bug that would mix people's consents", () => {
    const ledger = chainOf([
      grantInput({ id: "a" }),
      withdrawalInput({ id: "b", personal: { subjectId: "subj_2", email: "other@example.fr" } }),
    ]);
    expect(() => deriveConsentState(ledger)).toThrow(/one subject/);
  });
});
