// The sandbox outbox shows each e-mail as the e-mail (docs/decisions/081): its HTML in a sandboxed
// frame whose links open in a new tab and work there, its plain text folded below; a script in a
// body never runs.
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

/** Unfolds an e-mail's HTML as a reader would, by its summary, when it is folded. */
async function showHtml(card: Locator) {
  const toggle = card.getByTestId("outbox-html-toggle");
  if ((await toggle.getAttribute("open")) === null) await toggle.locator("summary").click();
  await expect.poll(() => card.getByTestId("outbox-html").isVisible()).toBe(true);
}

describe.runIf(hasBrowser)("the sandbox outbox in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser({ trackersChosen: true });
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("shows the identity e-mail as HTML, and its confirmation link, followed from the frame, confirms the request", async () => {
    const { page: shopper } = await sandbox.openPage("/sandbox/storefront", { locale: "fr" });
    await shopper.getByLabel(/Type de demande/).selectOption("erasure");
    await shopper.getByLabel(/Adresse e-mail/).fill("outbox.reader@example.fr");
    await shopper.getByRole("button", { name: /Envoyer/ }).click();
    await expect.poll(() => shopper.getByTestId("received").textContent()).toMatch(/R-\d{4}-[A-Z0-9]{5}/);
    const reference = (await shopper.getByTestId("received").textContent())?.match(
      /R-\d{4}-[A-Z0-9]{5}/,
    )?.[0] as string;
    await shopper.close();
    const request = await sandbox.db.rightsRequest.findFirstOrThrow({ where: { reference } });
    const email = await eventually(() =>
      sandbox.db.outboxEmail.findFirst({
        where: { requestId: request.id, template: "request.identity_code" },
      }),
    );

    const { page: staff } = await sandbox.openPage("/app/outbox", { locale: "fr" });
    const card = staff.getByTestId("outbox-email").filter({ hasText: email.subject }).first();
    // The frames load as they come into view; an older e-mail's is folded until asked for.
    await card.scrollIntoViewIfNeeded();
    await showHtml(card);
    const frame = card.getByTestId("outbox-html");
    expect(await frame.getAttribute("sandbox")).toBe("allow-popups allow-popups-to-escape-sandbox");
    const body = card.frameLocator('[data-testid="outbox-html"]').locator("body");
    // The HTML part itself: its bold reference and its button, not the text part.
    await expect.poll(() => body.locator("strong").first().textContent()).toBe(reference);
    const button = body.getByRole("link", { name: "Confirmer ma demande" });
    // The plain text is there too, folded.
    const text = card.getByTestId("outbox-text");
    expect(await text.isVisible()).toBe(false);
    await card.getByText("Version texte brut").click();
    await expect.poll(() => text.isVisible()).toBe(true);
    expect(await text.textContent()).toContain(reference);

    const [opened] = await Promise.all([staff.waitForEvent("popup"), button.click()]);
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe("/sandbox/storefront/apps/privacy/confirm");
    await opened.getByRole("button", { name: "Confirmer" }).click();
    await expect.poll(() => opened.getByTestId("message").textContent()).toContain(reference);
    await expect
      .poll(
        async () => (await sandbox.db.rightsRequest.findUniqueOrThrow({ where: { id: request.id } })).state,
      )
      .toBe("in_progress");
    await opened.close();
    await staff.close();
  });

  it("never runs a script of a body: neither a script element nor an event handler", async () => {
    const shop = await sandbox.db.shop.findFirstOrThrow({ where: { domain: "imera-paris.myshopify.com" } });
    const subject = "Un corps piégé";
    const html =
      "<!doctype html><html><head><title>x</title></head><body><p>Corps visible</p>" +
      `<script>document.body.insertAdjacentHTML("beforeend", '<p class="ran">script</p>')</script>` +
      `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="document.body.insertAdjacentHTML('beforeend', '<p class=ran>handler</p>')" onload="document.body.insertAdjacentHTML('beforeend', '<p class=ran>handler</p>')">` +
      "</body></html>";
    // Outside the outbox the same body does run both: the check below is not empty.
    const { page: control } = await sandbox.openPage();
    await control.setContent(html);
    await expect.poll(() => control.locator(".ran").count()).toBe(2);
    await control.close();

    await sandbox.db.outboxEmail.create({
      data: {
        shopId: shop.id,
        template: "request.acknowledgement",
        locale: "fr",
        to: "piege@example.fr",
        subject,
        text: "Bonjour",
        html,
        status: "outbox",
      },
    });
    const { page } = await sandbox.openPage("/app/outbox", { locale: "fr" });
    const card = page.getByTestId("outbox-email").filter({ hasText: subject }).first();
    await card.scrollIntoViewIfNeeded();
    await showHtml(card);
    const body = card.frameLocator('[data-testid="outbox-html"]').locator("body");
    await expect.poll(() => body.locator("p").first().textContent()).toBe("Corps visible");
    // Whatever loads late has had its chance.
    await page.waitForLoadState("load");
    await body.locator("img").evaluate((img) => (img as HTMLImageElement).decode().catch(() => null));
    expect(await body.locator(".ran").count()).toBe(0);
    await page.close();
  });
});
