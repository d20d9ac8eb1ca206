// cappedCountOverWalks (docs/decisions/090): pages in (at, key) order, a person named twice counted
// once, the cap, and the budget of rows read that turns the count into a lower bound.
import { describe, expect, it } from "vitest";
import { cappedCountOverWalks, type Walk, type WalkedRow } from "./capped-count.server";

/** A walk over fixed rows, sorted (at, key), recording how many rows it handed out. */
function walkOver(rows: [subjectId: string, at: number, key?: string][]) {
  const sorted: WalkedRow[] = rows
    .map(([subjectId, at, key]) => ({ subjectId, at: new Date(at), key: key ?? subjectId }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const stats = { read: 0, calls: 0 };
  const walk: Walk = async (after, take) => {
    stats.calls++;
    const rest = after
      ? sorted.filter(
          (row) =>
            row.at.getTime() > after.at.getTime() ||
            (row.at.getTime() === after.at.getTime() && row.key > after.key),
        )
      : sorted;
    const page = rest.slice(0, take);
    stats.read += page.length;
    return page;
  };
  return { walk, stats };
}

/** Counts the ids the filter keeps: here, those in `kept`; records every id counted. */
function counter(kept: Set<string>) {
  const counted: string[] = [];
  return {
    counted,
    count: async (ids: string[]) => {
      counted.push(...ids);
      return ids.filter((id) => kept.has(id)).length;
    },
  };
}

describe("cappedCountOverWalks", () => {
  // Ties on `at` across page boundaries (pages of 2), the same person in two walks.
  const a = walkOver([
    ["s1", 1],
    ["s2", 1],
    ["s3", 1],
    ["s4", 2],
    ["s5", 3],
  ]);
  const b = walkOver([
    ["s4", 1, "r1"],
    ["s6", 1, "r2"],
    ["s1", 5, "r3"],
  ]);
  const kept = new Set(["s1", "s3", "s4", "s5", "s6"]);

  it("counts every person the walks name once, page after page", async () => {
    const { count, counted } = counter(kept);
    const result = await cappedCountOverWalks([a.walk, b.walk], count, 100, { page: 2 });
    expect(result).toEqual({ count: 5, complete: true });
    expect(counted.sort()).toEqual(["s1", "s2", "s3", "s4", "s5", "s6"]);
  });

  it("stops past the cap: cap + 1", async () => {
    for (const cap of [0, 1, 2, 3, 4]) {
      const { count } = counter(kept);
      expect(await cappedCountOverWalks([a.walk, b.walk], count, cap, { page: 2 })).toEqual({
        count: cap + 1,
        complete: true,
      });
    }
    const { count } = counter(kept);
    expect(await cappedCountOverWalks([a.walk, b.walk], count, 5, { page: 2 })).toEqual({
      count: 5,
      complete: true,
    });
  });

  it("reads at most its budget of rows, and then says the count is a lower bound", async () => {
    const walk = walkOver(Array.from({ length: 50 }, (_, i) => [`p${i}`, i] as [string, number]));
    const { count, counted } = counter(new Set(Array.from({ length: 50 }, (_, i) => `p${i}`)));
    const result = await cappedCountOverWalks([walk.walk], count, 100, { page: 7, budget: 20 });
    expect(result).toEqual({ count: 20, complete: false });
    expect(walk.stats.read).toBe(20);
    expect(counted).toHaveLength(20);
    // A walk that ends exactly at the budget is complete.
    const exact = walkOver(Array.from({ length: 20 }, (_, i) => [`q${i}`, i] as [string, number]));
    const all = counter(new Set(Array.from({ length: 20 }, (_, i) => `q${i}`)));
    expect(await cappedCountOverWalks([exact.walk], all.count, 100, { page: 5, budget: 25 })).toEqual({
      count: 20,
      complete: true,
    });
  });
});
