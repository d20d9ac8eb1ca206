// Runs Shopify's Theme Check with the theme-app-extension config, as `shopify app build` does (the build
// only prints offenses, it never fails on them), and checks that only deployable files would be uploaded.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "./render";

const APP_DIR = path.resolve(EXTENSION_DIR, "../..");

describe("theme check", () => {
  it("finds no offense in the extension", { timeout: 60_000 }, async () => {
    const cli = path.join(APP_DIR, "node_modules", "@shopify", "cli", "bin", "run.js");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        cli,
        "theme",
        "check",
        "--path",
        EXTENSION_DIR,
        "-C",
        "theme-check:theme-app-extension",
        "--output",
        "json",
      ],
      { cwd: APP_DIR, env: { ...process.env, SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1" }, timeout: 55_000 },
    );
    expect(JSON.parse(stdout.slice(stdout.indexOf("[")))).toEqual([]);
  });
});

describe("deployable files", () => {
  it("keeps tests out of the upload: Shopify accepts only assets, blocks, locales and snippets", () => {
    // The CLI uploads */* files minus .shopifyignore, and refuses any other directory at deploy.
    const ignore = readFileSync(path.join(EXTENSION_DIR, ".shopifyignore"), "utf8");
    expect(ignore.split("\n")).toContain("tests/**");
    const directories = readdirSync(EXTENSION_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "tests")
      .map((entry) => entry.name);
    expect(directories.filter((d) => !["assets", "blocks", "locales", "snippets"].includes(d))).toEqual([]);
  });
});
