import { describe, expect, it } from "vitest";
import { LOCALES } from "~/i18n/locale";
import { ACTIVITIES, buildRegister, type RegisterSystem, SECURITY_MEASURES, type Text } from "./register";

const input = (connected: RegisterSystem[], locale: "fr" | "en" = "fr") => ({
  shopName: "iméra",
  contactEmail: "dpo@imera-paris.com",
  retention: { customerYearsAfterLastOrder: 7, prospectYears: 2 },
  connected: new Set(connected),
  locale,
});

/** Every text of the register's source, to check both languages at once. */
function allTexts(): Text[] {
  return [
    ...ACTIVITIES.flatMap((a) => [
      a.name,
      a.subjects,
      a.data,
      a.recipients,
      a.transfers,
      a.retention,
      ...(a.automatedDecision ? [a.automatedDecision] : []),
      ...a.purposes.flatMap(({ purpose, basis }) => [purpose, basis]),
    ]),
    ...SECURITY_MEASURES,
  ];
}

describe("buildRegister", () => {
  it("lists the payment and Mailchimp activities only when those systems are connected", () => {
    const ids = (connected: RegisterSystem[]) => buildRegister(input(connected)).activities.map((a) => a.id);

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

  it("fills in the shop, its contact and its own retention periods", () => {
    const register = buildRegister(input(["stripe", "mailchimp"], "en"));

    expect(register.controller).toEqual({ name: "iméra", contactEmail: "dpo@imera-paris.com" });
    const orders = register.activities.find((a) => a.id === "orders");
    expect(orders?.retention).toMatch(/^7 years after the last order/);
    expect(orders?.recipients).toContain("Authorised staff of iméra");
    expect(register.activities.find((a) => a.id === "marketing")?.retention).toContain("Prospects: 2 years");
    expect(register.activities.find((a) => a.id === "payments")?.automatedDecision).toContain(
      "a person at iméra",
    );
    expect(JSON.stringify(register)).not.toMatch(/\{(shop|customerYears|prospectYears)\}/);
  });

  it("says every activity's purposes with a lawful basis, and cites the articles", () => {
    for (const activity of buildRegister(input(["stripe", "mailchimp"])).activities) {
      expect(activity.purposes.length, activity.id).toBeGreaterThan(0);
      for (const { basis } of activity.purposes) expect(basis, activity.id).toMatch(/art\. \d/);
    }
  });

  it("has every text in both languages, translated", () => {
    for (const text of allTexts()) {
      for (const locale of LOCALES) expect(text[locale].trim(), JSON.stringify(text)).not.toBe("");
      expect(text.fr, text.en).not.toBe(text.en);
    }
  });
});
