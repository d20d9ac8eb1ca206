// The retention page's re-permission card in Chromium, in French and in English: a newsletter
// subscriber near the end of their period is "to ask"; staff send the e-mails; the worker asks them
// and the card shows them as asked, with the e-mail in the outbox (docs/decisions/069).
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { yearsBefore } from "~/domain/retention/retention-rules";
import { recordConsent } from "~/services/consents.server";
import { upsertSubject } from "~/services/subjects.server";
import { hasBrowser, launchBrowser } from "../support/browser";
import { type RunningServer, startServer } from "../support/server";

const SHOP = "imera-paris.myshopify.com";
const DAY = 86_400_000;

describe.runIf(hasBrowser)("the re-permission's progress on the retention page in Chromium", () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let db: Db;

  beforeAll(async () => {
    server = await startServer({ WORKER: "on" });
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    browser = await launchBrowser();
    const shopId = (await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).id;
    // Signed up 3 years ago less 12 days: their period ends within the 30 days' lead time.
    const at = new Date(yearsBefore(new Date(), 3).getTime() + 12 * DAY);
    const subject = await db.$transaction((tx) =>
      upsertSubject(tx, shopId, { email: "paul.prospect@example.fr" }),
    );
    if (!subject?.email) throw new Error("no subject");
    await db.$transaction((tx) =>
      recordConsent(tx, SHOP, {
        shopId,
        subject: { id: subject.id, email: subject.email as string },
        kind: "granted",
        lawfulBasis: "consent",
        source: "privacy_centre",
        occurredAt: at,
        noticeVersion: "2022-10-31",
        wording: "Je souhaite recevoir la newsletter d'iméra",
        wordingLocale: "fr",
      }),
    );
    await db.subject.update({ where: { id: subject.id }, data: { createdAt: at } });
    await db.consentState.updateMany({ where: { subjectId: subject.id }, data: { updatedAt: at } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await server?.stop();
  });

  // Polaris puts a toned badge's hidden label ("Info", "Attention"…) before its text: the end counts.
  const badge = async (page: Page, id: string) =>
    (await page.getByTestId(`repermission-${id}`).textContent()) ?? "";
  const ends = (text: string) => new RegExp(`${text}$`);

  it("in French: one to ask; staff send the e-mails and the card counts them asked", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/retention?locale=fr`);
    expect(await page.getByText(/^Demander avant d.effacer$/).count()).toBe(1);
    expect(await page.getByText(/interrogés une fois, 30.jours avant la fin/).count()).toBe(1);
    expect(await badge(page, "due")).toMatch(ends("À interroger maintenant\u00a0: 1"));
    await page.getByRole("button", { name: "Envoyer les e-mails maintenant" }).click();
    await expect
      .poll(() => page.getByTestId("repermission-running").textContent())
      .toMatch(/Les e-mails partent par lots|Envoi en cours/);
    await expect
      .poll(
        async () => {
          await page.reload();
          return badge(page, "asked");
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toMatch(ends("Interrogés, en attente\u00a0: 1"));
    expect(await badge(page, "due")).toMatch(ends("À interroger maintenant\u00a0: 0"));
    expect(await db.outboxEmail.count({ where: { template: "consent.repermission" } })).toBe(1);
    await page.close();
  }, 120_000);

  it("in English: the same card, in English only", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/retention?locale=en`);
    expect(await page.getByText("Asking before erasing").count()).toBe(1);
    expect(await badge(page, "asked")).toMatch(ends("Asked, waiting: 1"));
    expect(await badge(page, "renewed")).toMatch(ends("Renewed: 0"));
    expect(await badge(page, "ended")).toMatch(ends("No answer, period over: 0"));
    expect(await page.getByText(/^Demander avant d.effacer$/).count()).toBe(0);
    await page.close();
  });
});
