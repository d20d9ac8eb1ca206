// The backfill's second bulk query (docs/decisions/070): the orders placed without a customer
// account (guest checkout), each with its date and its contact e-mail, the only trace of the buyer.
// Customers and their own orders come from the first query (bulk-customers.ts).
import { gidNumber } from "./bulk-jsonl";
import { ORDER_BUYER_FIELDS, orderBuyerEmail } from "./order-email";

/**
 * Orders whose `customer_id` has no value (Shopify search syntax: `-field:*` excludes the documents
 * where the field exists). The customer is selected all the same: should the filter be ignored, a
 * line with a customer is skipped by `interpretGuestOrderLine`, so a wider file costs bytes, never
 * correctness. One connection, no nesting (Shopify's limits are 5 and 2).
 */
export const GUEST_ORDERS_FILTER = "-customer_id:*";
export const GUEST_ORDERS_QUERY = `{
  orders(query: "${GUEST_ORDERS_FILTER}") {
    edges {
      node {
        id
        createdAt
        ${ORDER_BUYER_FIELDS}
      }
    }
  }
}`;

/** An order placed without an account: the buyer is known by the order's e-mail only. */
export type ImportedGuestOrder = { orderId: string; email: string; createdAt: Date };

/**
 * What one line of the guest orders' result is: an order placed without an account, with the
 * buyer's e-mail (normalised), or null (skipped): an order of a customer account (the customers'
 * phase read it), an order without any e-mail (withheld by Shopify or never given: nobody to
 * identify), or a line this query does not produce. Ids stay exact decimal text.
 */
export function interpretGuestOrderLine(
  value: Record<string, unknown>,
): { guestOrder: ImportedGuestOrder } | null {
  if (value.__parentId !== undefined) return null;
  const orderId = gidNumber("Order", value.id);
  const createdAt = typeof value.createdAt === "string" ? new Date(value.createdAt) : null;
  if (!orderId || !createdAt || Number.isNaN(createdAt.getTime())) return null;
  if (value.customer !== null && value.customer !== undefined) return null;
  const email = orderBuyerEmail(value);
  return email ? { guestOrder: { orderId, email, createdAt } } : null;
}
