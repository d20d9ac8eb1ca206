// Staff edit and sign off an activity of the record of processing in Chromium, in French and in English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";

describe.runIf(hasBrowser)("editing and signing off the record of processing in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("in French: shortens the customers' marketing period to the CNIL's 3 years, then signs it off", async () => {
    const { page } = await sandbox.openPage("/app/processing", { locale: "fr" });
    expect(await page.getByTestId("retention-warning-marketing").count()).toBe(1);
    await page.getByTestId("activity-marketing").getByRole("link", { name: "Modifier" }).click();
    await page.waitForURL(/\/app\/processing\/marketing\?locale=fr/);
    await expect.poll(() => page.getByTestId("retention-warning-1").count()).toBe(1);
    await page.locator('input[name="retention.1.months"]').fill("36");
    await page.locator('select[name="retention.1.clock"]').selectOption("last_contact");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("Enregistré.");
    await expect.poll(() => page.getByTestId("retention-warning-1").count()).toBe(0);
    await expect
      .poll(() => page.getByTestId("history").textContent())
      .toContain("Modifié par sandbox-staff\u00a0: Durées de conservation");

    await page.getByRole("button", { name: "Valider cette version" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("Validé.");
    await expect.poll(() => page.getByTestId("review-state").textContent()).toMatch(/^(Réussite)?Validé$/);
    expect(await page.getByTestId("history").textContent()).toContain("Validé par sandbox-staff");
    const entry = await sandbox.db.registerEntry.findFirstOrThrow({
      where: { kind: "activity", key: "marketing" },
    });
    expect(entry).toMatchObject({ revision: 2, reviewedRevision: 2, reviewedBy: "sandbox-staff" });
    await page.close();
  });

  it("in English: an edit after the sign-off asks for a new one; a missing legitimate interest is refused", async () => {
    const { page } = await sandbox.openPage("/app/processing/statistics", { locale: "en" });
    await page.getByRole("button", { name: "Sign off this version" }).click();
    await expect.poll(() => page.getByTestId("review-state").textContent()).toMatch(/^(Success)?Signed off$/);

    await page.locator('textarea[name="purposes.0.legitimateInterest.en"]').fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("the interest pursued");
    expect(await page.getByTestId("review-state").textContent()).toMatch(/^(Success)?Signed off$/);

    await page
      .locator('textarea[name="purposes.0.legitimateInterest.en"]')
      .fill("Knowing which products sell");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => page.getByTestId("review-state").textContent())
      .toMatch(/Changed since sign-off$/);
    await page.goto(sandbox.url("/app/processing", "en"));
    expect(await page.getByTestId("review-statistics").textContent()).toMatch(/Changed since sign-off$/);
    expect(await page.getByTestId("review-marketing").textContent()).toMatch(/^(Success)?Signed off$/);
    await page.close();
  });
});
