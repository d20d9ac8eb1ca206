// One way to write time (docs/decisions/065): no module but format-date.ts formats dates for people.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
/** Zone arithmetic (offsets, calendar days), never text for people. */
const ALLOWED = new Set(["i18n/format-date.ts", "domain/deadlines/local-date.ts"]);
const FORBIDDEN = /\b(toLocaleDateString|toLocaleTimeString|toLocaleString|Intl\.DateTimeFormat)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("dates are formatted in one place", () => {
  it("no module of the app but format-date.ts calls toLocale*String or Intl.DateTimeFormat", () => {
    const offenders = sources(ROOT)
      .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
      .filter((file) => !ALLOWED.has(file))
      .filter((file) => FORBIDDEN.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("would catch one", () => {
    expect(FORBIDDEN.test("new Date().toLocaleDateString('fr')")).toBe(true);
    expect(FORBIDDEN.test("new Intl.DateTimeFormat(locale)")).toBe(true);
    expect(FORBIDDEN.test("new Intl.NumberFormat(locale)")).toBe(false);
  });
});
