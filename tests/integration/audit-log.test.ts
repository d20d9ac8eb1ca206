// The audit log as staff read it, on real databases: keyset pages newest first, filters by actor,
// action, reference and days of the shop, the CSV of the filtered set with the hash fields (which
// re-verify), and the daily check queueing one verification per shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditHashFor, targetCommitmentFor } from "~/domain/audit/audit-chain";
import { VerifyLedgerJob } from "~/jobs/job-types";
import { recordAudit } from "~/services/audit.server";
import { enqueueDailyVerifications, rowToAuditEntry, verifyShopChains } from "~/services/audit-chain.server";
import {
  AUDIT_PAGE_SIZE,
  auditCsv,
  exportAuditCsv,
  listAuditEvents,
  parseAuditQuery,
} from "~/services/audit-log.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

/** Parses the quoted CSV the export writes (every cell quoted, no newline inside a cell). */
function parseCsv(text: string) {
  const [header, ...lines] = text.trim().split("\r\n");
  const names = (header as string).split(",");
  return lines.map((line) => {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"|(?<=^|,)(?=,|$)/g)].map((m) =>
      (m[1] ?? "").replace(/""/g, '"'),
    );
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""]));
  });
}

async function collect(rows: AsyncGenerator<string>) {
  let text = "";
  for await (const chunk of rows) text += chunk;
  return text;
}

describe.each(testDialects())("audit log on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  /** A shop in Paris with entries written at known instants (the clock is the entry's). */
  async function seededShop() {
    const shop = await t.db.shop.create({
      data: {
        domain: `log-${dialect}-${++n}.myshopify.com`,
        settings: JSON.stringify({ timeZone: "Europe/Paris" }),
      },
    });
    const entry = async (at: string, input: Omit<Parameters<typeof recordAudit>[1], "shopId">) => {
      await recordAudit(t.db, { shopId: shop.id, ...input });
      // recordAudit stamps now; move the entry to its instant and re-seal it, as if written then.
      const row = await t.db.auditEvent.findFirstOrThrow({
        where: { shopId: shop.id },
        orderBy: { seq: "desc" },
      });
      const createdAt = new Date(at);
      const hash = auditHashFor(rowToAuditEntry({ ...row, createdAt }));
      await t.db.auditEvent.update({ where: { id: row.id }, data: { createdAt, hash } });
      await t.db.auditChainHead.update({ where: { shopId: shop.id }, data: { hash } });
    };
    // 30 November 23:30 in Paris is 22:30 UTC; 1 December 00:30 in Paris is 30 November 23:30 UTC.
    await entry("2026-11-30T22:30:00Z", {
      actorType: "shopper",
      action: "request.received",
      targetType: "request",
      targetId: "req-a",
    });
    await entry("2026-11-30T23:30:00Z", {
      actorType: "staff",
      actorId: "dpo",
      action: "request.identity_verified",
      targetType: "request",
      targetId: "req-a",
    });
    await entry("2026-12-01T10:00:00Z", {
      actorType: "staff",
      actorId: "alex",
      action: "consent.withdrawn.staff",
      targetType: "subject",
      targetId: "sub-1",
    });
    await entry("2026-12-02T09:00:00Z", {
      actorType: "staff",
      actorId: "dpo",
      action: "request.answered",
      targetType: "request",
      targetId: "req-a",
    });
    await entry("2026-12-02T10:00:00Z", { actorType: "system", action: "retention.swept" });
    return shop;
  }

  const ids = (page: Awaited<ReturnType<typeof listAuditEvents>>) => page.events.map((e) => e.seq);
  const query = (q: string) => parseAuditQuery(new URLSearchParams(q)).filter;

  it("filters by actor, staff member, action, reference and days of the shop's time zone", async () => {
    const shop = await seededShop();
    expect(ids(await listAuditEvents(t.db, shop.id))).toEqual([5, 4, 3, 2, 1]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("actor=staff")))).toEqual([4, 3, 2]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("actor=staff&who=dpo")))).toEqual([4, 2]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("action=request.answered")))).toEqual([4]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("ref=req-a")))).toEqual([4, 2, 1]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("ref=sub-1")))).toEqual([3]);
    // 1 December in Paris: from 30 November 23:00 UTC, so entry 2 (23:30 UTC) is in, entry 1 is not.
    expect(ids(await listAuditEvents(t.db, shop.id, query("from=2026-12-01&to=2026-12-01")))).toEqual([3, 2]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("to=2026-11-30")))).toEqual([1]);
    expect(ids(await listAuditEvents(t.db, shop.id, query("from=2026-12-02&ref=req-a")))).toEqual([4]);
    // Malformed filters are dropped, not applied and not an error.
    expect(query("actor=root&from=2026-13-45&ref=a%20b&action=DROP TABLE")).toEqual({
      from: "2026-13-45",
    });
    expect(ids(await listAuditEvents(t.db, shop.id, query("from=2026-13-45")))).toEqual([5, 4, 3, 2, 1]);
    // Another shop's entries never show.
    const other = await seededShop();
    expect(ids(await listAuditEvents(t.db, other.id, query("ref=req-a")))).toEqual([4, 2, 1]);
    expect((await listAuditEvents(t.db, shop.id)).events.every((e) => e.seq <= 5)).toBe(true);
  });

  it("pages newest first on the seq, each page starting below the last one's end", async () => {
    const shop = await t.db.shop.create({ data: { domain: `pages-${dialect}-${++n}.myshopify.com` } });
    const total = AUDIT_PAGE_SIZE * 2 + 7;
    for (let i = 0; i < total; i++) {
      await recordAudit(t.db, {
        shopId: shop.id,
        actorType: i % 2 ? "staff" : "system",
        action: "request.received",
        targetType: "request",
        targetId: `r${i}`,
      });
    }
    const seen: number[] = [];
    let before: number | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listAuditEvents(t.db, shop.id, {}, before);
      seen.push(...ids(result));
      if (result.next === null) break;
      before = result.next;
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
    // Filtered pages too: only staff entries, every one once.
    const staff: number[] = [];
    before = undefined;
    for (;;) {
      const result = await listAuditEvents(t.db, shop.id, { actor: "staff" }, before);
      staff.push(...ids(result));
      if (result.next === null) break;
      before = result.next;
    }
    expect(staff).toEqual(
      Array.from({ length: total }, (_, i) => total - i).filter((seq) => (seq - 1) % 2 === 1),
    );
  });

  it("exports the filtered entries as CSV with the fields their hashes cover, which re-verify", async () => {
    const shop = await seededShop();
    const rows = parseCsv(await collect(auditCsv(t.db, shop.id, query("ref=req-a"), 2)));
    const [genesis, ...entries] = rows;
    expect(genesis).toMatchObject({ seq: "0", entry_id: "genesis" });
    expect(entries.map((r) => r.seq)).toEqual(["1", "2", "4"]);
    expect(entries.map((r) => r.action)).toEqual([
      "request.received",
      "request.identity_verified",
      "request.answered",
    ]);
    for (const r of entries) {
      const row = r as Record<string, string>;
      // What a DPO does with the file alone: recompute the commitment and the hash.
      expect(targetCommitmentFor(row.target_id as string, row.target_salt as string)).toBe(
        row.target_commitment,
      );
      expect(
        auditHashFor({
          id: row.entry_id as string,
          shopId: row.shop_id as string,
          seq: Number(row.seq),
          actorType: row.actor_type as string,
          actorId: row.actor_id || null,
          action: row.action as string,
          targetType: row.target_type || null,
          targetCommitment: row.target_commitment || null,
          data: row.data as string,
          createdAt: row.created_at as string,
          prevHash: row.prev_hash as string,
        }),
      ).toBe(row.hash);
    }
    // The whole log chains from the genesis line.
    const all = parseCsv(await collect(auditCsv(t.db, shop.id)));
    for (let i = 1; i < all.length; i++) expect(all[i]?.prev_hash).toBe(all[i - 1]?.hash);
  });

  it("audits the export itself, with its filter", async () => {
    const shop = await seededShop();
    await collect(await exportAuditCsv(t.db, shop, "dpo", query("actor=staff&ref=req-a")));
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "audit.exported" },
    });
    expect(audit).toMatchObject({ actorType: "staff", actorId: "dpo", seq: 6 });
    expect(JSON.parse(audit.data)).toEqual({ actor: "staff", ref: "req-a" });
  });

  it("queues one verification per installed shop a day, which checks both chains", async () => {
    const shop = await seededShop();
    const gone = await t.db.shop.create({
      data: { domain: `gone-${dialect}-${++n}.myshopify.com`, state: "uninstalled" },
    });
    const now = new Date("2026-12-03T04:00:00Z");
    await enqueueDailyVerifications(t.db, now);
    await enqueueDailyVerifications(t.db, new Date("2026-12-03T20:00:00Z"));
    const jobs = await t.db.job.findMany({ where: { type: VerifyLedgerJob.id } });
    const forShop = jobs.filter((job) => JSON.parse(job.payload).shopId === shop.id);
    expect(forShop).toHaveLength(1);
    expect(jobs.some((job) => JSON.parse(job.payload).shopId === gone.id)).toBe(false);
    const result = await verifyShopChains(t.db, shop.id, now);
    expect(result.audit).toEqual({ ok: true, count: 5, headSeq: 5 });
    expect(result.ledger.ok).toBe(true);
    const page = await listAuditEvents(t.db, shop.id);
    expect(page.verification).toMatchObject({ verifiedAt: now, result: { ok: true, count: 5 } });
    expect(page.events[0]).toMatchObject({ action: "audit.chain.verified", actorType: "system" });
  });
});
