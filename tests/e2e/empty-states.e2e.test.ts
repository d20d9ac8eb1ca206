// Every list of the admin with nothing in it, in Chromium, in French and in English: a Polaris
// EmptyState that says what to do next, or, when a filter matches nothing, what to change (with a
// link that clears it); and the consent chart's percentages each under their bar (docs/decisions/067).
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { hasBrowser, launchBrowser } from "../support/browser";
import { type RunningServer, startServer } from "../support/server";

// What a staff member reads on each empty list, in each language.
const EMPTY = [
  {
    url: "/app/requests",
    testId: "requests-empty",
    fr: ["Aucune demande ici.", "Saisir une demande"],
    en: ["No requests here.", "File a request"],
  },
  {
    url: "/app/requests?q=personne%40nulle-part.example",
    testId: "requests-no-match",
    fr: ["Aucune demande ne correspond à ces filtres", "Effacer les filtres"],
    en: ["No request matches these filters", "Clear the filters"],
  },
  {
    url: "/app/consents",
    testId: "ledger-empty",
    fr: ["Aucun consentement enregistré pour l'instant", "Importer l'historique"],
    en: ["No consent recorded yet", "Import the history"],
  },
  {
    url: "/app/consents?source=checkout",
    testId: "ledger-no-match",
    fr: ["Aucun événement ne correspond à ces filtres", "Élargissez les dates"],
    en: ["No event matches these filters", "Widen the dates"],
  },
  {
    url: "/app/consents?q=personne%40nulle-part.example",
    testId: "consent-search-no-match",
    fr: ["Aucun client avec cette adresse e-mail", "Vérifiez l'orthographe"],
    en: ["No shopper with this e-mail", "Check the spelling"],
  },
  {
    url: "/app/audit?action=document.viewed",
    testId: "audit-no-match",
    fr: ["Aucune entrée ne correspond à ces filtres", "Effacer les filtres"],
    en: ["No entry matches these filters", "Clear the filters"],
  },
  {
    url: "/app/breaches",
    testId: "breaches-empty",
    fr: ["Aucune violation enregistrée", "Consigner une violation"],
    en: ["No breach recorded", "Record a breach"],
  },
  {
    url: "/app/retention",
    testId: "retention-empty",
    fr: ["Personne n'a dépassé sa durée de conservation", "Ouvrir les réglages"],
    en: ["Nobody is past their retention period", "Open the settings"],
  },
  {
    url: "/app/payment-checks",
    testId: "payment-checks-empty",
    fr: ["Aucune vérification de paiement", "Ouvrir les demandes"],
    en: ["No payment check", "Open the requests"],
  },
  {
    url: "/app/cookies?visitor=00000000-0000-4000-8000-000000000000",
    testId: "visitor-no-match",
    fr: ["Aucun choix enregistré pour ce visiteur", "cherchez à nouveau"],
    en: ["No choice recorded for this visitor", "search again"],
  },
  {
    url: "/app/backfill",
    testId: "backfill-empty",
    fr: ["L'historique n'a pas encore été importé", "Importez une fois depuis Shopify"],
    en: ["The history has not been imported", "Import the shop's customers"],
  },
  {
    url: "/app/outbox",
    testId: "outbox-empty",
    fr: ["Aucun e-mail pour l'instant", "point du jour"],
    en: ["No e-mail sent yet", "daily digest"],
  },
] as const;

// The shop's lists, emptied (children first), as a shop that has just installed the app.
const TABLES = [
  "ConsentSync",
  "ConsentEvent",
  "ConsentLedgerHead",
  "ConsentState",
  "ConsentCheckoutDay",
  "Document",
  "PaymentCheck",
  "IdentityCheck",
  "RequestTask",
  "RequestPause",
  "ExportChunk",
  "ExportPart",
  "ExportArchive",
  "ErasureReceipt",
  "ErasureRun",
  "LegalHold",
  "PostMortemDirective",
  "RecipientNotice",
  "Restriction",
  "PrivacyCentreFiling",
  "OutboxEmail",
  "DpoDigest",
  "RightsRequest",
  "BreachRecipient",
  "BreachChange",
  "Breach",
  "Backfill",
  "Subject",
];

describe.runIf(hasBrowser)("the admin's empty lists in Chromium", () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let db: Db;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop();
  });

  /** Runs `work`, again while the server's worker holds SQLite's lock. */
  async function retried(work: () => Promise<unknown>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= 50 || !/locked|busy/i.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  it("shows each consent percentage under its own bar, in French and in English", async () => {
    const page = await browser.newPage();
    for (const locale of ["fr", "en"] as const) {
      await page.goto(`${server.baseUrl}/app/consents?locale=${locale}`);
      const cells = page.locator("[data-testid^=rate-]");
      await expect.poll(() => cells.count()).toBeGreaterThan(1);
      for (const cell of await cells.all()) {
        const month = ((await cell.getAttribute("data-testid")) as string).slice("rate-".length);
        const text = (await cell.textContent()) as string;
        // A month without checkout orders has no rate: a dash.
        expect(text).toMatch(locale === "fr" ? /^(\d+[\u00a0\u202f]%|—)$/ : /^(\d+%|—)$/);
        const [under, bar] = [await cell.boundingBox(), await page.getByTestId(`bar-${month}`).boundingBox()];
        if (!under || !bar) throw new Error(`no box for ${month}`);
        expect(Math.abs(under.x + under.width / 2 - (bar.x + bar.width / 2))).toBeLessThan(2);
      }
    }
    await page.close();
  });

  it("teaches what to do next on every empty list, in French and in English", async () => {
    await retried(async () => {
      await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
      for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
    });
    const page: Page = await browser.newPage();
    for (const locale of ["fr", "en"] as const) {
      for (const list of EMPTY) {
        if (list.testId === "outbox-empty") await retried(() => db.outboxEmail.deleteMany({}));
        await page.goto(`${server.baseUrl}${list.url}${list.url.includes("?") ? "&" : "?"}locale=${locale}`);
        const state = page.getByTestId(list.testId);
        await state.waitFor();
        const text = (await state.textContent()) ?? "";
        for (const words of list[locale]) expect(text, `${list.url} in ${locale}`).toContain(words);
        // A Polaris EmptyState, its drawing decorative.
        // (Polaris draws it once the page is hydrated.)
        await expect
          .poll(() => state.locator("img.Polaris-EmptyState__Image[alt='']").count(), {
            message: `${list.url} image`,
          })
          .toBe(1);
      }
    }
    // A filter's empty state clears it.
    await page.goto(`${server.baseUrl}/app/requests?q=personne%40nulle-part.example&locale=en`);
    await page.getByTestId("requests-no-match").getByRole("link", { name: "Clear the filters" }).click();
    await page.getByTestId("requests-empty").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBeNull();
    await page.close();
  }, 120_000);
});
