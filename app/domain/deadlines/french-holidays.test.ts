import { describe, expect, it } from "vitest";
import {
  easterSunday,
  frenchPublicHolidays,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
} from "./french-holidays";
import { parseLocalDate } from "./local-date";

const d = parseLocalDate;

describe("easterSunday", () => {
  it.each([
    [1818, "1818-03-22"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("puts Easter %i on %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it("refuses years before the Gregorian calendar", () => {
    expect(() => easterSunday(1582)).toThrow(expect.objectContaining({ code: "INVALID_LOCAL_DATE" }));
  });
});

describe("frenchPublicHolidays", () => {
  it("lists the eleven metropolitan holidays of 2026 in date order", () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      { date: "2026-01-01", key: "new_year" },
      { date: "2026-04-06", key: "easter_monday" },
      { date: "2026-05-01", key: "labour_day" },
      { date: "2026-05-08", key: "victory_1945" },
      { date: "2026-05-14", key: "ascension" },
      { date: "2026-05-25", key: "whit_monday" },
      { date: "2026-07-14", key: "bastille_day" },
      { date: "2026-08-15", key: "assumption" },
      { date: "2026-11-01", key: "all_saints" },
      { date: "2026-11-11", key: "armistice_1918" },
      { date: "2026-12-25", key: "christmas" },
    ]);
  });

  it("adds Good Friday and 26 December for Alsace-Moselle only", () => {
    const alsace = frenchPublicHolidays(2027, { region: "alsace-moselle" });
    expect(alsace).toHaveLength(13);
    expect(alsace).toContainEqual({ date: "2027-03-26", key: "good_friday" });
    expect(alsace).toContainEqual({ date: "2027-12-26", key: "st_stephen" });
    expect(frenchPublicHolidays(2027).map((h) => h.key)).not.toContain("good_friday");
  });
});

describe("isPublicHoliday", () => {
  it("knows movable feasts of 2027 (Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May)", () => {
    expect(isPublicHoliday(d("2027-03-29"))).toBe(true);
    expect(isPublicHoliday(d("2027-05-06"))).toBe(true);
    expect(isPublicHoliday(d("2027-05-17"))).toBe(true);
  });

  it("does not list Easter Sunday itself, which is a Sunday anyway", () => {
    expect(isPublicHoliday(d("2027-03-28"))).toBe(false);
    expect(isWorkingDay(d("2027-03-28"))).toBe(false);
  });

  it("does not treat Good Friday as a holiday outside Alsace-Moselle", () => {
    expect(isPublicHoliday(d("2027-03-26"))).toBe(false);
    expect(isPublicHoliday(d("2027-03-26"), { region: "alsace-moselle" })).toBe(true);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-28", false, "a Saturday"],
    ["2026-11-29", false, "a Sunday"],
    ["2026-05-01", false, "1 May"],
    ["2026-07-14", false, "14 July"],
    ["2026-05-04", true, "an ordinary Monday"],
    ["2026-11-02", true, "the Monday after 1 November on a Sunday (no substitute holiday in France)"],
  ])("says %s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(d(date))).toBe(expected);
  });
});

describe("nextWorkingDayOnOrAfter", () => {
  it("keeps a working day unchanged", () => {
    expect(nextWorkingDayOnOrAfter(d("2026-04-30"))).toBe("2026-04-30");
  });

  it("skips a weekend followed by Easter Monday (Saturday 27 March 2027 → Tuesday 30 March)", () => {
    expect(nextWorkingDayOnOrAfter(d("2027-03-27"))).toBe("2027-03-30");
  });

  it("skips Good Friday to Easter Monday in Alsace-Moselle (four days)", () => {
    expect(nextWorkingDayOnOrAfter(d("2027-03-26"), { region: "alsace-moselle" })).toBe("2027-03-30");
    expect(nextWorkingDayOnOrAfter(d("2027-03-26"))).toBe("2027-03-26");
  });
});
