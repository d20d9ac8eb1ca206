// The retention page's counts on a large shop (docs/decisions/090), on real databases: the count of
// who is to be asked again (its lead window read on indexes) is the plain count of its filter on a
// mixed shop, page after page through equal instants; capped past its cap; a lower bound beyond its
// budget of rows. The counts of who is past their period are the exact due set's, capped at 100.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yearsBefore } from "~/domain/retention/retention-rules";
import { FILTERED_COUNT_CAP } from "~/i18n/format-count";
import {
  candidateFilter,
  countRepermissionCandidates,
  repermissionProgress,
} from "~/services/repermission.server";
import { retentionDueSet, retentionOverview } from "~/services/retention.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const NOW = new Date("2026-12-03T10:00:00.000Z");
const DAY = 86_400_000;
const POLICY = { prospectYears: 3, repermissionLeadDays: 30 };
const CUTOFF = yearsBefore(NOW, 3);
const LATEST = yearsBefore(new Date(NOW.getTime() + 30 * DAY), 3);
/** Instants on and around the lead window's edges, several people sharing each. */
const INSTANTS = [
  new Date(CUTOFF.getTime() - 10 * DAY),
  CUTOFF,
  new Date(CUTOFF.getTime() + 1),
  new Date(CUTOFF.getTime() + 15 * DAY),
  LATEST,
  new Date(LATEST.getTime() + 1),
  new Date(LATEST.getTime() + 10 * DAY),
  new Date(NOW.getTime() - 365 * DAY),
  new Date(NOW.getTime() - 4 * 365 * DAY),
];

/** A small deterministic generator: the same shop on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(testDialects())("retention counts on %s", (dialect) => {
  let t: TestDatabase;
  let shopId: string;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const shop = await t.db.shop.create({
      data: {
        domain: `counts-${dialect}.myshopify.com`,
        settings: JSON.stringify({ retention: { customerYearsAfterLastOrder: 10, ...POLICY } }),
      },
    });
    shopId = shop.id;
    const other = await t.db.shop.create({ data: { domain: `counts-other-${dialect}.myshopify.com` } });
    const next = random(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
    const maybe = <T>(p: number, value: () => T) => (next() < p ? value() : null);
    for (let i = 0; i < 240; i++) {
      const inShop = i % 40 !== 39 ? shopId : other.id;
      const customer = next() < 0.2;
      const subject = await t.db.subject.create({
        data: {
          shopId: inShop,
          email: next() < 0.95 ? `p${i}@example.fr` : null,
          lastOrderAt: customer ? pick(INSTANTS) : null,
          orderCount: customer ? 2 : pick([null, null, 0, 3]),
          marketingObjectionAt: maybe(0.05, () => pick(INSTANTS)),
          lastEngagedAt: maybe(0.25, () => pick(INSTANTS)),
          createdAt: pick(INSTANTS),
        },
      });
      if (next() < 0.9) {
        await t.db.consentState.create({
          data: {
            subjectId: subject.id,
            shopId: inShop,
            purpose: "newsletter",
            status: next() < 0.8 ? "subscribed" : "unsubscribed",
            lastEventId: `e${i}`,
            updatedAt: pick(INSTANTS),
          },
        });
      }
      if (next() < 0.3) {
        await t.db.consentState.create({
          data: {
            subjectId: subject.id,
            shopId: inShop,
            purpose: "analytics",
            status: "subscribed",
            lastEventId: `t${i}`,
            updatedAt: pick(INSTANTS),
          },
        });
      }
      if (next() < 0.25) {
        const request = await t.db.rightsRequest.create({
          data: {
            shopId: inShop,
            subjectId: subject.id,
            reference: `R-${i}`,
            type: "access",
            channel: "staff",
            state: next() < 0.2 ? "in_progress" : "answered",
            receivedAt: pick(INSTANTS),
            identityLevel: "verified",
          },
        });
        if (next() < 0.2) {
          await t.db.restriction.create({
            data: {
              shopId: inShop,
              subjectId: subject.id,
              requestId: request.id,
              ground: "accuracy_contested",
              grantedAt: pick(INSTANTS),
            },
          });
        }
      }
      if (next() < 0.1) {
        await t.db.repermission.create({
          data: {
            shopId: inShop,
            subjectId: subject.id,
            periodEndsAt: next() < 0.5 ? new Date(NOW.getTime() + 10 * DAY) : new Date(NOW.getTime() - DAY),
            requestEventId: `q${i}`,
          },
        });
      }
    }
  }, 120_000);
  afterAll(() => t?.drop());

  const plain = () => t.db.subject.count({ where: candidateFilter(shopId, NOW, POLICY) });

  it("counts who is to be asked as the plain count does, in pages through equal instants", async () => {
    const expected = await plain();
    // The mix must reach every path: people in the window by sign-up and by the other contacts.
    expect(expected).toBeGreaterThan(10);
    const bySignUp = await t.db.subject.count({
      where: { ...candidateFilter(shopId, NOW, POLICY), createdAt: { gt: CUTOFF, lte: LATEST } },
    });
    expect(bySignUp).toBeGreaterThan(0);
    expect(bySignUp).toBeLessThan(expected);
    for (const page of [1, 2, 7, 500]) {
      expect(await countRepermissionCandidates(t.db, shopId, POLICY, NOW, { cap: 10_000, page })).toEqual({
        count: expected,
        complete: true,
      });
    }
    expect((await repermissionProgress(t.db, shopId, NOW)).due).toBe(
      Math.min(expected, FILTERED_COUNT_CAP + 1),
    );
  });

  it("stops past its cap, whether the sign-ups or the other walks pass it", async () => {
    const expected = await plain();
    for (let cap = 0; cap <= expected + 1; cap++) {
      expect(await countRepermissionCandidates(t.db, shopId, POLICY, NOW, { cap, page: 3 })).toEqual({
        count: Math.min(expected, cap + 1),
        complete: true,
      });
    }
  });

  it("past its budget of rows, gives a lower bound and says so", async () => {
    const expected = await plain();
    const bounded = await countRepermissionCandidates(t.db, shopId, POLICY, NOW, {
      cap: 10_000,
      page: 2,
      budget: 4,
    });
    expect(bounded.complete).toBe(false);
    expect(bounded.count).toBeLessThan(expected);
  });

  it("counts who is past their period as the exact due set does, capped at 100", async () => {
    const exact = await retentionDueSet(t.db, shopId, NOW);
    expect(exact.prospects).toBeGreaterThan(0);
    const overview = await retentionOverview(t.db, shopId, NOW);
    expect(overview.counts).toEqual({
      customers: Math.min(exact.customers, FILTERED_COUNT_CAP + 1),
      prospects: Math.min(exact.prospects, FILTERED_COUNT_CAP + 1),
    });
  });
});
