// A staff member in Chromium after `npm run sandbox:webhook -- shop/redact`: the admin says the demo
// shop's data was deleted, and one click brings the demo shop back.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { hasBrowser, launchBrowser } from "../support/browser";
import { eventually, type RunningServer, startServer } from "../support/server";

const run = promisify(execFile);

describe.runIf(hasBrowser)("the sandbox admin after shop/redact, in Chromium", () => {
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

  it("says the demo shop was deleted by shop/redact and re-creates it in one click", async () => {
    await run(process.execPath, ["scripts/sandbox-webhook.mjs", "shop/redact"], {
      env: { ...process.env, PORT: undefined, DATA_DIR: server.dataDir },
    });
    await eventually(async () => (await db.shop.count()) === 0);
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/app/requests?locale=fr`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Les données de la boutique de démonstration ont été supprimées par shop/redact");
    await page.getByRole("button", { name: "Recréer la boutique de démonstration" }).click();
    await expect.poll(() => page.getByTestId("sandbox-banner").textContent()).toContain("iméra");
    expect(new URL(page.url()).pathname).toBe("/app");
    expect(await db.shop.count({ where: { domain: "imera-paris.myshopify.com" } })).toBe(1);
  });
});
