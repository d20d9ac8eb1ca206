// Shared pieces of the simulator's hand-written resolvers: the resolver contract, variable checks,
// cursor pagination, Shopify's cost rules and the shapes objects take in answers.
import type { BulkOperations } from "./shopify-admin-bulk";
import type { ShopifyAdminStore, SimAddress, SimCustomer, SimOrder, SimShop } from "./shopify-admin-store";

export type Variables = Record<string, unknown>;

export type GraphqlErrorOut = {
  message: string;
  path?: (string | number)[];
  extensions: Record<string, unknown>;
};

export type ResolverContext = {
  store: ShopifyAdminStore;
  shop: SimShop;
  now: () => number;
  /** The shop's bulk operations (bulkOperationRunQuery and the BulkOperation objects). */
  bulk: BulkOperations;
  /** Called after a customer's e-mail marketing state changed: the webhook goes out. */
  consentChanged(customer: SimCustomer): void;
};

export type Resolved = { data: unknown; errors?: GraphqlErrorOut[]; actualCost: number };

/** One operation of the simulated API, matched by operation name. */
export type Resolver = {
  /** The top-level field, for ACCESS_DENIED answers. */
  field: string;
  /** Every scope the operation needs (a `write_x` scope also grants `read_x`). */
  scopes: string[];
  /** Shopify's calculated cost before running: what the bucket must hold. */
  requestedCost(variables: Variables): number;
  resolve(ctx: ResolverContext, variables: Variables): Resolved;
};

/** Thrown while reading variables: answered as Shopify answers a bad variable (no data, no charge). */
export class VariableError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Variable $${variable} was provided invalid value: ${problem}`);
  }
}

/** Cost rules of the Admin API: objects 1, scalars and enums 0, connections 2 + first × node. */
export const COST = {
  object: 1,
  mutation: 10,
  connection: (first: number, nodeCost: number) => 2 + first * nodeCost,
  /** Order, total price set, shop money, 2 addresses, custom attributes, plus its line-items connection. */
  order: (lineItems: number) => 6 + 2 + lineItems,
} as const;

/** Shopify's limit on `first`/`last` and on input arrays. */
export const MAX_PAGE = 250;

/** Orders older than this need `read_all_orders`; without it Shopify simply does not return them. */
const RECENT_ORDERS_MS = 60 * 24 * 3600 * 1000;

export function hasScope(shop: SimShop, scope: string): boolean {
  return shop.scopes.has(scope) || (scope.startsWith("read_") && shop.scopes.has(`write_${scope.slice(5)}`));
}

export function orderVisible(ctx: ResolverContext, order: SimOrder): boolean {
  return hasScope(ctx.shop, "read_all_orders") || Date.parse(order.createdAt) >= ctx.now() - RECENT_ORDERS_MS;
}

export function gid(resource: "Customer" | "Order", id: number): string {
  return `gid://shopify/${resource}/${id}`;
}

export function intVariable(variables: Variables, name: string, fallback?: number): number {
  const value = variables[name] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new VariableError(name, "expected an Int");
  if (value < 0 || value > MAX_PAGE) throw new VariableError(name, `must be between 0 and ${MAX_PAGE}`);
  return value;
}

export function stringVariable(variables: Variables, name: string): string {
  const value = variables[name];
  if (typeof value !== "string") throw new VariableError(name, "expected a String");
  return value;
}

export function optionalStringVariable(variables: Variables, name: string): string | null {
  const value = variables[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new VariableError(name, "expected a String");
  return value;
}

function encodeCursor(key: number): string {
  return Buffer.from(JSON.stringify({ last_id: key })).toString("base64");
}

function decodeCursor(cursor: string): number | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    const id = (parsed as { last_id?: unknown }).last_id;
    return typeof id === "number" ? id : null;
  } catch {
    return null;
  }
}

export type Page<T> = { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Forward cursor pagination over an already sorted list; cursors name the last item's key. */
export function paginate<T>(
  items: T[],
  first: number,
  after: string | null,
  keyOf: (item: T, index: number) => number,
  argument = "after",
): Page<T> {
  let start = 0;
  if (after !== null) {
    const key = decodeCursor(after);
    const index = key === null ? -1 : items.findIndex((item, i) => keyOf(item, i) === key);
    if (index < 0) throw new VariableError(argument, "invalid cursor");
    start = index + 1;
  }
  const nodes = items.slice(start, start + first);
  const last = nodes.length > 0 ? start + nodes.length - 1 : -1;
  const lastItem = items[last];
  return {
    nodes,
    pageInfo: {
      hasNextPage: start + first < items.length,
      endCursor: lastItem === undefined ? null : encodeCursor(keyOf(lastItem, last)),
    },
  };
}

export function addressOut(address: SimAddress | null) {
  return address ? { ...address } : null;
}

export function consentOut(customer: SimCustomer) {
  const consent = customer.emailMarketing;
  return consent
    ? {
        marketingState: consent.state,
        marketingOptInLevel: consent.optInLevel,
        consentUpdatedAt: consent.consentUpdatedAt,
      }
    : null;
}

/** The light customer shape (id, e-mail, consent), its cost 3. */
export function customerConsentOut(customer: SimCustomer) {
  return {
    id: gid("Customer", customer.id),
    defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
    emailMarketingConsent: consentOut(customer),
  };
}

function money(amount: number) {
  return amount.toFixed(2);
}

/** An order as the `VigieOrderFields` fragment selects it, and what it actually cost. */
export function orderOut(order: SimOrder, lineItemsFirst: number) {
  const lines = paginate(order.lineItems, lineItemsFirst, null, (_item, index) => index);
  const total = order.lineItems.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0);
  return {
    cost: COST.order(lines.nodes.length),
    node: {
      id: gid("Order", order.id),
      name: order.name,
      createdAt: order.createdAt,
      processedAt: order.processedAt,
      cancelledAt: order.cancelledAt,
      email: order.email,
      phone: order.phone,
      note: order.note,
      customAttributes: order.customAttributes.map((a) => ({ ...a })),
      displayFinancialStatus: order.financialStatus,
      displayFulfillmentStatus: order.fulfillmentStatus,
      currentTotalPriceSet: { shopMoney: { amount: money(total), currencyCode: order.currencyCode } },
      shippingAddress: addressOut(order.shippingAddress),
      billingAddress: addressOut(order.billingAddress),
      lineItems: { nodes: lines.nodes.map(lineItemOut), pageInfo: lines.pageInfo },
    },
  };
}

export function lineItemOut(item: SimOrder["lineItems"][number]) {
  return { title: item.title, quantity: item.quantity, sku: item.sku, variantTitle: item.variantTitle };
}
