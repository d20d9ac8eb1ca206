// Merchant staff open the sandbox admin in Chromium.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { describeFindings, scanText } from "../support/language-scan";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

/** Every page of the admin's menu, and the pages one level below it. */
const ADMIN_PATHS = [
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
  "/app/breaches",
  "/app/breaches/new",
  "/app/audit",
  "/app/settings",
];

/**
 * What a reader of the page sees: its text and its menus' choices, without what is marked as
 * written in another language (`lang`, e.g. a technical detail or a wording the shopper agreed to).
 */
async function shownText(page: Page, locale: "fr" | "en"): Promise<string> {
  return page.evaluate((locale) => {
    const foreign = [...document.body.querySelectorAll<HTMLElement>("[lang]")].filter(
      (element) => !(element.getAttribute("lang") ?? "").startsWith(locale),
    );
    const display = foreign.map((element) => element.style.display);
    for (const element of foreign) element.style.display = "none";
    const options = [...document.body.querySelectorAll("option")].map((option) => option.textContent);
    // The rendered text (innerText), not the DOM's: a folded <details> is not read.
    // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees is the point.
    const text = `${document.body.innerText}\n${options.join("\n")}`;
    foreign.forEach((element, i) => {
      element.style.display = display[i] ?? "";
    });
    return text;
  }, locale);
}

/** What the page shows that a reader of `locale` should not meet, by page. */
async function languageFindings(page: Page, locale: "fr" | "en", where: string) {
  await page.waitForLoadState("networkidle");
  const findings = describeFindings(scanText(await shownText(page, locale), locale));
  return findings.length === 0 ? {} : { [`${where} (${locale})`]: findings };
}

describe.runIf(hasBrowser)("the sandbox admin in Chromium", () => {
  let sandbox: SandboxBrowser;
  const shop = "imera-paris.myshopify.com";

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("staff see real counts and the job queue, and retry a dead job", async () => {
    const dead = await sandbox.db.job.create({
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
    const { page } = await sandbox.openPage();
    await page.goto(`${sandbox.baseUrl}/app`);
    await expect.poll(() => page.getByTestId("sandbox-banner").textContent()).toContain("iméra");
    expect(await page.getByTestId("count-subjects").textContent()).toBe(
      String(await sandbox.db.subject.count()),
    );
    expect(await page.getByTestId("count-auditEvents").textContent()).toBe(
      String(await sandbox.db.auditEvent.count()),
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
      async () => (await sandbox.db.job.findUnique({ where: { id: dead.id } }))?.status === "succeeded",
    );
    expect(await sandbox.db.auditEvent.count({ where: { action: "job.retried", targetId: dead.id } })).toBe(
      1,
    );
    await page.close();
  });

  it("every admin page renders and hydrates without an error, in both languages", async () => {
    for (const locale of ["fr", "en"] as const) {
      for (const path of ADMIN_PATHS) {
        const { page, errors } = await sandbox.openPage(path, { locale, hydrated: true });
        expect(errors, `${path} (${locale})`).toEqual([]);
        expect(
          await page.getByText(locale === "fr" ? "Une erreur est survenue" : "Something went wrong").count(),
          path,
        ).toBe(0);
        await page.close();
      }
    }
  }, 120_000); // twenty pages, each loaded until the network is idle: a walk, not a timing target

  it("every admin page reads in one language, with no raw field name, code or id", async () => {
    // A job given up on: staff read what stopped, the error folded away.
    await sandbox.db.job.create({
      data: {
        type: "erasure.system",
        payload: JSON.stringify({ runId: "gone", system: "mailchimp" }),
        shopDomain: shop,
        status: "dead",
        attempts: 10,
        lastError: "Error: Mailchimp answered 503",
        finishedAt: new Date(),
      },
    });
    const { page } = await sandbox.openPage();
    let findings = {};
    for (const locale of ["fr", "en"] as const) {
      for (const path of ADMIN_PATHS) {
        await page.goto(sandbox.url(`${path}`, locale));
        findings = { ...findings, ...(await languageFindings(page, locale, path)) };
      }
    }
    expect(findings).toEqual({});
    await page.goto(sandbox.url("/app", "fr"));
    expect(
      await page.getByText("L'effacement des données d'un système s'est arrêté après 10 tentatives").count(),
    ).toBe(1);
    expect(await page.getByText("Error: Mailchimp answered 503").isVisible()).toBe(false);
    await page.getByText("Détail technique").first().click();
    expect(await page.getByText("Error: Mailchimp answered 503").isVisible()).toBe(true);
    await page.close();
  }, 180_000); // thirty pages loaded until the network is idle: a walk, not a timing target

  it("staff confirm each irreversible action, told what happens and to whom; the request page reads in one language in every state", async () => {
    const file = async (type: string, email: string) => {
      const answer = await fetch(sandbox.url("/app/requests/new", "en"), {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          type,
          email,
          name: "",
          message: "",
          receivedOn: new Date().toISOString().slice(0, 10),
          requesterLocale: "fr",
        }),
      });
      expect(answer.status).toBe(302);
      return sandbox.db.rightsRequest.findFirstOrThrow({ where: { requesterEmail: email, type } });
    };
    const bothLanguages = async (page: Page, url: string, state: string) => {
      for (const locale of ["fr", "en"] as const) {
        await page.goto(`${url}?locale=${locale}`);
        expect(await languageFindings(page, locale, `request page, ${state}`)).toEqual({});
      }
    };
    const { page } = await sandbox.openPage();

    // An erasure: identity to confirm, then its dry run, then executed once confirmed.
    const erasure = await file("erasure", "camille.martin@example.fr");
    const erasureUrl = `${sandbox.baseUrl}/app/requests/${erasure.id}`;
    await bothLanguages(page, erasureUrl, erasure.state);
    await page.goto(`${erasureUrl}?locale=fr`);
    await page.getByRole("button", { name: "Identité confirmée" }).click();
    await eventually(
      async () =>
        (await sandbox.db.erasureRun.findUnique({ where: { requestId: erasure.id } }))?.status === "planned",
    );
    await bothLanguages(page, erasureUrl, "erasure planned");

    await page.goto(`${erasureUrl}?locale=fr`);
    await page.getByRole("button", { name: "Exécuter l'effacement" }).click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.getByTestId("confirm-body").textContent())
      .toContain("Effacer les données de c…@example.fr dans Shopify, Stripe, Mailchimp et Vigie.");
    expect(await dialog.getByTestId("confirm-body").textContent()).toContain(
      "Conservé, comme la loi l'exige\u00a0: Éléments de facturation des commandes archivés",
    );
    // Cancelling does nothing.
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect((await sandbox.db.erasureRun.findUniqueOrThrow({ where: { requestId: erasure.id } })).status).toBe(
      "planned",
    );
    await page.getByRole("button", { name: "Exécuter l'effacement" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Effacer maintenant" }).click();
    await eventually(
      async () =>
        (await sandbox.db.erasureRun.findUnique({ where: { requestId: erasure.id } }))?.status === "done",
      30_000,
    );
    await bothLanguages(page, erasureUrl, "erasure done");

    // A refusal: the ground in the reader's words, then refused once confirmed.
    const access = await file("access", "lucas.bernard@example.fr");
    const accessUrl = `${sandbox.baseUrl}/app/requests/${access.id}`;
    await page.goto(`${accessUrl}?locale=en`);
    await page.getByLabel("Explanation").fill("Fifth identical request this month.");
    await page.getByTestId("refuse-form").getByRole("button", { name: "Refuse" }).click();
    await expect
      .poll(() => page.getByRole("dialog").getByTestId("confirm-body").textContent())
      .toContain(`Refuse request ${access.reference} of l…@example.fr, on the ground: `);
    await page.getByRole("dialog").getByRole("button", { name: "Refuse the request" }).click();
    await expect
      .poll(
        async () => (await sandbox.db.rightsRequest.findUniqueOrThrow({ where: { id: access.id } })).state,
      )
      .toBe("refused");
    await bothLanguages(page, accessUrl, "refused");
    await page.close();
  }, 240_000); // a dozen pages and an erasure through the simulators: a walk, not a timing target

  it("staff read the record of processing in both languages and download it as CSV, audited", async () => {
    const { page } = await sandbox.openPage("/app/processing", { locale: "fr" });
    // The sandbox connects Stripe and Mailchimp: their activities are in the register.
    const trackers = ["site_analytics", "social_sharing", "advertising"];
    for (const id of ["orders", "payments", "marketing", "mailchimp", "statistics", ...trackers, "rights"]) {
      expect(await page.getByTestId(`activity-${id}`).count(), id).toBe(1);
    }
    expect(await page.getByText("Registre des traitements").count()).toBeGreaterThan(0);
    expect(
      await page.getByText("10 ans après la dernière commande", { exact: false }).count(),
    ).toBeGreaterThan(0);
    await page.goto(sandbox.url("/app/processing", "en"));
    expect(await page.getByText("Transfers outside the EEA", { exact: true }).count()).toBe(9);

    const exportsBefore = await sandbox.db.auditEvent.count({ where: { action: "register.exported" } });
    const response = await page.request.get(sandbox.url("/app/processing.csv", "en"));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe(
      "\uFEFFController,Contact for data protection,Processing activity,Purposes and lawful basis,Data subjects," +
        "Personal data,Recipients,Transfers outside the EEA,Retention,Automated decision-making," +
        "Security measures (art. 32),Signed off",
    );
    expect(csv).toContain("Payment security and fraud prevention");
    expect(await sandbox.db.auditEvent.count({ where: { action: "register.exported" } })).toBe(
      exportsBefore + 1,
    );
    await page.close();
  });

  it("staff navigate the sections in French, and the audit log lists what happened", async () => {
    const { page } = await sandbox.openPage("/app", { locale: "fr" });
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
    const shopRow = await sandbox.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    const due = await sandbox.db.subject.create({
      data: {
        shopId: shopRow.id,
        email: "ancienne.cliente@example.fr",
        lastOrderAt: new Date(Date.now() - 11 * 365.25 * 86_400_000),
        createdAt: new Date(Date.now() - 12 * 365.25 * 86_400_000),
      },
    });
    const { page } = await sandbox.openPage("/app/retention", { locale: "en" });
    expect(await page.getByText("ancienne.cliente@example.fr").count()).toBe(1);

    await page.getByRole("button", { name: "File their erasures" }).click();
    await expect
      .poll(() => page.getByTestId("sweep-result").textContent())
      .toContain("Erasure requests filed:");
    const request = await sandbox.db.rightsRequest.findFirstOrThrow({ where: { subjectId: due.id } });
    expect(request).toMatchObject({ type: "erasure", channel: "retention", requesterEmail: null });
    expect(
      await sandbox.db.auditEvent.count({ where: { action: "retention.swept", shopId: shopRow.id } }),
    ).toBe(1);

    // The plan is drawn up by the worker and waits for staff on the request page.
    await eventually(
      async () =>
        (await sandbox.db.erasureRun.findUnique({ where: { requestId: request.id } }))?.status === "planned",
    );
    await page.goto(sandbox.url(`/app/requests/${request.id}`, "en"));
    await expect
      .poll(() => page.getByText("the retention sweep", { exact: false }).count())
      .toBeGreaterThan(0);

    // Back on the retention page, the plan waits for approval with what it will do; approving it
    // here starts the erasure as the request page would.
    await page.goto(sandbox.url("/app/retention", "en"));
    expect(await page.getByText("Erasure plans waiting for your approval: 1").count()).toBe(1);
    await page.getByRole("button", { name: "Approve these plans (1)" }).click();
    await expect
      .poll(() => page.getByRole("dialog").getByTestId("confirm-body").textContent())
      .toContain("Erase the data of a…@example.fr, as each plan shows.");
    await page.getByRole("dialog").getByRole("button", { name: "Approve and erase" }).click();
    await expect.poll(() => page.getByTestId("approve-result").textContent()).toContain("Plans approved: 1.");
    await eventually(
      async () =>
        (await sandbox.db.erasureRun.findUnique({ where: { requestId: request.id } }))?.status === "done",
    );
    expect(await sandbox.db.subject.count({ where: { id: due.id } })).toBe(0);
    await page.close();
  });
});
