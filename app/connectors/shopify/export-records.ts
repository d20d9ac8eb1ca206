// How Shopify's answers become access-export records. `provided: true` marks what the shopper typed
// themselves (GDPR art. 20 portability): names, e-mail, phone, addresses, order notes and attributes.
// What Shopify or the merchant produced (dates, states, amounts, tags, notes on the customer) is not.

import type { ExportRecord } from "~/domain/systems";
import type { CustomerDetails, OrderNode } from "./schemas";

/**
 * Sections: `customer` (one provided record, one account record), `marketing` (one per channel).
 * Addresses are streamed by the caller, page by page, as `addresses`.
 */
export function customerRecords(customer: CustomerDetails): ExportRecord[] {
  const records: ExportRecord[] = [
    {
      section: "customer",
      provided: true,
      data: {
        id: customer.id,
        firstName: customer.firstName,
        lastName: customer.lastName,
        email: customer.defaultEmailAddress?.emailAddress ?? null,
        phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
      },
    },
    {
      section: "customer",
      provided: false,
      data: {
        id: customer.id,
        displayName: customer.displayName,
        locale: customer.locale,
        accountState: customer.state,
        verifiedEmail: customer.verifiedEmail,
        dataSaleOptOut: customer.dataSaleOptOut,
        createdAt: customer.createdAt,
        updatedAt: customer.updatedAt,
        numberOfOrders: customer.numberOfOrders,
        amountSpent: customer.amountSpent,
        merchantNote: customer.note,
        tags: customer.tags,
      },
    },
  ];
  if (customer.emailMarketingConsent) {
    records.push({
      section: "marketing",
      provided: false,
      data: { channel: "email", ...customer.emailMarketingConsent },
    });
  }
  if (customer.smsMarketingConsent) {
    records.push({
      section: "marketing",
      provided: false,
      data: { channel: "sms", ...customer.smsMarketingConsent },
    });
  }
  return records;
}

/**
 * Two records per order, joined by `orderId`: `orders` (the order's facts, from Shopify) and
 * `order_inputs` (contact, addresses, note and checkout attributes the shopper entered).
 */
export function orderRecords(order: OrderNode): ExportRecord[] {
  return [
    {
      section: "orders",
      provided: false,
      data: {
        orderId: order.id,
        name: order.name,
        createdAt: order.createdAt,
        processedAt: order.processedAt,
        cancelledAt: order.cancelledAt,
        financialStatus: order.displayFinancialStatus,
        fulfillmentStatus: order.displayFulfillmentStatus,
        total: order.currentTotalPriceSet.shopMoney,
        lineItems: order.lineItems.nodes,
      },
    },
    {
      section: "order_inputs",
      provided: true,
      data: {
        orderId: order.id,
        name: order.name,
        email: order.email,
        phone: order.phone,
        note: order.note,
        customAttributes: order.customAttributes,
        shippingAddress: order.shippingAddress,
        billingAddress: order.billingAddress,
      },
    },
  ];
}
