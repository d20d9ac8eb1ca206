import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth, whatever the insertion order", () => {
    const a = { b: 1, a: { d: [1, { z: true, y: false }], c: "x" } };
    const b = { a: { c: "x", d: [1, { y: false, z: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"y":false,"z":true}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it("drops undefined and null members, so an absent column hashes like an absent field", () => {
    expect(canonicalJson({ a: 1, b: undefined, c: null })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: null })).toBe(canonicalJson({ a: 1 }));
  });

  it("serialises a Date exactly as its ISO string", () => {
    const iso = "2026-11-26T09:30:00.000Z";
    expect(canonicalJson({ at: new Date(iso) })).toBe(`{"at":"${iso}"}`);
    expect(canonicalJson({ at: new Date(iso) })).toBe(canonicalJson({ at: iso }));
  });

  it("keeps non-ASCII text as UTF-8 characters and escapes what JSON requires", () => {
    expect(canonicalJson({ t: "Je souhaite… « é » 😀" })).toBe('{"t":"Je souhaite… « é » 😀"}');
    expect(canonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });

  it("keeps array order and serialises scalars like JSON", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson([true, false, null, 1.5, -2])).toBe("[true,false,null,1.5,-2]");
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", { n: Number.POSITIVE_INFINITY }],
    ["a bigint", { n: 1n }],
    ["a function", { f: () => 1 }],
    ["a symbol", { s: Symbol("s") }],
    ["an invalid Date", { at: new Date("nope") }],
    ["a lone surrogate", { t: "a\uD800b" }],
    ["undefined in an array", [1, undefined]],
    ["a class instance", { m: new Map() }],
    ["undefined at the top", undefined],
  ])("rejects %s instead of guessing a form", (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("is a fixed point: re-serialising its own output changes nothing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it("does not depend on key order (property)", () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (value === null || typeof value !== "object") return value;
      const entries = Object.entries(value).reverse();
      return Object.fromEntries(entries.map(([k, v]) => [k, reverseKeys(v)]));
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });
});
