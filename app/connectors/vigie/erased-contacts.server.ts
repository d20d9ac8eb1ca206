// The keys of the people Vigie erased (docs/decisions/084): written by the erasure's last step, read
// by whatever brings people in from Shopify (the backfill's two phases, customers/create and
// customers/update), which skip what dates from before the erasure.
import type { Tx } from "~/db/client.server";
import {
  belongsToErasure,
  type ContactRef,
  erasedContactExpiry,
  erasedContactKeys,
} from "~/domain/subjects/erased-contacts";

/**
 * Records that these people were erased at `at` (in the erasure's transaction). `renew` moves an
 * existing key's date forward (a new erasure); without it a key already there is left as it was (a
 * step run again after a crash must not move the erasure past orders placed since).
 */
export async function recordErasedContacts(
  tx: Tx,
  shopId: string,
  people: ContactRef[],
  at: Date,
  renew: boolean,
) {
  const keys = [...new Set(people.flatMap((person) => erasedContactKeys(shopId, person)))];
  const data = { erasedAt: at, expiresAt: erasedContactExpiry(at) };
  for (const key of keys) {
    await tx.erasedContact.upsert({
      where: { shopId_key: { shopId, key } },
      create: { shopId, key, ...data },
      update: renew ? data : {},
    });
  }
  return keys.length;
}

const KEYS_PER_QUERY = 500;

/**
 * Which of `refs` were erased at or after the date each carries (an order's, an account's
 * creation): the ones Vigie must not bring back. Indexed queries of 500 keys.
 */
export async function erasedAmong<T extends ContactRef & { datedAt: Date | null }>(
  tx: Tx,
  shopId: string,
  refs: T[],
): Promise<Set<T>> {
  const keysOf = new Map(refs.map((ref) => [ref, erasedContactKeys(shopId, ref)]));
  const all = [...new Set([...keysOf.values()].flat())];
  const erased = new Set<T>();
  if (all.length === 0) return erased;
  const rows = [];
  // Bounded IN lists: a backfill batch names thousands of people (SQLite caps bound parameters).
  for (let start = 0; start < all.length; start += KEYS_PER_QUERY) {
    rows.push(
      ...(await tx.erasedContact.findMany({
        where: { shopId, key: { in: all.slice(start, start + KEYS_PER_QUERY) } },
        select: { key: true, erasedAt: true },
      })),
    );
  }
  if (rows.length === 0) return erased;
  const erasedAt = new Map(rows.map((row) => [row.key, row.erasedAt]));
  for (const [ref, keys] of keysOf) {
    if (keys.some((key) => belongsToErasure(erasedAt.get(key), ref.datedAt))) erased.add(ref);
  }
  return erased;
}
