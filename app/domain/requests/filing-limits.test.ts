import { describe, expect, it } from "vitest";
import { ADDRESS_LIMIT, CLIENT_LIMIT, filingVerdict } from "./filing-limits";

const now = new Date("2026-05-04T10:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("filingVerdict", () => {
  it("accepts up to the per-address limit within its window", () => {
    expect(ADDRESS_LIMIT).toEqual({ max: 3, windowMs: 15 * 60_000 });
    const verdict = filingVerdict({
      addressFilings: [ago(10), ago(5)],
      clientFilings: [],
      signedIn: false,
      now,
    });
    expect(verdict).toEqual({ allowed: true });
  });

  it("refuses a fourth filing for one address until the oldest leaves the window", () => {
    const verdict = filingVerdict({
      addressFilings: [ago(1), ago(10), ago(5)],
      clientFilings: [],
      signedIn: false,
      now,
    });
    // The filing ten minutes ago leaves the 15-minute window in five minutes.
    expect(verdict).toEqual({ allowed: false, limit: "address", retryAfterSeconds: 300 });
  });

  it("forgets filings older than the window", () => {
    const verdict = filingVerdict({
      addressFilings: [ago(16), ago(20), ago(30), ago(1)],
      clientFilings: [],
      signedIn: false,
      now,
    });
    expect(verdict).toEqual({ allowed: true });
  });

  it("does not hold a signed-in customer to the address limit, only to the client one", () => {
    const busy = [ago(1), ago(2), ago(3), ago(4)];
    expect(filingVerdict({ addressFilings: busy, clientFilings: [], signedIn: true, now })).toEqual({
      allowed: true,
    });
    const client = Array.from({ length: CLIENT_LIMIT.max }, (_, i) => ago(50 - i));
    expect(filingVerdict({ addressFilings: [], clientFilings: client, signedIn: true, now })).toEqual({
      allowed: false,
      limit: "client",
      retryAfterSeconds: 10 * 60,
    });
  });

  it("waits for both limits when both are reached, and names the longer one", () => {
    const verdict = filingVerdict({
      addressFilings: [ago(14), ago(13), ago(12)],
      clientFilings: Array.from({ length: 10 }, (_, i) => ago(59 - i)),
      signedIn: false,
      now,
    });
    expect(verdict).toEqual({ allowed: false, limit: "address", retryAfterSeconds: 60 });
    const longer = filingVerdict({
      addressFilings: [ago(14), ago(13), ago(12)],
      clientFilings: Array.from({ length: 10 }, (_, i) => ago(50 - i)),
      signedIn: false,
      now,
    });
    expect(longer).toEqual({ allowed: false, limit: "client", retryAfterSeconds: 600 });
  });
});
