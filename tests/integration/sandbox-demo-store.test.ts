// The sandbox's demo shop at start and after shop/redact, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemoStore, recreateDemoStore } from "~/sandbox/demo-store.server";
import { isShopPurged, markShopPurged } from "~/services/shops.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { TEST_SECRET_KEY } from "../support/test-logger";

describe.each(testDialects())("the demo shop on %s", (dialect) => {
  let t: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t.drop();
  });

  const settings = () => ({
    shop: `demo-${dialect}-${++n}.myshopify.com`,
    apiKey: "k",
    // Each demo shop's simulated Mailchimp webhook secret derives from it, and must differ.
    apiSecret: `0123456789abcdef0123456789abcdef-${dialect}-${n}`,
  });

  it("is not re-created at start once shop/redact purged it; re-created on request, deliveries counting again", async () => {
    const s = settings();
    await markShopPurged(t.db, TEST_SECRET_KEY, s.shop);
    expect(await ensureDemoStore(t.db, s, TEST_SECRET_KEY)).toBeNull();
    expect(await t.db.shop.count({ where: { domain: s.shop } })).toBe(0);
    const shop = await recreateDemoStore(t.db, s, TEST_SECRET_KEY);
    expect(await t.db.subject.count({ where: { shopId: shop.id } })).toBeGreaterThan(0);
    expect(await isShopPurged(t.db, TEST_SECRET_KEY, s.shop)).toBe(false);
  });

  it("counts no checkout orders on a day still to come, early in a month", async () => {
    const now = new Date("2026-12-05T00:30:00Z");
    const shop = await ensureDemoStore(t.db, settings(), TEST_SECRET_KEY, now);
    const days = await t.db.consentCheckoutDay.findMany({
      where: { shopId: shop?.id },
      orderBy: { day: "asc" },
    });
    expect(days).toHaveLength(6);
    expect(days.at(-1)?.day).toBe("2026-12-05");
    expect(days.every(({ day }) => day <= "2026-12-05")).toBe(true);
  });

  it("an existing demo shop left beside a purge marker (by earlier versions) wins: the marker goes", async () => {
    const s = settings();
    const shop = await ensureDemoStore(t.db, s, TEST_SECRET_KEY);
    await markShopPurged(t.db, TEST_SECRET_KEY, s.shop);
    expect(await ensureDemoStore(t.db, s, TEST_SECRET_KEY)).toEqual(shop);
    expect(await isShopPurged(t.db, TEST_SECRET_KEY, s.shop)).toBe(false);
  });
});
