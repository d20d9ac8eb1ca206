// The cookie banner on the sandbox storefront in Chromium, over the stand-in for Shopify's Customer
// Privacy API: shown only where the region needs it; Refuse all, Accept all and Choose in French and
// English each reach setTrackingConsent with the right values and the ledger with their proof; German,
// Spanish and Italian from the storefront's locale (docs/decisions/082); the
// first two buttons measured alike; closing records nothing; the "Cookies" button reopens it;
// Global Privacy Control; asked again after 6 months; keyboard only.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLedger } from "~/services/consent-ledger.server";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

type Consent = { analytics: boolean; marketing: boolean; preferences: boolean; sale_of_data: boolean };
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const all = (value: boolean): Consent => ({
  analytics: value,
  marketing: value,
  preferences: value,
  sale_of_data: value,
});

describe.runIf(hasBrowser)("the cookie banner in Chromium", () => {
  let sandbox: SandboxBrowser;
  let shopId: string;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
    shopId = (await sandbox.db.shop.findUniqueOrThrow({ where: { domain: "imera-paris.myshopify.com" } })).id;
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  /** A first visit: no cookie, nothing stored. */
  async function firstVisit(query: string, options: { gpc?: boolean } = {}): Promise<Page> {
    await sandbox.browser.clearCookies();
    const { page } = await sandbox.openPage();
    if (options.gpc) {
      // The browser sends Global Privacy Control (navigator.globalPrivacyControl, as Firefox and Brave do).
      await page.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
      );
    }
    await page.goto(`${sandbox.baseUrl}/sandbox/storefront`);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${sandbox.baseUrl}/sandbox/storefront?${query}`);
    await page.getByRole("button", { name: /^Cookies$/ }).waitFor();
    return page;
  }
  const calls = (page: Page) =>
    page.evaluate(
      () =>
        (window as unknown as { Shopify: { customerPrivacy: { sandboxCalls: Consent[] } } }).Shopify
          .customerPrivacy.sandboxCalls,
    );
  const stored = (page: Page) =>
    page.evaluate(() => JSON.parse(localStorage.getItem("vigie_tracking_choice") ?? "null")) as Promise<{
      visitorId: string;
      decidedAt: string;
      version: string;
      locale: string;
    } | null>;
  /** The visitor's events once all four purposes of their `n`-th choice are in. */
  async function ledgerOf(page: Page, n = 1) {
    const visitorId = (await stored(page))?.visitorId as string;
    return eventually(async () => {
      const rows = await sandbox.db.consentEvent.findMany({
        where: { shopId, visitorId },
        orderBy: { seq: "asc" },
      });
      return rows.length >= 4 * n ? rows.slice(4 * (n - 1), 4 * n) : null;
    });
  }
  const kinds = (rows: { purpose: string; kind: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.purpose.replace("tracking_", ""), r.kind === "granted"]));

  it("in French: Refuse all and Accept all alike in size, weight and row; Refuse all reaches Shopify and the ledger", async () => {
    const page = await firstVisit("locale=fr");
    const dialog = page.getByRole("dialog", { name: "Cookies et autres traceurs" });
    await dialog.waitFor();
    const refuse = dialog.getByRole("button", { name: "Tout refuser" });
    const accept = dialog.getByRole("button", { name: "Tout accepter" });
    const [r, a] = [await refuse.boundingBox(), await accept.boundingBox()];
    expect(r && a).toBeTruthy();
    expect(Math.abs((r?.width ?? 0) - (a?.width ?? 0))).toBeLessThan(1);
    expect(r?.height).toBe(a?.height);
    expect(r?.y).toBe(a?.y);
    const look = (name: string) =>
      dialog.getByRole("button", { name }).evaluate((b) => {
        const s = getComputedStyle(b);
        return [s.backgroundColor, s.color, s.fontWeight, s.fontSize, s.borderWidth].join("|");
      });
    expect(await look("Tout refuser")).toBe(await look("Tout accepter"));
    // Focus starts inside the dialog, on the first button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Tout refuser");

    await refuse.click();
    await dialog.waitFor({ state: "detached" });
    expect(await calls(page)).toEqual([all(false)]);
    const rows = await ledgerOf(page);
    expect(kinds(rows)).toEqual(all(false));
    expect(rows.every((row) => row.wordingLocale === "fr" && row.region === "FR" && row.gpc === false)).toBe(
      true,
    );
    expect(rows[0]?.wording).toContain("Mesure d'audience");
    expect(rows[0]?.wording).toContain("Shopify");

    // Next page: not asked again; the Cookies button reopens it, showing the choice (nothing ticked).
    await page.reload();
    await page.getByRole("button", { name: /^Cookies$/ }).click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Choisir", exact: true }).click();
    for (const label of ["Mesure d'audience", "Publicité et réseaux sociaux", "Préférences"]) {
      expect(await dialog.getByLabel(label).isChecked()).toBe(false);
    }
    // Withdrawal and change of mind are choices like any other: tick one purpose and save.
    await dialog.getByLabel("Mesure d'audience").check();
    await dialog.getByRole("button", { name: "Enregistrer mes choix" }).click();
    await dialog.waitFor({ state: "detached" });
    expect((await calls(page)).at(-1)).toEqual({ ...all(false), analytics: true });
    expect(kinds(await ledgerOf(page, 2))).toEqual({ ...all(false), analytics: true });
    expect(await verifyLedger(sandbox.db, shopId)).toMatchObject({ ok: true });
    await page.close();
  });

  it("in English: Accept all and Choose reach Shopify and the ledger; closing records nothing", async () => {
    const page = await firstVisit("locale=en");
    const dialog = page.getByRole("dialog", { name: "Cookies and other trackers" });
    await dialog.waitFor();
    // Closing is not consent: nothing is sent to Shopify or to the ledger.
    await dialog.getByRole("button", { name: "Close without choosing" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await calls(page)).toEqual([]);
    expect(await stored(page)).toBeNull();

    await page.getByRole("button", { name: /^Cookies$/ }).click();
    await dialog.getByRole("button", { name: "Accept all" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await calls(page)).toEqual([all(true)]);
    const rows = await ledgerOf(page);
    expect(kinds(rows)).toEqual(all(true));
    expect(rows.every((row) => row.wordingLocale === "en" && row.noticeVersion?.startsWith("b2-"))).toBe(
      true,
    );

    await page.getByRole("button", { name: /^Cookies$/ }).click();
    await dialog.getByRole("button", { name: "Choose", exact: true }).click();
    await dialog.getByLabel("Audience measurement").uncheck();
    await dialog.getByLabel("Advertising and social networks").uncheck();
    await dialog.getByRole("button", { name: "Save my choices" }).click();
    await dialog.waitFor({ state: "detached" });
    const chosen = { ...all(true), analytics: false, marketing: false };
    expect((await calls(page)).at(-1)).toEqual(chosen);
    expect(kinds(await ledgerOf(page, 2))).toEqual(chosen);
    await page.close();
  });

  it("in German, Spanish and Italian from the storefront's locale; a choice made in German stands when the visitor switches to Italian", async () => {
    const page = await firstVisit("locale=de");
    const dialog = page.getByRole("dialog", { name: "Cookies und andere Tracker" });
    await dialog.waitFor();
    expect(await dialog.getAttribute("lang")).toBe("de");
    expect(await dialog.textContent()).toContain("Mit Ihrer Einwilligung");
    await dialog.getByRole("button", { name: "Alle akzeptieren" }).waitFor();
    await dialog.getByRole("button", { name: "Alle ablehnen" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await calls(page)).toEqual([all(false)]);
    const rows = await ledgerOf(page);
    expect(rows.every((row) => row.wordingLocale === "de" && row.noticeVersion?.startsWith("b2-"))).toBe(
      true,
    );
    expect(rows[0]?.wording).toContain("Reichweitenmessung");
    expect(await stored(page)).toMatchObject({ locale: "de", version: rows[0]?.noticeVersion });

    // The same visitor reads the shop in Italian: the German text they chose on did not change.
    await page.goto(`${sandbox.baseUrl}/sandbox/storefront?locale=it`);
    const cookie = page.getByRole("button", { name: /^Cookie$/ });
    await cookie.waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    await cookie.click();
    const italian = page.getByRole("dialog", { name: "Cookie e altri traccianti" });
    await italian.getByRole("button", { name: "Rifiuta tutto" }).waitFor();
    await page.close();

    const spanish = await firstVisit("locale=es");
    await spanish.getByRole("dialog", { name: "Cookies y otros rastreadores" }).waitFor();
    await spanish.getByRole("button", { name: "Rechazar todo" }).waitFor();
    await spanish.close();
  });

  it("is not shown where the region does not ask for consent, and is asked again after 6 months", async () => {
    const us = await firstVisit("locale=en&region=USNY");
    await us.waitForTimeout(300);
    expect(await us.getByRole("dialog").count()).toBe(0);
    await us.close();

    const page = await firstVisit("locale=en&region=FR");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Refuse all" }).click();
    await ledgerOf(page);
    await page.reload();
    await page.getByRole("button", { name: /^Cookies$/ }).waitFor();
    await page.waitForTimeout(300);
    expect(await dialog.count()).toBe(0);
    // Six months and a day later (the stored choice's date moved back), the banner asks again.
    await page.evaluate(() => {
      const choice = JSON.parse(localStorage.getItem("vigie_tracking_choice") as string);
      choice.decidedAt = new Date(Date.now() - 183 * 24 * 3600 * 1000).toISOString();
      localStorage.setItem("vigie_tracking_choice", JSON.stringify(choice));
    });
    await page.reload();
    await dialog.waitFor();
    await page.close();
  });

  it("honours Global Privacy Control: Accept all leaves marketing and sale of data refused", async () => {
    const page = await firstVisit("locale=en", { gpc: true });
    await page.getByRole("dialog").getByRole("button", { name: "Accept all" }).click();
    const expected = { ...all(true), marketing: false, sale_of_data: false };
    await expect.poll(() => calls(page)).toEqual([expected]);
    const rows = await ledgerOf(page);
    expect(kinds(rows)).toEqual(expected);
    expect(rows.every((row) => row.gpc === true)).toBe(true);
    await page.close();
  });

  it("works with the keyboard alone: focus stays in the dialog, Escape closes it, Enter chooses", async () => {
    const page = await firstVisit("locale=fr&region=DE");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      expect(await focused()).toBe(true);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await calls(page)).toEqual([]);
    // Reopen from the Cookies button by keyboard, go to "Choisir", tick nothing, save.
    await page.getByRole("button", { name: /^Cookies$/ }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.getByRole("button", { name: "Choisir", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Enregistrer mes choix" }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    expect(await calls(page)).toEqual([all(false)]);
    expect(kinds(await ledgerOf(page))).toEqual(all(false));
    await page.close();
  });

  it("shows staff the rates per purpose and a visitor's choices with their proof, and exports them", async () => {
    const page = await firstVisit("locale=en");
    await page.getByRole("dialog").getByRole("button", { name: "Refuse all" }).click();
    await ledgerOf(page);
    const visitorId = (await stored(page))?.visitorId as string;
    const refused = await sandbox.db.consentEvent.count({
      where: { shopId, purpose: "tracking_analytics", kind: "refused" },
    });
    const accepted = await sandbox.db.consentEvent.count({
      where: { shopId, purpose: "tracking_analytics", kind: "granted" },
    });

    await page.goto(sandbox.url("/app/cookies", "en"));
    const rates = page.getByTestId("banner-rates");
    await rates.waitFor();
    const row = rates.getByRole("row").filter({ hasText: "Audience measurement" });
    expect(await row.textContent()).toContain(
      `${accepted}${refused}${Math.round((accepted / (accepted + refused)) * 100)} %`,
    );
    // Week by week, the latest first: twelve weeks, this week's analytics choices in its first row.
    const weeks = page.getByTestId("banner-weeks");
    expect(await weeks.getByRole("row").count()).toBe(13);
    expect(await weeks.getByRole("row").nth(1).textContent()).toContain(
      `(${accepted}/${accepted + refused})`,
    );
    await page.getByLabel("Visitor id (shown in the banner's “Cookies” panel)").fill(visitorId);
    await page.getByRole("button", { name: "Find" }).click();
    const choices = page.getByTestId("visitor-choices");
    await choices.waitFor();
    expect(await choices.getByRole("row").count()).toBe(5);
    const csv = await (
      await page.request.get(`${sandbox.baseUrl}/app/consents/ledger.csv?visitor=${visitorId}`)
    ).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain("region,gpc,visitor_id");
    expect(lines.slice(1).every((line) => line.includes(visitorId) && line.includes('"refused"'))).toBe(true);
    await page.close();
  });

  it("passes an automated accessibility check (axe-core): no serious or critical violation in either layer", async () => {
    const page = await firstVisit("locale=fr");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const audit = async () => {
      await page.addScriptTag({ content: AXE });
      return page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }>;
            };
          }
        ).axe;
        const { violations } = await axe.run("#vcb-dialog", { resultTypes: ["violations"] });
        return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
      });
    };
    expect(await audit()).toEqual([]);
    await dialog.getByRole("button", { name: "Choisir", exact: true }).click();
    await dialog.getByLabel("Préférences").waitFor();
    expect(await audit()).toEqual([]);
    await page.close();
  });
});
