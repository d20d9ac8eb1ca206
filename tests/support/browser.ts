// Debian's Chromium driven by playwright-core (no browser download). Browser suites run when
// Chromium is found; REQUIRE_BROWSER=1 turns its absence into a failure (tests/setup/global-setup.ts).
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasBrowser = existsSync(CHROMIUM_PATH);

export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), "vigie-chromium-")), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Marks the sandbox storefront's visitor as having already chosen (all trackers refused) in the
 * stand-in for Shopify's `_tracking_consent` cookie, so that the cookie banner does not open over
 * the page: for suites about something else than the banner.
 */
export async function trackersAlreadyChosen(browser: BrowserContext, baseUrl: string) {
  const refused = { analytics: false, marketing: false, preferences: false, sale_of_data: false };
  await browser.addCookies([
    { name: "_tracking_consent", value: encodeURIComponent(JSON.stringify(refused)), url: baseUrl },
  ]);
}
