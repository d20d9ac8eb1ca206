import { describe, expect, it } from "vitest";
import {
  checkOneTimeCode,
  DEFAULT_CODE_TTL_MS,
  DEFAULT_MAX_ATTEMPTS,
  issueOneTimeCode,
  type OneTimeCode,
  oneTimeCodeStatus,
} from "./one-time-code";

const REFERENCE_TIMESTAMP = new Date("2026-11-26T10:00:00Z");
const later = (ms: number) => new Date(REFERENCE_TIMESTAMP.getTime() + ms);

describe("issueOneTimeCode", () => {
  it("issues an unused code valid for 15 minutes by default", () => {
    expect(DEFAULT_CODE_TTL_MS).toBe(900_000);
    expect(issueOneTimeCode({ now: REFERENCE_TIMESTAMP })).toEqual({
      issuedAt: REFERENCE_TIMESTAMP,
      expiresAt: new Date("2026-11-26T10:15:00Z"),
      attempts: 0,
      usedAt: null,
    });
  });

  it("accepts a custom lifetime (a 24-hour link)", () => {
    expect(issueOneTimeCode({ now: REFERENCE_TIMESTAMP, ttlMs: 86_400_000 }).expiresAt).toEqual(
      new Date("2026-11-27T10:00:00Z"),
    );
  });

  it.each([0, -1, Number.NaN])("rejects a lifetime of %d ms", (ttlMs) => {
    expect(() => issueOneTimeCode({ now: REFERENCE_TIMESTAMP, ttlMs })).toThrow(
      expect.objectContaining({ code: "INVALID_CODE_SETTINGS" }),
    );
  });
});

describe("checkOneTimeCode", () => {
  const fresh = issueOneTimeCode({ now: REFERENCE_TIMESTAMP });

  it("accepts the right code and marks it used", () => {
    const result = checkOneTimeCode(fresh, { now: later(60_000), matches: true });
    expect(result.outcome).toBe("accepted");
    expect(result.code).toEqual({ ...fresh, attempts: 1, usedAt: later(60_000) });
  });

  it("accepts the right code one millisecond before expiry", () => {
    expect(checkOneTimeCode(fresh, { now: later(DEFAULT_CODE_TTL_MS - 1), matches: true }).outcome).toBe(
      "accepted",
    );
  });

  it("refuses even the right code at the expiry instant, without counting an attempt", () => {
    const result = checkOneTimeCode(fresh, { now: later(DEFAULT_CODE_TTL_MS), matches: true });
    expect(result).toEqual({ outcome: "expired", code: fresh, attemptsLeft: 0 });
  });

  it("refuses a second use of an accepted code (single use)", () => {
    const used = checkOneTimeCode(fresh, { now: later(1_000), matches: true }).code;
    expect(checkOneTimeCode(used, { now: later(2_000), matches: true }).outcome).toBe("already_used");
  });

  it("counts wrong codes and reports the attempts left", () => {
    const first = checkOneTimeCode(fresh, { now: later(1_000), matches: false });
    expect(first).toMatchObject({ outcome: "wrong_code", attemptsLeft: DEFAULT_MAX_ATTEMPTS - 1 });
    expect(first.code.attempts).toBe(1);
    expect(first.code.usedAt).toBeNull();
  });

  it("accepts the right code on the fifth attempt", () => {
    let code: OneTimeCode = fresh;
    for (let i = 0; i < 4; i++) code = checkOneTimeCode(code, { now: later(1_000), matches: false }).code;
    expect(checkOneTimeCode(code, { now: later(1_000), matches: true }).outcome).toBe("accepted");
  });

  it("locks after five wrong codes, even for the right code", () => {
    let code: OneTimeCode = fresh;
    for (let i = 0; i < 5; i++) code = checkOneTimeCode(code, { now: later(1_000), matches: false }).code;
    expect(code.attempts).toBe(5);
    const result = checkOneTimeCode(code, { now: later(2_000), matches: true });
    expect(result).toEqual({ outcome: "locked", code, attemptsLeft: 0 });
  });

  it("honours a custom attempts cap", () => {
    const once = checkOneTimeCode(fresh, { now: later(1_000), matches: false, maxAttempts: 1 });
    expect(once.attemptsLeft).toBe(0);
    expect(checkOneTimeCode(once.code, { now: later(2_000), matches: true, maxAttempts: 1 }).outcome).toBe(
      "locked",
    );
  });

  it("rejects a cap below one", () => {
    expect(() => checkOneTimeCode(fresh, { now: later(1_000), matches: true, maxAttempts: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_CODE_SETTINGS" }),
    );
  });
});

describe("oneTimeCodeStatus", () => {
  const fresh = issueOneTimeCode({ now: REFERENCE_TIMESTAMP });

  it.each<[string, OneTimeCode, number, string]>([
    ["a fresh code", fresh, 0, "active"],
    ["a code at its expiry instant", fresh, DEFAULT_CODE_TTL_MS, "expired"],
    [
      "a used code, even after expiry",
      { ...fresh, attempts: 1, usedAt: later(1) },
      DEFAULT_CODE_TTL_MS,
      "used",
    ],
    ["a code with five wrong tries", { ...fresh, attempts: 5 }, 0, "locked"],
  ])("reports %s as %s", (_label, code, offset, expected) => {
    expect(oneTimeCodeStatus(code, later(offset))).toBe(expected);
  });
});
