// Who was erased, kept as keys that cannot be read back (docs/decisions/084): Shopify keeps a
// guest's orders for the shop's accounts and erases a customer up to 180 days later, so the next
// backfill or customer webhook would otherwise bring an erased person back into Vigie.
import { sha256Hex } from "~/domain/consent/ledger-hash";
import { normaliseEmail, shopifyId } from "./identifiers";

/** How long a key is kept: as long as the shop keeps the orders that could name the person (policy: 10 years). */
export const ERASED_CONTACT_YEARS = 10;

export type ContactRef = { email?: string | null; customerId?: string | null };

/**
 * The keys naming one person in one shop: a hash of the normalised address and of the Shopify
 * customer id, salted with the shop's id so that the same person in two shops has unrelated keys.
 * Still personal data (GDPR recital 26), minimised to what proving and keeping the erasure needs
 * (art. 17(1), art. 5(1)(c)).
 */
export function erasedContactKeys(shopId: string, ref: ContactRef): string[] {
  const keys: string[] = [];
  const email = normaliseEmail(ref.email);
  if (email) keys.push(sha256Hex(`${shopId}\u0000email\u0000${email}`));
  const customerId = ref.customerId ? shopifyId(ref.customerId) : null;
  if (customerId) keys.push(sha256Hex(`${shopId}\u0000customer\u0000${customerId}`));
  return keys;
}

/**
 * Whether something Shopify still holds belongs to an erasure: an order or account dated at or
 * before the latest erasure of a key naming it. What is newer is a new relationship the person
 * started after being erased (art. 17 erases what was, not what they do next).
 */
export function belongsToErasure(erasedAt: Date | undefined, datedAt: Date | null): boolean {
  if (!erasedAt) return false;
  return datedAt === null || datedAt.getTime() <= erasedAt.getTime();
}

/** When a key stops being needed (art. 5(1)(e)): the orders that could name the person are gone by then. */
export function erasedContactExpiry(erasedAt: Date): Date {
  const at = new Date(erasedAt);
  at.setUTCFullYear(at.getUTCFullYear() + ERASED_CONTACT_YEARS);
  return at;
}
