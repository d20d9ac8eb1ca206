// A new user's first `npm start`: the sandbox imports the demo shop's history from its simulated
// Shopify, as an install does, so that the retention page already shows the customer of 11 years
// and the contact of 4; a restart imports nothing twice, and SANDBOX_IMPORT=off leaves it to staff.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { eventually, type RunningServer, startServer } from "../support/server";

describe("the sandbox's import at first start", () => {
  const opened: Array<{ server: RunningServer; db: Db }> = [];
  afterAll(async () => {
    for (const { server, db } of opened) {
      await db.$disconnect();
      await server.stop();
    }
  });
  async function start(env: Record<string, string | undefined>) {
    const server = await startServer(env);
    const { db } = await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`);
    opened.push({ server, db });
    return { server, db };
  }

  it("imports the demo shop once, as an install does, and the retention page shows who is due", async () => {
    // The default, as `npm start` runs it (the test harness turns it off for other suites).
    const { server, db } = await start({ SANDBOX_IMPORT: undefined });
    const done = await eventually(
      async () => db.backfill.findFirst({ where: { status: "done" }, select: { trigger: true } }),
      60_000,
    );
    expect(done.trigger).toBe("install");
    const retention = await (await fetch(`${server.baseUrl}/app/retention?locale=en`)).text();
    expect(retention).toContain("margaux.girard@example.com");
    expect(retention).toContain("lettre.quatre.ans@example.fr");

    await server.stop();
    const again = await start({ SANDBOX_IMPORT: undefined, DATA_DIR: server.dataDir });
    // The restarted sandbox sees its shop had its import: no second one is queued.
    await eventually(async () => again.server.output().includes("demo shop already imported"));
    expect(await again.db.backfill.count()).toBe(1);
  }, 90_000);

  it("with SANDBOX_IMPORT=off, nothing is imported until staff ask", async () => {
    const { server, db } = await start({ SANDBOX_IMPORT: "off" });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(server.output()).not.toContain("demo shop import queued");
    expect(await db.backfill.count()).toBe(0);
    const page = await (await fetch(`${server.baseUrl}/app/backfill?locale=en`)).text();
    expect(page).toContain("The history has not been imported");
  });
});
