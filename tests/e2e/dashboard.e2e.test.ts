// Merchant staff open the sandbox admin in Chromium.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { hasBrowser, launchBrowser } from "../support/browser";
import { eventually, type RunningServer, startServer } from "../support/server";

describe.runIf(hasBrowser)("the sandbox admin in Chromium", () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let db: Db;
  const shop = "imera-paris.myshopify.com";

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

  it("staff see real counts and the job queue, and retry a dead job", async () => {
    const dead = await db.job.create({
      // Its receipt is gone (as after a purge), so once retried it succeeds at once.
      data: {
        type: "webhook.process",
        payload: JSON.stringify({ receiptId: "purged" }),
        shopDomain: shop,
        status: "dead",
        attempts: 10,
        lastError: "Error: Mailchimp answered 503",
        finishedAt: new Date(),
      },
    });
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app`);
    await expect.poll(() => page.getByTestId("sandbox-banner").textContent()).toContain("iméra");
    expect(await page.getByTestId("count-subjects").textContent()).toBe(String(await db.subject.count()));
    expect(await page.getByTestId("count-auditEvents").textContent()).toBe(
      String(await db.auditEvent.count()),
    );
    expect(await page.getByText("Dead: 1").count()).toBe(1);
    expect(await page.getByText("Error: Mailchimp answered 503").count()).toBe(1);

    const artifacts = path.join("tests", ".artifacts");
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, "dashboard.png"), fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      await page.screenshot({ path: path.join("docs", "images", "dashboard.png"), fullPage: true });
    }

    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => page.getByText("Job queued again.").count()).toBe(1);
    await eventually(
      async () => (await db.job.findUnique({ where: { id: dead.id } }))?.status === "succeeded",
    );
    expect(await db.auditEvent.count({ where: { action: "job.retried", targetId: dead.id } })).toBe(1);
    await page.close();
  });

  it("every admin page renders and hydrates without an error, in both languages", async () => {
    const paths = [
      "/app",
      "/app/requests",
      "/app/requests/new",
      "/app/outbox",
      "/app/consents",
      "/app/cookies",
      "/app/retention",
      "/app/backfill",
      "/app/processing",
      "/app/processing/orders",
      "/app/processors",
      "/app/processors/shopify",
      "/app/notice",
      "/app/audit",
      "/app/settings",
    ];
    for (const locale of ["fr", "en"]) {
      for (const path of paths) {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        page.on("console", (message) => {
          if (message.type() === "error") errors.push(message.text());
        });
        await page.goto(`${server.baseUrl}${path}?locale=${locale}`);
        await page.waitForLoadState("networkidle");
        expect(errors, `${path} (${locale})`).toEqual([]);
        expect(
          await page.getByText(locale === "fr" ? "Une erreur est survenue" : "Something went wrong").count(),
          path,
        ).toBe(0);
        await page.close();
      }
    }
  }, 120_000); // twenty pages, each loaded until the network is idle: a walk, not a timing target

  it("staff read the record of processing in both languages and download it as CSV, audited", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/processing?locale=fr`);
    // The sandbox connects Stripe and Mailchimp: their activities are in the register.
    const trackers = ["site_analytics", "social_sharing", "advertising"];
    for (const id of ["orders", "payments", "marketing", "mailchimp", "statistics", ...trackers, "rights"]) {
      expect(await page.getByTestId(`activity-${id}`).count(), id).toBe(1);
    }
    expect(await page.getByText("Registre des traitements").count()).toBeGreaterThan(0);
    expect(
      await page.getByText("10 ans après la dernière commande", { exact: false }).count(),
    ).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/app/processing?locale=en`);
    expect(await page.getByText("Transfers outside the EEA", { exact: true }).count()).toBe(9);

    const exportsBefore = await db.auditEvent.count({ where: { action: "register.exported" } });
    const response = await page.request.get(`${server.baseUrl}/app/processing.csv?locale=en`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFController,Contact for data protection,Processing activity,Purposes and lawful basis,Data subjects," +
        "Personal data,Recipients,Transfers outside the EEA,Retention,Automated decision-making," +
        "Security measures (art. 32),Signed off",
    );
    expect(csv).toContain("Payment security and fraud prevention");
    expect(await db.auditEvent.count({ where: { action: "register.exported" } })).toBe(exportsBefore + 1);
    await page.close();
  });

  it("staff navigate the sections in French, and the audit log lists what happened", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app?locale=fr`);
    await page.getByRole("link", { name: "Demandes" }).click();
    await expect.poll(() => page.getByText("Nouvelle demande").count()).toBe(1);
    expect(page.url()).toContain("locale=fr");
    await page.getByRole("link", { name: "Journal d'audit" }).click();
    // In the log's table (the action filter offers every action by name too).
    const log = page.locator("table");
    await expect.poll(() => log.getByText("Bac à sable créé").count()).toBe(1);
    expect(await log.getByText("Tâche morte relancée").count()).toBe(1);
    await page.close();
  });

  it("staff file the erasures of those past their retention period, review their plans and approve them", async () => {
    const shopRow = await db.shop.findUniqueOrThrow({ where: { domain: shop } });
    const due = await db.subject.create({
      data: {
        shopId: shopRow.id,
        email: "ancienne.cliente@example.fr",
        lastOrderAt: new Date(Date.now() - 11 * 365.25 * 86_400_000),
        createdAt: new Date(Date.now() - 12 * 365.25 * 86_400_000),
      },
    });
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/retention?locale=en`);
    expect(await page.getByText("ancienne.cliente@example.fr").count()).toBe(1);

    await page.getByRole("button", { name: "File their erasures" }).click();
    await expect
      .poll(() => page.getByTestId("sweep-result").textContent())
      .toContain("Erasure requests filed:");
    const request = await db.rightsRequest.findFirstOrThrow({ where: { subjectId: due.id } });
    expect(request).toMatchObject({ type: "erasure", channel: "retention", requesterEmail: null });
    expect(await db.auditEvent.count({ where: { action: "retention.swept", shopId: shopRow.id } })).toBe(1);

    // The plan is drawn up by the worker and waits for staff on the request page.
    await eventually(
      async () =>
        (await db.erasureRun.findUnique({ where: { requestId: request.id } }))?.status === "planned",
    );
    await page.goto(`${server.baseUrl}/app/requests/${request.id}?locale=en`);
    await expect
      .poll(() => page.getByText("the retention sweep", { exact: false }).count())
      .toBeGreaterThan(0);

    // Back on the retention page, the plan waits for approval with what it will do; approving it
    // here starts the erasure as the request page would.
    await page.goto(`${server.baseUrl}/app/retention?locale=en`);
    expect(await page.getByText("Erasure plans waiting for your approval: 1").count()).toBe(1);
    await page.getByRole("button", { name: "Approve these plans (1)" }).click();
    await expect.poll(() => page.getByTestId("approve-result").textContent()).toContain("Plans approved: 1.");
    await eventually(
      async () => (await db.erasureRun.findUnique({ where: { requestId: request.id } }))?.status === "done",
    );
    expect(await db.subject.count({ where: { id: due.id } })).toBe(0);
    await page.close();
  });
});
