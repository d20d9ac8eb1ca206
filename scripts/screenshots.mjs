// The README's screenshots, in French, taken from a running sandbox with the system's Chromium
// (playwright-core: no browser download). Start the sandbox first (`npm start`), then:
//   node scripts/screenshots.mjs [base URL, default http://127.0.0.1:3000] [output dir, default docs/images]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? "docs/images";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // Chromium draws date fields in its own UI language, not the page's: French (jj/mm/aaaa).
  args: ["--no-sandbox", "--disable-gpu", "--lang=fr-FR"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "fr-FR" });
// The storefront visitor has chosen already: the cookie banner stays closed.
const refused = { analytics: false, marketing: false, preferences: false, sale_of_data: false };
await page
  .context()
  .addCookies([{ name: "_tracking_consent", value: encodeURIComponent(JSON.stringify(refused)), url: base }]);

async function shot(name, target) {
  await page.goto(`${base}${target}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`${name}.png ← ${target}`);
}

await shot("dashboard-fr", "/app?locale=fr");
await shot("requests-fr", "/app/requests?locale=fr");
// The oldest open request: its deadline, tasks and history.
await page.goto(`${base}/app/requests?locale=fr`);
const first = page.locator('a[data-testid^="request-"]').first();
const href = (await first.count()) ? await first.getAttribute("href") : null;
if (href) await shot("request-fr", `${new URL(href, base).pathname}?locale=fr`);
await shot("consents-fr", "/app/consents?locale=fr");
await shot("cookies-fr", "/app/cookies?locale=fr");
await shot("outbox-fr", "/app/outbox?locale=fr");
await shot("storefront-fr", "/sandbox/storefront?locale=fr");
await browser.close();
