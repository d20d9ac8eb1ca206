import { describe, expect, it } from "vitest";
import { belongsToErasure, erasedContactExpiry, erasedContactKeys } from "./erased-contacts";

describe("erasedContactKeys", () => {
  it("names one person by address and account, whatever the spelling, and never in clear", () => {
    const keys = erasedContactKeys("shop_1", {
      email: " Camille@Example.FR ",
      customerId: "820982911946154508",
    });
    expect(keys).toHaveLength(2);
    expect(erasedContactKeys("shop_1", { email: "camille@example.fr" })).toEqual([keys[0]]);
    expect(erasedContactKeys("shop_1", { customerId: "820982911946154508" })).toEqual([keys[1]]);
    expect(keys.join()).not.toMatch(/camille|820982911946154508/);
  });

  it("gives the same person unrelated keys in two shops, and an address and an id never collide", () => {
    const [a] = erasedContactKeys("shop_1", { email: "a@example.fr" });
    const [b] = erasedContactKeys("shop_2", { email: "a@example.fr" });
    expect(a).not.toBe(b);
    expect(erasedContactKeys("shop_1", { email: "1234" })).toEqual([]);
    expect(erasedContactKeys("shop_1", { customerId: "1234" })).not.toEqual(
      erasedContactKeys("shop_1", { email: "x@y.fr" }),
    );
  });

  it("has no key for nothing: no address, no valid id", () => {
    expect(erasedContactKeys("shop_1", { email: null, customerId: "not-an-id" })).toEqual([]);
  });
});

describe("belongsToErasure", () => {
  const erasedAt = new Date("2026-06-01T10:00:00Z");
  it("covers what dates from before the erasure and what has no date, not what came after", () => {
    expect(belongsToErasure(erasedAt, new Date("2015-01-01T00:00:00Z"))).toBe(true);
    expect(belongsToErasure(erasedAt, erasedAt)).toBe(true);
    expect(belongsToErasure(erasedAt, null)).toBe(true);
    expect(belongsToErasure(erasedAt, new Date("2026-06-01T10:00:01Z"))).toBe(false);
    expect(belongsToErasure(undefined, new Date("2015-01-01T00:00:00Z"))).toBe(false);
  });
  it("keeps a key ten years, leap days included", () => {
    expect(erasedContactExpiry(new Date("2024-02-29T12:00:00Z")).toISOString()).toBe(
      "2034-03-01T12:00:00.000Z",
    );
  });
});
