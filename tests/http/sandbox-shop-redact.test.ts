// The README's `npm run sandbox:webhook` against the built sandbox: it finds the running sandbox
// wherever it listens, and after `shop/redact` the admin says what happened and re-creates the
// demo shop on request, after which sandbox webhooks are processed again (restart included).
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { eventually, type RunningServer, startServer } from "../support/server";

const run = promisify(execFile);

/** `npm run sandbox:webhook -- <args>` with the sandbox's data directory and no PORT of the caller's. */
function sandboxWebhook(dataDir: string, ...args: string[]) {
  const { PORT: _port, SANDBOX_URL: _url, ...env } = process.env;
  return run(process.execPath, ["scripts/sandbox-webhook.mjs", ...args], {
    env: { ...env, DATA_DIR: dataDir },
  });
}

describe("npm run sandbox:webhook and shop/redact in the sandbox", () => {
  let server: RunningServer;
  let db: Db;
  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  it("finds the running sandbox on its own port, without being told", async () => {
    const written = JSON.parse(readFileSync(path.join(server.dataDir, "sandbox-server.json"), "utf8"));
    expect(written).toMatchObject({ port: server.port, pid: server.process.pid });
    const { stdout } = await sandboxWebhook(server.dataDir, "customers/data_request");
    expect(stdout).toContain("customers/data_request → 200");
    await eventually(async () => (await db.rightsRequest.count({ where: { channel: "shopify" } })) === 1);
  });

  it("after shop/redact, every admin page says the demo shop was deleted, in English and French", async () => {
    const { stdout } = await sandboxWebhook(server.dataDir, "shop/redact");
    expect(stdout).toContain("shop/redact → 200");
    expect(stdout).toContain(`${server.baseUrl}/app then offers to re-create it`);
    await eventually(async () => (await db.shop.count()) === 0);
    for (const page of ["/app", "/app/requests", "/app/settings"]) {
      const answer = await fetch(`${server.baseUrl}${page}?locale=en`);
      expect(answer.status, page).toBe(410);
      const html = await answer.text();
      expect(html).toContain("The demo shop&#x27;s data was deleted by shop/redact");
      expect(html).toContain("Re-create the demo shop");
    }
    const fr = await (await fetch(`${server.baseUrl}/app?locale=fr`)).text();
    expect(fr).toContain("Les données de la boutique de démonstration ont été supprimées par shop/redact");
    expect(fr).toContain("Recréer la boutique de démonstration");
  });

  it("a restart does not bring the demo shop back behind the staff's back", async () => {
    await server.stop();
    server = await startServer({ DATA_DIR: server.dataDir });
    expect(server.output()).toContain("the demo shop's data was deleted by shop/redact");
    expect((await fetch(`${server.baseUrl}/app`)).status).toBe(410);
    expect(await db.shop.count()).toBe(0);
  });

  it("re-creates the demo shop on request, and sandbox webhooks are processed again", async () => {
    const answer = await fetch(`${server.baseUrl}/sandbox/demo-shop`, {
      method: "POST",
      headers: { origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "locale=fr",
      redirect: "manual",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/app?locale=fr");
    const admin = await fetch(`${server.baseUrl}/app?locale=fr`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('data-testid="sandbox-banner"');
    const { stdout } = await sandboxWebhook(server.dataDir, "customers/redact");
    expect(stdout).toContain("customers/redact → 200");
    await eventually(
      async () => (await db.rightsRequest.count({ where: { type: "erasure", channel: "shopify" } })) === 1,
    );
  });

  it("says clearly when no sandbox is running, once it stopped", async () => {
    await server.stop();
    expect(existsSync(path.join(server.dataDir, "sandbox-server.json"))).toBe(false);
    const failure = await sandboxWebhook(server.dataDir, "customers/redact").catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain("No sandbox is running");
    server = await startServer({ DATA_DIR: server.dataDir });
  });
});
