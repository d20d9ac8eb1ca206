import { describe, expect, it } from "vitest";
import { AppError } from "~/domain/errors";
import { LOCALES } from "~/i18n/locale";
import {
  assertConfirmable,
  PROCESSOR_DRAFTS,
  type ProcessorContent,
  ProcessorContentSchema,
  processorProblems,
  readProcessor,
} from "./processors";

const draft = (key: string) => {
  const found = PROCESSOR_DRAFTS.find((d) => d.key === key);
  if (!found) throw new Error(key);
  return structuredClone(found.content);
};
const refusal = (content: ProcessorContent) => {
  try {
    assertConfirmable(content);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, fields: (error as AppError).fields };
  }
};

describe("PROCESSOR_DRAFTS", () => {
  it("hold the reference policy's recipients, complete, in both languages, as the schema reads them", () => {
    expect(PROCESSOR_DRAFTS.map((d) => d.key)).toEqual([
      "shopify",
      "stripe",
      "mailchimp",
      "carriers",
      "vigie",
      "banks",
      "advertising",
      "social_networks",
    ]);
    for (const { key, content } of PROCESSOR_DRAFTS) {
      expect(ProcessorContentSchema.parse(JSON.parse(JSON.stringify(content))), key).toEqual(content);
      expect(processorProblems(content), key).toEqual([]);
      for (const locale of LOCALES) {
        expect(content.service[locale], key).not.toBe("");
        expect(content.name[locale], key).not.toBe("");
      }
    }
  });

  it("name each transfer outside the EEA with its safeguard, the unknown ones left for staff", () => {
    expect(draft("stripe").transfers[0]).toMatchObject({ mechanism: "adequacy" });
    expect(draft("stripe").transfers[0]?.detail.en).toContain("EU–US Data Privacy Framework");
    expect(draft("shopify").transfers.map((t) => t.mechanism)).toEqual(["adequacy", "unknown"]);
    expect(draft("carriers").transfers).toEqual([]);
  });
});

describe("assertConfirmable", () => {
  it("refuses a transfer whose safeguard is unknown (art. 44, 46)", () => {
    expect(refusal(draft("shopify"))).toEqual({
      code: "TRANSFER_SAFEGUARD_REQUIRED",
      fields: ["transfers.1.mechanism"],
    });
    const shopify = draft("shopify");
    (shopify.transfers[1] as ProcessorContent["transfers"][number]).mechanism = "sccs";
    expect(refusal(shopify)).toBeNull();
  });

  it("refuses a processor without its contract (art. 28(3)), not a controller of its own", () => {
    expect(refusal(draft("carriers"))).toEqual({
      code: "PROCESSOR_CONTRACT_REQUIRED",
      fields: ["contractDate", "contractUrl"],
    });
    expect(refusal({ ...draft("carriers"), contractDate: "2024-03-01" })).toBeNull();
    expect(refusal(draft("banks"))).toBeNull();
  });

  it("refuses an entry missing a text in one language", () => {
    expect(refusal({ ...draft("banks"), location: { fr: "UE", en: "" } })).toEqual({
      code: "REGISTER_ENTRY_INVALID",
      fields: ["location"],
    });
  });
});

describe("ProcessorContentSchema", () => {
  it("names a category of recipients in each language, and reads a name stored in one as both", () => {
    expect(draft("carriers").name).toEqual({ fr: "Transporteurs", en: "Carriers" });
    const stored = {
      ...JSON.parse(JSON.stringify(draft("stripe"))),
      name: "Stripe Payments Europe, Limited",
    };
    expect(ProcessorContentSchema.parse(stored).name).toEqual({
      fr: "Stripe Payments Europe, Limited",
      en: "Stripe Payments Europe, Limited",
    });
    // Both languages, as every other text of the register.
    expect(processorProblems({ ...draft("carriers"), name: { fr: "Transporteurs", en: "" } })).toEqual([
      "name",
    ]);
  });

  it("takes only web links and calendar dates for the contract", () => {
    expect(
      ProcessorContentSchema.safeParse({ ...draft("banks"), contractUrl: "javascript:alert(1)" }).success,
    ).toBe(false);
    expect(ProcessorContentSchema.safeParse({ ...draft("banks"), contractDate: "2024-02-30" }).success).toBe(
      false,
    );
    expect(ProcessorContentSchema.safeParse({ ...draft("banks"), contractDate: "2024-02-29" }).success).toBe(
      true,
    );
  });
});

describe("readProcessor", () => {
  it("is confirmed only for the version confirmed", () => {
    const entry = { key: "stripe", content: draft("stripe"), reviewedAt: new Date(), reviewedBy: "dpo" };
    expect(readProcessor({ ...entry, revision: 2, reviewedRevision: 2 }, "fr").confirmed).toBe(true);
    expect(readProcessor({ ...entry, revision: 3, reviewedRevision: 2 }, "fr").confirmed).toBe(false);
    expect(readProcessor({ ...entry, revision: 1, reviewedRevision: null }, "en")).toMatchObject({
      name: "Stripe Payments Europe, Limited",
      location: "Ireland (Dublin)",
      confirmed: false,
    });
  });
});
