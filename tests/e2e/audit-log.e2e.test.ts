// Staff read the audit log in Chromium, in French and in English: verify its chain, filter it,
// follow a reference to its request, download the filtered entries as CSV with their hashes.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";

describe.runIf(hasBrowser)("the audit log in Chromium", () => {
  let sandbox: SandboxBrowser;
  let requestId: string;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
    // A request filed by staff: its receipt is in the log, naming it.
    const { page } = await sandbox.openPage("/app/requests/new", { locale: "en" });
    await page.locator('input[name="email"]').fill("lea.dupont@example.fr");
    await page.getByRole("button", { name: "File the request" }).click();
    await page.waitForURL(/\/app\/requests\/(?!new)[\w-]+\?/);
    requestId = new URL(page.url()).pathname.split("/").at(-1) as string;
    await page.close();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  async function verifyNow(page: Page, locale: "fr" | "en", queued: string, intact: RegExp) {
    await page.goto(sandbox.url("/app/audit", locale));
    await page.getByRole("button", { name: locale === "fr" ? "Vérifier maintenant" : "Verify now" }).click();
    await expect.poll(() => page.getByText(queued).count()).toBe(1);
    await expect
      .poll(
        async () => {
          await page.goto(sandbox.url("/app/audit", locale));
          return page.getByTestId("audit-verification").textContent();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toMatch(intact);
  }

  it("in French: verifies the chain, filters by action in words and follows a reference to its request", async () => {
    const { page } = await sandbox.openPage();
    await verifyNow(page, "fr", "Vérification lancée", /^Intact\u00a0: \d+ entrées vérifiées le /);

    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Demande reçue" });
    await page.getByRole("button", { name: "Filtrer", exact: true }).click();
    await page.waitForURL(/action=request\.received/);
    const table = page.locator("table");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("Demande reçue");
    // Actions and records in words: no raw action id on the page.
    expect(text).not.toContain("request.received");
    const link = page.getByTestId("audit-target-link");
    expect(await link.textContent()).toBe("Demande");
    // The record's id is folded away with the technical detail, not shown as text.
    expect(text).not.toMatch(new RegExp(`Demande ${requestId}`));
    await link.click();
    await page.waitForURL(new RegExp(`/app/requests/${requestId}\\?`));
    expect(new URL(page.url()).searchParams.get("locale")).toBe("fr");
    await page.close();
  }, 180_000);

  it("in English: filters by reference, downloads the filtered entries as CSV with their hashes, audited", async () => {
    const { page } = await sandbox.openPage();
    await verifyNow(page, "en", "Verification queued", /^Intact: \d+ entries verified on /);
    await page.getByLabel("Request or person reference").fill(requestId);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await page.waitForURL(new RegExp(`ref=${requestId}`));
    const rows = page.locator("table tbody tr");
    const count = await sandbox.db.auditEvent.count({ where: { targetId: requestId } });
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => rows.count()).toBe(count);
    expect(await page.getByTestId("audit-target-link").count()).toBe(count);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    const [header, genesis, ...entries] = csv.trim().split("\r\n");
    expect(header).toBe(
      "seq,entry_id,shop_id,created_at,actor_type,actor_id,action,target_type,target_id,target_salt,target_commitment,data,prev_hash,hash",
    );
    expect(genesis).toMatch(/^"0","genesis"/);
    expect(entries).toHaveLength(count);
    for (const line of entries) expect(line).toContain(`"request","${requestId}"`);
    const stored = await sandbox.db.auditEvent.findMany({
      where: { targetId: requestId },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((line) => line.match(/"([0-9a-f]{64})"$/)?.[1])).toEqual(stored.map((e) => e.hash));

    // The download is itself in the log, in words, and the dashboard shows the chain intact.
    await page.goto(sandbox.url("/app/audit", "en"));
    expect(await page.locator("table tbody tr").first().textContent()).toContain(
      "Audit log downloaded (CSV)",
    );
    await page.goto(sandbox.url("/app", "en"));
    expect(await page.getByTestId("audit-chain-status").textContent()).toMatch(/^(Success)?Intact$/);
    await page.close();
  }, 180_000);
});
