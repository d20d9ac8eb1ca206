import { describe, expect, it } from "vitest";
import { normaliseEmail, normalisePhone, shopifyGid, shopifyId } from "./identifiers";

describe("normaliseEmail", () => {
  it("trims and lower-cases", () => {
    expect(normaliseEmail("  Camille.Martin@Example.FR ")).toBe("camille.martin@example.fr");
  });
  it("returns null for non-addresses", () => {
    expect(normaliseEmail("")).toBeNull();
    expect(normaliseEmail("no-at-sign")).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
    expect(normaliseEmail("a b@c.d")).toBeNull();
  });
});

describe("normalisePhone", () => {
  it("keeps digits and a leading plus", () => {
    expect(normalisePhone("+33 6 12-34.56 78")).toBe("+33612345678");
  });
  it("returns null when too few digits remain", () => {
    expect(normalisePhone("n/a")).toBeNull();
    expect(normalisePhone(undefined)).toBeNull();
  });
});

describe("shopifyId", () => {
  it("turns numeric ids into decimal strings and rejects anything else", () => {
    expect(shopifyId(191167)).toBe("191167");
    expect(shopifyId("191167")).toBe("191167");
    expect(shopifyId("gid://shopify/Customer/1")).toBeNull();
    expect(shopifyId(null)).toBeNull();
  });
  it("builds GraphQL global ids", () => {
    expect(shopifyGid("Customer", "191167")).toBe("gid://shopify/Customer/191167");
  });
});
