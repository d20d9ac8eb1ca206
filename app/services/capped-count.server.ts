// Counting in the database, capped: `count({ where, take })` stops after cap + 1 rows, so a count
// over a million rows costs as much as one over ten thousand (docs/decisions/086). Prisma orders a
// limited count by id unless told otherwise: callers order by the columns their filter fixes (the
// shop: an order that costs nothing) or by the index their range walks, or PostgreSQL may read
// every matching row to sort them by id before it stops.
import { COUNT_CAP, WALK_BUDGET } from "~/i18n/format-count";

/** `count` called with a row limit; the answer is at most cap + 1 ("more than the cap"). */
export function cappedCount(
  count: (args: { take: number }) => Promise<number>,
  cap = COUNT_CAP,
): Promise<number> {
  return count({ take: cap + 1 });
}

/** Rows read and counted at once by cappedCountOverWalks. */
const WALK_PAGE = 500;

/** One row a walk read: the person it names, and where the walk resumes after it. */
export type WalkedRow = { subjectId: string; at: Date; key: string };

/**
 * A walk in index order over rows that may name someone counted (docs/decisions/090): the page
 * after `after`, at most `take` rows, in the order (at, key).
 */
export type Walk = (after: WalkedRow | undefined, take: number) => Promise<WalkedRow[]>;

/** A capped count over the people a few index walks name (cappedCountOverWalks). */
export type WalkedCount = {
  /** At most cap + 1 (more than the cap). */
  count: number;
  /**
   * False when the walks stopped at their budget of rows before the end and before the cap: the
   * count is then a lower bound ("at least").
   */
  complete: boolean;
};

/**
 * Counts the people a filter keeps among those the walks name, capped, reading at most `budget`
 * rows: each walk is read in pages of 500 in its index's order, each page's new names counted with
 * the filter (`count`: one read of at most 500 ids by key), until the count passes the cap, the walks
 * end or the budget is spent. The work depends on the cap and the budget, never on the table's size.
 * A person named by two walks is counted once.
 */
export async function cappedCountOverWalks(
  walks: Walk[],
  count: (subjectIds: string[]) => Promise<number>,
  cap: number,
  { budget = WALK_BUDGET, page = WALK_PAGE }: { budget?: number; page?: number } = {},
): Promise<WalkedCount> {
  const seen = new Set<string>();
  let counted = 0;
  let read = 0;
  for (const walk of walks) {
    let after: WalkedRow | undefined;
    for (;;) {
      if (read >= budget) return { count: counted, complete: false };
      const take = Math.min(page, budget - read);
      const rows = await walk(after, take);
      read += rows.length;
      const fresh: string[] = [];
      for (const row of rows) {
        if (seen.has(row.subjectId)) continue;
        seen.add(row.subjectId);
        fresh.push(row.subjectId);
      }
      if (fresh.length > 0) counted += await count(fresh);
      if (counted > cap) return { count: cap + 1, complete: true };
      if (rows.length < take) break;
      after = rows[rows.length - 1];
    }
  }
  return { count: counted, complete: true };
}
