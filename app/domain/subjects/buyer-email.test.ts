import { describe, expect, it } from "vitest";
import { buyerEmail } from "./buyer-email";

describe("buyerEmail", () => {
  it("prefers the customer account's default e-mail to the order's contact e-mail", () => {
    expect(buyerEmail({ customer: "Camille@Example.fr", order: ["checkout@example.fr"] })).toBe(
      "camille@example.fr",
    );
  });

  it("a guest order (no customer): the order's contact e-mail", () => {
    expect(buyerEmail({ customer: undefined, order: [" Invite@Example.COM "] })).toBe("invite@example.com");
  });

  it("a customer without a default e-mail: the order's contact e-mail", () => {
    expect(buyerEmail({ customer: null, order: ["contact@example.fr"] })).toBe("contact@example.fr");
  });

  it("a field Shopify withholds comes back null: absent, the other one is used", () => {
    expect(buyerEmail({ customer: null, order: ["contact@example.fr"] })).toBe("contact@example.fr");
    expect(buyerEmail({ customer: "client@example.fr", order: [null] })).toBe("client@example.fr");
  });

  it("a field Shopify no longer sends (removed from the API) is absent, not an error", () => {
    expect(buyerEmail({ customer: "client@example.fr" })).toBe("client@example.fr");
    expect(buyerEmail({ order: [undefined, "contact@example.fr"] })).toBe("contact@example.fr");
  });

  it("something that is not an address does not hide the next one; nothing at all gives null", () => {
    expect(buyerEmail({ customer: "", order: ["not an address", "legacy@example.fr"] })).toBe(
      "legacy@example.fr",
    );
    expect(buyerEmail({ customer: null, order: [null, undefined] })).toBeNull();
    expect(buyerEmail({})).toBeNull();
  });
});
