// A staff member in Chromium after `npm run sandbox:webhook -- shop/redact`: the admin says the demo
// shop's data was deleted, and one click brings the demo shop back.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

const run = promisify(execFile);

describe.runIf(hasBrowser)("the sandbox admin after shop/redact, in Chromium", () => {
  let sandbox: SandboxBrowser;

  beforeAll(async () => {
    sandbox = await startSandboxBrowser();
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  it("says the demo shop was deleted by shop/redact and re-creates it in one click", async () => {
    await run(process.execPath, ["scripts/sandbox-webhook.mjs", "shop/redact"], {
      env: { ...process.env, PORT: undefined, DATA_DIR: sandbox.server.dataDir },
    });
    await eventually(async () => (await sandbox.db.shop.count()) === 0);
    const { page } = await sandbox.openPage("/app/requests", { locale: "fr" });
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Les données de la boutique de démonstration ont été supprimées par shop/redact");
    await page.getByRole("button", { name: "Recréer la boutique de démonstration" }).click();
    await expect.poll(() => page.getByTestId("sandbox-banner").textContent()).toContain("iméra");
    expect(new URL(page.url()).pathname).toBe("/app");
    expect(await sandbox.db.shop.count({ where: { domain: "imera-paris.myshopify.com" } })).toBe(1);
  });
});
