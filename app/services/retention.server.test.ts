// Who is past the shop's retention periods, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../../tests/support/databases";
import {
  approveRetentionErasures,
  plannedRetentionErasures,
  retentionOverview,
  sweepRetention,
} from "./retention.server";

const NOW = new Date("2026-11-26T10:00:00Z");
const yearsAgo = (years: number) => new Date(NOW.getTime() - years * 365.25 * 86_400_000);

describe.each(testDialects())("retention overview on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  it("lists customers past their years since the last order and contacts past theirs since the last contact", async () => {
    const shop = await t.db.shop.create({
      data: {
        domain: `retention-${dialect}.myshopify.com`,
        settings: JSON.stringify({ retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 } }),
      },
    });
    const other = await t.db.shop.create({ data: { domain: `other-${dialect}.myshopify.com` } });
    const subject = (email: string, data: { lastOrderAt?: Date; createdAt: Date; shopId?: string }) =>
      t.db.subject.create({ data: { shopId: shop.id, email, ...data } });
    const request = (subjectId: string, shopId: string, state: string, receivedAt: Date) =>
      t.db.rightsRequest.create({
        data: {
          shopId,
          subjectId,
          reference: `R-${subjectId}`,
          type: "access",
          channel: "staff",
          state,
          receivedAt,
          identityLevel: "verified",
        },
      });

    await subject("old.customer@example.fr", { lastOrderAt: yearsAgo(11), createdAt: yearsAgo(12) });
    await subject("recent.customer@example.fr", { lastOrderAt: yearsAgo(2), createdAt: yearsAgo(12) });
    const waiting = await subject("waiting@example.fr", {
      lastOrderAt: yearsAgo(11),
      createdAt: yearsAgo(12),
    });
    await request(waiting.id, shop.id, "in_progress", yearsAgo(0.01));
    await subject("old.contact@example.fr", { createdAt: yearsAgo(4) });
    const consented = await subject("consented@example.fr", { createdAt: yearsAgo(4) });
    await t.db.consentState.create({
      data: {
        subjectId: consented.id,
        shopId: shop.id,
        purpose: "newsletter",
        status: "subscribed",
        lastEventId: "e1",
        updatedAt: yearsAgo(1),
      },
    });
    const asked = await subject("asked@example.fr", { createdAt: yearsAgo(4) });
    await request(asked.id, shop.id, "answered", yearsAgo(1));
    await subject("new.contact@example.fr", { createdAt: yearsAgo(1) });
    await t.db.subject.create({
      data: {
        shopId: other.id,
        email: "elsewhere@example.fr",
        lastOrderAt: yearsAgo(20),
        createdAt: yearsAgo(20),
      },
    });

    const overview = await retentionOverview(t.db, shop.id, NOW);
    expect(overview.policy).toEqual({
      customerYearsAfterLastOrder: 10,
      prospectYears: 3,
      repermissionLeadDays: 30,
    });
    expect(overview.counts).toEqual({ customers: 1, prospects: 1 });
    expect(overview.due.map(({ email, reason }) => ({ email, reason }))).toEqual([
      { email: "old.customer@example.fr", reason: "customer" },
      { email: "old.contact@example.fr", reason: "prospect" },
    ]);
    expect(overview.due[0]?.since).toBe(yearsAgo(11).toISOString());
  });

  it("files one erasure per subject due, for staff to approve, and none twice", async () => {
    const shop = await t.db.shop.create({
      data: {
        domain: `sweep-${dialect}.myshopify.com`,
        locale: "en",
        settings: JSON.stringify({ retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 } }),
      },
    });
    const other = await t.db.shop.create({ data: { domain: `sweep-other-${dialect}.myshopify.com` } });
    const subject = (shopId: string, email: string, data: { lastOrderAt?: Date; createdAt: Date }) =>
      t.db.subject.create({ data: { shopId, email, shopifyCustomerId: null, ...data } });
    const due = [
      await subject(shop.id, "old.customer@example.fr", {
        lastOrderAt: yearsAgo(11),
        createdAt: yearsAgo(12),
      }),
      await subject(shop.id, "old.contact@example.fr", { createdAt: yearsAgo(4) }),
    ];
    await subject(shop.id, "recent.customer@example.fr", {
      lastOrderAt: yearsAgo(2),
      createdAt: yearsAgo(12),
    });
    const elsewhere = await subject(other.id, "elsewhere@example.fr", {
      lastOrderAt: yearsAgo(20),
      createdAt: yearsAgo(20),
    });
    const shopRef = { id: shop.id, domain: shop.domain };

    expect(await sweepRetention(t.db, shopRef, "staff-1", NOW)).toEqual({ filed: 2 });

    const requests = await t.db.rightsRequest.findMany({
      where: { shopId: shop.id },
      include: { erasureRun: true },
      orderBy: { subjectId: "asc" },
    });
    expect(requests.map((r) => r.subjectId).sort()).toEqual(due.map((d) => d.id).sort());
    for (const request of requests) {
      expect(request).toMatchObject({
        type: "erasure",
        channel: "retention",
        state: "in_progress",
        requesterEmail: null,
        identityLevel: "verified",
      });
      // Planned like any erasure, and waiting for staff: nothing runs before the approval.
      expect(request.erasureRun).toMatchObject({
        channel: "retention",
        status: "planning",
        approvedAt: null,
      });
    }
    expect(await t.db.job.count({ where: { type: "erasure.plan", shopDomain: shop.domain } })).toBe(2);
    // Nobody is e-mailed: the shop erases on its own initiative.
    expect(await t.db.outboxEmail.count({ where: { shopId: shop.id } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "retention.swept" },
    });
    expect(audit).toMatchObject({ actorType: "staff", actorId: "staff-1" });
    expect(JSON.parse(audit.data ?? "{}")).toEqual({ filed: 2 });

    // Their open requests take them off the list: a second sweep files nothing.
    expect((await retentionOverview(t.db, shop.id, NOW)).due).toEqual([]);
    expect(await sweepRetention(t.db, shopRef, "staff-1", NOW)).toEqual({ filed: 0 });
    expect(await t.db.rightsRequest.count({ where: { shopId: shop.id } })).toBe(2);
    // Another shop's subjects are never touched.
    expect(await t.db.rightsRequest.count({ where: { subjectId: elsewhere.id } })).toBe(0);
  });

  it("files one erasure per subject when two sweeps run at once", async () => {
    const shop = await t.db.shop.create({ data: { domain: `sweep-twice-${dialect}.myshopify.com` } });
    for (const n of [1, 2, 3]) {
      await t.db.subject.create({
        data: {
          shopId: shop.id,
          email: `old${n}@example.fr`,
          lastOrderAt: yearsAgo(11),
          createdAt: yearsAgo(12),
        },
      });
    }
    const shopRef = { id: shop.id, domain: shop.domain };

    const results = await Promise.all([
      sweepRetention(t.db, shopRef, "staff-1", NOW),
      sweepRetention(t.db, shopRef, "staff-2", NOW),
    ]);

    expect(results.reduce((sum, r) => sum + r.filed, 0)).toBe(3);
    const requests = await t.db.rightsRequest.findMany({
      where: { shopId: shop.id },
      select: { subjectId: true },
    });
    expect(new Set(requests.map((r) => r.subjectId)).size).toBe(3);
    expect(requests).toHaveLength(3);
  });

  it("lists the retention plans waiting for staff and approves exactly those shown", async () => {
    const shop = await t.db.shop.create({ data: { domain: `approve-${dialect}.myshopify.com` } });
    const other = await t.db.shop.create({ data: { domain: `approve-other-${dialect}.myshopify.com` } });
    for (const n of [1, 2]) {
      await t.db.subject.create({
        data: {
          shopId: shop.id,
          email: `gone${n}@example.fr`,
          lastOrderAt: yearsAgo(11),
          createdAt: yearsAgo(12),
        },
      });
    }
    await sweepRetention(t.db, { id: shop.id, domain: shop.domain }, "staff-1", NOW);
    // As the plan job leaves them: Shopify has an archive to keep and a customer to delete.
    const plan = JSON.stringify([
      {
        system: "shopify",
        steps: [
          { id: "invoice-archive", action: "keep", target: "t", reason: "r" },
          { id: "customer-data-erasure", action: "delete", target: "t", reason: "r" },
        ],
      },
      { system: "stripe", steps: [], skipped: "not_connected" },
      { system: "vigie", steps: [{ id: "subject", action: "delete", target: "t", reason: "r" }] },
    ]);
    await t.db.erasureRun.updateMany({ where: { shopId: shop.id }, data: { status: "planned", plan } });
    // Another shop's planned retention run, and a staff erasure of this shop: neither is listed.
    const foreign = await t.db.rightsRequest.create({
      data: {
        shopId: other.id,
        reference: "R-OTHER",
        type: "erasure",
        channel: "retention",
        state: "in_progress",
        receivedAt: NOW,
        identityLevel: "verified",
      },
    });
    const foreignRun = await t.db.erasureRun.create({
      data: { shopId: other.id, requestId: foreign.id, channel: "retention", status: "planned", plan },
    });
    const staffErasure = await t.db.rightsRequest.create({
      data: {
        shopId: shop.id,
        reference: "R-STAFF",
        type: "erasure",
        channel: "staff",
        state: "in_progress",
        receivedAt: NOW,
        identityLevel: "verified",
      },
    });
    const staffRun = await t.db.erasureRun.create({
      data: { shopId: shop.id, requestId: staffErasure.id, channel: "staff", status: "planned", plan },
    });

    const planned = await plannedRetentionErasures(t.db, shop.id);
    expect(planned.map((p) => p.email).sort()).toEqual(["gone1@example.fr", "gone2@example.fr"]);
    expect(planned[0]?.summary).toEqual([
      { system: "shopify", actions: { keep: 1, delete: 1 } },
      { system: "vigie", actions: { delete: 1 } },
    ]);

    const shown = planned.map((p) => p.runId);
    const result = await approveRetentionErasures(t.db, { id: shop.id, domain: shop.domain }, "staff-2", [
      ...shown,
      foreignRun.id,
      staffRun.id,
    ]);
    expect(result).toEqual({ approved: 2 });
    const runs = await t.db.erasureRun.findMany({ where: { id: { in: shown } } });
    expect(runs.every((run) => run.status === "running" && run.approvedBy === "staff-2")).toBe(true);
    expect(await t.db.erasureRun.findUniqueOrThrow({ where: { id: foreignRun.id } })).toMatchObject({
      status: "planned",
    });
    expect(await t.db.erasureRun.findUniqueOrThrow({ where: { id: staffRun.id } })).toMatchObject({
      status: "planned",
    });
    expect(await t.db.auditEvent.count({ where: { shopId: shop.id, action: "erasure.approved" } })).toBe(2);
    // Approved once: nothing left to list or approve.
    expect(await plannedRetentionErasures(t.db, shop.id)).toEqual([]);
    expect(
      await approveRetentionErasures(t.db, { id: shop.id, domain: shop.domain }, "staff-2", shown),
    ).toEqual({
      approved: 0,
    });
  });
});
