// Every admin and storefront page in Chromium, in French and in English, under axe-core: no serious
// or critical violation; and with the keyboard alone: every interactive element reached by Tab and
// visibly focused. The pages are listed per route file, so that a new route cannot be forgotten
// (docs/decisions/067).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { type LinkContext, statusUrl } from "~/services/requests/request-links.server";
import { unsubscribeUrl } from "~/services/unsubscribe.server";
import { hasBrowser, launchBrowser, trackersAlreadyChosen } from "../support/browser";
import { eventually, type RunningServer, startServer } from "../support/server";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LOCALES = ["fr", "en"] as const;
type Locale = (typeof LOCALES)[number];

/** What the test knows of the running demo shop, to reach pages with an id in their path. */
type World = {
  requestId: string;
  breachId: string;
  activityKey: string;
  processorKey: string;
  statusLink: (locale: Locale) => string;
  confirmLink: string;
  receivedPage: (page: Page, locale: Locale) => Promise<void>;
  unsubscribeLink: string;
};

/** A page to check: where to go (an URL path, or steps in the browser), in a language. */
type PageVisit = {
  name: string;
  path?: (w: World, l: Locale) => string;
  open?: (page: Page, w: World, l: Locale) => Promise<void>;
};
/** Routes without a page of their own: why. */
type NoPage = { noPage: string };

const admin = (name: string, url: (w: World) => string): PageVisit => ({
  name,
  path: (w, l) => `${url(w)}${url(w).includes("?") ? "&" : "?"}locale=${l}`,
});
const proxy = "/sandbox/storefront/apps/privacy";

/** Every file of app/routes, with the pages it serves (or why it serves none). */
const ROUTES: Record<string, PageVisit[] | NoPage> = {
  "_index.tsx": { noPage: "redirects to /app" },
  "app._index.tsx": [admin("dashboard", () => "/app")],
  "app.audit.tsx": [admin("audit log", () => "/app/audit")],
  "app.audit[.]csv.tsx": { noPage: "CSV download" },
  "app.backfill.tsx": [admin("backfill", () => "/app/backfill")],
  "app.breaches.$id.tsx": [admin("breach", (w) => `/app/breaches/${w.breachId}`)],
  "app.breaches._index.tsx": [admin("breach register", () => "/app/breaches")],
  "app.breaches.new.tsx": [admin("new breach", () => "/app/breaches/new")],
  "app.consents.ledger[.]csv.tsx": { noPage: "CSV download" },
  "app.consents.tsx": [admin("consents", () => "/app/consents")],
  "app.cookies.tsx": [admin("cookies", () => "/app/cookies")],
  "app.documents.$id.tsx": { noPage: "the uploaded document itself (a PDF or an image)" },
  "app.exports.$id.tsx": { noPage: "ZIP download" },
  "app.notice.tsx": [admin("notice", () => "/app/notice")],
  "app.outbox.tsx": [admin("outbox", () => "/app/outbox")],
  "app.payment-checks.tsx": [admin("payment checks", () => "/app/payment-checks")],
  "app.processing.$key.tsx": [admin("processing activity", (w) => `/app/processing/${w.activityKey}`)],
  "app.processing._index.tsx": [admin("processing register", () => "/app/processing")],
  "app.processing[.]csv.tsx": { noPage: "CSV download" },
  "app.processors.$key.tsx": [admin("processor", (w) => `/app/processors/${w.processorKey}`)],
  "app.processors._index.tsx": [admin("processors", () => "/app/processors")],
  "app.requests.$id": [admin("request", (w) => `/app/requests/${w.requestId}`)],
  "app.requests._index.tsx": [admin("requests", () => "/app/requests")],
  "app.requests.new.tsx": [admin("new request", () => "/app/requests/new")],
  "app.retention.tsx": [admin("retention", () => "/app/retention")],
  "app.settings.tsx": [admin("settings", () => "/app/settings")],
  "app.tsx": { noPage: "the admin's layout, checked on every admin page" },
  "auth.$.tsx": { noPage: "Shopify's OAuth and session-token endpoints" },
  "auth.login": { noPage: "outside the sandbox only (it redirects to /app there)" },
  "consent.confirm.$token.tsx": [
    {
      name: "consent confirmation (unknown link)",
      path: (_, l) => `/consent/confirm/unknown.link?locale=${l}`,
    },
  ],
  "consent.renew.$token.tsx": [
    { name: "re-permission (unknown link)", path: (_, l) => `/consent/renew/unknown.link?locale=${l}` },
  ],
  "consent.unsubscribe.$token.tsx": [
    { name: "unsubscribe", path: (w, l) => `${w.unsubscribeLink}?locale=${l}` },
    { name: "unsubscribe (unknown link)", path: (_, l) => `/consent/unsubscribe/unknown.link?locale=${l}` },
  ],
  "exports.$token.tsx": [
    {
      name: "export link (expired)",
      path: (_, l) => `/exports/expired.link?locale=${l}`,
    },
  ],
  "proxy.privacy._index.tsx": [
    { name: "privacy centre", path: (_, l) => `${proxy}?locale=${l}` },
    { name: "storefront with the privacy centre block", path: (_, l) => `/sandbox/storefront?locale=${l}` },
    { name: "thank-you page", path: (_, l) => `/sandbox/storefront/thank-you?locale=${l}` },
  ],
  "proxy.privacy.confirm.tsx": [{ name: "identity code", path: (w, l) => `${w.confirmLink}&locale=${l}` }],
  "proxy.privacy.documents.tsx": [
    { name: "documents (closed link)", path: (_, l) => `${proxy}/documents?t=closed&locale=${l}` },
  ],
  "proxy.privacy.notice.tsx": [{ name: "privacy notice", path: (_, l) => `${proxy}/notice?locale=${l}` }],
  "proxy.privacy.receipt.tsx": [
    { name: "consent receipt (signed out)", path: (_, l) => `${proxy}/receipt?locale=${l}` },
  ],
  "proxy.privacy.requests.tsx": [{ name: "request received", open: (page, w, l) => w.receivedPage(page, l) }],
  "proxy.privacy.status.tsx": [{ name: "request status", path: (w, l) => w.statusLink(l) }],
  "sandbox.demo-shop.tsx": {
    noPage: "the sandbox's re-create action (its page is the admin's error boundary)",
  },
};

let server: RunningServer;

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function axeViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/**
 * Presses Tab until focus comes back round; returns the interactive elements Tab never reached, and
 * those it reached without any visible change (a focus ring, an outline, a caret).
 */
async function keyboardWalk(page: Page) {
  const expected = await page.evaluate(() => {
    const selector =
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    const seenRadio = new Set<string>();
    const list: string[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((el, index) => {
      if ((el as HTMLButtonElement).disabled || el.getAttribute("tabindex") === "-1") return;
      if (el.closest("[inert], [aria-hidden='true'], details:not([open]) > :not(summary)")) return;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden") return;
      if (el instanceof HTMLInputElement && el.type === "radio") {
        if (seenRadio.has(el.name)) return;
        seenRadio.add(el.name);
        // One radio of a group is reached by Tab; the arrows move within it.
        document
          .querySelectorAll<HTMLElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)
          .forEach((r) => {
            r.dataset.a11yKey = `radio:${el.name}`;
          });
      } else el.dataset.a11yKey = `el:${index}`;
      list.push(el.dataset.a11yKey as string);
    });
    return list.map((key) => ({
      key,
      label: (() => {
        const el = document.querySelector<HTMLElement>(`[data-a11y-key="${key}"]`) as HTMLElement;
        return `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? (el as HTMLInputElement).name ?? "").trim().slice(0, 40)}"`;
      })(),
    }));
  });
  // A lazy frame (an e-mail's HTML in the outbox) starts loading only when scrolled near, and Tab
  // entering it mid-load loses focus to the body: every frame is loaded before the walk begins.
  for (const frame of await page.locator("iframe:visible").all()) {
    await frame.scrollIntoViewIfNeeded();
    await (await frame.elementHandle())?.contentFrame().then((content) => content?.waitForLoadState());
  }
  const reached = new Set<string>();
  const invisible: string[] = [];
  let last: string | undefined;
  let lastLabel = "";
  let ended = "the press budget ran out";
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 0; presses < expected.length + 40; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      el.scrollIntoView({ block: "center" });
      const box = el.getBoundingClientRect();
      // An element outside the list (a skip link, say) is marked too, to tell when focus comes round.
      el.dataset.a11yKey ??= `other:${Math.random()}`;
      return {
        key: el.dataset.a11yKey,
        label: `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`,
        clip: {
          x: Math.max(0, box.x - 6),
          y: Math.max(0, box.y - 6),
          width: box.width + 12,
          height: box.height + 12,
        },
      };
    });
    if (!focused) {
      ended = `focus fell to the page after ${lastLabel}`;
      if (presses > 0) break;
      continue;
    }
    // A date input's fields (day, month, year) take one Tab each: the same element, not a loop.
    if (focused.key === last) continue;
    if (reached.has(focused.key)) {
      ended = `focus came round to ${focused.label} after ${lastLabel}`;
      break;
    }
    last = focused.key;
    lastLabel = focused.label;
    reached.add(focused.key);
    const clip = {
      ...focused.clip,
      width: Math.max(1, Math.min(focused.clip.width, 1280 - focused.clip.x)),
      height: Math.max(1, Math.min(focused.clip.height, 860 - focused.clip.y)),
    };
    const withFocus = await page.screenshot({ clip, animations: "disabled", caret: "initial" });
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const without = await page.screenshot({ clip, animations: "disabled", caret: "initial" });
    if (withFocus.equals(without)) invisible.push(focused.label);
    await page.evaluate(
      (key) => document.querySelector<HTMLElement>(`[data-a11y-key="${key}"]`)?.focus(),
      focused.key,
    );
  }
  const missed = expected.filter((e) => !reached.has(e.key)).map((e) => e.label);
  // Why the walk stopped, so that a miss says where focus went.
  return { missed: missed.length > 0 ? [...missed, `(walk ended: ${ended})`] : [], invisible };
}

describe.runIf(hasBrowser)("every page's accessibility in Chromium", () => {
  let browser: BrowserContext;
  let db: Db;
  const world = {} as World;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    browser = await launchBrowser();
    await trackersAlreadyChosen(browser, server.baseUrl);
    const shop = await db.shop.findFirstOrThrow({ where: { domain: "imera-paris.myshopify.com" } });
    const secret = Buffer.from(
      readFileSync(path.join(server.dataDir, "encryption.key"), "utf8").trim(),
      "base64",
    );
    const links = {
      shopDomain: shop.domain,
      proxyPrefix: proxy,
      secret,
      sandboxUrl: "",
      appUrl: "",
    } as LinkContext;
    // A shopper files a request on the storefront: the "received" page, then its e-mailed code.
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/sandbox/storefront?locale=fr`);
    await page.getByLabel(/Type de demande/).selectOption("access");
    await page.getByLabel(/Adresse e-mail/).fill("jeanne.durand@example.fr");
    await page.getByRole("button", { name: /Envoyer/ }).click();
    await page.getByTestId("received").waitFor();
    await page.close();
    const request = await eventually(() =>
      db.rightsRequest.findFirst({ where: { shopId: shop.id, requesterEmail: "jeanne.durand@example.fr" } }),
    );
    const email = await eventually(() =>
      db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.identity_code" } }),
    );
    const confirm = email.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string;
    const subject = await db.subject.findFirstOrThrow({
      where: { shopId: shop.id, email: "camille.martin@example.fr" },
    });
    Object.assign(world, {
      requestId: request.id,
      breachId: (await db.breach.findFirstOrThrow({ where: { shopId: shop.id } })).id,
      activityKey: (await db.registerEntry.findFirstOrThrow({ where: { shopId: shop.id, kind: "activity" } }))
        .key,
      processorKey: (
        await db.registerEntry.findFirstOrThrow({ where: { shopId: shop.id, kind: "processor" } })
      ).key,
      statusLink: (l: Locale) => statusUrl(links, request.id, l),
      confirmLink: confirm.replace(/^https?:\/\/[^/]+/, "").replace(/&locale=\w+/, ""),
      unsubscribeLink: unsubscribeUrl({ appUrl: "", secret }, shop.id, subject.id),
      receivedPage: async (p: Page, l: Locale) => {
        await p.goto(`${server.baseUrl}/sandbox/storefront?locale=${l}`);
        await p.locator("select[name=type]").selectOption("portability");
        await p.locator("input[name=email]").fill(`a11y.${l}@example.fr`);
        await p.locator("form button[type=submit]").first().click();
        await p.getByTestId("received").waitFor();
      },
    } satisfies World);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop();
  });

  it("lists a page (or why there is none) for every route file", () => {
    const files = readdirSync(path.join("app", "routes")).sort();
    expect(files.filter((file) => !(file in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((file) => !files.includes(file))).toEqual([]);
  });

  const visits = Object.entries(ROUTES).flatMap(([file, pages]) =>
    "noPage" in pages ? [] : pages.map((visit) => ({ file, visit })),
  );

  async function open(visit: PageVisit, locale: Locale) {
    const page = await browser.newPage();
    if (visit.open) await visit.open(page, world, locale);
    else await page.goto(`${server.baseUrl}${visit.path?.(world, locale)}`);
    await page.waitForLoadState("networkidle");
    return page;
  }

  for (const locale of LOCALES) {
    it.each(visits)(
      `in ${locale === "fr" ? "French" : "English"}: $visit.name ($file) passes axe-core and names its language`,
      async ({ visit }) => {
        const page = await open(visit, locale);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      },
    );
  }

  it.each(visits)(
    "with the keyboard alone: $visit.name ($file), every control reached and visibly focused",
    async ({ visit }) => {
      const page = await open(visit, "fr");
      expect(await keyboardWalk(page)).toEqual({ missed: [], invisible: [] });
      await page.close();
    },
  );
});
