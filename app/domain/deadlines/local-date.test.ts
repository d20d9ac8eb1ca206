import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import {
  addDays,
  addMonths,
  compareLocalDates,
  DEFAULT_TIME_ZONE,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  localDateTimeToInstant,
  localStartOfDay,
  parseLocalDate,
  toLocalDate,
  toLocalDateTime,
} from "./local-date";

const d = parseLocalDate;

describe("parseLocalDate", () => {
  it("accepts a real calendar day, including 29 February of a leap year", () => {
    expect(d("2028-02-29")).toBe("2028-02-29");
  });

  it.each(["2027-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-05", "05/01/2026", ""])(
    "rejects %j with INVALID_LOCAL_DATE",
    (value) => {
      expect(() => parseLocalDate(value)).toThrow(expect.objectContaining({ code: "INVALID_LOCAL_DATE" }));
    },
  );
});

describe("daysInMonth", () => {
  it.each([
    [2027, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("gives %i-%i %i days", (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe("toLocalDate", () => {
  it("defaults to Paris, where 23:30 UTC on 31 January is already 1 February", () => {
    expect(DEFAULT_TIME_ZONE).toBe("Europe/Paris");
    expect(toLocalDate(new Date("2027-01-31T23:30:00Z"), DEFAULT_TIME_ZONE)).toBe("2027-02-01");
    expect(toLocalDate(new Date("2027-01-31T23:30:00Z"), "UTC")).toBe("2027-01-31");
  });

  it("keeps 22:59:59 UTC in winter on the same Paris day (UTC+1)", () => {
    expect(toLocalDate(new Date("2027-01-31T22:59:59.999Z"), "Europe/Paris")).toBe("2027-01-31");
  });

  it("moves to the next Paris day at 22:00 UTC in summer (UTC+2)", () => {
    expect(toLocalDate(new Date("2026-06-30T21:59:59.999Z"), "Europe/Paris")).toBe("2026-06-30");
    expect(toLocalDate(new Date("2026-06-30T22:00:00Z"), "Europe/Paris")).toBe("2026-07-01");
  });

  it("follows the offset change on the DST weekends", () => {
    // 29 March 2026: CET→CEST; 25 October 2026: CEST→CET.
    expect(toLocalDate(new Date("2026-03-28T23:30:00Z"), "Europe/Paris")).toBe("2026-03-29");
    expect(toLocalDate(new Date("2026-10-24T22:30:00Z"), "Europe/Paris")).toBe("2026-10-25");
    expect(toLocalDate(new Date("2026-10-25T22:30:00Z"), "Europe/Paris")).toBe("2026-10-25");
  });

  it("works for a shop in another zone (Martinique is UTC−4)", () => {
    expect(toLocalDate(new Date("2026-05-01T03:00:00Z"), "America/Martinique")).toBe("2026-04-30");
  });

  it("rejects an unknown time zone with INVALID_TIME_ZONE", () => {
    expect(() => toLocalDate(new Date("2026-05-01T00:00:00Z"), "Europe/Lutece")).toThrow(AppError);
    expect(() => toLocalDate(new Date("2026-05-01T00:00:00Z"), "Europe/Lutece")).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE", name: "AppError" }),
    );
  });

  it("rejects an invalid Date with INVALID_INSTANT", () => {
    expect(() => toLocalDate(new Date("not a date"), "Europe/Paris")).toThrow(
      expect.objectContaining({ code: "INVALID_INSTANT" }),
    );
  });
});

describe("addMonths", () => {
  it.each([
    ["2027-01-31", 1, "2027-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2028-02-29", 1, "2028-03-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-01-31", 3, "2026-04-30"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-05-31", -1, "2026-04-30"],
  ])("%s + %i month(s) is %s", (from, months, expected) => {
    expect(addMonths(d(from), months)).toBe(expected);
  });
});

describe("addDays", () => {
  it("crosses month and year ends, including a leap day", () => {
    expect(addDays(d("2028-02-28"), 1)).toBe("2028-02-29");
    expect(addDays(d("2027-02-28"), 1)).toBe("2027-03-01");
    expect(addDays(d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addDays(d("2026-03-01"), -1)).toBe("2026-02-28");
  });
});

describe("daysBetween", () => {
  it("counts calendar days, negative when going back", () => {
    expect(daysBetween(d("2027-02-26"), d("2027-03-02"))).toBe(4);
    expect(daysBetween(d("2028-02-26"), d("2028-03-02"))).toBe(5);
    expect(daysBetween(d("2026-04-10"), d("2026-04-02"))).toBe(-8);
    expect(daysBetween(d("2026-03-28"), d("2026-03-30"))).toBe(2);
  });
});

describe("dayOfWeek", () => {
  it.each([
    ["2027-02-28", 0],
    ["2026-03-02", 1],
    ["2026-05-01", 5],
    ["2026-11-28", 6],
    ["1970-01-01", 4],
    ["1969-12-31", 3],
  ])("%s is weekday %i", (date, expected) => {
    expect(dayOfWeek(d(date))).toBe(expected);
  });
});

describe("compareLocalDates", () => {
  it("orders dates by calendar position", () => {
    expect(compareLocalDates(d("2026-04-02"), d("2026-04-03"))).toBeLessThan(0);
    expect(compareLocalDates(d("2026-04-02"), d("2026-04-02"))).toBe(0);
    expect(compareLocalDates(d("2027-01-01"), d("2026-12-31"))).toBeGreaterThan(0);
  });
});

describe("localStartOfDay", () => {
  it("is local midnight in the shop's zone, summer and winter", () => {
    expect(localStartOfDay(parseLocalDate("2026-07-01"), "Europe/Paris").toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
    expect(localStartOfDay(parseLocalDate("2026-01-15"), "Europe/Paris").toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(localStartOfDay(parseLocalDate("2026-01-15"), "America/New_York").toISOString()).toBe(
      "2026-01-15T05:00:00.000Z",
    );
  });
});

describe("localStartOfDay, across zones and DST", () => {
  it("is the first instant of the day in the zone, summer and winter", () => {
    expect(localStartOfDay(parseLocalDate("2026-01-15"), "Europe/Paris").toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(localStartOfDay(parseLocalDate("2026-07-15"), "Europe/Paris").toISOString()).toBe(
      "2026-07-14T22:00:00.000Z",
    );
    expect(localStartOfDay(parseLocalDate("2026-03-29"), "Europe/Paris").toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(localStartOfDay(parseLocalDate("2026-07-15"), "Pacific/Auckland").toISOString()).toBe(
      "2026-07-14T12:00:00.000Z",
    );
  });
});

describe("localDateTimeToInstant across DST changes", () => {
  it("reads a shop's wall-clock time in its zone, summer and winter", () => {
    expect(localDateTimeToInstant("2026-07-15T10:30", "Europe/Paris").toISOString()).toBe(
      "2026-07-15T08:30:00.000Z",
    );
    expect(localDateTimeToInstant("2026-12-15T10:30", "Europe/Paris").toISOString()).toBe(
      "2026-12-15T09:30:00.000Z",
    );
  });

  it("reads the hour lived twice as its first time, east and west of Greenwich", () => {
    // Paris falls back on Sunday 25 October 2026 at 03:00 CEST: 02:01 is lived at 00:01 and 01:01 UTC.
    expect(localDateTimeToInstant("2026-10-25T02:01", "Europe/Paris").toISOString()).toBe(
      "2026-10-25T00:01:00.000Z",
    );
    // Auckland falls back on Sunday 5 April 2026 at 03:00 NZDT (UTC+13 to +12).
    expect(localDateTimeToInstant("2026-04-05T02:30", "Pacific/Auckland").toISOString()).toBe(
      "2026-04-04T13:30:00.000Z",
    );
    // New York falls back on Sunday 1 November 2026 at 02:00 EDT (UTC−4 to −5).
    expect(localDateTimeToInstant("2026-11-01T01:30", "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("reads the hour skipped as after the change, and every other time exactly", () => {
    // Paris springs forward on 29 March 2026 at 02:00: 02:30 does not exist; it reads as 03:30 CEST.
    expect(localDateTimeToInstant("2026-03-29T02:30", "Europe/Paris").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(localDateTimeToInstant("2026-10-25T03:01", "Europe/Paris").toISOString()).toBe(
      "2026-10-25T02:01:00.000Z",
    );
    expect(localDateTimeToInstant("2026-07-14T12:00", "Asia/Kolkata").toISOString()).toBe(
      "2026-07-14T06:30:00.000Z",
    );
  });

  it("never reads a time written from a past instant as after that instant (the round trip of a form)", () => {
    // Every minute-rounded instant across Paris's autumn change, shown in a form then read back.
    for (
      let t = Date.parse("2026-10-24T22:00:00Z");
      t < Date.parse("2026-10-25T03:00:00Z");
      t += 15 * 60_000
    ) {
      const back = localDateTimeToInstant(toLocalDateTime(new Date(t), "Europe/Paris"), "Europe/Paris");
      expect(back.getTime()).toBeLessThanOrEqual(t);
    }
  });
});
