// The buyer on the sandbox's thank-you page in Chromium: the newsletter box shows their current
// choice on load, so that after ticking and reloading it is still ticked (and after unticking,
// unticked), as the checkout extension's block does.
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { hasBrowser, launchBrowser, trackersAlreadyChosen } from "../support/browser";
import { eventually, type RunningServer, startServer } from "../support/server";

describe.runIf(hasBrowser)("the thank-you page's newsletter box in Chromium", () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let db: Db;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    browser = await launchBrowser();
    await trackersAlreadyChosen(browser, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop();
  });

  /** Loads (or reloads) the page and waits for its question about the buyer's state. */
  async function load(page: Page, action: () => Promise<unknown>) {
    const asked = page.waitForResponse(
      (r) => r.url().endsWith("/api/checkout/consent") && r.request().method() === "GET",
    );
    await action();
    expect((await asked).status()).toBe(200);
  }

  it("ticked, then reloaded: still ticked; unticked, then reloaded: unticked", async () => {
    const page = await browser.newPage();
    const box = page.getByLabel("I'd like to receive news from iméra by e-mail");
    await load(page, () => page.goto(`${server.baseUrl}/sandbox/storefront/thank-you?locale=en`));
    expect(await box.isChecked()).toBe(false);

    await box.check();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Thank you, your choice has been saved.");
    await load(page, () => page.reload());
    await expect.poll(() => box.isChecked()).toBe(true);
    // The ledger has it too, for Lucas, the order's buyer.
    await eventually(() =>
      db.consentState.findFirst({ where: { status: "subscribed", subject: { shopifyCustomerId: "7002" } } }),
    );

    await box.uncheck();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Noted: you will not receive our news by e-mail.");
    await load(page, () => page.reload());
    expect(await box.isChecked()).toBe(false);
    await page.close();
  });
});
