// Staff (the DPO) work with the consent ledger in Chromium, in French and English.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";

describe.runIf(hasBrowser)("the Consents page in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("the DPO finds a shopper, reads the proof of each consent, and withdraws it (French)", async () => {
    const { page } = await sandbox.openPage("/app/consents", { locale: "fr" });
    await page.getByLabel("Trouver un client par e-mail").fill("camille");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.getByRole("link", { name: "Ouvrir" }).click();
    await expect
      .poll(() => page.getByText("« Je souhaite recevoir les actualités de iméra par e-mail » (fr)").count())
      .toBe(1);
    expect(await page.getByText("commande 5001").count()).toBeGreaterThan(0);
    expect(page.url()).toContain("locale=fr");
    await page.getByRole("button", { name: "Retirer le consentement" }).click();
    const camille = await sandbox.db.subject.findFirstOrThrow({
      where: { email: "camille.martin@example.fr" },
    });
    // Irreversible: a confirmation says what will happen and to whom; nothing is written before it.
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("ne recevra plus la lettre d'information");
    expect(await sandbox.db.consentEvent.count({ where: { subjectId: camille.id, kind: "withdrawn" } })).toBe(
      0,
    );
    await dialog.getByRole("button", { name: "Retirer le consentement" }).click();
    await expect
      .poll(() => page.getByText("Consentement retiré. Shopify et Mailchimp seront mis à jour.").count())
      .toBe(1);
    const withdrawal = await sandbox.db.consentEvent.findFirstOrThrow({
      where: { subjectId: camille.id, kind: "withdrawn" },
    });
    expect(withdrawal).toMatchObject({ source: "staff", actor: "sandbox-staff" });
    await page.close();
  });

  it("the DPO verifies the ledger, sees the consent rate, and exports the ledger with its proof (English)", async () => {
    const { page } = await sandbox.openPage("/app/consents", { locale: "en" });
    expect(await page.getByRole("img", { name: "Consent rate at checkout" }).count()).toBe(1);
    await page.getByRole("button", { name: "Verify ledger" }).click();
    await expect.poll(() => page.getByText("Verification started").count()).toBe(1);
    await expect
      .poll(async () => {
        await page.goto(sandbox.url("/app/consents", "en"));
        return page.getByTestId("ledger-verification").textContent();
      })
      .toMatch(/events, chain intact/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV (with proof)" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toContain("occurred_at,recorded_at,kind,purpose,lawful_basis,source,notice_version");
    expect(rows.length).toBe(await sandbox.db.consentEvent.count());
    expect(csv).toContain('"camille.martin@example.fr"');
    await page.close();
  });
});
