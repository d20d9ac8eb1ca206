import { describe, expect, it } from "vitest";
import { parseLocalDate } from "~/domain/deadlines/local-date";
import { buildErasurePlan, erasureComplete, heldSteps, isSettled, type SystemPlan } from "./erasure-plan";
import { accountingHoldExpiry, financialYearEnd } from "./legal-holds";

const step = (id: string, action: "delete" | "mask" | "archive" | "keep" = "delete") => ({
  id,
  action,
  target: id,
});
const plans: SystemPlan[] = [
  { system: "vigie", steps: [step("vigie:1:delete-subject")] },
  { system: "mailchimp", steps: [step("mailchimp:a:delete-permanent")] },
  { system: "shopify", steps: [step("shopify:customer-data-erasure:7")] },
  {
    system: "stripe",
    steps: [step("stripe:cus:mask-customer", "mask"), step("stripe:cus:keep-invoices", "keep")],
  },
];

describe("buildErasurePlan", () => {
  it("runs the outside systems first and Vigie last", () => {
    expect(buildErasurePlan(plans, { channel: "staff" }).map((p) => p.system)).toEqual([
      "shopify",
      "stripe",
      "mailchimp",
      "vigie",
    ]);
  });

  it("never asks Shopify to erase again on a customers/redact, which Shopify itself started", () => {
    const plan = buildErasurePlan(plans, { channel: "shopify" });
    expect(plan[0]).toEqual({ system: "shopify", steps: [], skipped: "started_by_shopify" });
    expect(buildErasurePlan(plans, { channel: "privacy_centre" })[0]?.steps).toHaveLength(1);
  });
});

describe("erasureComplete", () => {
  it("needs every planned step settled: done, nothing found, or held", () => {
    const plan = buildErasurePlan(plans, { channel: "staff" });
    const receipts = new Map(plan.flatMap((p) => p.steps.map((s) => [s.id, { outcome: "done" as const }])));
    expect(erasureComplete(plan, receipts)).toBe(true);
    receipts.set("stripe:cus:keep-invoices", { outcome: "held" as never });
    receipts.set("mailchimp:a:delete-permanent", { outcome: "not_found" as never });
    expect(erasureComplete(plan, receipts)).toBe(true);
    receipts.set("vigie:1:delete-subject", { outcome: "failed" as never });
    expect(erasureComplete(plan, receipts)).toBe(false);
    receipts.delete("vigie:1:delete-subject");
    expect(erasureComplete(plan, receipts)).toBe(false);
  });

  it("treats a failed or missing receipt as unsettled", () => {
    expect(isSettled(undefined)).toBe(false);
    expect(isSettled({ outcome: "failed" })).toBe(false);
  });
});

describe("heldSteps", () => {
  it("lists what is kept, with its system, for the answer to the subject", () => {
    expect(heldSteps(plans)).toEqual([{ system: "stripe", step: step("stripe:cus:keep-invoices", "keep") }]);
  });
});

describe("accountingHoldExpiry", () => {
  it("keeps an invoice ten years after the close of its financial year (calendar year by default)", () => {
    expect(accountingHoldExpiry(parseLocalDate("2026-03-14"))).toBe("2036-12-31");
    expect(accountingHoldExpiry(parseLocalDate("2026-12-31"))).toBe("2036-12-31");
  });

  it("follows a shop's own financial year end", () => {
    const june = { month: 6, day: 30 };
    expect(financialYearEnd(parseLocalDate("2026-06-30"), june)).toBe("2026-06-30");
    expect(financialYearEnd(parseLocalDate("2026-07-01"), june)).toBe("2027-06-30");
    expect(accountingHoldExpiry(parseLocalDate("2026-07-01"), june)).toBe("2037-06-30");
  });

  it("handles a 29 February year end ten years on", () => {
    expect(accountingHoldExpiry(parseLocalDate("2028-02-10"), { month: 2, day: 29 })).toBe("2038-02-28");
  });
});
