// The browser suites' one setup (docs/decisions/059): the built server started with the sandbox
// (its own data directory and port), its SQLite database opened beside it, Chromium launched with
// the flags of ./browser.ts, pages opened in a locale with their script errors collected, and
// everything torn down in one call.
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { vi } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { launchBrowser, trackersAlreadyChosen } from "./browser";
import { type RunningServer, SERVER_START_MS, startServer } from "./server";

/** The time a suite's `beforeAll` gives `startSandboxBrowser`: the server's start, then Chromium's. */
export const SANDBOX_START_MS = SERVER_START_MS + 30_000;

export type Locale = "fr" | "en";

export type OpenPageOptions = {
  /** Added to the path as `?locale=` (or `&locale=` when the path has a query already). */
  locale?: Locale;
  /** Waits until the network is idle: the page is hydrated and React owns its fields. */
  hydrated?: boolean;
  /**
   * Leaves out of `errors` the console's "Failed to load resource … status of 4xx": a refusal
   * (400, 409) the page shows as an answer, not a script error.
   */
  refusalsAreAnswers?: boolean;
};

export type OpenedPage = {
  page: Page;
  /** The page's script errors and console errors (a failed hydration among them), as they come. */
  errors: string[];
};

export type SandboxBrowser = {
  server: RunningServer;
  baseUrl: string;
  browser: BrowserContext;
  /** The running server's own SQLite database (its worker writes into it too). */
  db: Db;
  /** `path` on the server, in `locale` when given. */
  url(path: string, locale?: Locale): string;
  /** A new tab, at `path` when given (a blank tab otherwise, to prepare before going anywhere). */
  openPage(path?: string, options?: OpenPageOptions): Promise<OpenedPage>;
  close(): Promise<void>;
};

export type SandboxBrowserOptions = {
  /** The storefront's visitor has already chosen about trackers: the cookie banner stays closed. */
  trackersChosen?: boolean;
  /** Extra environment for the server. */
  env?: Record<string, string | undefined>;
};

const REFUSAL = /^Failed to load resource: the server responded with a status of 4\d\d/;

/**
 * How long `expect.poll` waits for a page to show an answer, unless the test says otherwise. A form
 * submitted in Chromium goes through the server and its database before the page changes: on a
 * loaded machine that is seconds, not the one second vitest waits by default.
 */
export const PAGE_ANSWER_MS = 15_000;

export async function startSandboxBrowser(options: SandboxBrowserOptions = {}): Promise<SandboxBrowser> {
  vi.setConfig({ expect: { requireAssertions: false, poll: { timeout: PAGE_ANSWER_MS, interval: 50 } } });
  const server = await startServer(options.env);
  let db: Db | undefined;
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close();
    await db?.$disconnect();
    await server.stop();
  };
  try {
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    browser = await launchBrowser();
    if (options.trackersChosen) await trackersAlreadyChosen(browser, server.baseUrl);
  } catch (error) {
    await close();
    throw error;
  }
  const context = browser;
  const url = (target: string, locale?: Locale) => {
    const full = `${server.baseUrl}${target}`;
    return locale ? `${full}${full.includes("?") ? "&" : "?"}locale=${locale}` : full;
  };
  return {
    server,
    baseUrl: server.baseUrl,
    browser: context,
    db,
    url,
    async openPage(target, { locale, hydrated = false, refusalsAreAnswers = false } = {}) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        if (refusalsAreAnswers && REFUSAL.test(message.text())) return;
        errors.push(message.text());
      });
      if (target !== undefined) {
        await page.goto(url(target, locale));
        if (hydrated) await page.waitForLoadState("networkidle");
      }
      return { page, errors };
    },
    close,
  };
}
