import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openBytes, openSecret, sealBytes, sealSecret } from "./secret-box.server";

const KEY = randomBytes(32);

describe("sealBytes / openBytes", () => {
  it("round-trips binary content and refuses a flipped bit", () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]);
    const sealed = sealBytes(KEY, pdf);
    expect(sealed.includes(pdf)).toBe(false);
    expect(openBytes(KEY, sealed).equals(pdf)).toBe(true);
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(() => openBytes(KEY, sealed)).toThrow();
  });
});

describe("sealSecret / openSecret", () => {
  it("round-trips and never shows the plaintext", () => {
    const sealed = sealSecret(KEY, "mc-key-123-us21");
    expect(sealed).not.toContain("mc-key");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(openSecret(KEY, sealed)).toBe("mc-key-123-us21");
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret(KEY, "same")).not.toBe(sealSecret(KEY, "same"));
  });

  it("refuses a tampered secret or another key", () => {
    const sealed = sealSecret(KEY, "secret");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] as string, "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => openSecret(KEY, tampered)).toThrow();
    expect(() => openSecret(randomBytes(32), sealed)).toThrow();
    expect(() => openSecret(KEY, "plain")).toThrow(/not a sealed secret/);
  });
});
