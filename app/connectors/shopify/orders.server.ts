// Shopify-only order reads the generic connector interface has no verb for: the order a thank-you
// page consent names, read from Shopify so that its buyer, age and checkout come from Shopify and
// never from the request (docs/decisions/013).
import { shopifyId } from "~/domain/subjects/identifiers";
import type { ShopifyAdminClient } from "./admin-client.server";
import { toGid } from "./connector.server";
import { orderForConsentQuery, runOperation } from "./operations";
import { orderBuyerEmail } from "./order-email";

export type CheckoutOrder = {
  /** Numeric order id, as Vigie stores it. */
  orderId: string;
  createdAt: Date;
  checkoutToken: string | null;
  /** Numeric customer id; null for a guest order. */
  customerId: string | null;
  /** The customer's default address, else the order's contact address (order-email.ts); normalised. */
  email: string | null;
};

export type ShopifyOrders = {
  /** The order by numeric id or GID; null when this shop has no such order (or it is not visible). */
  orderForConsent(orderId: string): Promise<CheckoutOrder | null>;
};

/** Over a client on ORDER_FOR_CONSENT_API_VERSION (the registry builds it). */
export function createShopifyOrders(client: ShopifyAdminClient): ShopifyOrders {
  return {
    async orderForConsent(orderId) {
      const gid = toGid("Order", orderId);
      if (!gid) return null;
      const { order } = await runOperation(client, orderForConsentQuery, { id: gid });
      if (!order) return null;
      const createdAt = new Date(order.createdAt);
      const numericId = shopifyId(order.id.slice(order.id.lastIndexOf("/") + 1));
      if (!numericId || Number.isNaN(createdAt.getTime())) return null;
      const customer = order.customer;
      return {
        orderId: numericId,
        createdAt,
        checkoutToken: order.checkoutToken,
        customerId: customer ? shopifyId(customer.id.slice(customer.id.lastIndexOf("/") + 1)) : null,
        email: orderBuyerEmail(order),
      };
    },
  };
}
