// The record of processing through the built sandbox server: staff edit an activity, the retention
// warning goes once the period matches the CNIL reference, every change stays in the history, and
// a sign-off covers the version read.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { ActivityContentSchema, flattenForForm } from "~/domain/processing/record";
import { type RunningServer, startServer } from "../support/server";

describe("the record of processing over HTTP", () => {
  let server: RunningServer;
  let db: Db;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  const page = (pathname: string) => fetch(`${server.baseUrl}${pathname}`);
  const post = (pathname: string, body: Record<string, string>) =>
    fetch(`${server.baseUrl}${pathname}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body).toString(),
    });
  async function stored(key: string) {
    const entry = await db.registerEntry.findFirstOrThrow({ where: { kind: "activity", key } });
    return { ...entry, content: ActivityContentSchema.parse(JSON.parse(entry.content)) };
  }

  it("shows the demo shop's marketing retention against the CNIL's 3 years, in both languages", async () => {
    const en = await (await page("/app/processing?locale=en")).text();
    expect(en).toContain("10 years after the last order (customers)");
    expect(en).toContain("Reference: 3 years after the last contact — CNIL commercial-management reference");
    expect(en).toContain('data-testid="retention-warning-marketing"');
    expect(en).toContain("Not signed off");
    const fr = await (await page("/app/processing?locale=fr")).text();
    expect(fr).toContain("10 ans après la dernière commande (clients)");
    expect(fr).toContain("Conservation plus longue que la référence");
  });

  it("saves staff's edit, keeps the change in the history, and the warning goes", async () => {
    const before = await stored("marketing");
    const form = {
      ...flattenForForm(before.content),
      revision: String(before.revision),
      intent: "save",
      "retention.1.months": "36",
      "retention.1.clock": "last_contact",
    };
    const saved = await post("/app/processing/marketing?locale=en", form);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved.");
    const after = await stored("marketing");
    expect(after.revision).toBe(before.revision + 1);
    expect(after.content.retention[1]).toMatchObject({ months: 36, clock: "last_contact" });
    const list = await (await page("/app/processing?locale=en")).text();
    expect(list).not.toContain('data-testid="retention-warning-marketing"');
    const edit = await (await page("/app/processing/marketing?locale=en")).text();
    expect(edit).toContain("Edited by sandbox-staff: Retention");
    expect(edit).toContain("Drafted by Vigie");

    // The same form again, now stale: refused, nothing written.
    const stale = await post("/app/processing/marketing?locale=en", { ...form, "data.en": "Something else" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone saved this entry since you opened it");
    expect((await stored("marketing")).revision).toBe(after.revision);
  });

  it("refuses an activity without its legitimate interest, naming why, in French", async () => {
    const entry = await stored("statistics");
    const response = await post("/app/processing/statistics?locale=fr", {
      ...flattenForForm(entry.content),
      revision: String(entry.revision),
      intent: "save",
      "purposes.0.legitimateInterest.fr": "",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("intérêt poursuivi pour un intérêt légitime");
    expect((await stored("statistics")).revision).toBe(entry.revision);
  });

  it("signs off the version read, audited; the list shows who and when", async () => {
    const entry = await stored("orders");
    expect(
      (await post("/app/processing/orders?locale=en", { intent: "review", revision: "99" })).status,
    ).toBe(409);
    const response = await post("/app/processing/orders?locale=en", {
      intent: "review",
      revision: String(entry.revision),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Signed off.");
    expect(await stored("orders")).toMatchObject({
      reviewedRevision: entry.revision,
      reviewedBy: "sandbox-staff",
    });
    expect(await db.auditEvent.count({ where: { action: "register.activity.reviewed" } })).toBe(1);
    const list = await (await page("/app/processing?locale=en")).text();
    expect(list).toMatch(/Signed off by sandbox-staff on .+ \(version 1\)/);
    const csv = await (await page("/app/processing.csv?locale=en")).text();
    expect(csv.split("\r\n")[0]).toContain(",Security measures (art. 32),Signed off");
    expect(csv).toMatch(/Orders and customer service,.*\d{4}-\d\d-\d\dT[\d:.]+Z \(sandbox-staff\)/);
  });

  it("answers 404 for an activity or a recipient that does not exist", async () => {
    expect((await page("/app/processing/nope?locale=en")).status).toBe(404);
    expect((await page("/app/processors/nope?locale=en")).status).toBe(404);
  });

  it("lists the demo shop's recipients with their transfers, all to confirm, in both languages", async () => {
    // React separates adjacent texts with empty comments in server-rendered HTML.
    const en = (await (await page("/app/processors?locale=en")).text()).replaceAll("<!-- -->", "");
    for (const id of [
      "shopify",
      "stripe",
      "mailchimp",
      "carriers",
      "vigie",
      "banks",
      "advertising",
      "social_networks",
    ]) {
      expect(en, id).toContain(`data-testid="processor-${id}"`);
    }
    expect(en).toContain(
      "United States (Stripe, Inc.) — Adequacy decision (art. 45) — EU–US Data Privacy Framework",
    );
    expect(en).toContain("Joint controller (art. 26)");
    expect(en.match(/>To confirm</g)).toHaveLength(8);
    const fr = await (await page("/app/processors?locale=fr")).text();
    expect(fr).toContain("Garantie inconnue");
    expect(fr).toContain("À confirmer");
  });

  it("confirms Shopify's transfers only once staff state the safeguard of each, audited", async () => {
    const entry = await db.registerEntry.findFirstOrThrow({ where: { kind: "processor", key: "shopify" } });
    const refused = await post("/app/processors/shopify?locale=en", { intent: "confirm", revision: "1" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("A transfer outside the EEA needs its safeguard");
    const saved = await post("/app/processors/shopify?locale=en", {
      ...flattenForForm(JSON.parse(entry.content)),
      revision: "1",
      intent: "save",
      "transfers.1.mechanism": "sccs",
    });
    expect(saved.status).toBe(200);
    const confirmed = await post("/app/processors/shopify?locale=en", { intent: "confirm", revision: "2" });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Confirmed.");
    const list = await (await page("/app/processors?locale=en")).text();
    expect(list).toMatch(/Confirmed by sandbox-staff on .+ \(version 2\)/);
    expect(list).toContain("Standard contractual clauses (art. 46(2)(c))");
    expect(await db.auditEvent.count({ where: { action: "register.processor.reviewed" } })).toBe(1);
  });
});
