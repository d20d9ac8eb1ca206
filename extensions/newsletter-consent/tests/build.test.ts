// Builds the extension with the Shopify CLI, exactly as `shopify app build` does before a deploy,
// and checks Shopify's 64 KB limit on the compiled script. Offline, no login (needs the 32-char
// client_id of shopify.app.toml). --skip-dependencies-installation: otherwise the CLI runs
// `npm install` in the app (which rewrites package-lock.json and runs postinstall).
import { execFile } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { EXTENSION_DIR } from "./helpers";

const APP_DIR = path.resolve(EXTENSION_DIR, "../..");
const BUNDLE = path.join(EXTENSION_DIR, "dist", "newsletter-consent.js");
const SIZE_LIMIT = 64 * 1024;

test("shopify app build bundles both targets under 64 KB", { timeout: 120_000 }, async () => {
  rmSync(path.join(EXTENSION_DIR, "dist"), { recursive: true, force: true });
  const cli = path.join(APP_DIR, "node_modules", "@shopify", "cli", "bin", "run.js");

  await promisify(execFile)(process.execPath, [cli, "app", "build", "--skip-dependencies-installation"], {
    cwd: APP_DIR,
    env: { ...process.env, SHOPIFY_CLI_IGNORE_CLOUDFLARED: "1", SHOPIFY_CLI_NO_ANALYTICS: "1", CI: "1" },
    timeout: 110_000,
  });

  const bundle = readFileSync(BUNDLE, "utf8");
  expect(bundle).toContain('shopify.extend("purchase.checkout.contact.render-after"');
  expect(bundle).toContain('shopify.extend("purchase.thank-you.block.render"');
  expect(bundle).toContain("_vigie_consent");
  // The deployed build calls the app at the URL `npm run extension:url` wrote, and no other host.
  const { DEPLOYED_APP_URL } = await import("../src/app-url");
  expect(bundle).toContain(DEPLOYED_APP_URL);
  expect(bundle).toContain("/api/checkout/consent");
  expect(statSync(BUNDLE).size).toBeLessThan(SIZE_LIMIT);
});
