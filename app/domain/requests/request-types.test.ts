import { describe, expect, it } from "vitest";
import {
  isRequestType,
  REFUSAL_GROUND_BASIS,
  REQUEST_TYPE_INFO,
  REQUEST_TYPES,
  type RequestType,
  requestTypeInfo,
} from "./request-types";

describe("REQUEST_TYPE_INFO", () => {
  it.each(REQUEST_TYPES)("gives %s a French and English label and description", (type) => {
    const info = REQUEST_TYPE_INFO[type];
    for (const text of [info.label.fr, info.label.en, info.description.fr, info.description.en]) {
      expect(text.trim().length).toBeGreaterThan(5);
    }
    expect(info.label.fr).not.toBe(info.label.en);
    expect(info.refusalGrounds.length).toBeGreaterThan(0);
  });

  it.each<[RequestType, string]>([
    ["access", "GDPR art. 15"],
    ["rectification", "GDPR art. 16"],
    ["erasure", "GDPR art. 17"],
    ["withdraw_consent", "GDPR art. 7(3)"],
    ["object", "GDPR art. 21(1)"],
    ["object_to_marketing", "GDPR art. 21(3)"],
    ["portability", "GDPR art. 20"],
    ["post_mortem_directive", "LIL art. 85-I"],
    ["heir_request", "LIL art. 85-II"],
  ])("cites the legal basis of %s (%s)", (type, basis) => {
    expect(REQUEST_TYPE_INFO[type].legalBasis).toContain(basis);
  });

  it("allows only an identity ground to refuse an objection to direct marketing (art. 21(3) is absolute)", () => {
    expect(REQUEST_TYPE_INFO.object_to_marketing.refusalGrounds).toEqual(["identity_not_established"]);
  });

  it("lets only erasure invoke a legal retention obligation", () => {
    const withObligation = REQUEST_TYPES.filter((t) =>
      REQUEST_TYPE_INFO[t].refusalGrounds.includes("legal_obligation"),
    );
    expect(withObligation).toEqual(["erasure"]);
  });

  it("cites a provision for every refusal ground used", () => {
    for (const type of REQUEST_TYPES) {
      for (const ground of REQUEST_TYPE_INFO[type].refusalGrounds) {
        expect(REFUSAL_GROUND_BASIS[ground]).toMatch(/GDPR|LIL/);
      }
    }
  });
});

describe("isRequestType", () => {
  it("accepts known types and rejects others", () => {
    expect(isRequestType("heir_request")).toBe(true);
    expect(isRequestType("delete_everything")).toBe(false);
  });
});

describe("requestTypeInfo", () => {
  it("returns the entry of a known type", () => {
    expect(requestTypeInfo("portability").label.fr).toBe("Droit à la portabilité");
  });

  it("throws UNKNOWN_REQUEST_TYPE for an unknown type", () => {
    expect(() => requestTypeInfo("delete_everything")).toThrow(
      expect.objectContaining({ code: "UNKNOWN_REQUEST_TYPE", name: "AppError" }),
    );
  });
});
