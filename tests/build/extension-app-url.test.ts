// `npm run extension:url`: the checkout extension calls the app at shopify.app.toml's
// application_url (or SHOPIFY_APP_URL), written into its source before a deploy; anything but an
// https:// origin is refused and nothing is written.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = (toml: string, env: Record<string, string> = {}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-app-url-"));
  const tomlPath = path.join(dir, "shopify.app.toml");
  const out = path.join(dir, "app-url.ts");
  writeFileSync(out, "unchanged");
  writeFileSync(tomlPath, `client_id = "x"\nname = "Vigie"\n${toml}\n`);
  const done = promisify(execFile)(process.execPath, ["scripts/extension-app-url.mjs", tomlPath, out], {
    env: { ...process.env, SHOPIFY_APP_URL: "", ...env },
  });
  return { done, written: () => readFileSync(out, "utf8") };
};

describe("npm run extension:url", () => {
  it("writes application_url as the extension's backend", async () => {
    const { done, written } = run('application_url = "https://vigie.imera-paris.fr/"');
    await done;
    expect(written()).toContain('export const DEPLOYED_APP_URL = "https://vigie.imera-paris.fr";');
  });

  it("prefers SHOPIFY_APP_URL, the deployed host", async () => {
    const { done, written } = run('application_url = "https://a.example.com"', {
      SHOPIFY_APP_URL: "https://b.example.com",
    });
    await done;
    expect(written()).toContain('"https://b.example.com"');
  });

  it.each([
    ["plain http", "http://vigie.example.com"],
    ["a path", "https://vigie.example.com/app"],
    ["not a URL", "vigie"],
  ])("refuses %s and writes nothing", async (_case, url) => {
    const { done, written } = run(`application_url = "${url}"`);
    await expect(done).rejects.toMatchObject({ code: 1 });
    expect(written()).toBe("unchanged");
  });
});
