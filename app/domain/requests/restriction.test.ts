import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { recipientsAsked, validateDetails } from "./request-details";
import { REQUEST_TYPE_INFO } from "./request-types";
import {
  canDecideLift,
  isRestricted,
  liftTakesEffect,
  marketingPushAllowed,
  RESTRICTION_GROUND_BASIS,
  RESTRICTION_GROUNDS,
  recipientNoticePlan,
} from "./restriction";

describe("restriction of processing (GDPR art. 18)", () => {
  it("rests on one of the four cases of art. 18(1), each citing its point", () => {
    expect(RESTRICTION_GROUNDS.map((g) => RESTRICTION_GROUND_BASIS[g])).toEqual([
      "GDPR art. 18(1)(a)",
      "GDPR art. 18(1)(b)",
      "GDPR art. 18(1)(c)",
      "GDPR art. 18(1)(d)",
    ]);
    expect(() => validateDetails({ type: "restriction", ground: "legal_claims" })).not.toThrow();
    try {
      validateDetails({ type: "restriction", ground: "because" as never });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, "RESTRICTION_GROUND_REQUIRED")).toBe(true);
    }
    expect(REQUEST_TYPE_INFO.restriction.legalBasis).toContain("GDPR art. 18");
  });

  it("keeps the data only stored: unsubscribing always goes through, subscribing not while restricted", () => {
    expect(marketingPushAllowed("subscribed", true)).toBe(false);
    expect(marketingPushAllowed("unsubscribed", true)).toBe(true);
    expect(marketingPushAllowed("subscribed", false)).toBe(true);
    expect(isRestricted("active")).toBe(true);
    // The lift decided but not yet notified still restricts (art. 18(3)).
    expect(isRestricted("lifting")).toBe(true);
    expect(isRestricted("lifted")).toBe(false);
  });

  it("lifts only after the person was told (art. 18(3))", () => {
    expect(canDecideLift("active")).toBe(true);
    expect(canDecideLift("lifting")).toBe(false);
    expect(liftTakesEffect("lifting", "queued")).toBe(false);
    expect(liftTakesEffect("lifting", "sending")).toBe(false);
    expect(liftTakesEffect("lifting", "failed")).toBe(false);
    expect(liftTakesEffect("lifting", "sent")).toBe(true);
    expect(liftTakesEffect("lifting", "outbox")).toBe(true);
    expect(liftTakesEffect("active", "sent")).toBe(false);
  });
});

describe("notice to recipients (GDPR art. 19)", () => {
  const register = ["shopify", "stripe", "mailchimp", "carriers", "vigie", "banks"];

  it("tells Shopify and Mailchimp of a restriction by connector, lists Stripe and the register's others for staff", () => {
    expect(recipientNoticePlan("restriction", ["shopify", "stripe", "mailchimp"], register)).toEqual([
      { recipient: "shopify", channel: "connector" },
      { recipient: "stripe", channel: "staff" },
      { recipient: "mailchimp", channel: "connector" },
      { recipient: "carriers", channel: "staff" },
      { recipient: "banks", channel: "staff" },
    ]);
  });

  it("counts an erasure's connectors as told, and a rectification as staff's work everywhere", () => {
    expect(recipientNoticePlan("erasure", ["shopify"], ["carriers"])).toEqual([
      { recipient: "shopify", channel: "connector" },
      { recipient: "carriers", channel: "staff" },
    ]);
    expect(recipientNoticePlan("rectification", ["shopify", "mailchimp"], []).map((p) => p.channel)).toEqual([
      "staff",
      "staff",
    ]);
  });

  it("answers with the list only when the person asked (art. 19, second sentence)", () => {
    expect(recipientsAsked({ type: "erasure", recipientsAsked: true })).toBe(true);
    expect(recipientsAsked({ type: "erasure" })).toBe(false);
    expect(recipientsAsked({ type: "restriction", ground: "legal_claims", recipientsAsked: false })).toBe(
      false,
    );
  });
});
