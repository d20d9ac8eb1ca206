import { describe, expect, it } from "vitest";
import { parseLocalDate } from "~/domain/deadlines/local-date";
import { escapeHtml, formatLocalDate, minutes } from "./format";

describe("escapeHtml", () => {
  it("escapes markup and both quotes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("formatLocalDate", () => {
  it("writes the date out in French, with 1er for the first of the month", () => {
    expect(formatLocalDate(parseLocalDate("2026-12-26"), "fr")).toBe("26 décembre 2026");
    expect(formatLocalDate(parseLocalDate("2027-03-01"), "fr")).toBe("1er mars 2027");
    expect(formatLocalDate(parseLocalDate("2027-08-05"), "fr")).toBe("5 août 2027");
  });

  it("writes the date out in British English", () => {
    expect(formatLocalDate(parseLocalDate("2026-12-26"), "en")).toBe("26 December 2026");
    expect(formatLocalDate(parseLocalDate("2027-03-01"), "en")).toBe("1 March 2027");
  });
});

describe("minutes", () => {
  it("says whole hours in hours", () => {
    expect(minutes(1440, "fr")).toBe("24 heures");
    expect(minutes(60, "fr")).toBe("1 heure");
    expect(minutes(120, "en")).toBe("2 hours");
    expect(minutes(90, "en")).toBe("90 minutes");
  });

  it("takes the singular for one minute in both languages and for zero in French only", () => {
    expect(minutes(1, "fr")).toBe("1 minute");
    expect(minutes(1, "en")).toBe("1 minute");
    expect(minutes(0, "fr")).toBe("0 minute");
    expect(minutes(0, "en")).toBe("0 minutes");
    expect(minutes(15, "fr")).toBe("15 minutes");
  });
});
