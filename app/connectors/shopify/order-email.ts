// How Vigie reads an order's buyer e-mail from the Admin API: the fields it selects and the rule it
// applies (domain/subjects/buyer-email), here only. `Customer.email` is deprecated ("Use
// `defaultEmailAddress.emailAddress` instead") and never selected; the order's own contact e-mail is
// `Order.email`. When Shopify retires or renames one of them, this selection and `orderBuyerEmail`
// change together and every reader follows; an answer without the field reads as "absent".
// See docs/decisions/070-guest-orders-and-the-buyer-email.md.
import { z } from "zod";
import { buyerEmail } from "~/domain/subjects/buyer-email";

/** The order's contact e-mail field (what a guest checkout leaves as the only address). */
export const ORDER_CONTACT_EMAIL_FIELD = "email";

/** The selection on an Order that `orderBuyerEmail` reads. */
export const ORDER_BUYER_FIELDS = `${ORDER_CONTACT_EMAIL_FIELD} customer { id defaultEmailAddress { emailAddress } }`;

export type OrderBuyer = {
  email?: string | null;
  customer?: { id: string; defaultEmailAddress?: { emailAddress?: string | null } | null } | null;
};

/** The zod shape of that selection: a withheld (null) or missing field is accepted as absent. */
export const OrderBuyerShape = {
  [ORDER_CONTACT_EMAIL_FIELD]: z.string().nullish(),
  customer: z
    .object({
      id: z.string(),
      defaultEmailAddress: z.object({ emailAddress: z.string().nullish() }).nullish(),
    })
    .nullish(),
} as const;

const text = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * The buyer's e-mail of an order as the Admin API answered it (checked by a schema, or a raw line of
 * a bulk result): the customer's default e-mail, else the order's contact e-mail; null for neither.
 */
export function orderBuyerEmail(order: OrderBuyer | Record<string, unknown>): string | null {
  const customer = (order as { customer?: unknown }).customer;
  const address =
    customer && typeof customer === "object"
      ? (customer as { defaultEmailAddress?: unknown }).defaultEmailAddress
      : null;
  return buyerEmail({
    customer:
      address && typeof address === "object"
        ? text((address as { emailAddress?: unknown }).emailAddress)
        : null,
    order: [text((order as Record<string, unknown>)[ORDER_CONTACT_EMAIL_FIELD])],
  });
}
