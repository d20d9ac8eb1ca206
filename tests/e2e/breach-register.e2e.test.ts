// Staff record a personal-data breach in Chromium, in French and in English: the 72-hour clock,
// the decisions with their reasoning, the late notification refused without reasons, and the art.
// 34 notice confirmed in a dialog that says who gets which e-mail, then found in the outbox.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toLocalDateTime } from "~/domain/deadlines/local-date";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";

const HOUR = 3_600_000;
const parisAgo = (hours: number) => toLocalDateTime(new Date(Date.now() - hours * HOUR), "Europe/Paris");

async function fillFacts(page: Page, title: string, awareAt: string) {
  await page.locator('input[name="title"]').fill(title);
  await page.locator('input[name="awareAt"]').fill(awareAt);
  const texts: Record<string, [string, string]> = {
    nature: [
      "Un e-mail de facture a été envoyé à une autre cliente.",
      "An invoice e-mail was sent to another customer.",
    ],
    consequences: [
      "Votre adresse a pu être lue par un tiers.",
      "Your address may have been read by someone else.",
    ],
    measures: ["Le message a été supprimé par sa destinataire.", "The message was deleted by its recipient."],
  };
  for (const [field, [fr, en]] of Object.entries(texts)) {
    await page.locator(`textarea[name="${field}.fr"]`).fill(fr);
    await page.locator(`textarea[name="${field}.en"]`).fill(en);
  }
  await page.locator('input[name="approxSubjects"]').fill("2");
}

describe.runIf(hasBrowser)("the breach register in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("in French: records a breach, shows the clock, decides, confirms the notice and finds the e-mails in the outbox", async () => {
    const { page, errors } = await sandbox.openPage("/app/breaches", {
      locale: "fr",
      refusalsAreAnswers: true,
    });
    // The demo shop's past breach, notified within the 72 hours.
    await expect.poll(() => page.getByTestId("breaches").textContent()).toContain("VIOL-1");
    expect(await page.getByTestId("breaches").textContent()).toContain("Notifiée dans les temps");
    await page.getByRole("link", { name: "Consigner une violation" }).click();
    await page.waitForURL(/\/app\/breaches\/new\?locale=fr/);

    // Aware 66 and a half hours ago: five and a half hours left.
    await fillFacts(page, "Facture envoyée à la mauvaise cliente", parisAgo(66.5));
    await page.getByRole("button", { name: "Consigner la violation" }).click();
    await page.waitForURL(/\/app\/breaches\/c\w+\?locale=fr&recorded=1/);
    // Hydrated before typing: React would otherwise reset what was typed into its controlled fields.
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByTestId("clock").textContent()).toMatch(/\(dans [45] heures\)/);
    expect(await page.getByTestId("clock-status").first().textContent()).toContain("Échéance proche");

    const notification = page.getByTestId("notification");
    await notification.locator('textarea[name="reasoning"]').fill("Adresse communiquée à un tiers.");
    await notification.getByRole("button", { name: "Consigner la décision" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("Décision consignée.");
    await expect.poll(() => notification.textContent()).toContain("— Adresse communiquée à un tiers.");

    await page.waitForLoadState("networkidle");
    const information = page.getByTestId("information");
    await information.locator('select[name="required"]').selectOption("yes");
    await information.locator('textarea[name="reasoning"]').fill("Adresses personnelles : risque élevé.");
    await expect
      .poll(() => information.locator('textarea[name="reasoning"]').inputValue())
      .toContain("Adresses");
    await information.getByRole("button", { name: "Consigner la décision" }).click();
    await expect
      .poll(() => page.getByTestId("information").textContent())
      .toContain("— Adresses personnelles");

    await page.getByTestId("information").locator('select[name="audience"]').selectOption("list");
    await page
      .getByTestId("information")
      .locator('textarea[name="addresses"]')
      .fill("camille.martin@example.fr\nemma.thomas@example.com\ninconnue@example.fr");
    await page.getByRole("button", { name: "Compter les personnes" }).click();
    await expect
      .poll(() => page.getByTestId("preview").textContent())
      .toContain("2 personnes seraient informées\u00a0: 1 en français, 1 en anglais.");
    expect(await page.getByTestId("preview").textContent()).toContain(
      "Inconnues de Vigie, écartées\u00a0: 1.",
    );

    // Irreversible: a dialog says how many people get which e-mail before anything is sent.
    await page.getByRole("button", { name: "Les informer…" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("Informer les personnes concernées (2)\u00a0?");
    expect(await dialog.textContent()).toContain(
      "2 personnes recevront l'e-mail «\u00a0Information sur une violation de vos données personnelles\u00a0»\u00a0: 1 en français, 1 en anglais.",
    );
    expect(await sandbox.db.breachRecipient.count()).toBe(0);
    await dialog.getByRole("button", { name: "Envoyer l'information" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("Information confirmée");
    // The jobs queue the e-mails; the page counts them.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("notice-progress").textContent();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toContain("E-mails mis en file\u00a0: 2 sur 2\u00a0; envoyés\u00a0: 2.");
    await expect
      .poll(() => page.getByTestId("history").textContent())
      .toContain("Information des personnes confirmée par sandbox-staff");

    await page.goto(sandbox.url("/app/outbox", "fr"));
    const outbox = await page.locator("body").textContent();
    expect(outbox).toContain("iméra — Information sur une violation de vos données personnelles (VIOL-2)");
    expect(outbox).toContain("iméra — A breach of your personal data (VIOL-2)");
    expect(outbox).toContain("Votre adresse a pu être lue par un tiers.");
    expect(outbox).not.toContain("inconnue@example.fr");
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000); // a walk through the pages and the worker's batches, not a timing target

  it("in English: an overdue clock, a late notification refused without reasons, then kept with them", async () => {
    const { page, errors } = await sandbox.openPage("/app/breaches/new", {
      locale: "en",
      refusalsAreAnswers: true,
    });
    await fillFacts(page, "Backup disk lost", parisAgo(80));
    await page.getByRole("button", { name: "Record the breach" }).click();
    await page.waitForURL(/\/app\/breaches\/c\w+\?locale=en&recorded=1/);
    // Hydrated before typing: React would otherwise reset what was typed into its controlled fields.
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("clock-status").first().textContent()).toContain("Overdue");
    await expect.poll(() => page.getByTestId("clock").textContent()).toMatch(/\(8 hours ago\)/);

    const notification = page.getByTestId("notification");
    await notification
      .locator('textarea[name="reasoning"]')
      .fill("Customer addresses on an unencrypted disk.");
    await notification.getByRole("button", { name: "Record the decision" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("Decision recorded.");

    await page.locator('input[name="cnilReference"]').fill("CNIL-42");
    await page.getByRole("button", { name: "Record the notification" }).click();
    await expect
      .poll(() => page.getByTestId("result").textContent())
      .toContain("Notified after 72 hours: give the reasons for the delay");
    await page.locator('textarea[name="delayReasons"]').fill("The disk's loss was confirmed only on day 3.");
    await page.getByRole("button", { name: "Record the notification" }).click();
    await expect.poll(() => page.getByTestId("result").textContent()).toContain("Notification recorded.");
    await expect
      .poll(() => page.getByTestId("clock-status").first().textContent())
      .toContain("Notified late");
    expect(await page.getByTestId("state").textContent()).toContain("Notified to the CNIL");

    // Everyone known to Vigie: the count before the dialog matches the shop's subjects with an address.
    await page.waitForLoadState("networkidle");
    const information = page.getByTestId("information");
    await information.locator('textarea[name="reasoning"]').fill("Addresses and order history: high risk.");
    await information.getByRole("button", { name: "Record the decision" }).click();
    await expect
      .poll(() => page.getByTestId("information").textContent())
      .toContain("— Addresses and order history");
    await page.getByRole("button", { name: "Count the people" }).click();
    const people = await sandbox.db.subject.count({ where: { email: { not: null } } });
    await expect
      .poll(() => page.getByTestId("preview").textContent())
      .toContain(`${people} people would be informed`);
    await page.getByRole("button", { name: "Inform them…" }).click();
    await expect
      .poll(() => page.getByRole("dialog").textContent())
      .toContain(`Inform the people affected (${people})?`);
    // Cancelled: nothing is sent.
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect(await sandbox.db.breach.count({ where: { noticeStatus: { not: null } } })).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000); // a walk through the pages and the worker's batches, not a timing target
});
