// Whose e-mail address an order names: the one rule Vigie applies wherever it reads a buyer from an
// order (the orders/create webhook, the order a thank-you page names, guest orders in the backfill).
// See docs/decisions/070-guest-orders-and-the-buyer-email.md.
import { normaliseEmail } from "./identifiers";

/**
 * The buyer's address: the customer account's default e-mail, else the order's own contact e-mail
 * (the first of `order` that is one). A value that is missing, withheld by Shopify (null: protected
 * customer data not granted) or not an address is absent and the next one is tried. Normalised;
 * null when the order names nobody.
 */
export function buyerEmail(source: {
  customer?: string | null;
  order?: ReadonlyArray<string | null | undefined>;
}): string | null {
  for (const candidate of [source.customer, ...(source.order ?? [])]) {
    const email = normaliseEmail(candidate);
    if (email) return email;
  }
  return null;
}
