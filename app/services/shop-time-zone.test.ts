import { describe, expect, it } from "vitest";
import { PrivacySettingsFormSchema } from "./settings.server";
import { parseShopSettings } from "./shop-settings.server";

const form = {
  dpoEmail: "dpo@imera.example",
  privacyNoticeUrl: "",
  noticeVersion: "1",
  customerYearsAfterLastOrder: "10",
  prospectYears: "3",
};

describe("the shop's time zone setting", () => {
  it("is Europe/Paris until the shop sets one", () => {
    expect(parseShopSettings("{}").timeZone).toBe("Europe/Paris");
    expect(parseShopSettings(JSON.stringify({ timeZone: "Pacific/Auckland" })).timeZone).toBe(
      "Pacific/Auckland",
    );
  });

  it("falls back to Europe/Paris for an unknown zone without losing the other settings", () => {
    const settings = parseShopSettings(
      JSON.stringify({ timeZone: "Mars/Olympus", dpoEmail: "dpo@imera.example" }),
    );
    expect(settings).toMatchObject({ timeZone: "Europe/Paris", dpoEmail: "dpo@imera.example" });
  });

  it("accepts an IANA zone from the settings form and refuses anything else on its field", () => {
    expect(PrivacySettingsFormSchema.parse({ ...form, timeZone: "America/Los_Angeles" }).timeZone).toBe(
      "America/Los_Angeles",
    );
    expect(PrivacySettingsFormSchema.parse(form).timeZone).toBeUndefined();
    const refused = PrivacySettingsFormSchema.safeParse({ ...form, timeZone: "Mars/Olympus" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path[0])).toEqual(["timeZone"]);
  });
});
