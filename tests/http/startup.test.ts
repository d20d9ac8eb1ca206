// How the built server starts: the sandbox, the real embedded app, and refusals with clear errors.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { checkHealth } from "~/server/health.server";
import { eventually, type RunningServer, spawnBuiltServer, startServer } from "../support/server";

const run = promisify(execFile);

describe("the sandbox (no Shopify credentials)", () => {
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

  it("creates data/sandbox.json with the demo shop and a private secret", () => {
    const file = path.join(server.dataDir, "sandbox.json");
    const settings = server.sandbox();
    expect(settings.shop).toBe("imera-paris.myshopify.com");
    expect(settings.apiSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it("serves the admin at /app with the sandbox banner, in French with ?locale=fr", async () => {
    const en = await (await fetch(`${server.baseUrl}/app`)).text();
    expect(en).toContain("Nothing leaves this computer");
    expect(en).toContain("Record of processing");
    const fr = await (await fetch(`${server.baseUrl}/app?locale=fr`)).text();
    expect(fr).toContain('lang="fr"');
    expect(fr).toContain("Registre des traitements");
    expect(fr).toContain("Rien ne quitte cet ordinateur");
  });

  it("listens on loopback only", () => {
    expect(server.output()).toContain('"url":"http://127.0.0.1:');
  });

  it("refuses framing: the sandbox is never embedded", async () => {
    const response = await fetch(`${server.baseUrl}/app`);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  });

  it("npm run sandbox:webhook sends a signed sample that the sandbox accepts and processes", async () => {
    const { stdout } = await run(
      process.execPath,
      ["scripts/sandbox-webhook.mjs", "customers/redact", "--port", String(server.port)],
      {
        env: { ...process.env, DATA_DIR: server.dataDir },
      },
    );
    expect(stdout).toContain("customers/redact → 200");
    await eventually(
      async () => (await db.rightsRequest.count({ where: { type: "erasure", channel: "shopify" } })) === 1,
    );
  });

  it("sandbox:webhook explains its usage for an unknown topic", async () => {
    const failure = await run(process.execPath, ["scripts/sandbox-webhook.mjs", "nope"], {
      env: { ...process.env, DATA_DIR: server.dataDir },
    }).catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/topics: customers\/data_request, customers\/redact, shop\/redact/);
  });
});

describe("refusing to start", () => {
  it("exits with a clear error in production without Shopify credentials", async () => {
    const { exited, output } = spawnBuiltServer({
      NODE_ENV: "production",
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "v-")),
    });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/Vigie cannot start[\s\S]*sandbox, which never runs in production/);
  });

  it("exits naming each bad setting", async () => {
    const { exited, output } = spawnBuiltServer({ PORT: "eighty", DATABASE_URL: "mysql://nope" });
    expect(await exited).toBe(1);
    expect(output()).toMatch(/PORT: must be a port number/);
    expect(output()).toMatch(/DATABASE_URL: must start with file:/);
  });
});

describe("the embedded app (Shopify credentials set)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      SHOPIFY_API_KEY: "test-api-key",
      SHOPIFY_API_SECRET: "test-api-secret",
      SHOPIFY_APP_URL: "https://vigie.example.com",
      SCOPES: "read_customers,write_customers",
    });
  });
  afterAll(() => server.stop());

  it("binds all interfaces, creates no sandbox files, and sends unauthenticated staff to login", async () => {
    expect(server.output()).toContain('"sandbox":false');
    expect(existsSync(path.join(server.dataDir, "sandbox.json"))).toBe(false);
    const browser =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
    const response = await fetch(`${server.baseUrl}/app`, {
      redirect: "manual",
      headers: { "user-agent": browser },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/\/auth\/login/);
  });

  it("verifies webhooks with SHOPIFY_API_SECRET", async () => {
    const { shopifyDelivery, samplePayloads } = await import("../support/shopify-webhook");
    const shop = "real-shop.myshopify.com";
    const good = shopifyDelivery(
      server.baseUrl,
      "shop/redact",
      samplePayloads.shopRedact(shop),
      "test-api-secret",
      { shop },
    );
    const bad = shopifyDelivery(
      server.baseUrl,
      "shop/redact",
      samplePayloads.shopRedact(shop),
      "sandbox-secret",
      { shop },
    );
    expect((await fetch(good.url, good.init)).status).toBe(200);
    expect((await fetch(bad.url, bad.init)).status).toBe(401);
  });

  it("declares the compliance topics in shopify.app.toml at the paths the server serves", () => {
    const toml = readFileSync("shopify.app.toml", "utf8");
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      expect(toml).toContain(`compliance_topics = ["${topic}"]\n  uri = "/webhooks/${topic}"`);
    }
  });
});

describe("checkHealth", () => {
  it("is false when the database does not answer", async () => {
    const { db } = await createDatabase("postgresql://postgres@127.0.0.1:1/nowhere");
    expect(await checkHealth(db, 3_000)).toBe(false);
  });
});
