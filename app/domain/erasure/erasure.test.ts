import { describe, expect, it } from "vitest";
import { parseLocalDate } from "~/domain/deadlines/local-date";
import {
  buildErasurePlan,
  erasureComplete,
  heldSteps,
  INVOICE_ARCHIVE,
  isSettled,
  type SystemPlan,
} from "./erasure-plan";
import { INVOICE_ARCHIVE_STEP, invoiceArchiveExpiry, invoicesFromOrderRecords } from "./invoice-archive";
import { accountingHoldExpiry, financialYearEnd } from "./legal-holds";
import { stepKind } from "./step-kinds";

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
    expect(plan[0]).toEqual({ system: "shopify", steps: [INVOICE_ARCHIVE], skipped: "started_by_shopify" });
    // Staff-started: the invoice facts are archived first, then Shopify is asked to erase.
    expect(buildErasurePlan(plans, { channel: "privacy_centre" })[0]?.steps.map((s) => s.id)).toEqual([
      INVOICE_ARCHIVE_STEP,
      "shopify:customer-data-erasure:7",
    ]);
    // Nothing redacted at Shopify (only guest orders kept), nothing to archive.
    const guest = [{ system: "shopify" as const, steps: [step("shopify:guest-orders", "keep")] }];
    expect(buildErasurePlan(guest, { channel: "staff" })[0]?.steps.map((s) => s.id)).toEqual([
      "shopify:guest-orders",
    ]);
    // Not connected: skipped as it was.
    const off = [{ system: "shopify" as const, steps: [], skipped: "not_connected" as const }];
    expect(buildErasurePlan(off, { channel: "shopify" })).toEqual(off);
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

describe("invoicesFromOrderRecords", () => {
  const records = [
    {
      section: "orders",
      provided: false,
      data: {
        orderId: "gid://shopify/Order/1",
        name: "#1001",
        createdAt: "2025-12-30T10:00:00Z",
        processedAt: "2025-12-30T10:00:01Z",
        total: { amount: "42.00", currencyCode: "EUR" },
        lineItems: [{ title: "Carnet", quantity: 2 }],
      },
    },
    {
      section: "order_inputs",
      provided: true,
      data: {
        orderId: "gid://shopify/Order/1",
        email: "camille@example.fr",
        phone: "+33600000001",
        note: "sonner deux fois",
        shippingAddress: { address1: "1 rue A" },
        billingAddress: { name: "Camille Martin", address1: "12 rue Oberkampf" },
      },
    },
    {
      section: "orders",
      provided: false,
      data: { orderId: "gid://shopify/Order/2", name: "#1002", createdAt: "2026-03-01T09:00:00Z" },
    },
    { section: "customer", provided: true, data: { email: "camille@example.fr" } },
  ];

  it("keeps what an invoice shows, per order, and nothing else (no e-mail, phone, note, shipping)", () => {
    const invoices = invoicesFromOrderRecords(records);
    expect(invoices).toEqual([
      {
        order: "#1001",
        date: "2025-12-30T10:00:01Z",
        total: { amount: "42.00", currencyCode: "EUR" },
        lines: [{ title: "Carnet", quantity: 2 }],
        billingAddress: { name: "Camille Martin", address1: "12 rue Oberkampf" },
      },
      { order: "#1002", date: "2026-03-01T09:00:00Z", total: null, lines: null, billingAddress: null },
    ]);
    expect(JSON.stringify(invoices)).not.toMatch(/camille@|\+336|sonner|1 rue A/);
  });

  it("holds them until ten years after the financial year of the latest order", () => {
    expect(invoiceArchiveExpiry(invoicesFromOrderRecords(records))).toBe("2036-12-31");
    expect(invoiceArchiveExpiry([])).toBeNull();
  });
});

describe("stepKind", () => {
  it("reads the kind from each system's step ids", () => {
    expect(stepKind("shopify", "shopify:customer-data-erasure:7001")).toBe("customer-data-erasure");
    expect(stepKind("shopify", INVOICE_ARCHIVE_STEP)).toBe("invoice-archive");
    expect(stepKind("shopify", "shopify:guest-orders")).toBe("guest-orders");
    expect(stepKind("stripe", "stripe:cus_1:mask-customer")).toBe("mask-customer");
    expect(stepKind("mailchimp", "mailchimp:aud1:delete-permanent")).toBe("delete-permanent");
    expect(stepKind("vigie", "vigie:subj:pseudonymise-consent")).toBe("pseudonymise-consent");
    expect(INVOICE_ARCHIVE.action).toBe("keep");
  });
});
