// npm 11.19 and later skip a dependency's install scripts unless package.json's allowScripts names
// it: better-sqlite3 would then have no native module and Prisma no engines, and `npm run dev`
// would fail on a newcomer's machine. Every package the lockfile marks as having install scripts
// must be approved by name (a version pin would lapse silently on the next update).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const packageJson = JSON.parse(readFileSync("package.json", "utf8"));
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));

const withInstallScripts = () =>
  new Set(
    Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([location, entry]) => location !== "" && entry.hasInstallScript)
      .map(([location]) => location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length)),
  );

describe("install scripts", () => {
  it("the lockfile has packages that need them (the check below is not vacuous)", () => {
    expect([...withInstallScripts()]).toEqual(expect.arrayContaining(["better-sqlite3", "prisma"]));
  });

  it("allowScripts approves each of them by name", () => {
    const allowed = packageJson.allowScripts as Record<string, boolean>;
    for (const name of withInstallScripts())
      expect({ name, allowed: allowed[name] }).toEqual({ name, allowed: true });
    expect(Object.keys(allowed).every((key) => !key.includes("@", 1))).toBe(true);
  });
});
