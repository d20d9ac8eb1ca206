// The Cookies page's rates on SQLite and PostgreSQL: choices counted per purpose, week by week,
// Monday to Sunday in the shop's own zone (a choice made late on Sunday in UTC is Monday's in
// Auckland), the current week last, weeks without a choice left empty.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendTrackerChoice,
  bannerContent,
  choiceRatesByWeek,
  proveChoice,
} from "~/services/cookie-banner.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

describe.each(testDialects())("the banner's weekly rates, on %s", (dialect) => {
  let t: TestDatabase;
  let shopId: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    shopId = (await t.db.shop.create({ data: { domain: `weeks-${dialect}.myshopify.com`, name: "iméra" } }))
      .id;
  });
  afterAll(() => t.drop());

  async function choose(at: string, analytics: boolean) {
    const content = await bannerContent(t.db, shopId);
    const proof = proveChoice(
      content,
      {
        visitorId: randomUUID(),
        version: content.versions.fr,
        locale: "fr",
        gpc: false,
        action: analytics ? "accept_all" : "refuse_all",
        consent: { analytics, marketing: analytics, preferences: analytics, sale_of_data: analytics },
      },
      { occurredAt: new Date(at) },
    );
    await t.db.$transaction((tx) => appendTrackerChoice(tx, shopId, proof));
  }

  it("counts each purpose's choices per week of the shop's zone, the current week last", async () => {
    // Thursday 3 December 2026: the current week began on Monday 30 November.
    const now = new Date("2026-12-03T10:00:00Z");
    await choose("2026-12-01T09:00:00Z", true);
    await choose("2026-12-02T09:00:00Z", false);
    // Sunday 29 November, 12:30 UTC: the week before in Paris, Monday 01:30 in Auckland.
    await choose("2026-11-29T12:30:00Z", true);
    await choose("2026-11-18T09:00:00Z", false);

    const paris = await choiceRatesByWeek(t.db, shopId, "Europe/Paris", 4, now);
    expect(paris.map((w) => w.week)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
    const analytics = (weeks: typeof paris) =>
      weeks.map((w) => {
        const r = w.rates.find((rate) => rate.key === "analytics");
        return [r?.accepted, r?.refused, r?.rate];
      });
    expect(analytics(paris)).toEqual([
      [0, 0, null],
      [0, 1, 0],
      [1, 0, 1],
      [1, 1, 0.5],
    ]);
    const auckland = await choiceRatesByWeek(t.db, shopId, "Pacific/Auckland", 4, now);
    expect(analytics(auckland).slice(2)).toEqual([
      [0, 0, null],
      [2, 1, 2 / 3],
    ]);
  });
});
