// The Consents page's ledger list and its CSV through the built sandbox server (docs/decisions/056):
// the CSV carries exactly the events the page's filters select, with their proof, and says so in
// the audit log; filters it does not know are ignored rather than trusted.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { type RunningServer, startServer } from "../support/server";

describe("the consent ledger's filters over HTTP", () => {
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

  async function csv(query: string) {
    const response = await fetch(`${server.baseUrl}/app/consents/ledger.csv${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = (await response.text()).trim().split("\r\n");
    const columns = (header ?? "").split(",");
    return { columns, rows };
  }

  it("exports only the chosen source and kind, oldest first, with the proof columns", async () => {
    const all = await db.consentEvent.findMany({ orderBy: { seq: "asc" } });
    expect(all.length).toBeGreaterThan(2);
    const whole = await csv("");
    expect(whole.rows).toHaveLength(all.length);

    const wanted = all.filter((e) => e.source === "checkout" && e.kind === "granted");
    expect(wanted.length).toBeGreaterThan(0);
    const filtered = await csv("?source=checkout&kind=granted");
    expect(filtered.columns).toEqual(
      expect.arrayContaining(["wording", "notice_version", "hash", "prev_hash"]),
    );
    expect(filtered.rows).toHaveLength(wanted.length);
    expect(filtered.rows.map((row) => row.split(",")[1]?.replace(/"/g, ""))).toEqual(wanted.map((e) => e.id));
    expect(filtered.rows.every((row) => row.includes('"checkout"') && row.includes('"granted"'))).toBe(true);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "consent.ledger.exported" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit.data)).toMatchObject({ source: "checkout", kind: "granted", from: null });
  });

  it("keeps the days of the shop's calendar, both ends included; unknown values filter nothing", async () => {
    const all = await db.consentEvent.findMany({ orderBy: { seq: "asc" } });
    const days = [...new Set(all.map((e) => toLocalDate(e.occurredAt, "Europe/Paris")))].sort();
    const day = days[days.length - 1] as string;
    const onDay = all.filter((e) => toLocalDate(e.occurredAt, "Europe/Paris") === day);
    const single = await csv(`?from=${day}&to=${day}`);
    expect(single.rows).toHaveLength(onDay.length);
    const before = await csv(`?to=${days[0]}`);
    expect(before.rows).toHaveLength(
      all.filter((e) => toLocalDate(e.occurredAt, "Europe/Paris") === days[0]).length,
    );
    const nonsense = await csv("?source=fax&kind=maybe&from=yesterday");
    expect(nonsense.rows).toHaveLength(all.length);
  });

  it("lists recent events on the page with the same filters, in both languages", async () => {
    const fr = await (await fetch(`${server.baseUrl}/app/consents?locale=fr&source=checkout`)).text();
    expect(fr).toContain("Derniers événements du registre");
    expect(fr).toContain("Exporter ces événements (CSV avec preuves)");
    const en = await (
      await fetch(`${server.baseUrl}/app/consents?locale=en&source=staff&kind=expired`)
    ).text();
    expect(en).toContain("Recent ledger events");
    expect(en).toContain('data-testid="ledger-no-match"');
  });
});
