// The dashboard's figures on real databases (docs/decisions/086): counted in the database and
// capped, so a shop of a million customers reads "10 000+" (fr) or "10,000+" (en) at the cost of
// ten thousand rows; the request figures agree with each request's own deadline status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNT_CAP, formatCount, WEBHOOKS_COUNT_CAP } from "~/i18n/format-count";
import { getDashboard } from "~/services/dashboard.server";
import { requestDeadlineStatus } from "~/services/requests/request-record.server";
import { createShop, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const NOW = new Date("2026-12-03T10:00:00Z");
const DAY = 86_400_000;

describe.each(testDialects())("the dashboard's counts on %s", (dialect) => {
  let t: TestDatabase;
  let large: TestShop;
  let small: TestShop;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    large = await createShop(t.db, "large");
    small = await createShop(t.db, "small");
    await t.db.subject.createMany({
      data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
        id: `large-${i}-${dialect}`,
        shopId: large.shop.id,
        email: `client${i}@example.fr`,
      })),
    });
    await t.db.subject.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ shopId: small.shop.id, email: `c${i}@example.fr` })),
    });
    // Requests received 40, 27 and 10 days ago (overdue, due this week, later), one paused, one closed,
    // written as before the derived due date existed: the dashboard fills it first.
    const received = [40, 41, 27, 26, 10, 35, 50];
    await t.db.rightsRequest.createMany({
      data: received.map((days, i) => ({
        id: `count-${i}-${dialect}`,
        shopId: small.shop.id,
        reference: `R-2026-${String(i).padStart(5, "0")}`,
        type: "access",
        channel: "staff",
        state: i === 6 ? "answered" : "in_progress",
        receivedAt: new Date(NOW.getTime() - days * DAY),
        timeZone: "Europe/Paris",
        identityLevel: "verified",
        closedAt: i === 6 ? NOW : null,
      })),
    });
    await t.db.requestPause.create({
      data: {
        requestId: `count-5-${dialect}`,
        startedAt: new Date(NOW.getTime() - 30 * DAY),
        reason: "address_not_on_file",
      },
    });
    // The large shop's webhooks: more than their cap this week, and older ones not counted.
    const receipt = (n: number, daysAgo: number, shopDomain: string) => ({
      source: "shopify",
      deliveryId: `${shopDomain}-${n}-${dialect}`,
      shopDomain,
      topic: "orders/create",
      bodySha256: "0".repeat(64),
      receivedAt: new Date(NOW.getTime() - daysAgo * DAY),
    });
    await t.db.webhookReceipt.createMany({
      data: [
        ...Array.from({ length: WEBHOOKS_COUNT_CAP + 5 }, (_, n) => receipt(n, 1, large.shop.domain)),
        ...Array.from({ length: 4 }, (_, n) => receipt(n, 2, small.shop.domain)),
        ...Array.from({ length: 3 }, (_, n) => receipt(100 + n, 8, small.shop.domain)),
      ],
    });
    await t.db.job.createMany({
      data: [
        ...Array.from({ length: 3 }, () => ({ type: "test", shopDomain: small.shop.domain })),
        { type: "test", shopDomain: small.shop.domain, status: "dead", finishedAt: NOW },
        { type: "test", shopDomain: large.shop.domain },
      ],
    });
  });

  afterAll(async () => {
    await t?.drop();
  });

  it("stops counting past the cap, and says so in each language", async () => {
    const dashboard = await getDashboard(t.db, large.shop, NOW);
    expect(dashboard.subjects).toBe(COUNT_CAP + 1);
    expect(formatCount(dashboard.subjects, "fr")).toBe("10\u202f000+");
    expect(formatCount(dashboard.subjects, "en")).toBe("10,000+");
    expect(formatCount(COUNT_CAP, "en")).toBe("10,000");
    expect(dashboard.jobs.pending).toBe(1);
  });

  it("counts the week's webhooks to a thousand: past it, only that Shopify delivers", async () => {
    const dashboard = await getDashboard(t.db, large.shop, NOW);
    expect(dashboard.webhooks7d).toBe(WEBHOOKS_COUNT_CAP + 1);
    expect(formatCount(dashboard.webhooks7d, "fr", WEBHOOKS_COUNT_CAP)).toBe("1\u202f000+");
    expect(formatCount(dashboard.webhooks7d, "en", WEBHOOKS_COUNT_CAP)).toBe("1,000+");
    // The small shop's four of this week, not the three older ones nor the large shop's.
    expect((await getDashboard(t.db, small.shop, NOW)).webhooks7d).toBe(4);
  });

  it("counts a small shop exactly, only its own rows", async () => {
    const dashboard = await getDashboard(t.db, small.shop, NOW);
    expect(dashboard.subjects).toBe(7);
    expect(formatCount(dashboard.subjects, "fr")).toBe("7");
    expect(dashboard.jobs).toEqual({ pending: 3, running: 0, failed: 0, succeeded: 0, dead: 1 });
  });

  it("counts open, due-this-week and overdue requests as their own deadlines say", async () => {
    const rows = await t.db.rightsRequest.findMany({
      where: { shopId: small.shop.id },
      include: { pauses: true },
    });
    const statuses = rows.map((row) => requestDeadlineStatus(row, NOW)?.status ?? "closed");
    const { requests } = await getDashboard(t.db, small.shop, NOW);
    expect(requests).toEqual({
      open: rows.filter((row) => row.closedAt === null).length,
      dueThisWeek: statuses.filter((s) => s === "due_soon").length,
      overdue: statuses.filter((s) => s === "overdue").length,
    });
    expect(requests).toEqual({ open: 6, dueThisWeek: 2, overdue: 2 });
  });
});
