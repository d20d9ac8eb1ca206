import { describe, expect, it } from "vitest";
import { AppError } from "~/domain/errors";
import {
  type ActivityContent,
  ActivityContentSchema,
  activityProblems,
  assertActivity,
  changedFields,
  flattenForForm,
  reviewState,
  unflattenForm,
} from "./record";
import { retentionCheck } from "./retention-references";

const t = (fr: string, en: string) => ({ fr, en });
const complete = (): ActivityContent =>
  ActivityContentSchema.parse({
    name: t("Commandes", "Orders"),
    purposes: [{ purpose: t("Livrer", "Deliver"), basis: "contract" }],
    subjects: t("Clients", "Customers"),
    data: t("Adresse", "Address"),
    recipients: t("Transporteur", "Carrier"),
    retention: [{ category: "customer_relationship", months: 60, clock: "last_order" }],
  });

describe("activityProblems", () => {
  it("accepts a complete activity", () => {
    expect(activityProblems(complete())).toEqual([]);
    expect(() => assertActivity(complete())).not.toThrow();
  });

  it("asks for every text in both languages, a purpose and a retention period (art. 30(1))", () => {
    const content = { ...complete(), subjects: t("Clients", ""), purposes: [], retention: [] };
    expect(activityProblems(content)).toEqual(["subjects", "purposes", "retention"]);
  });

  it("asks for the interest pursued when the basis is legitimate interests (art. 6(1)(f), 13(1)(d))", () => {
    const content = complete();
    content.purposes.push({
      purpose: t("Lutter contre la fraude", "Fight fraud"),
      basis: "legitimate_interests",
      basisDetail: t("", ""),
      legitimateInterest: t("Se protéger", ""),
    });
    expect(activityProblems(content)).toEqual(["purposes.1.legitimateInterest"]);
    try {
      assertActivity(content);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("REGISTER_ENTRY_INVALID");
      expect((error as AppError).fields).toEqual(["purposes.1.legitimateInterest"]);
    }
  });
});

describe("changedFields", () => {
  it("names the top-level fields that differ, nothing when equal", () => {
    const before = complete();
    expect(changedFields(before, complete())).toEqual([]);
    const after = { ...complete(), data: t("Adresse, téléphone", "Address, phone") };
    after.retention[0] = { ...after.retention[0], months: 36 } as ActivityContent["retention"][number];
    expect(changedFields(before, after)).toEqual(["data", "retention"]);
  });
});

describe("reviewState", () => {
  it("holds a sign-off for the revision it was given for only (art. 5(2))", () => {
    expect(reviewState({ revision: 1, reviewedRevision: null })).toBe("never_reviewed");
    expect(reviewState({ revision: 2, reviewedRevision: 2 })).toBe("reviewed");
    expect(reviewState({ revision: 3, reviewedRevision: 2 })).toBe("changed_since_review");
  });
});

describe("unflattenForm and flattenForForm", () => {
  it("round-trip an activity through dotted form names, dropping the blank row a form adds", () => {
    const content = complete();
    const form = Object.entries({
      ...flattenForForm(content),
      "purposes.1.purpose.fr": "",
      "purposes.1.purpose.en": " ",
      "purposes.1.basis": "consent",
      "retention.1.months": "",
      "retention.1.category": "other",
      "retention.10.months": "13",
      "retention.10.category": "payment_cards",
      "retention.10.clock": "transaction",
      intent: "save",
      "__proto__.polluted": "x",
    });
    const parsed = ActivityContentSchema.parse(unflattenForm(form));
    expect(parsed.purposes).toEqual(content.purposes);
    expect(parsed.retention).toEqual([
      ...content.retention,
      { category: "payment_cards", months: 13, clock: "transaction", note: t("", "") },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("retentionCheck", () => {
  it("warns only when the shop keeps longer than the reference", () => {
    expect(
      retentionCheck({ category: "marketing_customers", months: 120, clock: "last_order" }),
    ).toMatchObject({
      reference: { months: 36, clock: "last_contact" },
      longerThanReference: true,
    });
    expect(
      retentionCheck({ category: "marketing_prospects", months: 36, clock: "last_contact" })
        .longerThanReference,
    ).toBe(false);
    expect(
      retentionCheck({ category: "payment_cards", months: 14, clock: "transaction" }).longerThanReference,
    ).toBe(true);
    expect(retentionCheck({ category: "other", months: 999, clock: "collection" })).toEqual({
      reference: null,
      longerThanReference: false,
    });
  });
});
