// A shopper files a request in the storefront privacy centre (the theme block, through Shopify's
// app proxy as the sandbox simulates it), confirms it with the link in the e-mail, and staff see
// it in the queue with its legal due date.
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { hasBrowser, launchBrowser } from "../support/browser";
import { eventually, type RunningServer, startServer } from "../support/server";

describe.runIf(hasBrowser)("the storefront privacy centre in Chromium", () => {
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

  it("a guest files an erasure request, confirms it by the e-mailed link, and staff see it due in a month", async () => {
    const shopper = await browser.newPage();
    await shopper.goto(`${server.baseUrl}/sandbox/storefront?locale=fr`);
    await shopper.getByLabel(/Type de demande/).selectOption("erasure");
    await shopper.getByLabel(/Adresse e-mail/).fill("jeanne.durand@example.fr");
    await shopper.getByRole("button", { name: /Envoyer/ }).click();
    await expect.poll(() => shopper.getByTestId("received").textContent()).toContain("Droit à l'effacement");
    const reference = (await shopper.getByTestId("received").textContent())?.match(
      /R-\d{4}-[A-Z0-9]{5}/,
    )?.[0] as string;
    const request = await db.rightsRequest.findFirstOrThrow({ where: { reference } });
    expect(request).toMatchObject({
      state: "identity_check",
      type: "erasure",
      requesterEmail: "jeanne.durand@example.fr",
      locale: "fr",
    });

    // The shopper opens the e-mail (the sandbox keeps it in the outbox) and follows its link.
    const email = await eventually(() =>
      db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.identity_code" } }),
    );
    const link = email.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string;
    expect(link).toContain("/sandbox/storefront/apps/privacy/confirm?");
    await shopper.goto(link.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await shopper.getByRole("button", { name: "Confirmer" }).click();
    await expect.poll(() => shopper.getByTestId("message").textContent()).toContain(reference);
    expect(await db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      state: "in_progress",
    });

    const staff = await browser.newPage();
    await staff.goto(`${server.baseUrl}/app/requests?locale=fr`);
    const row = staff.getByRole("row").filter({ has: staff.getByTestId(`request-${reference}`) });
    await expect.poll(() => row.textContent()).toContain("Droit à l'effacement");
    const due = new Intl.DateTimeFormat("fr", { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(
        `${(await import("~/domain/deadlines/due-date")).computeDeadline({ receivedAt: request.receivedAt }).dueDate}T00:00:00Z`,
      ),
    );
    expect(await row.textContent()).toContain(due);
    await staff.getByTestId(`request-${reference}`).click();
    await expect.poll(() => staff.getByText("Code envoyé par e-mail · réussie").count()).toBe(1);
    await shopper.close();
    await staff.close();
  });

  it("a signed-in customer confirms what they file, and is identified by their account", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/sandbox/storefront/login?customer=7001`);
    await page.goto(`${server.baseUrl}/sandbox/storefront?locale=en`);
    expect(await page.getByLabel(/E-mail address/i).inputValue()).toBe("camille.martin@example.fr");
    await page.getByLabel(/Type of request/).selectOption("access");
    await page.getByRole("button", { name: /Send/ }).click();
    await expect.poll(() => page.getByRole("button", { name: "Confirm and send" }).count()).toBe(1);
    expect(await db.rightsRequest.count({ where: { requesterEmail: "camille.martin@example.fr" } })).toBe(0);
    await page.getByRole("button", { name: "Confirm and send" }).click();
    await expect.poll(() => page.getByTestId("received").count()).toBe(1);
    const request = await db.rightsRequest.findFirstOrThrow({
      where: { requesterEmail: "camille.martin@example.fr" },
    });
    expect(request).toMatchObject({
      state: "in_progress",
      identityLevel: "verified",
      shopifyCustomerId: "7001",
      locale: "en",
    });
    await page.close();
  });
});
