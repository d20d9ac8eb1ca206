import { describe, expect, it } from "vitest";
import { escapeHtml, minutes } from "./format";

describe("escapeHtml", () => {
  it("escapes markup and both quotes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
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
