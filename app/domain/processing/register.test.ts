import { describe, expect, it } from "vitest";
import { LOCALES } from "~/i18n/locale";
import { ActivityContentSchema, activityProblems } from "./record";
import { ACTIVITY_DRAFTS, buildRegister, formatPeriod, type StoredActivity } from "./register";

const draftInput = { shopName: "iméra", retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 } };

const stored = (): StoredActivity[] =>
  ACTIVITY_DRAFTS.map((draft) => ({
    key: draft.key,
    requires: draft.requires ?? null,
    content: draft.content(draftInput),
    revision: 1,
    reviewedRevision: null,
    reviewedAt: null,
    reviewedBy: null,
  }));

const input = (connected: string[], locale: "fr" | "en" = "fr") => ({
  shopName: "iméra",
  contactEmail: "dpo@imera-paris.com",
  activities: stored(),
  connected: new Set(connected),
  locale,
});

describe("ACTIVITY_DRAFTS", () => {
  it("are complete art. 30 entries in both languages, translated, that the stored schema reads back", () => {
    for (const draft of ACTIVITY_DRAFTS) {
      const content = draft.content(draftInput);
      expect(ActivityContentSchema.parse(JSON.parse(JSON.stringify(content))), draft.key).toEqual(content);
      expect(activityProblems(content), draft.key).toEqual([]);
      for (const text of [
        content.name,
        content.subjects,
        content.data,
        content.recipients,
        content.security,
      ]) {
        for (const locale of LOCALES) expect(text[locale].trim(), draft.key).not.toBe("");
        expect(text.fr, draft.key).not.toBe(text.en);
      }
    }
  });

  it("take the shop's name and retention settings", () => {
    const orders = ACTIVITY_DRAFTS.find((d) => d.key === "orders")?.content({
      shopName: "Boutique",
      retention: { customerYearsAfterLastOrder: 7, prospectYears: 2 },
    });
    expect(orders?.recipients.en).toContain("Authorised staff of Boutique");
    expect(orders?.retention[0]).toMatchObject({
      category: "customer_relationship",
      months: 84,
      clock: "last_order",
    });
  });
});

describe("buildRegister", () => {
  it("lists the payment and Mailchimp activities only when those systems are connected", () => {
    const ids = (connected: string[]) => buildRegister(input(connected)).activities.map((a) => a.id);

    const trackers = ["site_analytics", "social_sharing", "advertising"];
    expect(ids([])).toEqual(["orders", "marketing", "statistics", ...trackers, "rights"]);
    expect(ids(["stripe"])).toEqual(["orders", "payments", "marketing", "statistics", ...trackers, "rights"]);
    expect(ids(["stripe", "mailchimp"])).toEqual([
      "orders",
      "payments",
      "marketing",
      "mailchimp",
      "statistics",
      ...trackers,
      "rights",
    ]);
  });

  it("reads each retention period beside its reference, and warns where the shop keeps longer (art. 5(1)(e))", () => {
    const register = buildRegister(input(["stripe", "mailchimp"], "en"));
    const marketing = register.activities.find((a) => a.id === "marketing");
    // The demo shop: customers' marketing data 10 years after the last order, against 3 years.
    expect(marketing?.retentionPeriods[1]).toEqual({
      category: "marketing_customers",
      text: "10 years after the last order (customers)",
      reference: expect.stringMatching(
        /^3 years after the last contact — CNIL commercial-management reference/,
      ),
      longerThanReference: true,
    });
    // Prospects: 3 years from the last contact, as the CNIL says: no warning.
    expect(marketing?.retentionPeriods[0]?.longerThanReference).toBe(false);
    expect(register.activities.find((a) => a.id === "rights")?.retentionPeriods[0]?.longerThanReference).toBe(
      false,
    );
  });

  it("names the legitimate interest pursued and the lawful basis with its article", () => {
    const register = buildRegister(input(["stripe"], "fr"));
    const payments = register.activities.find((a) => a.id === "payments");
    expect(payments?.purposes[1]).toMatchObject({
      basis: "Intérêt légitime (art. 6(1)(f))",
      legitimateInterest: expect.stringContaining("moyens de paiement perdus ou volés"),
    });
    expect(register.activities.find((a) => a.id === "orders")?.purposes[1]?.basis).toBe(
      "Obligation légale (art. 6(1)(c)) — Code de commerce art. L123-22",
    );
    for (const activity of register.activities) {
      for (const { basis } of activity.purposes) expect(basis, activity.id).toMatch(/art\. 6\(1\)\([a-f]\)/);
    }
  });

  it("says whether each activity's sign-off covers its current version", () => {
    const activities = stored();
    activities[0] = {
      ...activities[0],
      revision: 3,
      reviewedRevision: 2,
      reviewedAt: new Date(),
      reviewedBy: "s1",
    } as StoredActivity;
    activities[2] = {
      ...activities[2],
      revision: 2,
      reviewedRevision: 2,
      reviewedAt: new Date(),
      reviewedBy: "s1",
    } as StoredActivity;
    const register = buildRegister({ ...input([]), activities });
    expect(register.activities.map((a) => a.review.state)).toEqual([
      "changed_since_review",
      "reviewed",
      "never_reviewed",
      "never_reviewed",
      // The storefront's three tracker activities (the cookie banner's purposes).
      "never_reviewed",
      "never_reviewed",
      "never_reviewed",
    ]);
  });
});

describe("formatPeriod", () => {
  it("says whole years as years, other durations in months, in both languages", () => {
    expect(formatPeriod({ months: 120, clock: "last_order" }, "fr")).toBe(
      "10 ans après la dernière commande",
    );
    expect(formatPeriod({ months: 12, clock: "collection" }, "fr")).toBe("1 an après la collecte");
    expect(formatPeriod({ months: 13, clock: "transaction" }, "en")).toBe("13 months after the transaction");
    expect(formatPeriod({ months: 1, clock: "transaction" }, "en")).toBe("1 month after the transaction");
  });
});
