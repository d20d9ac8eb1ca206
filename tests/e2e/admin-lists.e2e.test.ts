// Staff find a request by e-mail, filter the consent ledger, and read the DPO's digest in the
// sandbox outbox, in Chromium, in French and in English (docs/decisions/056).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendShopDigest } from "~/services/dpo-digest.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";

describe.runIf(hasBrowser)("the admin's lists and the DPO digest in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
    // Two requests from the demo shop's customers (their addresses are on file): one received
    // 40 days ago, now overdue, one today.
    const shop = await sandbox.db.shop.findFirstOrThrow({ where: { domain: "imera-paris.myshopify.com" } });
    for (const [email, daysAgo, type] of [
      ["camille.martin@example.fr", 40, "access"],
      ["emma.thomas@example.com", 0, "erasure"],
    ] as const) {
      // This test process writes into the running server's SQLite file while its worker writes
      // too: a transaction that read first can be refused ("database is locked"), or wait past the
      // busy timeout while the server imports the demo shop ("timed out"); file it again.
      for (let attempt = 1; ; attempt++) {
        try {
          await fileStaffRequest({
            db: sandbox.db,
            links: sandboxLinks(shop.domain),
            shop,
            staffId: "sandbox-staff",
            form: { type, email, name: "Client", message: "" },
            locale: "fr",
            receivedAt: new Date(Date.now() - daysAgo * 86_400_000),
          });
          break;
        } catch (error) {
          if (attempt >= 20 || !/database is locked|timed out/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  function sandboxLinks(shopDomain: string): LinkContext {
    return {
      shopDomain,
      proxyPrefix: "/sandbox/storefront/apps/privacy",
      secret: Buffer.alloc(32),
      sandboxUrl: sandbox.baseUrl,
      appUrl: sandbox.baseUrl,
    } as LinkContext;
  }

  async function someRequest() {
    return sandbox.db.rightsRequest.findFirstOrThrow({
      where: { requesterEmail: { not: null }, closedAt: null },
      orderBy: { receivedAt: "asc" },
    });
  }

  it("in French: finds a request by the beginning of its e-mail, then a filter that matches nothing teaches", async () => {
    const request = await someRequest();
    const email = request.requesterEmail as string;
    const { page } = await sandbox.openPage("/app/requests", { locale: "fr" });
    await page.getByLabel("Trouver une demande").fill(email.slice(0, 6).toUpperCase());
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId(`request-${request.reference}`).count()).toBe(1);
    expect(page.url()).toContain("locale=fr");
    await page.getByLabel("Trouver une demande").fill("personne@nulle-part.example");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect.poll(() => page.getByTestId("requests-no-match").count()).toBe(1);
    expect(await page.getByText("Aucune demande ne correspond à ces filtres").count()).toBe(1);
    await page.getByRole("link", { name: "Effacer les filtres" }).click();
    await expect.poll(() => page.getByTestId(`request-${request.reference}`).count()).toBe(1);
    await page.close();
  });

  it("in English: filters the requests by type and state, kept in the URL", async () => {
    const request = await someRequest();
    const { page } = await sandbox.openPage("/app/requests?state=all", { locale: "en" });
    await page.getByLabel("Type").selectOption(request.type);
    await page.waitForURL(new RegExp(`type=${request.type}`));
    await expect.poll(() => page.getByTestId(`request-${request.reference}`).count()).toBe(1);
    await page.reload();
    expect(await page.getByTestId(`request-${request.reference}`).count()).toBe(1);
    expect(await page.getByLabel("Type").inputValue()).toBe(request.type);
    await page.close();
  });

  it("filters the consent ledger by source, in French then in English", async () => {
    const checkout = await sandbox.db.consentEvent.count({ where: { source: "checkout" } });
    expect(checkout).toBeGreaterThan(0);
    const { page } = await sandbox.openPage("/app/consents", { locale: "fr" });
    await page.getByLabel("Provenance").selectOption("checkout");
    await page.waitForURL(/source=checkout/);
    await expect
      .poll(() => page.getByTestId("ledger-events").locator("tbody tr").count())
      .toBe(Math.min(checkout, 50));
    expect(await page.getByTestId("ledger-events").textContent()).toContain("Paiement");
    // The purpose in words, not the ledger's identifier.
    const purposes = await page
      .getByTestId("ledger-events")
      .locator("tbody tr > :nth-child(5)")
      .allTextContents();
    expect(new Set(purposes)).toEqual(new Set(["Newsletter"]));
    await page.goto(sandbox.url("/app/consents?source=checkout", "en"));
    await page.getByLabel("Event").selectOption("expired");
    await expect.poll(() => page.getByTestId("ledger-no-match").count()).toBe(1);
    expect(page.url()).toContain("source=checkout");
    await page.close();
  });

  it("shows the DPO's digest in the sandbox outbox, each line opening its page", async () => {
    const shop = await sandbox.db.shop.findFirstOrThrow({
      where: { domain: "imera-paris.myshopify.com" },
      select: { id: true, domain: true, name: true, locale: true, settings: true },
    });
    const links = () => sandboxLinks(shop.domain);
    // A day far ahead, 09:00 in Paris: every open request of the demo shop is overdue by then.
    const outcome = await sendShopDigest(sandbox.db, links, shop, new Date("2030-01-02T08:00:00Z"));
    expect(outcome).toBe("sent");
    const { page } = await sandbox.openPage("/app/outbox", { locale: "fr" });
    // Newest first: the worker may have sent today's digest already, below this one.
    const digest = page.getByTestId("outbox-text").filter({ hasText: "DEMANDES EN RETARD" }).first();
    await expect.poll(() => digest.count()).toBe(1);
    expect(await page.getByText("Point du jour Vigie, 2 janvier 2030").count()).toBe(1);
    const text = (await digest.textContent()) ?? "";
    const link = text.match(new RegExp(`${sandbox.baseUrl}/app/requests/[A-Za-z0-9]+`))?.[0];
    expect(link).toBeDefined();
    await page.goto(`${link}?locale=en`);
    await expect.poll(() => page.getByText("Legal clock").count()).toBeGreaterThan(0);
    await page.goto(sandbox.url("/app", "en"));
    await expect
      .poll(() => page.getByTestId("attention").textContent())
      .toMatch(
        /Overdue requests|Requests due within 7 days|New requests|Failed jobs|Nothing needs you today/,
      );
    await page.close();
  });
});
