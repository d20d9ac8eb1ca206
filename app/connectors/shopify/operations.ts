// Vigie's Admin GraphQL operations (API ADMIN_API_VERSION): named, `#graphql`-tagged, each with its variables
// type, its hand-written result type and the zod schema its answer is checked with. Page sizes are
// variables so that the calculated cost (and the simulator's) follows what is really asked.
import { z } from "zod";
import type { ShopifyAdminClient } from "./admin-client.server";
import { ADMIN_API_VERSION } from "./api-version";
import { ORDER_BUYER_FIELDS } from "./order-email";
import {
  type Connection,
  type CustomerConsentNode,
  CustomerConsentNodeSchema,
  type CustomerDetails,
  CustomerDetailsSchema,
  connectionSchema,
  type EmailMarketingConsent,
  EmailMarketingConsentSchema,
  type EmailMarketingInputState,
  type LineItem,
  LineItemConnectionSchema,
  type MailingAddress,
  MailingAddressSchema,
  type MarketingOptInLevel,
  type OrderForConsent,
  OrderForConsentSchema,
  type OrderNode,
  OrderNodeSchema,
  type UserError,
  UserErrorSchema,
} from "./schemas";

/** A named operation: its document, and the schema its `data` must match. */
export type Operation<TData, TVariables> = {
  name: string;
  document: string;
  schema: z.ZodType<TData>;
  /** Phantom: only carries the variables type. */
  readonly variables?: TVariables;
};

export function operation<TData, TVariables>(
  name: string,
  document: string,
  schema: z.ZodType<TData>,
): Operation<TData, TVariables> {
  return { name, document, schema };
}

/** Runs a named operation through the client, its answer checked by the operation's schema. */
export function runOperation<TData, TVariables extends Record<string, unknown>>(
  client: ShopifyAdminClient,
  op: Operation<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  return client.graphql(op.document, variables, { schema: op.schema });
}

/** Page sizes. Orders at 50 with 10 lines each cost ~900 points requested: under the 1000 cap. */
export const PAGE_SIZES = { orders: 50, lineItems: 10, addresses: 50, nodes: 50 } as const;

const ADDRESS_FIELDS = `#graphql
  fragment VigieAddressFields on MailingAddress {
    firstName lastName company address1 address2 city province provinceCode zip country countryCodeV2 phone
  }`;

const ORDER_FIELDS = `#graphql
  fragment VigieOrderFields on Order {
    id name createdAt processedAt cancelledAt email phone note
    customAttributes { key value }
    displayFinancialStatus displayFulfillmentStatus
    currentTotalPriceSet { shopMoney { amount currencyCode } }
    shippingAddress { ...VigieAddressFields }
    billingAddress { ...VigieAddressFields }
    lineItems(first: $lineItemsFirst) {
      nodes { title quantity sku variantTitle }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const CONSENT_FIELDS = "emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }";

export const shopQuery = operation<{ shop: { name: string } }, Record<string, never>>(
  "VigieShop",
  `#graphql
  query VigieShop { shop { name } }`,
  z.object({ shop: z.object({ name: z.string() }) }),
);

export const customerConsentQuery = operation<{ customer: CustomerConsentNode | null }, { id: string }>(
  "VigieCustomerConsent",
  `#graphql
  query VigieCustomerConsent($id: ID!) {
    customer(id: $id) { id defaultEmailAddress { emailAddress } ${CONSENT_FIELDS} }
  }`,
  z.object({ customer: CustomerConsentNodeSchema.nullable() }),
);

/** `query` is Shopify search syntax; build it with `emailSearchQuery`. */
export const customerByEmailQuery = operation<
  { customers: { nodes: CustomerConsentNode[] } },
  { query: string }
>(
  "VigieCustomerByEmail",
  `#graphql
  query VigieCustomerByEmail($query: String!) {
    customers(first: 1, query: $query) {
      nodes { id defaultEmailAddress { emailAddress } ${CONSENT_FIELDS} }
    }
  }`,
  z.object({ customers: z.object({ nodes: z.array(CustomerConsentNodeSchema) }) }),
);

/** Shopify search for one exact address: quoted, with quotes and backslashes escaped. */
export function emailSearchQuery(email: string): string {
  return `email:"${email.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export const customerDetailsQuery = operation<
  { customer: CustomerDetails | null },
  { id: string; addressesFirst: number }
>(
  "VigieCustomer",
  `#graphql
  query VigieCustomer($id: ID!, $addressesFirst: Int!) {
    customer(id: $id) {
      id firstName lastName displayName locale note tags state verifiedEmail dataSaleOptOut
      createdAt updatedAt numberOfOrders
      amountSpent { amount currencyCode }
      defaultEmailAddress { emailAddress marketingState marketingOptInLevel marketingUpdatedAt }
      defaultPhoneNumber { phoneNumber marketingState marketingOptInLevel marketingUpdatedAt }
      ${CONSENT_FIELDS}
      smsMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }
      addressesV2(first: $addressesFirst) {
        nodes { ...VigieAddressFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ADDRESS_FIELDS}`,
  z.object({ customer: CustomerDetailsSchema.nullable() }),
);

export const customerAddressesQuery = operation<
  { customer: { id: string; addressesV2: Connection<MailingAddress> | null } | null },
  { id: string; first: number; after: string | null }
>(
  "VigieCustomerAddresses",
  `#graphql
  query VigieCustomerAddresses($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      addressesV2(first: $first, after: $after) {
        nodes { ...VigieAddressFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ADDRESS_FIELDS}`,
  z.object({
    customer: z
      .object({ id: z.string(), addressesV2: connectionSchema(MailingAddressSchema).nullable() })
      .nullable(),
  }),
);

export const customerOrdersQuery = operation<
  { customer: { id: string; orders: Connection<OrderNode> } | null },
  { id: string; first: number; after: string | null; lineItemsFirst: number }
>(
  "VigieCustomerOrders",
  `#graphql
  query VigieCustomerOrders($id: ID!, $first: Int!, $after: String, $lineItemsFirst: Int!) {
    customer(id: $id) {
      id
      orders(first: $first, after: $after, sortKey: CREATED_AT) {
        nodes { ...VigieOrderFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
  ${ORDER_FIELDS}
  ${ADDRESS_FIELDS}`,
  z.object({
    customer: z.object({ id: z.string(), orders: connectionSchema(OrderNodeSchema) }).nullable(),
  }),
);

/** `nodes` answers null for an unknown id and `{ __typename }` alone for a non-order. */
export type OrderByIdNode = (OrderNode & { __typename: "Order" }) | { __typename: string } | null;

export const ordersByIdsQuery = operation<
  { nodes: OrderByIdNode[] },
  { ids: string[]; lineItemsFirst: number }
>(
  "VigieOrdersByIds",
  `#graphql
  query VigieOrdersByIds($ids: [ID!]!, $lineItemsFirst: Int!) {
    nodes(ids: $ids) { __typename ...VigieOrderFields }
  }
  ${ORDER_FIELDS}
  ${ADDRESS_FIELDS}`,
  z.object({
    nodes: z.array(
      z.union([
        z.intersection(OrderNodeSchema, z.object({ __typename: z.literal("Order") })),
        // Anything but an order; an order with a bad shape must fail above, not slip through here.
        z.object({ __typename: z.string().refine((name) => name !== "Order") }),
        z.null(),
      ]),
    ),
  }),
);

/** An order found by its contact e-mail, with its customer account (null: placed as a guest). */
export type OrderByEmailNode = OrderNode & { customer?: { id: string } | null };

/**
 * Orders whose contact e-mail is the shopper's (`query` from `emailSearchQuery`): how an access
 * export finds the orders placed without an account, which no customer record links to.
 */
export const ordersByEmailQuery = operation<
  { orders: Connection<OrderByEmailNode> },
  { query: string; first: number; after: string | null; lineItemsFirst: number }
>(
  "VigieOrdersByEmail",
  `#graphql
  query VigieOrdersByEmail($query: String!, $first: Int!, $after: String, $lineItemsFirst: Int!) {
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT) {
      nodes { ...VigieOrderFields customer { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${ORDER_FIELDS}
  ${ADDRESS_FIELDS}`,
  z.object({
    orders: connectionSchema(
      z.intersection(OrderNodeSchema, z.object({ customer: z.object({ id: z.string() }).nullish() })),
    ),
  }),
);

export const orderLineItemsQuery = operation<
  { order: { id: string; lineItems: Connection<LineItem> } | null },
  { id: string; first: number; after: string | null }
>(
  "VigieOrderLineItems",
  `#graphql
  query VigieOrderLineItems($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      id
      lineItems(first: $first, after: $after) {
        nodes { title quantity sku variantTitle }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`,
  z.object({ order: z.object({ id: z.string(), lineItems: LineItemConnectionSchema }).nullable() }),
);

/** VigieOrderForConsent reads `Order.checkoutToken`, which exists from 2026-07: the version all calls use has it. */
export const ORDER_FOR_CONSENT_API_VERSION = ADMIN_API_VERSION;

/** One order, its checkout and its buyer; `order` is null for an id this shop does not have. */
export const orderForConsentQuery = operation<{ order: OrderForConsent | null }, { id: string }>(
  "VigieOrderForConsent",
  `#graphql
  query VigieOrderForConsent($id: ID!) {
    order(id: $id) { id createdAt checkoutToken ${ORDER_BUYER_FIELDS} }
  }`,
  z.object({ order: OrderForConsentSchema.nullable() }),
);

export type EmailMarketingConsentUpdateInput = {
  customerId: string;
  emailMarketingConsent: {
    marketingState: EmailMarketingInputState;
    marketingOptInLevel?: MarketingOptInLevel;
    /** ISO 8601: when the shopper acted, not when Vigie calls. */
    consentUpdatedAt?: string;
  };
};

export type EmailMarketingConsentUpdateData = {
  customerEmailMarketingConsentUpdate: {
    customer: { id: string; emailMarketingConsent: EmailMarketingConsent | null } | null;
    userErrors: UserError[];
  };
};

export const emailMarketingConsentUpdateMutation = operation<
  EmailMarketingConsentUpdateData,
  { input: EmailMarketingConsentUpdateInput }
>(
  "VigieEmailMarketingConsentUpdate",
  `#graphql
  mutation VigieEmailMarketingConsentUpdate($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer { id ${CONSENT_FIELDS} }
      userErrors { field message code }
    }
  }`,
  z.object({
    customerEmailMarketingConsentUpdate: z.object({
      customer: z
        .object({ id: z.string(), emailMarketingConsent: EmailMarketingConsentSchema.nullable() })
        .nullable(),
      userErrors: z.array(UserErrorSchema),
    }),
  }),
);

/** Payload of the erasure mutation: the customer id, or userErrors (DOES_NOT_EXIST, …). */
export type DataErasurePayload = { customerId: string | null; userErrors: UserError[] };
const DataErasurePayloadSchema: z.ZodType<DataErasurePayload> = z.object({
  customerId: z.string().nullable(),
  userErrors: z.array(UserErrorSchema),
});

export const customerRequestDataErasureMutation = operation<
  { customerRequestDataErasure: DataErasurePayload },
  { customerId: string }
>(
  "VigieCustomerRequestDataErasure",
  `#graphql
  mutation VigieCustomerRequestDataErasure($customerId: ID!) {
    customerRequestDataErasure(customerId: $customerId) { customerId userErrors { field message code } }
  }`,
  z.object({ customerRequestDataErasure: DataErasurePayloadSchema }),
);
