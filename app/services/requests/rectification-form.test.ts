import { describe, expect, it } from "vitest";
import { parseRequestForm } from "./request-form";

const base = { type: "rectification", email: "lea@example.fr" };

describe("the rectification form (GDPR art. 16)", () => {
  it("turns the filled fields into the domain's corrected values", () => {
    const parsed = parseRequestForm({
      ...base,
      rect_first_name: "Léa",
      rect_last_name: "Martin",
      rect_phone: "+33 6 98 76 54 31",
      rect_address1: "12 rue Oberkampf",
      rect_city: "Paris",
      rect_zip: "75011",
      rect_country: "fr",
    });
    expect(parsed.ok && parsed.details).toEqual({
      type: "rectification",
      changes: {
        name: { first: "Léa", last: "Martin" },
        phone: "+33698765431",
        address: { line1: "12 rue Oberkampf", line2: "", city: "Paris", zip: "75011", country: "FR" },
      },
    });
  });

  it("refuses malformed values next to the fields, and keeps a request without values as before", () => {
    expect(parseRequestForm({ ...base, rect_email: "not-an-address" })).toEqual({
      ok: false,
      errors: { rect_email: "requestForm.errors.rect_email" },
    });
    expect(parseRequestForm({ ...base, rect_address1: "12 rue Oberkampf", rect_country: "F1" })).toEqual({
      ok: false,
      errors: {
        rect_city: "requestForm.errors.rect_city",
        rect_zip: "requestForm.errors.rect_zip",
        rect_country: "requestForm.errors.rect_country",
      },
    });
    expect(parseRequestForm({ ...base, rect_first_name: "Léa", rect_phone: "06 12" })).toEqual({
      ok: false,
      errors: {
        rect_last_name: "requestForm.errors.rect_last_name",
        rect_phone: "requestForm.errors.rect_phone",
      },
    });
    const plain = parseRequestForm(base);
    expect(plain.ok && plain.details).toEqual({ type: "rectification" });
  });
});
