// The Vigie connector's erasure on real databases: the plan, each step's idempotence, resumption
// after a crash, the ledger still verifying, shop isolation, and no trace left of the subject.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connector } from "~/connectors/connector";
import type { Db } from "~/db/client.server";
import type { ErasureReceipt, ErasureStep } from "~/domain/systems";
import { verifyAuditLog } from "~/services/audit-chain.server";
import { verifyLedger } from "~/services/consent-ledger.server";
import {
  cellsContaining,
  createShop,
  dumpDatabase,
  type Seeded,
  seedShopper,
  type TestShop,
} from "../../../tests/fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../../../tests/support/databases";
import { createVigieConnector } from "./connector.server";
import { VIGIE_STEP_KINDS } from "./erasure-plan.server";

let ids = 0;
/** A shopper's identifiers no other test uses (a long Shopify id: no false hits inside hashes). */
function identity(label: string) {
  const n = ++ids;
  return {
    email: `${label}-${n}@example.fr`,
    shopifyCustomerId: `73904518${String(n).padStart(5, "0")}`,
    name: `Camille ${label}-${n}`,
  };
}

async function runAll(connector: Connector, seeded: Seeded, steps: ErasureStep[]) {
  const receipts: ErasureReceipt[] = [];
  for (const step of steps) receipts.push(await connector.executeErasureStep(seeded.ref, step));
  return receipts;
}

/** What an erasure leaves in a shop, without ids or times (comparable across shops). */
async function leftovers(db: Db, shopId: string) {
  const events = await db.consentEvent.findMany({ where: { shopId }, orderBy: { seq: "asc" } });
  const requests = await db.rightsRequest.findMany({
    where: { shopId },
    select: {
      type: true,
      state: true,
      requesterEmail: true,
      requesterName: true,
      message: true,
      subjectId: true,
      details: true,
      orderIds: true,
    },
  });
  const requestIds = (await db.rightsRequest.findMany({ where: { shopId }, select: { id: true } })).map(
    (r) => r.id,
  );
  return {
    subjects: await db.subject.count({ where: { shopId } }),
    events: events.length,
    pseudonymised: events.filter((e) => e.pseudonymised).length,
    linkable: events.filter((e) => e.salt !== null || e.email !== null || e.subjectId !== null).length,
    states: await db.consentState.count({ where: { shopId } }),
    // Values of the bystander differ between shops: their presence is compared, erased rows in full.
    requests: requests
      .map((r) =>
        r.requesterEmail === null
          ? r
          : { type: r.type, state: r.state, kept: [r.requesterName, r.message, r.subjectId].every(Boolean) },
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    checks: (
      await db.identityCheck.findMany({
        where: { requestId: { in: requestIds } },
        select: { method: true, status: true, codeHash: true, reason: true, documentSha256: true },
      })
    )
      .map((c) => ({ ...c, codeHash: c.codeHash && "set" }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    emails: await db.outboxEmail.count({ where: { shopId } }),
    documents: await db.document.count({ where: { shopId } }),
    payments: (
      await db.paymentCheck.findMany({
        where: { shopId },
        select: {
          status: true,
          reason: true,
          email: true,
          orderRef: true,
          chargeId: true,
          documentSha256s: true,
        },
      })
    )
      .map((p) => ({
        ...p,
        email: p.email && "set",
        orderRef: p.orderRef && "set",
        chargeId: p.chargeId && "set",
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    auditNamingSubjects: await db.auditEvent.count({
      where: { shopId, targetType: "subject", targetId: { not: null } },
    }),
    ledger: await verifyLedger(db, shopId),
  };
}

describe.each(testDialects())("Vigie erasure on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function world(label: string): Promise<{ shop: TestShop; seeded: Seeded; connector: Connector }> {
    const shop = await createShop(t.db, label);
    // A bystander in the same shop: their events interleave with the subject's in the chain.
    await seedShopper(t.db, shop, { ...identity(`${label}-other`), events: 2 });
    const seeded = await seedShopper(t.db, shop, { ...identity(label), events: 5 });
    return { shop, seeded, connector: createVigieConnector({ db: t.db, shopId: shop.shop.id }) };
  }

  describe("planErasure", () => {
    it("plans every step in order, the Subject last, with deterministic ids and no personal values, reading only", async () => {
      const { seeded, connector } = await world("plan");
      const before = await dumpDatabase(t.db);
      const steps = await connector.planErasure(seeded.ref);
      expect(await dumpDatabase(t.db)).toEqual(before);

      expect(steps.map((s) => s.id)).toEqual(
        VIGIE_STEP_KINDS.map((kind) => `vigie:${seeded.subjectId}:${kind}`),
      );
      expect(steps.at(-1)).toMatchObject({
        id: `vigie:${seeded.subjectId}:delete-subject`,
        action: "delete",
      });
      expect(steps.map((s) => s.action)).toEqual([
        "mask",
        "delete",
        "delete",
        "mask",
        "mask",
        "mask",
        "mask",
        "delete",
      ]);
      expect(steps[0]).toMatchObject({
        target: expect.stringContaining("5 event(s)"),
        fields: [
          "salt",
          "subjectId",
          "email",
          "visitorId",
          "shopifyCustomerId",
          "orderId",
          "ipPrefix",
          "userAgent",
          "actor",
        ],
        reason: expect.stringContaining("17(3)(e)"),
      });
      expect(steps.find((s) => s.id.endsWith("pseudonymise-requests"))?.reason).toMatch(/5\(2\).*30/);
      for (const step of steps.filter((s) => s.action === "mask")) expect(step.reason).toBeTruthy();
      const text = JSON.stringify(steps);
      for (const value of [seeded.ref.email as string, seeded.ref.shopifyCustomerId as string, "Camille"]) {
        expect(text).not.toContain(value);
      }
      expect((await connector.planErasure(seeded.ref)).map((s) => s.id)).toEqual(steps.map((s) => s.id));
    });

    it("plans nothing for someone Vigie holds nothing about", async () => {
      const { shop, connector } = await world("plan-none");
      const ref = {
        shopDomain: shop.shop.domain,
        subjectId: "",
        email: "nobody@example.fr",
        shopifyCustomerId: "1",
      };
      expect(await connector.planErasure(ref)).toEqual([]);
    });
  });

  describe("executeErasureStep", () => {
    it("pseudonymises the subject's ledger events, keeping their chained fields, and the chain still verifies", async () => {
      const { shop, seeded, connector } = await world("ledger");
      expect(await verifyLedger(t.db, shop.shop.id)).toMatchObject({ ok: true, count: 7 });
      const before = await t.db.consentEvent.findMany({
        where: { shopId: shop.shop.id },
        orderBy: { seq: "asc" },
      });
      const [step] = await connector.planErasure(seeded.ref);
      const receipt = await connector.executeErasureStep(seeded.ref, step as ErasureStep);
      expect(receipt).toMatchObject({
        stepId: `vigie:${seeded.subjectId}:pseudonymise-consent`,
        outcome: "done",
      });
      expect(receipt.detail).toBe("consent events pseudonymised: 5; sync details cleared: 1");
      expect(receipt.at).toBeInstanceOf(Date);

      expect(await verifyLedger(t.db, shop.shop.id)).toMatchObject({ ok: true, count: 7, headSeq: 7 });
      const after = await t.db.consentEvent.findMany({
        where: { shopId: shop.shop.id },
        orderBy: { seq: "asc" },
      });
      const chained = (e: (typeof before)[number]) => ({
        id: e.id,
        seq: e.seq,
        kind: e.kind,
        source: e.source,
        wording: e.wording,
        noticeVersion: e.noticeVersion,
        occurredAt: e.occurredAt,
        commitment: e.commitment,
        prevHash: e.prevHash,
        hash: e.hash,
      });
      expect(after.map(chained)).toEqual(before.map(chained));
      const mine = after.filter((e) => seeded.eventIds.includes(e.id));
      expect(mine).toHaveLength(5);
      for (const e of mine) {
        expect(e).toMatchObject({
          pseudonymised: true,
          salt: null,
          subjectId: null,
          email: null,
          shopifyCustomerId: null,
        });
        expect(e).toMatchObject({ orderId: null, ipPrefix: null, userAgent: null, actor: null });
      }
      // The bystander's events keep their personal data and salt.
      expect(
        after.filter((e) => !seeded.eventIds.includes(e.id)).every((e) => !e.pseudonymised && e.salt),
      ).toBe(true);
      expect(await t.db.consentSync.findFirst({ where: { eventId: seeded.eventIds[0] } })).toMatchObject({
        outcome: "applied",
        detail: null,
      });
    });

    it("runs each step twice: the second run finds nothing and changes nothing", async () => {
      const { seeded, connector } = await world("twice");
      const steps = await connector.planErasure(seeded.ref);
      for (const step of steps) {
        expect(await connector.executeErasureStep(seeded.ref, step)).toMatchObject({
          stepId: step.id,
          outcome: "done",
        });
        const once = await dumpDatabase(t.db);
        const again = await connector.executeErasureStep(seeded.ref, step);
        expect(again).toMatchObject({ stepId: step.id, outcome: "not_found" });
        expect(await dumpDatabase(t.db)).toEqual(once);
      }
    });

    it("resumes after a crash between steps to the same end state as an uninterrupted run", async () => {
      const straight = await world("straight");
      await runAll(
        straight.connector,
        straight.seeded,
        await straight.connector.planErasure(straight.seeded.ref),
      );

      const crashed = await world("crashed");
      const plan = await crashed.connector.planErasure(crashed.seeded.ref);
      await runAll(crashed.connector, crashed.seeded, plan.slice(0, 3));
      const replan = await crashed.connector.planErasure(crashed.seeded.ref);
      expect(replan.map((s) => s.id)).toEqual(plan.map((s) => s.id));
      const receipts = await runAll(crashed.connector, crashed.seeded, replan);
      expect(receipts.map((r) => r.outcome)).toEqual([
        ...Array(3).fill("not_found"),
        ...Array(5).fill("done"),
      ]);

      const end = await leftovers(t.db, crashed.shop.shop.id);
      expect(end).toEqual(await leftovers(t.db, straight.shop.shop.id));
      expect(end).toMatchObject({
        subjects: 1,
        events: 7,
        pseudonymised: 5,
        linkable: 2,
        ledger: { ok: true },
      });
      expect(await crashed.connector.planErasure(crashed.seeded.ref)).toEqual([]);
    });

    it("leaves no row holding the subject's e-mail, id or Shopify id, while the ledger verifies and the records stay", async () => {
      const { shop, seeded, connector } = await world("scan");
      const name = (await t.db.rightsRequest.findUniqueOrThrow({ where: { id: seeded.requestIds[0] } }))
        .requesterName;
      expect(name).toMatch(/^Camille scan-/);
      const needles = [
        seeded.ref.email as string,
        seeded.subjectId,
        seeded.ref.shopifyCustomerId as string,
        name as string,
      ];
      expect((await cellsContaining(t.db, needles)).length).toBeGreaterThan(8);
      const requestsBefore = await t.db.rightsRequest.findMany({ where: { id: { in: seeded.requestIds } } });
      const guestCheck = await t.db.identityCheck.findFirstOrThrow({
        where: { requestId: seeded.requestIds[0] },
      });
      expect(guestCheck.codeHash).not.toBeNull();

      const receipts = await runAll(connector, seeded, await connector.planErasure(seeded.ref));
      expect(receipts.every((r) => r.outcome === "done")).toBe(true);
      for (const r of receipts) for (const n of needles) expect(r.detail).not.toContain(n);

      expect(await cellsContaining(t.db, needles)).toEqual([]);
      expect(await verifyLedger(t.db, shop.shop.id)).toMatchObject({ ok: true, count: 7 });
      const events = await t.db.consentEvent.findMany({ where: { id: { in: seeded.eventIds } } });
      expect(events.map((e) => e.pseudonymised)).toEqual([true, true, true, true, true]);
      expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);

      const requestsAfter = await t.db.rightsRequest.findMany({ where: { id: { in: seeded.requestIds } } });
      expect(
        requestsAfter.map((r) => [r.reference, r.type, r.state, r.receivedAt.toISOString()]).sort(),
      ).toEqual(requestsBefore.map((r) => [r.reference, r.type, r.state, r.receivedAt.toISOString()]).sort());
      const directive = requestsAfter.find((r) => r.type === "post_mortem_directive");
      expect(JSON.parse(directive?.details ?? "{}")).toEqual({
        type: "post_mortem_directive",
        action: "record",
        specificConsent: true,
        instructions: null,
        executor: null,
      });
      expect(await t.db.identityCheck.findUniqueOrThrow({ where: { id: guestCheck.id } })).toMatchObject({
        method: guestCheck.method,
        codeHash: null,
        reason: null,
        documentSha256: null,
      });
      expect(
        await t.db.document.count({ where: { ownerId: { in: [guestCheck.id, seeded.paymentCheckId] } } }),
      ).toBe(0);
      expect(
        await t.db.paymentCheck.findUniqueOrThrow({ where: { id: seeded.paymentCheckId } }),
      ).toMatchObject({
        reason: "elevated_risk_level",
        status: "documents_requested",
        email: null,
        orderRef: null,
        chargeId: null,
        paymentIntentId: null,
        documentSha256s: "[]",
      });
      expect(
        await t.db.auditEvent.count({
          where: { shopId: shop.shop.id, action: "consent.withdrawn.staff", targetId: null },
        }),
      ).toBe(1);
      // The entry unlinked from the subject still verifies in the shop's audit chain (docs/decisions/053).
      expect(await verifyAuditLog(t.db, shop.shop.id)).toMatchObject({ ok: true });
    });

    it("never reads nor erases another shop's subject with the same e-mail and Shopify id", async () => {
      const ours = await world("iso");
      const theirs = await createShop(t.db, "iso-twin");
      const twin = await seedShopper(t.db, theirs, {
        email: ours.seeded.ref.email as string,
        shopifyCustomerId: ours.seeded.ref.shopifyCustomerId as string,
        events: 3,
      });
      const twinBefore = await leftovers(t.db, theirs.shop.id);
      expect(await ours.connector.locate(ours.seeded.ref)).toEqual({
        found: true,
        refs: [ours.seeded.subjectId],
      });
      await runAll(ours.connector, ours.seeded, await ours.connector.planErasure(ours.seeded.ref));
      // Even a ref naming the twin's own subject id finds nothing through our shop's connector.
      expect(await ours.connector.planErasure({ ...twin.ref, subjectId: twin.subjectId })).toEqual([]);

      expect(await leftovers(t.db, theirs.shop.id)).toEqual(twinBefore);
      expect(twinBefore).toMatchObject({ subjects: 1, pseudonymised: 0, linkable: 3, ledger: { ok: true } });
      expect(await t.db.subject.findUnique({ where: { id: twin.subjectId } })).toMatchObject({
        email: ours.seeded.ref.email,
      });
    });

    it("refuses a step that is not this subject's, and does not run a step turned into a hold", async () => {
      const { seeded, connector } = await world("refuse");
      const [first] = await connector.planErasure(seeded.ref);
      const before = await dumpDatabase(t.db);
      const foreign = { ...(first as ErasureStep), id: "vigie:someone-else:pseudonymise-consent" };
      expect(await connector.executeErasureStep(seeded.ref, foreign)).toMatchObject({ outcome: "failed" });
      const unknown = { ...(first as ErasureStep), id: `vigie:${seeded.subjectId}:drop-tables` };
      expect(await connector.executeErasureStep(seeded.ref, unknown)).toMatchObject({ outcome: "failed" });
      const held = { ...(first as ErasureStep), action: "keep" as const, holdId: "hold-1" };
      expect(await connector.executeErasureStep(seeded.ref, held)).toMatchObject({ outcome: "held" });
      expect(await dumpDatabase(t.db)).toEqual(before);
    });
  });
});
