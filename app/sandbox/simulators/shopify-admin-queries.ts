// Read resolvers of the simulator, one per operation Vigie sends (app/connectors/shopify/operations.ts).
// Each answers exactly the fields its operation selects, with Shopify's cost rules.
import {
  addressOut,
  COST,
  consentOut,
  customerConsentOut,
  gid,
  intVariable,
  lineItemOut,
  MAX_PAGE,
  optionalStringVariable,
  orderOut,
  orderVisible,
  paginate,
  type Resolver,
  type ResolverContext,
  stringVariable,
  VariableError,
  type Variables,
} from "./shopify-admin-graphql";
import { parseId, type SimCustomer } from "./shopify-admin-store";

function customerFrom(ctx: ResolverContext, variables: Variables, name = "id"): SimCustomer | undefined {
  const id = stringVariable(variables, name);
  if (parseId("Customer", id) === null || !id.startsWith("gid://"))
    throw new VariableError(name, "invalid global id");
  return ctx.store.customer(ctx.shop.domain, id);
}

/** `email:"a@b.c"` or `email:a@b.c` out of a search query; null when the query has no e-mail term. */
export function emailTerm(query: string): string | null {
  const match = /(?:^|\s)email:(?:"((?:[^"\\]|\\.)*)"|(\S+))/.exec(query);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : (match[2] ?? null);
}

function customerDetails(ctx: ResolverContext, customer: SimCustomer, addressesFirst: number) {
  const orders = ctx.store.ordersOf(ctx.shop.domain, customer.id);
  const spent = orders
    .filter((order) => order.cancelledAt === null)
    .reduce((sum, order) => sum + order.lineItems.reduce((s, i) => s + Number(i.price) * i.quantity, 0), 0);
  const email = customer.emailMarketing;
  const sms = customer.smsMarketing;
  const addresses = paginate(customer.addresses, addressesFirst, null, (_a, index) => index);
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ");
  return {
    id: gid("Customer", customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: name || customer.email || customer.phone || "",
    locale: customer.locale,
    note: customer.note,
    tags: [...customer.tags],
    state: customer.state,
    verifiedEmail: customer.verifiedEmail,
    dataSaleOptOut: customer.dataSaleOptOut,
    createdAt: customer.createdAt,
    updatedAt: customer.updatedAt,
    numberOfOrders: String(orders.length),
    amountSpent: { amount: spent.toFixed(2), currencyCode: ctx.shop.currencyCode },
    defaultEmailAddress:
      customer.email && email
        ? {
            emailAddress: customer.email,
            marketingState: email.state,
            marketingOptInLevel: email.optInLevel,
            marketingUpdatedAt: email.consentUpdatedAt,
          }
        : null,
    defaultPhoneNumber: customer.phone
      ? {
          phoneNumber: customer.phone,
          marketingState: sms?.state ?? "NOT_SUBSCRIBED",
          marketingOptInLevel: sms?.optInLevel ?? null,
          marketingUpdatedAt: sms?.consentUpdatedAt ?? null,
        }
      : null,
    emailMarketingConsent: consentOut(customer),
    smsMarketingConsent:
      customer.phone && sms
        ? {
            marketingState: sms.state,
            marketingOptInLevel: sms.optInLevel,
            consentUpdatedAt: sms.consentUpdatedAt,
          }
        : null,
    addressesV2: { nodes: addresses.nodes.map(addressOut), pageInfo: addresses.pageInfo },
  };
}

export const QUERY_RESOLVERS: Record<string, Resolver> = {
  VigieShop: {
    field: "shop",
    scopes: [],
    requestedCost: () => COST.object,
    resolve: (ctx) => ({ data: { shop: { name: ctx.shop.name } }, actualCost: COST.object }),
  },

  VigieShopTimeZone: {
    field: "shop",
    scopes: [],
    requestedCost: () => COST.object,
    resolve: (ctx) => ({ data: { shop: { ianaTimezone: ctx.shop.ianaTimezone } }, actualCost: COST.object }),
  },

  VigieCustomerConsent: {
    field: "customer",
    scopes: ["read_customers"],
    requestedCost: () => 3,
    resolve(ctx, variables) {
      const customer = customerFrom(ctx, variables);
      return {
        data: { customer: customer ? customerConsentOut(customer) : null },
        actualCost: customer ? 3 : 1,
      };
    },
  },

  VigieCustomerByEmail: {
    field: "customers",
    scopes: ["read_customers"],
    requestedCost: () => COST.connection(1, 3),
    resolve(ctx, variables) {
      const email = emailTerm(stringVariable(variables, "query"));
      const matches =
        email === null
          ? [...ctx.shop.customers.values()].sort((a, b) => a.id - b.id)
          : ctx.store.customersByEmail(ctx.shop.domain, email);
      const nodes = matches.slice(0, 1).map(customerConsentOut);
      return { data: { customers: { nodes } }, actualCost: COST.connection(nodes.length, 3) };
    },
  },

  VigieCustomer: {
    field: "customer",
    scopes: ["read_customers"],
    requestedCost: (variables) => 6 + COST.connection(intVariable(variables, "addressesFirst"), 1),
    resolve(ctx, variables) {
      const customer = customerFrom(ctx, variables);
      if (!customer) return { data: { customer: null }, actualCost: 1 };
      const details = customerDetails(ctx, customer, intVariable(variables, "addressesFirst"));
      return {
        data: { customer: details },
        actualCost: 6 + COST.connection(details.addressesV2.nodes.length, 1),
      };
    },
  },

  VigieCustomerAddresses: {
    field: "customer",
    scopes: ["read_customers"],
    requestedCost: (variables) => 1 + COST.connection(intVariable(variables, "first"), 1),
    resolve(ctx, variables) {
      const customer = customerFrom(ctx, variables);
      if (!customer) return { data: { customer: null }, actualCost: 1 };
      const page = paginate(
        customer.addresses,
        intVariable(variables, "first"),
        optionalStringVariable(variables, "after"),
        (_a, index) => index,
      );
      const addressesV2 = { nodes: page.nodes.map(addressOut), pageInfo: page.pageInfo };
      return {
        data: { customer: { id: gid("Customer", customer.id), addressesV2 } },
        actualCost: 1 + COST.connection(page.nodes.length, 1),
      };
    },
  },

  VigieCustomerOrders: {
    field: "customer",
    scopes: ["read_customers", "read_orders"],
    requestedCost: (variables) =>
      1 +
      COST.connection(intVariable(variables, "first"), COST.order(intVariable(variables, "lineItemsFirst"))),
    resolve(ctx, variables) {
      const customer = customerFrom(ctx, variables);
      if (!customer) return { data: { customer: null }, actualCost: 1 };
      const visible = ctx.store
        .ordersOf(ctx.shop.domain, customer.id)
        .filter((order) => orderVisible(ctx, order));
      const page = paginate(
        visible,
        intVariable(variables, "first"),
        optionalStringVariable(variables, "after"),
        (order) => order.id,
      );
      const lineItemsFirst = intVariable(variables, "lineItemsFirst");
      const out = page.nodes.map((order) => orderOut(order, lineItemsFirst));
      return {
        data: {
          customer: {
            id: gid("Customer", customer.id),
            orders: { nodes: out.map((o) => o.node), pageInfo: page.pageInfo },
          },
        },
        actualCost: 1 + 2 + out.reduce((sum, o) => sum + o.cost, 0),
      };
    },
  },

  VigieOrdersByIds: {
    field: "nodes",
    scopes: ["read_orders"],
    requestedCost: (variables) =>
      idsVariable(variables).length * COST.order(intVariable(variables, "lineItemsFirst")),
    resolve(ctx, variables) {
      const lineItemsFirst = intVariable(variables, "lineItemsFirst");
      let actualCost = 0;
      const nodes = idsVariable(variables).map((id) => {
        const order = id.startsWith("gid://shopify/Order/")
          ? ctx.store.order(ctx.shop.domain, id)
          : undefined;
        if (order && orderVisible(ctx, order)) {
          const out = orderOut(order, lineItemsFirst);
          actualCost += out.cost;
          return { __typename: "Order", ...out.node };
        }
        if (id.startsWith("gid://shopify/Customer/") && ctx.store.customer(ctx.shop.domain, id)) {
          actualCost += 1;
          return { __typename: "Customer" };
        }
        return null;
      });
      return { data: { nodes }, actualCost };
    },
  },

  VigieOrdersByEmail: {
    field: "orders",
    scopes: ["read_orders"],
    requestedCost: (variables) =>
      COST.connection(
        intVariable(variables, "first"),
        COST.order(intVariable(variables, "lineItemsFirst")) + 1,
      ),
    resolve(ctx, variables) {
      const email = emailTerm(stringVariable(variables, "query"));
      // Without an e-mail term Shopify's search matches every order, as here.
      const matches =
        email === null
          ? [...ctx.shop.orders.values()].sort(
              (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id,
            )
          : ctx.store.ordersByEmail(ctx.shop.domain, email);
      const page = paginate(
        matches.filter((order) => orderVisible(ctx, order)),
        intVariable(variables, "first"),
        optionalStringVariable(variables, "after"),
        (order) => order.id,
      );
      const lineItemsFirst = intVariable(variables, "lineItemsFirst");
      const out = page.nodes.map((order) => orderOut(order, lineItemsFirst));
      const nodes = out.map((o, index) => {
        const customerId = page.nodes[index]?.customerId ?? null;
        return { ...o.node, customer: customerId === null ? null : { id: gid("Customer", customerId) } };
      });
      return {
        data: { orders: { nodes, pageInfo: page.pageInfo } },
        actualCost: 2 + out.reduce((sum, o) => sum + o.cost + 1, 0),
      };
    },
  },

  VigieOrderForConsent: {
    field: "order",
    scopes: ["read_orders", "read_customers"],
    // The order, its customer and the customer's default address: three objects.
    requestedCost: () => 3,
    resolve(ctx, variables) {
      const id = stringVariable(variables, "id");
      if (!/^gid:\/\/shopify\/[A-Za-z]+\/\d+$/.test(id)) throw new VariableError("id", "invalid global id");
      const order = id.startsWith("gid://shopify/Order/") ? ctx.store.order(ctx.shop.domain, id) : undefined;
      if (!order || !orderVisible(ctx, order)) return { data: { order: null }, actualCost: 1 };
      const customer =
        order.customerId === null ? undefined : ctx.store.customer(ctx.shop.domain, order.customerId);
      return {
        data: {
          order: {
            id: gid("Order", order.id),
            createdAt: order.createdAt,
            email: order.email,
            checkoutToken: order.checkoutToken,
            customer: customer
              ? {
                  id: gid("Customer", customer.id),
                  defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
                }
              : null,
          },
        },
        actualCost: customer ? 3 : 1,
      };
    },
  },

  VigieOrderLineItems: {
    field: "order",
    scopes: ["read_orders"],
    requestedCost: (variables) => 1 + COST.connection(intVariable(variables, "first"), 1),
    resolve(ctx, variables) {
      const id = stringVariable(variables, "id");
      const order = ctx.store.order(ctx.shop.domain, id);
      if (!order || !orderVisible(ctx, order)) return { data: { order: null }, actualCost: 1 };
      const page = paginate(
        order.lineItems,
        intVariable(variables, "first"),
        optionalStringVariable(variables, "after"),
        (_item, index) => index,
      );
      return {
        data: {
          order: {
            id: gid("Order", order.id),
            lineItems: { nodes: page.nodes.map(lineItemOut), pageInfo: page.pageInfo },
          },
        },
        actualCost: 1 + COST.connection(page.nodes.length, 1),
      };
    },
  },
};

function idsVariable(variables: Variables): string[] {
  const ids = variables.ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
    throw new VariableError("ids", "expected [ID!]!");
  }
  if (ids.length > MAX_PAGE) {
    throw new VariableError("ids", `the input array size of ${ids.length} is greater than ${MAX_PAGE}`);
  }
  return ids;
}
