// Staff grant and lift a restriction of processing (GDPR art. 18) in Chromium, in French and in
// English: filed from the staff form with its ground, granted (Shopify and Mailchimp told, shown as
// the art. 19 notices), shown as a badge in the list, lifted only once the person's notice has left.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";

const TEXTS = {
  fr: {
    type: "Droit à la limitation du traitement",
    create: "Enregistrer la demande",
    verify: "Identité confirmée",
    grant: "Accorder la limitation",
    inForce: "En vigueur",
    badge: "Limité",
    told: "informé",
    lift: "Lever la limitation",
    lifted: "Levée",
    subject: "Levée de la limitation",
  },
  en: {
    type: "Right to restriction of processing",
    create: "File the request",
    verify: "Identity confirmed",
    grant: "Grant the restriction",
    inForce: "In force",
    badge: "Restricted",
    told: "informed",
    lift: "Lift the restriction",
    lifted: "Lifted",
    subject: "restriction of processing of your data is being lifted",
  },
} as const;

describe.runIf(hasBrowser)("granting and lifting a restriction of processing in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  /** Reloads until `testId`'s text matches (the worker runs the jobs in the background). */
  async function reloadUntil(page: Page, testId: string, pattern: RegExp) {
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await page.getByTestId(testId).first().textContent({ timeout: 5_000 })) ?? "";
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toMatch(pattern);
  }

  it.each([
    ["fr", "camille.martin@example.fr", "accuracy_contested"],
    ["en", "emma.thomas@example.com", "objection_pending"],
  ] as const)(
    "in %s: files, grants, shows and lifts it",
    async (locale, email, ground) => {
      const x = TEXTS[locale];
      const { page } = await sandbox.openPage("/app/requests/new", { locale });
      await page.locator('select[name="type"]').selectOption("restriction");
      await page.locator('input[name="email"]').fill(email);
      await page.locator('select[name="restriction_ground"]').selectOption(ground);
      await page.getByRole("button", { name: x.create }).click();
      await page.waitForURL(
        (url) => /^\/app\/requests\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
      );
      await expect.poll(async () => (await page.locator("h1").allTextContents()).join(" ")).toContain(x.type);

      await page.getByRole("button", { name: x.verify }).click();
      await page.getByRole("button", { name: x.grant }).click();
      await expect.poll(() => page.getByTestId("restriction-status").textContent()).toContain(x.inForce);
      expect(await page.getByTestId("restricted-badge").textContent()).toMatch(new RegExp(`${x.badge}$`));
      // Shopify and Mailchimp told by the worker: their notices turn to "informed".
      await reloadUntil(page, "recipient-mailchimp", new RegExp(x.told));
      await reloadUntil(page, "recipient-shopify", new RegExp(x.told));
      const requestId = new URL(page.url()).pathname.split("/").at(-1) as string;
      const request = await sandbox.db.rightsRequest.findUniqueOrThrow({ where: { id: requestId } });

      // The list shows the badge beside the person's request.
      await page.goto(sandbox.url("/app/requests", locale));
      expect(await page.getByTestId(`restricted-${request.reference}`).textContent()).toMatch(
        new RegExp(`${x.badge}$`),
      );

      await page.goto(sandbox.url(`/app/requests/${requestId}`, locale));
      await page.getByRole("button", { name: x.lift }).click();
      // In force until the notice has left (the sandbox hands it to the outbox), then lifted.
      await reloadUntil(page, "restriction-status", new RegExp(`${x.lifted}$`));
      const notice = await sandbox.db.outboxEmail.findFirstOrThrow({
        where: { requestId, template: "request.restriction_lift" },
      });
      expect(notice.subject).toContain(x.subject);
      expect(["sent", "outbox"]).toContain(notice.status);
      expect(await page.getByTestId("restricted-badge").count()).toBe(0);
      await page.close();
    },
    180_000,
  );
});
