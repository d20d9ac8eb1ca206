// The buyer on the sandbox's thank-you page in Chromium: the newsletter box shows their current
// choice on load, so that after ticking and reloading it is still ticked (and after unticking,
// unticked), as the checkout extension's block does.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

describe.runIf(hasBrowser)("the thank-you page's newsletter box in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser({ trackersChosen: true });
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
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
    const { page } = await sandbox.openPage();
    const box = page.getByLabel("I'd like to receive news from iméra by e-mail");
    await load(page, () => page.goto(sandbox.url("/sandbox/storefront/thank-you", "en")));
    expect(await box.isChecked()).toBe(false);

    await box.check();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Thank you, your choice has been saved.");
    await load(page, () => page.reload());
    await expect.poll(() => box.isChecked()).toBe(true);
    // The ledger has it too, for Lucas, the order's buyer.
    await eventually(() =>
      sandbox.db.consentState.findFirst({
        where: { status: "subscribed", subject: { shopifyCustomerId: "7002" } },
      }),
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
