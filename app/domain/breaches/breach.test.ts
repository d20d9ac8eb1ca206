import { describe, expect, it } from "vitest";
import { assertClosable, BreachFactsSchema, missingNoticeFields, parseAddressList } from "./breach";

const facts = BreachFactsSchema.parse({
  title: "Lost laptop",
  nature: { fr: "Ordinateur perdu", en: "Laptop lost" },
  consequences: { fr: "Accès possible aux commandes", en: "" },
  measures: { fr: "Mots de passe changés", en: "Passwords changed" },
  approxSubjects: "120",
  approxRecords: "",
  dpoContact: "dpo@shop.example",
});

describe("a breach's facts and rules", () => {
  it("reads counts from a form, an empty one as unknown", () => {
    expect(facts.approxSubjects).toBe(120);
    expect(facts.approxRecords).toBeNull();
    expect(BreachFactsSchema.safeParse({ ...facts, approxSubjects: "-1" }).success).toBe(false);
  });

  it("lists what the art. 34(2) notice misses in the languages it goes in", () => {
    expect(missingNoticeFields(facts, ["fr"])).toEqual([]);
    expect(missingNoticeFields(facts, ["fr", "en"])).toEqual(["consequences.en"]);
  });

  it("closes only once the art. 33 decision is made and, when required, the CNIL notified", () => {
    expect(() => assertClosable({ state: "open", notificationRequired: null })).toThrow(
      expect.objectContaining({ code: "BREACH_DECISION_REQUIRED" }),
    );
    expect(() => assertClosable({ state: "open", notificationRequired: true })).toThrow(
      expect.objectContaining({ code: "BREACH_NOT_NOTIFIED" }),
    );
    expect(() => assertClosable({ state: "open", notificationRequired: false })).not.toThrow();
    expect(() => assertClosable({ state: "notified", notificationRequired: true })).not.toThrow();
    expect(() => assertClosable({ state: "closed", notificationRequired: true })).toThrow();
  });

  it("reads pasted addresses: any separator, lower-cased, once each, the rest apart", () => {
    expect(parseAddressList("A@x.fr, b@x.fr;a@x.fr\n  not-one \tc@y.com")).toEqual({
      valid: ["a@x.fr", "b@x.fr", "c@y.com"],
      invalid: ["not-one"],
    });
  });
});
