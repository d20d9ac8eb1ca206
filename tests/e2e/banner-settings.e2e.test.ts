// The banner's settings on the Cookies page and Google Consent Mode v2, in Chromium on the sandbox
// (docs/decisions/063): the live preview is the storefront's own banner and follows each edit; a
// colour pair below WCAG AA is flagged in French and English and refused; saved texts and colours
// reach the storefront with Refuse all and Accept all still alike; with Consent Mode on, gtag gets
// everything denied before any choice, then the visitor's choice, on this page and the next ones.
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { DEFAULT_BANNER_COLOURS } from "~/domain/consent/banner-look";
import { saveBannerSettings } from "~/services/cookie-banner.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import { hasBrowser, launchBrowser } from "../support/browser";
import { eventually, type RunningServer, startServer } from "../support/server";

type GtagCall = [string, string, Record<string, string | number>];
const denied = {
  ad_storage: "denied",
  ad_user_data: "denied",
  ad_personalization: "denied",
  analytics_storage: "denied",
};

describe.runIf(hasBrowser)("the banner's settings and Consent Mode in Chromium", () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let db: Db;
  let shopId: string;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    shopId = (await db.shop.findUniqueOrThrow({ where: { domain: "imera-paris.myshopify.com" } })).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop();
  });

  const gtagCalls = (page: Page) =>
    page.evaluate(() =>
      ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).filter(
        (entry) => Array.isArray(entry) && entry[0] === "consent",
      ),
    ) as Promise<GtagCall[]>;
  async function storefront(query: string, fresh: boolean) {
    const page = await browser.newPage();
    if (fresh) {
      await browser.clearCookies();
      await page.goto(`${server.baseUrl}/sandbox/storefront`);
      await page.evaluate(() => localStorage.clear());
    }
    await page.goto(`${server.baseUrl}/sandbox/storefront?${query}`);
    await page.getByRole("button", { name: /^Cookies$/ }).waitFor();
    return page;
  }

  it("with Consent Mode on: denied before any choice, then each choice, and the stored choice on the next page", async () => {
    await saveBannerSettings(db, shopId, "staff-e2e", {
      askAgainOnChange: true,
      consentMode: true,
      position: "bottom",
      colours: DEFAULT_BANNER_COLOURS,
      texts: { fr: {}, en: {} },
    });
    // The intake keeps the banner's content a few seconds: wait until the page has the setting.
    const page = await eventually(async () => {
      const candidate = await storefront("locale=en", true);
      if ((await gtagCalls(candidate)).length > 0) return candidate;
      await candidate.close();
      return null;
    });
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await gtagCalls(page)).toEqual([["consent", "default", { ...denied, wait_for_update: 500 }]]);

    await dialog.getByRole("button", { name: "Choose", exact: true }).click();
    await dialog.getByLabel("Audience measurement").check();
    await dialog.getByRole("button", { name: "Save my choices" }).click();
    await dialog.waitFor({ state: "detached" });
    expect((await gtagCalls(page)).at(-1)).toEqual([
      "consent",
      "update",
      { ...denied, analytics_storage: "granted" },
    ]);

    await page.getByRole("button", { name: /^Cookies$/ }).click();
    await dialog.getByRole("button", { name: "Accept all" }).click();
    await dialog.waitFor({ state: "detached" });
    const granted = {
      ad_storage: "granted",
      ad_user_data: "granted",
      ad_personalization: "granted",
      analytics_storage: "granted",
    };
    expect((await gtagCalls(page)).at(-1)).toEqual(["consent", "update", granted]);
    await page.close();

    // The next page starts denied, then Google's tags get the stored choice; no banner.
    const next = await storefront("locale=en", false);
    await eventually(async () => ((await gtagCalls(next)).length === 2 ? true : null));
    expect(await gtagCalls(next)).toEqual([
      ["consent", "default", { ...denied, wait_for_update: 500 }],
      ["consent", "update", granted],
    ]);
    expect(await next.getByRole("dialog").count()).toBe(0);
    await next.close();
  }, 120_000);

  it("edits texts and colours with a live preview, refuses a pair below WCAG AA, and the storefront follows", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/cookies?locale=en`);
    const version = await page.getByTestId("banner-version").textContent();
    const frVersion = await page.getByTestId("banner-version-fr").textContent();
    const deVersion = await page.getByTestId("banner-version-de").textContent();
    const preview = page.frameLocator('[data-testid="banner-preview"]');
    // The storefront's own banner, in the preview language (French first).
    await preview.getByRole("dialog", { name: "Cookies et autres traceurs" }).waitFor();
    // German shows the catalogue's wording (the shop rewords French and English only).
    await page.getByLabel("Language").selectOption("de");
    await preview.getByRole("dialog", { name: "Cookies und andere Tracker" }).waitFor();
    await page.getByLabel("Language").selectOption("en");
    await preview.getByRole("dialog", { name: "Cookies and other trackers" }).waitFor();
    await page.locator('input[name="text.en.title"]').fill("Your privacy at iméra");
    await preview.getByRole("dialog", { name: "Your privacy at iméra" }).waitFor();

    await page.locator('input[name="colour.button"]').fill("#9ca3af");
    const errors = page.getByTestId("contrast-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      "Button text on the buttons: contrast 2.53:1, WCAG AA asks at least 4.5:1.",
    );
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForLoadState("networkidle");
    expect(await errors.isVisible()).toBe(true);
    const unchanged = parseShopSettings(
      (await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } })).settings,
    ).banner;
    expect(unchanged.colours.button).toBe(DEFAULT_BANNER_COLOURS.button);
    expect(unchanged.texts.en.title).toBeUndefined();

    await page.locator('input[name="colour.button"]').fill("#003366");
    await errors.waitFor({ state: "detached" });
    // The preview's buttons take the colour, all three alike.
    const previewLook = await preview
      .getByRole("button", { name: "Accept all" })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(previewLook).toBe("rgb(0, 51, 102)");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Banner settings saved.").waitFor();
    const saved = parseShopSettings(
      (await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } })).settings,
    ).banner;
    expect(saved.colours.button).toBe("#003366");
    expect(saved.texts.en.title).toBe("Your privacy at iméra");
    // The page reloads its data after the save: the version in force is the new one.
    await eventually(async () =>
      (await page.getByTestId("banner-version").textContent()) !== version ? true : null,
    );
    // An English edit is a new English version only (docs/decisions/082).
    expect(await page.getByTestId("banner-version-fr").textContent()).toBe(frVersion);
    expect(await page.getByTestId("banner-version-de").textContent()).toBe(deVersion);

    const shop = await eventually(async () => {
      const candidate = await storefront("locale=en", true);
      if ((await candidate.getByRole("dialog", { name: "Your privacy at iméra" }).count()) > 0)
        return candidate;
      await candidate.close();
      return null;
    });
    const dialog = shop.getByRole("dialog");
    const look = (name: string) =>
      dialog.getByRole("button", { name }).evaluate((b) => {
        const s = getComputedStyle(b);
        const box = b.getBoundingClientRect();
        return [s.backgroundColor, s.color, s.fontWeight, s.fontSize, Math.round(box.width), box.height].join(
          "|",
        );
      });
    expect(await look("Refuse all")).toBe(await look("Accept all"));
    expect(await look("Accept all")).toContain("rgb(0, 51, 102)|rgb(255, 255, 255)");
    await shop.close();

    // In French, the same refusal reads in French.
    await page.goto(`${server.baseUrl}/app/cookies?locale=fr`, { waitUntil: "networkidle" });
    // Typed again until React owns the field (a value typed before hydration is not seen by it).
    await expect
      .poll(async () => {
        await page.locator('input[name="colour.text"]').fill("#bbbbbb");
        return page.getByTestId("contrast-errors").count();
      })
      .toBe(1);
    expect(await page.getByTestId("contrast-errors").textContent()).toContain(
      "Texte sur le fond du bandeau\u00a0: contraste de 1,91:1, le niveau AA des WCAG demande au moins 4,5:1.",
    );
    await page.close();
  }, 120_000);
});
