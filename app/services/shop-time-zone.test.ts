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

  it("is not set from the settings form: it comes from Shopify (docs/decisions/065)", () => {
    const parsed = PrivacySettingsFormSchema.parse({ ...form, timeZone: "America/Los_Angeles" });
    expect("timeZone" in parsed).toBe(false);
  });

  it("remembers when it was read from Shopify, and forgets a malformed date", () => {
    const at = "2026-12-03T10:00:00.000Z";
    expect(parseShopSettings(JSON.stringify({ timeZoneFromShopifyAt: at })).timeZoneFromShopifyAt).toBe(at);
    expect(
      parseShopSettings(JSON.stringify({ timeZoneFromShopifyAt: "yesterday" })).timeZoneFromShopifyAt,
    ).toBe(undefined);
  });
});
