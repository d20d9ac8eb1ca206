import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatLocalDate, spellLocalDate } from "./format-date";

describe("dates written for people", () => {
  it("writes a shop's calendar date as that day, whatever the reader's zone", () => {
    expect(formatLocalDate("fr", "2026-01-08")).toBe("8 janvier 2026");
    expect(formatLocalDate("en", "2026-01-08")).toBe("January 8, 2026");
    expect(formatLocalDate("en", "2026-12-31", "medium")).toBe("Dec 31, 2026");
  });

  it("writes an instant in the zone asked for, and a dash for none", () => {
    const instant = "2026-03-29T00:30:00Z";
    expect(formatDateTime("fr", instant, { timeZone: "Europe/Paris" })).toBe("29 mars 2026, 01:30");
    expect(formatDateTime("en", instant, { timeZone: "Pacific/Auckland" })).toBe("Mar 29, 2026, 1:30 PM");
    expect(formatDate("en", instant, { timeZone: "America/Los_Angeles" })).toBe("Mar 28, 2026");
    expect(formatDateTime("fr", null)).toBe("—");
  });
});

describe("spellLocalDate (e-mails and archives: no ICU data involved)", () => {
  it("writes the date out in French, with 1er for the first of the month", () => {
    expect(spellLocalDate("2026-12-26", "fr")).toBe("26 décembre 2026");
    expect(spellLocalDate("2027-03-01", "fr")).toBe("1er mars 2027");
    expect(spellLocalDate("2027-08-05", "fr")).toBe("5 août 2027");
  });

  it("writes the date out in British English", () => {
    expect(spellLocalDate("2026-12-26", "en")).toBe("26 December 2026");
    expect(spellLocalDate("2027-03-01", "en")).toBe("1 March 2027");
  });
});
