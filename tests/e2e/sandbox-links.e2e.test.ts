// The sandbox shows what it can do (docs/decisions/065): its banner links to the storefront, the
// privacy centre and the thank-you page, the outbox is in the menu; the shop's time zone comes from
// the simulated Shopify and Settings says so.
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser, launchBrowser } from "../support/browser";
import { type RunningServer, startServer } from "../support/server";

describe.runIf(hasBrowser)("the sandbox's links in Chromium", () => {
  let server: RunningServer;
  let browser: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the banner's links open the storefront, the privacy centre and the thank-you page; the menu opens the outbox", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app?locale=fr`);
    const links = page.getByTestId("sandbox-links").getByRole("link");
    await expect.poll(() => links.count()).toBe(4);
    const targets = [
      ["Boutique", "/sandbox/storefront?locale=fr"],
      ["Espace confidentialité", "/sandbox/storefront/apps/privacy?locale=fr"],
      ["Page de remerciement", "/sandbox/storefront/thank-you?locale=fr"],
    ] as const;
    for (const [name, href] of targets) {
      const link = page.getByTestId("sandbox-links").getByRole("link", { name, exact: true });
      expect(await link.getAttribute("href")).toBe(href);
      const response = await page.request.get(`${server.baseUrl}${href}`);
      expect(response.status(), href).toBe(200);
    }
    await page.getByRole("navigation").getByRole("link", { name: "Boîte d'envoi (e-mails)" }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/app/outbox");
    await page.close();
  });

  it("Settings shows the shop's time zone as read from Shopify", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/settings?locale=en`);
    await expect
      .poll(() => page.getByTestId("shop-time-zone").textContent())
      .toBe("Europe/Paris — from Shopify");
    await page.close();
  });
});
