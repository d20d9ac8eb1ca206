// The requests list's search through the subject's address on real databases (docs/decisions/086):
// the matching subjects are looked up first and their requests found by subjectId; a prefix that
// matches more subjects than that lookup takes still finds every request, through the relation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRequests } from "~/services/requests/request-list.server";
import { createShop, type TestShop } from "../fixtures/vigie-store";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const NOW = new Date("2026-12-03T10:00:00Z");
const SUBJECTS = 520;

describe.each(testDialects())("the request search through subjects on %s", (dialect) => {
  let t: TestDatabase;
  let shop: TestShop;
  let other: TestShop;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    shop = await createShop(t.db, "search");
    other = await createShop(t.db, "other");
    for (const s of [shop, other]) {
      await t.db.subject.createMany({
        data: Array.from({ length: SUBJECTS }, (_, i) => ({
          id: `${s.shop.id}-s${i}`,
          shopId: s.shop.id,
          email: `many${i}@example.fr`,
        })),
      });
      // Shopify's requests name the customer only: no requester address of their own. "many99" sorts
      // last: a lookup cut at its first 500 subjects would miss it.
      await t.db.rightsRequest.createMany({
        data: [0, 250, 99].map((i) => ({
          id: `${s.shop.id}-r${i}`,
          shopId: s.shop.id,
          subjectId: `${s.shop.id}-s${i}`,
          reference: `R-2026-${String(i).padStart(5, "0")}`,
          type: "access",
          channel: "shopify",
          state: "in_progress",
          receivedAt: new Date(NOW.getTime() - i * 60_000),
          identityLevel: "verified",
        })),
      });
    }
  });

  afterAll(async () => {
    await t?.drop();
  });

  const found = async (q: string) =>
    (await searchRequests(t.db, shop.shop.id, { q, state: "all" }, NOW)).requests.map((r) => r.id).sort();

  it("finds a request by its subject's address, exact or by prefix, never another shop's", async () => {
    expect(await found("many250@example.fr")).toEqual([`${shop.shop.id}-r250`]);
    expect(await found("MANY25")).toEqual([`${shop.shop.id}-r250`]);
    expect(await found("nobody")).toEqual([]);
  });

  it("finds every request when the prefix matches more subjects than the lookup takes", async () => {
    expect(await found("many")).toEqual([0, 250, 99].map((i) => `${shop.shop.id}-r${i}`).sort());
  });
});
