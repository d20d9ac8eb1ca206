// Staff import the demo shop's history from (simulated) Shopify in the sandbox admin: the bulk
// operation runs in the worker, the page follows its progress, and the retention page then lists
// the customer whose last order is 11 years old, the buyer who ordered without an account 12 years
// ago and the newsletter contact of 4 years, whose erasures the sweep files. Imported marketing
// states are labelled as such, in both languages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

describe.runIf(hasBrowser)("import from Shopify in the sandbox admin", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("staff run the import and follow it to the end; imported states carry no proof", async () => {
    const { page } = await sandbox.openPage("/app/backfill", { locale: "en" });
    expect(await page.getByTestId("backfill-empty").count()).toBe(1);
    await page.getByRole("button", { name: "Import from Shopify" }).click();
    await expect
      .poll(() => page.getByTestId("backfill-status").textContent(), { timeout: 30_000 })
      .toContain("Done");
    // 3 demo customers and 5 from the shop's history; their 10 orders.
    expect(await page.getByTestId("backfill-counts").textContent()).toBe(
      "8 customers, 10 orders, 5 marketing states imported",
    );
    // The second phase: 4 orders placed without an account, from 3 addresses (Hugo's among them).
    expect(await page.getByTestId("backfill-guest-counts").textContent()).toBe(
      "4 orders placed without an account, from 3 e-mail addresses",
    );
    const hugo = await sandbox.db.subject.findMany({ where: { email: "hugo.lefevre@example.fr" } });
    expect(hugo.map((h) => [h.shopifyCustomerId, h.guestOrderCount])).toEqual([["7102", 1]]);
    // The demo shop granted read_all_orders: no 60-day statement.
    expect(await page.getByTestId("orders-access-warning").count()).toBe(0);
    const imported = await sandbox.db.consentEvent.findMany({ where: { source: "shopify_import" } });
    expect(imported.map((e) => [e.email, e.kind]).sort()).toEqual([
      ["agathe.roux@example.fr", "granted"],
      ["hugo.lefevre@example.fr", "withdrawn"],
      ["lettre.quatre.ans@example.fr", "granted"],
      ["lettre.un.an@example.fr", "granted"],
      ["margaux.girard@example.com", "granted"],
    ]);
    expect(imported.every((e) => e.wording === null && e.noticeVersion === null)).toBe(true);
    await page.goto(sandbox.url("/app/backfill", "fr"));
    expect(await page.getByText("enregistrés comme importés de Shopify", { exact: false }).count()).toBe(1);
    expect(await page.getByTestId("backfill-guest-counts").textContent()).toContain(
      "commandes passées sans compte",
    );
    await page.close();
  }, 60_000);

  it("the retention page then lists the 11-year customer, the 12-year guest buyer and the 4-year contact, and the sweep files their erasures", async () => {
    const { page } = await sandbox.openPage("/app/retention", { locale: "en" });
    expect(await page.getByText("margaux.girard@example.com").count()).toBe(1);
    expect(await page.getByText("invite.douze.ans@example.fr").count()).toBe(1);
    expect(await page.getByText("lettre.quatre.ans@example.fr").count()).toBe(1);
    for (const notDue of [
      "agathe.roux@example.fr",
      "hugo.lefevre@example.fr",
      "lettre.un.an@example.fr",
      "sans.compte@example.fr",
    ]) {
      expect(await page.getByText(notDue).count(), notDue).toBe(0);
    }
    expect(await page.getByTestId("due-customers").textContent()).toContain("Customers past their period: 2");
    expect(await page.getByTestId("due-prospects").textContent()).toContain("Contacts past their period: 1");
    await page.getByRole("button", { name: "File their erasures" }).click();
    await expect
      .poll(() => page.getByTestId("sweep-result").textContent())
      .toContain("Erasure requests filed: 3");
    const filed = await sandbox.db.rightsRequest.findMany({
      where: { channel: "retention" },
      select: { subject: { select: { email: true } } },
    });
    expect(filed.map((r) => r.subject?.email).sort()).toEqual([
      "invite.douze.ans@example.fr",
      "lettre.quatre.ans@example.fr",
      "margaux.girard@example.com",
    ]);
    await page.close();
  });

  it("a second import changes nothing", async () => {
    const before = {
      subjects: await sandbox.db.subject.count(),
      events: await sandbox.db.consentEvent.count(),
    };
    const { page } = await sandbox.openPage("/app/backfill", { locale: "en" });
    await page.getByRole("button", { name: "Import again" }).click();
    await eventually(
      async () => (await sandbox.db.backfill.count({ where: { status: "done" } })) === 2,
      30_000,
    );
    expect(await sandbox.db.subject.count()).toBe(before.subjects);
    expect(await sandbox.db.consentEvent.count()).toBe(before.events);
    await page.close();
  });
});
