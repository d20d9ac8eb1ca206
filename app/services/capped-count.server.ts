// Counting in the database, capped: `count({ where, take })` stops after COUNT_CAP + 1 rows, so a
// count over a million rows costs as much as one over ten thousand (docs/decisions/086).
import { COUNT_CAP } from "~/i18n/format-count";

/** `count` called with a row limit; the answer is at most COUNT_CAP + 1 ("more than the cap"). */
export function cappedCount(count: (args: { take: number }) => Promise<number>): Promise<number> {
  return count({ take: COUNT_CAP + 1 });
}
