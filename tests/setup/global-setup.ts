// Runs once per `vitest run`. Checks the optional real components (PostgreSQL, Chromium, nginx)
// and says loudly when one is missing; with REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 /
// REQUIRE_NGINX=1 it fails instead.
import { existsSync } from "node:fs";
import { nginxMissing } from "../../scripts/lib/nginx.mjs";

export default async function globalSetup() {
  const missing: string[] = [];
  if (!process.env.TEST_POSTGRES_URL) missing.push("PostgreSQL (set TEST_POSTGRES_URL)");
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) missing.push(`Chromium (not found at ${chromium}; set CHROMIUM_PATH)`);
  const nginx = nginxMissing();
  // The cluster test (tests/process/cluster.test.ts) puts nginx in front of two web processes.
  if (nginx) missing.push(`nginx for the cluster test (${nginx})`);
  for (const what of missing) {
    console.warn(`\n!!! NOTICE: ${what} is missing: its suites are NOT running in this run. !!!\n`);
  }
  if (process.env.REQUIRE_POSTGRES === "1" && !process.env.TEST_POSTGRES_URL) {
    throw new Error("REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set");
  }
  if (process.env.REQUIRE_BROWSER === "1" && !existsSync(chromium)) {
    throw new Error(`REQUIRE_BROWSER=1 but Chromium is not at ${chromium}`);
  }
  if (process.env.REQUIRE_NGINX === "1" && nginx) throw new Error(`REQUIRE_NGINX=1 but ${nginx}`);
}
