// Counting in the database, capped: `count({ where, take })` stops after cap + 1 rows, so a count
// over a million rows costs as much as one over ten thousand (docs/decisions/086). Prisma orders a
// limited count by id unless told otherwise: callers order by the columns their filter fixes (the
// shop: an order that costs nothing) or by the index their range walks, or PostgreSQL may read
// every matching row to sort them by id before it stops.
import { COUNT_CAP } from "~/i18n/format-count";

/** `count` called with a row limit; the answer is at most cap + 1 ("more than the cap"). */
export function cappedCount(
  count: (args: { take: number }) => Promise<number>,
  cap = COUNT_CAP,
): Promise<number> {
  return count({ take: cap + 1 });
}
