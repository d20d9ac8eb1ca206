// The audit log's hash chain on real databases (docs/decisions/053): appends chained per shop,
// verification naming exactly the entry changed, deleted or inserted, two workers at once on
// PostgreSQL giving one linear chain, rows written before the chain chained once at boot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { AUDIT_GENESIS_HASH, auditHashFor } from "~/domain/audit/audit-chain";
import { recordAudit } from "~/services/audit.server";
import { chainLegacyAuditEvents, rowToAuditEntry, verifyAuditLog } from "~/services/audit-chain.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { memoryLogger } from "../support/test-logger";

describe.each(testDialects())("audit chain on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  const newShop = () => t.db.shop.create({ data: { domain: `audit-${dialect}-${++n}.myshopify.com` } });

  async function shopWithEntries(count: number) {
    const shop = await newShop();
    for (let i = 0; i < count; i++) {
      await t.db.$transaction((tx) =>
        recordAudit(tx, {
          shopId: shop.id,
          actorType: "staff",
          actorId: "dpo",
          action: "request.answered",
          targetType: "request",
          targetId: `req-${i + 1}`,
          data: { step: i + 1 },
        }),
      );
    }
    return shop;
  }
  const rows = (shopId: string) => t.db.auditEvent.findMany({ where: { shopId }, orderBy: { seq: "asc" } });

  it("chains a shop's entries 1, 2, 3 from the genesis hash, the head naming the last", async () => {
    const shop = await shopWithEntries(3);
    const entries = await rows(shop.id);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(entries[2]?.prevHash).toBe(entries[1]?.hash);
    for (const entry of entries) expect(auditHashFor(rowToAuditEntry(entry))).toBe(entry.hash);
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { shopId: shop.id } });
    expect(head).toMatchObject({ seq: 3, hash: entries[2]?.hash });
    // Another shop starts its own chain at 1.
    const other = await shopWithEntries(1);
    expect((await rows(other.id))[0]).toMatchObject({ seq: 1, prevHash: AUDIT_GENESIS_HASH });
  });

  it("appends given the client itself, not a transaction (it opens one)", async () => {
    const shop = await shopWithEntries(1);
    await recordAudit(t.db, {
      shopId: shop.id,
      actorType: "staff",
      actorId: "dpo",
      action: "register.exported",
    });
    expect((await rows(shop.id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it("verifies an intact chain, records the result on the head and audits the check itself", async () => {
    const shop = await shopWithEntries(4);
    expect(await verifyAuditLog(t.db, shop.id)).toEqual({ ok: true, count: 4, headSeq: 4 });
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { shopId: shop.id } });
    expect(JSON.parse(head.lastVerification ?? "{}")).toEqual({ ok: true, count: 4, headSeq: 4 });
    const last = (await rows(shop.id)).at(-1);
    expect(last).toMatchObject({ seq: 5, action: "audit.chain.verified", actorType: "system" });
    // The check's own entry is chained: the next check sees five intact entries.
    expect(await verifyAuditLog(t.db, shop.id)).toMatchObject({ ok: true, count: 5 });
  });

  it.each([
    ["the action", { action: "request.refused" }],
    ["who acted", { actorId: "someone-else" }],
    ["the data", { data: '{"step":99}' }],
    ["the time", { createdAt: new Date("2020-01-01T00:00:00Z") }],
    ["the record named", { targetId: "req-other" }],
    ["the record named, nulled with its salt", { targetId: null, targetSalt: null }],
  ])("names exactly the entry whose %s was changed with SQL", async (_what, change) => {
    const shop = await shopWithEntries(5);
    const target = (await rows(shop.id))[2];
    await t.db.auditEvent.update({ where: { id: target?.id }, data: change });
    expect(await verifyAuditLog(t.db, shop.id)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { seq: 3, entryId: target?.id, reason: "changed" },
    });
    const broken = (await rows(shop.id)).at(-1);
    expect(broken).toMatchObject({ action: "audit.chain.broken", seq: 6 });
    expect(JSON.parse(broken?.data ?? "{}")).toEqual({ count: 2, seq: 3, reason: "changed" });
  });

  it("names the entry after one rewritten with a recomputed hash", async () => {
    const shop = await shopWithEntries(4);
    const entries = await rows(shop.id);
    const second = entries[1] as (typeof entries)[number];
    const forged = rowToAuditEntry({ ...second, action: "request.refused" });
    await t.db.auditEvent.update({
      where: { id: second.id },
      data: { action: "request.refused", hash: auditHashFor(forged) },
    });
    expect(await verifyAuditLog(t.db, shop.id)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, entryId: entries[2]?.id, reason: "link_broken" },
    });
  });

  it("names the gap a deleted entry leaves, and newest entries dropped against the head", async () => {
    const shop = await shopWithEntries(5);
    await t.db.auditEvent.delete({ where: { shopId_seq: { shopId: shop.id, seq: 3 } } });
    expect(await verifyAuditLog(t.db, shop.id)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { seq: 3, entryId: null, reason: "deleted" },
    });

    const tail = await shopWithEntries(5);
    await t.db.auditEvent.deleteMany({ where: { shopId: tail.id, seq: { gte: 4 } } });
    expect(await verifyAuditLog(t.db, tail.id)).toEqual({
      ok: false,
      count: 3,
      brokenAt: { seq: 4, entryId: null, reason: "deleted" },
    });
  });

  it("names an entry inserted outside the chain, or past its end", async () => {
    const shop = await shopWithEntries(3);
    const forged = await t.db.auditEvent.create({
      data: { shopId: shop.id, actorType: "staff", actorId: "dpo", action: "erasure.approved" },
    });
    expect(await verifyAuditLog(t.db, shop.id)).toEqual({
      ok: false,
      count: 3,
      brokenAt: { seq: null, entryId: forged.id, reason: "inserted" },
    });

    const past = await shopWithEntries(2);
    const last = (await rows(past.id))[1] as Awaited<ReturnType<typeof rows>>[number];
    const extra = rowToAuditEntry({ ...last, id: "forged-3", seq: 3, prevHash: last.hash as string });
    await t.db.auditEvent.create({
      data: {
        ...extra,
        createdAt: new Date(extra.createdAt),
        targetId: null,
        targetSalt: null,
        targetCommitment: null,
        hash: auditHashFor({ ...extra, targetCommitment: null }),
      },
    });
    expect(await verifyAuditLog(t.db, past.id)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { seq: 3, entryId: null, reason: "inserted" },
    });
  });

  it("still verifies once an erasure unlinked a subject, and not when a request is unlinked", async () => {
    const shop = await newShop();
    const subject = await t.db.subject.create({ data: { shopId: shop.id, email: "a@example.com" } });
    await recordAudit(t.db, {
      shopId: shop.id,
      actorType: "staff",
      actorId: "dpo",
      action: "consent.withdrawn.staff",
      targetType: "subject",
      targetId: subject.id,
    });
    await recordAudit(t.db, {
      shopId: shop.id,
      actorType: "staff",
      action: "request.answered",
      targetType: "request",
      targetId: "req-1",
    });
    // What the erasure's "pseudonymise-audit" step does (app/connectors/vigie/erasure-steps.server.ts).
    await t.db.auditEvent.updateMany({
      where: { shopId: shop.id, targetType: "subject" },
      data: { targetId: null, targetSalt: null },
    });
    expect(await verifyAuditLog(t.db, shop.id)).toMatchObject({ ok: true, count: 2 });
    await t.db.auditEvent.updateMany({
      where: { shopId: shop.id, targetType: "request" },
      data: { targetId: null, targetSalt: null },
    });
    expect(await verifyAuditLog(t.db, shop.id)).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, reason: "changed" },
    });
  });

  it("chains rows written before the chain once, oldest first, and the upgraded shop verifies", async () => {
    const shop = await newShop();
    const legacy = [];
    for (const [i, at] of [
      "2026-01-03T10:00:00Z",
      "2026-01-01T10:00:00Z",
      "2026-01-02T10:00:00Z",
    ].entries()) {
      legacy.push(
        await t.db.auditEvent.create({
          data: {
            shopId: shop.id,
            actorType: "staff",
            action: "request.received",
            targetType: "request",
            targetId: `old-${i}`,
            createdAt: new Date(at),
          },
        }),
      );
    }
    await chainLegacyAuditEvents(t.db, memoryLogger());
    const chained = await rows(shop.id);
    expect(chained.map((e) => e.targetId)).toEqual(["old-1", "old-2", "old-0"]);
    expect(chained.map((e) => e.seq)).toEqual([1, 2, 3]);
    // Once: a second boot changes nothing, and new entries follow the legacy ones.
    await chainLegacyAuditEvents(t.db, memoryLogger());
    expect((await rows(shop.id)).map((e) => e.hash)).toEqual(chained.map((e) => e.hash));
    await recordAudit(t.db, { shopId: shop.id, actorType: "system", action: "retention.swept" });
    expect(await verifyAuditLog(t.db, shop.id)).toEqual({ ok: true, count: 4, headSeq: 4 });
  });

  it("chains legacy rows before the first new entry when no boot did it", async () => {
    const shop = await newShop();
    await t.db.auditEvent.create({ data: { shopId: shop.id, actorType: "system", action: "backfill.done" } });
    await recordAudit(t.db, { shopId: shop.id, actorType: "system", action: "retention.swept" });
    expect((await rows(shop.id)).map((e) => [e.seq, e.action])).toEqual([
      [1, "backfill.done"],
      [2, "retention.swept"],
    ]);
    expect(await verifyAuditLog(t.db, shop.id)).toMatchObject({ ok: true, count: 2 });
  });

  it.runIf(dialect === "postgres")(
    "gives one linear chain when two workers append to one shop at once",
    async () => {
      const shop = await newShop();
      const workers: Db[] = [t.db, (await createDatabase(t.url)).db];
      try {
        await Promise.all(
          workers.flatMap((db, w) =>
            Array.from({ length: 15 }, (_, i) =>
              db.$transaction(async (tx) => {
                await recordAudit(tx, {
                  shopId: shop.id,
                  actorType: "system",
                  action: "erasure.system_done",
                  targetType: "request",
                  targetId: `w${w}-${i}`,
                });
                // Work inside the same transaction after the append: the lock is held until commit.
                await tx.shop.findUnique({ where: { id: shop.id } });
              }),
            ),
          ),
        );
      } finally {
        await workers[1]?.$disconnect();
      }
      const entries = await rows(shop.id);
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
      expect(await verifyAuditLog(t.db, shop.id)).toEqual({ ok: true, count: 30, headSeq: 30 });
    },
  );
});
