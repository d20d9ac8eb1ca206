import { describe, expect, it } from "vitest";
import {
  dateFormatter,
  formatDate,
  formatDateTime,
  formatDeadline,
  formatLocalDate,
  formatMonth,
  localDay,
  spellLocalDate,
} from "./format-date";

describe("dates written for people (one format per kind)", () => {
  it("writes a shop's calendar date as that day, whatever the reader's zone", () => {
    expect(formatLocalDate("fr", "2026-01-08")).toBe("8 janvier 2026");
    expect(formatLocalDate("en", "2026-01-08")).toBe("8 January 2026");
    expect(formatLocalDate("en", "2026-12-31", "medium")).toBe("31 December 2026");
    expect(formatLocalDate("fr", "2027-03-01")).toBe("1er mars 2027");
  });

  it("writes an instant's date as the day it is in the shop's zone", () => {
    const instant = "2026-03-29T00:30:00Z";
    expect(formatDate("en", instant, { timeZone: "America/Los_Angeles" })).toBe("28 March 2026");
    expect(formatDate("fr", instant, { timeZone: "Europe/Paris" })).toBe("29 mars 2026");
    expect(formatDate("en", instant, { timeZone: "Pacific/Kiritimati" })).toBe("29 March 2026");
  });

  it("writes date and time with the zone, across a DST change and in a far zone", () => {
    // Paris springs forward at 02:00 local on 29 March 2026 (01:00 UTC).
    expect(formatDateTime("fr", "2026-03-29T00:30:00Z", { timeZone: "Europe/Paris" })).toBe(
      "29 mars 2026 à 01:30 UTC+1",
    );
    expect(formatDateTime("fr", "2026-03-29T01:30:00Z", { timeZone: "Europe/Paris" })).toBe(
      "29 mars 2026 à 03:30 UTC+2",
    );
    expect(formatDateTime("en", "2026-03-29T00:30:00Z", { timeZone: "Pacific/Auckland" })).toBe(
      "29 March 2026, 13:30 GMT+13",
    );
    expect(formatDateTime("en", "2026-03-29T00:30:45Z", { timeZone: "UTC", seconds: true })).toBe(
      "29 March 2026, 00:30:45 UTC",
    );
    expect(formatDateTime("fr", null)).toBe("—");
  });

  it("writes a chart's month short", () => {
    expect(formatMonth("en", "2026-01")).toBe("Jan 26");
    expect(formatMonth("fr", "2026-01")).toBe("janv. 26");
  });
});

describe("deadlines seen from the shop's today", () => {
  it("says how far, then the date without its year when it is this year's", () => {
    expect(formatDeadline("en", "2026-01-08", "2026-01-03")).toBe("in 5 days — 8 January");
    expect(formatDeadline("fr", "2026-01-08", "2026-01-03")).toBe("dans 5 jours — 8 janvier");
    expect(formatDeadline("en", "2026-01-08", "2026-01-08")).toBe("today — 8 January");
    expect(formatDeadline("fr", "2026-01-09", "2026-01-08")).toBe("demain — 9 janvier");
  });

  it("says how late once past", () => {
    expect(formatDeadline("en", "2026-01-02", "2026-01-05")).toBe("3 days late — 2 January");
    expect(formatDeadline("fr", "2026-01-02", "2026-01-05")).toBe("3 jours de retard — 2 janvier");
    expect(formatDeadline("en", "2026-01-04", "2026-01-05")).toBe("1 day late — 4 January");
  });

  it("keeps the year across New Year, and counts calendar days across DST", () => {
    expect(formatDeadline("en", "2027-01-08", "2026-12-20")).toBe("in 19 days — 8 January 2027");
    expect(formatDeadline("fr", "2026-04-01", "2026-03-25")).toBe("dans 7 jours — 1er avril");
  });

  it("takes today from the shop's zone, not the server's (pinned clock, far zone)", () => {
    const now = new Date("2026-01-07T20:00:00Z");
    expect(localDay(now, "Pacific/Auckland")).toBe("2026-01-08");
    expect(localDay(now, "America/Los_Angeles")).toBe("2026-01-07");
    const auckland = dateFormatter("en", "Pacific/Auckland", localDay(now, "Pacific/Auckland"));
    const angeles = dateFormatter("en", "America/Los_Angeles", localDay(now, "America/Los_Angeles"));
    expect(auckland.deadline("2026-01-10")).toBe("in 2 days — 10 January");
    expect(angeles.deadline("2026-01-10")).toBe("in 3 days — 10 January");
    expect(auckland.dateTime(now)).toBe("8 January 2026, 09:00 GMT+13");
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
