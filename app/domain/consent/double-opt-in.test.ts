import { describe, expect, it } from "vitest";
import type { ConsentState } from "./derive-consent-state";
import {
  CONFIRMATION_WINDOW_DAYS,
  confirmationDeadline,
  decideConfirmation,
  hasLapsed,
  needsConfirmation,
} from "./double-opt-in";

const REQUESTED = "2026-12-01T10:00:00.000Z";
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(REQUESTED) + days * DAY);
const pending: ConsentState = {
  status: "pending",
  since: REQUESTED,
  confirmationRequest: { eventId: "req_1", requestedAt: REQUESTED },
};

describe("double opt-in", () => {
  it("asks a confirmation only for a shop that wants it, from Vigie's own forms, of someone not subscribed", () => {
    const never = { status: "never" } as const;
    expect(needsConfirmation({ doubleOptIn: true, source: "checkout", state: never })).toBe(true);
    expect(needsConfirmation({ doubleOptIn: true, source: "privacy_centre", state: never })).toBe(true);
    expect(
      needsConfirmation({ doubleOptIn: true, source: "checkout", state: { status: "unsubscribed" } }),
    ).toBe(true);
    expect(needsConfirmation({ doubleOptIn: true, source: "checkout", state: pending })).toBe(true);
    expect(needsConfirmation({ doubleOptIn: false, source: "checkout", state: never })).toBe(false);
    expect(needsConfirmation({ doubleOptIn: true, source: "shopify", state: never })).toBe(false);
    expect(needsConfirmation({ doubleOptIn: true, source: "staff", state: never })).toBe(false);
    expect(
      needsConfirmation({ doubleOptIn: true, source: "checkout", state: { status: "subscribed" } }),
    ).toBe(false);
  });

  it("confirms the pending request within its window, and only it", () => {
    expect(CONFIRMATION_WINDOW_DAYS).toBe(7);
    expect(confirmationDeadline(REQUESTED).toISOString()).toBe("2026-12-08T10:00:00.000Z");
    expect(decideConfirmation(pending, "req_1", at(0))).toBe("confirm");
    expect(decideConfirmation(pending, "req_1", new Date(at(7).getTime() - 1))).toBe("confirm");
    expect(decideConfirmation(pending, "req_1", at(7))).toBe("lapsed");
    // A request replaced by a newer one, cancelled, or answered already.
    expect(decideConfirmation(pending, "req_0", at(0))).toBe("not_pending");
    expect(decideConfirmation({ status: "unsubscribed", since: REQUESTED }, "req_1", at(0))).toBe(
      "not_pending",
    );
    expect(decideConfirmation({ status: "never" }, "req_1", at(0))).toBe("not_pending");
    expect(decideConfirmation({ status: "subscribed", lawfulBasis: "consent" }, "req_1", at(1))).toBe(
      "already_subscribed",
    );
  });

  it("says when a pending subject's request has lapsed", () => {
    expect(hasLapsed({ status: "pending", since: new Date(REQUESTED) }, at(6.9))).toBe(false);
    expect(hasLapsed({ status: "pending", since: new Date(REQUESTED) }, at(7))).toBe(true);
    expect(hasLapsed({ status: "subscribed", since: new Date(REQUESTED) }, at(30))).toBe(false);
    expect(hasLapsed({ status: "pending", since: null }, at(30))).toBe(false);
  });
});
