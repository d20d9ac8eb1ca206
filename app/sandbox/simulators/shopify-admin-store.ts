// The in-memory shops, customers and orders of the Shopify Admin simulator, and how they are seeded.
// Ids are numeric and global across shops, like Shopify's; GIDs are built from them on the way out.
import { randomBytes } from "node:crypto";

/** The scopes Vigie asks for (README, "Running as a real Shopify app"): note no `read_all_orders`. */
export const DEFAULT_SCOPES = [
  "read_customers",
  "write_customers",
  "read_orders",
  "write_customer_data_erasure",
  "write_app_proxy",
  "write_legal_policies",
];

export type SimAddress = {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCodeV2: string | null;
  phone: string | null;
};

/** Shopify enum values: state SUBSCRIBED|UNSUBSCRIBED|NOT_SUBSCRIBED|PENDING|REDACTED|INVALID. */
export type SimConsent = { state: string; optInLevel: string | null; consentUpdatedAt: string | null };

export type SimCustomer = {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  note: string | null;
  tags: string[];
  state: "DISABLED" | "ENABLED" | "INVITED" | "DECLINED";
  verifiedEmail: boolean;
  dataSaleOptOut: boolean;
  createdAt: string;
  updatedAt: string;
  /** Null when the customer has no e-mail address (Shopify keeps consent on the address). */
  emailMarketing: SimConsent | null;
  smsMarketing: SimConsent | null;
  addresses: SimAddress[];
  /** Set by customerRequestDataErasure, cleared by customerCancelDataErasure. */
  erasureRequestedAt: string | null;
};

export type SimLineItem = {
  title: string;
  quantity: number;
  sku: string | null;
  variantTitle: string | null;
  price: string;
};

export type SimOrder = {
  id: number;
  name: string;
  customerId: number | null;
  createdAt: string;
  processedAt: string;
  cancelledAt: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  customAttributes: Array<{ key: string; value: string | null }>;
  /** The checkout the order came from (REST `checkout_token`); random unless seeded. */
  checkoutToken: string | null;
  financialStatus: string;
  fulfillmentStatus: string;
  currencyCode: string;
  lineItems: SimLineItem[];
  shippingAddress: SimAddress | null;
  billingAddress: SimAddress | null;
};

export type SimShop = {
  domain: string;
  name: string;
  accessToken: string;
  scopes: Set<string>;
  currencyCode: string;
  /** The shop's IANA time zone (Shopify's `Shop.ianaTimezone`), set in its Settings → General. */
  ianaTimezone: string;
  customers: Map<number, SimCustomer>;
  orders: Map<number, SimOrder>;
  /**
   * Protected customer data fields the app is not approved for (e.g. "phone", "defaultPhoneNumber"):
   * answered as null with a field-level ACCESS_DENIED error, as Shopify does.
   */
  withheld: Set<string>;
  /** Legal policies by ShopPolicyType (shopPolicyUpdate), HTML bodies as Shopify keeps them. */
  policies: Map<string, { id: number; body: string; updatedAt: string }>;
};

export type CustomerSeed = Partial<Omit<SimCustomer, "emailMarketing" | "smsMarketing" | "addresses">> & {
  emailMarketing?: Partial<SimConsent>;
  smsMarketing?: Partial<SimConsent> | null;
  addresses?: Array<Partial<SimAddress>>;
};

export type OrderSeed = Partial<Omit<SimOrder, "lineItems" | "shippingAddress" | "billingAddress">> & {
  lineItems?: Array<Partial<SimLineItem>>;
  shippingAddress?: Partial<SimAddress> | null;
  billingAddress?: Partial<SimAddress> | null;
};

export type ShopSeed = {
  domain: string;
  name?: string;
  /** Defaults to a random `shpat_…` token. */
  accessToken?: string;
  scopes?: string[];
  /** See SimShop.withheld. */
  withheldFields?: string[];
  currencyCode?: string;
  /** Defaults to Europe/Paris. */
  ianaTimezone?: string;
  customers?: CustomerSeed[];
  orders?: OrderSeed[];
};

export type ShopifySimulatorSeed = { shops: ShopSeed[] };

const EMPTY_ADDRESS: SimAddress = {
  firstName: null,
  lastName: null,
  company: null,
  address1: null,
  address2: null,
  city: null,
  province: null,
  provinceCode: null,
  zip: null,
  country: null,
  countryCodeV2: null,
  phone: null,
};

function address(seed: Partial<SimAddress> | null | undefined): SimAddress | null {
  return seed ? { ...EMPTY_ADDRESS, ...seed } : null;
}

/** The id from a number, a numeric string or a `gid://shopify/<resource>/<n>`; null otherwise. */
export function parseId(resource: string, value: unknown): number | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value !== "string") return null;
  const match = new RegExp(`^(?:gid://shopify/${resource}/)?(\\d{1,15})$`).exec(value.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/** The simulator's data. Mutate it through these methods; read it freely in tests. */
export class ShopifyAdminStore {
  readonly shops = new Map<string, SimShop>();
  private nextCustomerId = 1001;
  private nextOrderId = 5001;
  private orderNumber = 1001;
  private policyId = 9001;

  nextPolicyId(): number {
    return this.policyId++;
  }

  constructor(private readonly now: () => number) {}

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Adds shops, customers and orders; ids given in the seed are kept. */
  seed(seed: ShopifySimulatorSeed): void {
    for (const shop of seed.shops) {
      this.addShop(shop);
      for (const customer of shop.customers ?? []) this.addCustomer(shop.domain, customer);
      for (const order of shop.orders ?? []) this.addOrder(shop.domain, order);
    }
  }

  addShop(seed: ShopSeed): SimShop {
    const shop: SimShop = {
      domain: seed.domain,
      name: seed.name ?? seed.domain.replace(/\.myshopify\.com$/, ""),
      accessToken: seed.accessToken ?? `shpat_${randomBytes(16).toString("hex")}`,
      scopes: new Set(seed.scopes ?? DEFAULT_SCOPES),
      currencyCode: seed.currencyCode ?? "EUR",
      ianaTimezone: seed.ianaTimezone ?? "Europe/Paris",
      customers: new Map(),
      orders: new Map(),
      policies: new Map(),
      withheld: new Set(seed.withheldFields ?? []),
    };
    this.shops.set(shop.domain, shop);
    return shop;
  }

  shop(domain: string): SimShop {
    const shop = this.shops.get(domain);
    if (!shop) throw new Error(`Shopify simulator: no shop ${domain}`);
    return shop;
  }

  shopByToken(token: string | undefined): SimShop | undefined {
    if (!token) return undefined;
    for (const shop of this.shops.values()) if (shop.accessToken === token) return shop;
    return undefined;
  }

  addCustomer(domain: string, seed: CustomerSeed = {}): SimCustomer {
    const shop = this.shop(domain);
    const id = seed.id ?? this.nextCustomerId;
    this.nextCustomerId = Math.max(this.nextCustomerId, id + 1);
    const at = seed.createdAt ?? this.iso();
    const email = seed.email ?? null;
    const customer: SimCustomer = {
      firstName: null,
      lastName: null,
      phone: null,
      locale: "fr",
      note: null,
      tags: [],
      state: "DISABLED",
      verifiedEmail: email !== null,
      dataSaleOptOut: false,
      updatedAt: at,
      erasureRequestedAt: null,
      ...seed,
      id,
      email,
      createdAt: at,
      emailMarketing: email
        ? { state: "NOT_SUBSCRIBED", optInLevel: null, consentUpdatedAt: null, ...seed.emailMarketing }
        : null,
      smsMarketing: seed.smsMarketing
        ? { state: "NOT_SUBSCRIBED", optInLevel: null, consentUpdatedAt: null, ...seed.smsMarketing }
        : null,
      addresses: (seed.addresses ?? []).map((a) => ({ ...EMPTY_ADDRESS, ...a })),
    };
    shop.customers.set(id, customer);
    return customer;
  }

  addOrder(domain: string, seed: OrderSeed = {}): SimOrder {
    const shop = this.shop(domain);
    const id = seed.id ?? this.nextOrderId;
    this.nextOrderId = Math.max(this.nextOrderId, id + 1);
    const customer = seed.customerId ? shop.customers.get(seed.customerId) : undefined;
    if (seed.customerId && !customer) throw new Error(`Shopify simulator: no customer ${seed.customerId}`);
    const at = seed.createdAt ?? this.iso();
    const order: SimOrder = {
      name: `#${this.orderNumber++}`,
      customerId: null,
      processedAt: at,
      cancelledAt: null,
      email: customer?.email ?? null,
      phone: null,
      note: null,
      customAttributes: [],
      checkoutToken: randomBytes(16).toString("hex"),
      financialStatus: "PAID",
      fulfillmentStatus: "FULFILLED",
      currencyCode: shop.currencyCode,
      ...seed,
      id,
      createdAt: at,
      lineItems: (seed.lineItems ?? [{}]).map((item, index) => ({
        title: `Article ${index + 1}`,
        quantity: 1,
        sku: null,
        variantTitle: null,
        price: "10.00",
        ...item,
      })),
      shippingAddress: address(seed.shippingAddress),
      billingAddress: address(seed.billingAddress),
    };
    shop.orders.set(id, order);
    return order;
  }

  /** A customer by numeric id, numeric string or GID. */
  customer(domain: string, id: unknown): SimCustomer | undefined {
    const numeric = parseId("Customer", id);
    return numeric === null ? undefined : this.shop(domain).customers.get(numeric);
  }

  order(domain: string, id: unknown): SimOrder | undefined {
    const numeric = parseId("Order", id);
    return numeric === null ? undefined : this.shop(domain).orders.get(numeric);
  }

  /** The customer's orders, oldest first (Shopify's CREATED_AT sort), ties broken by id. */
  ordersOf(domain: string, customerId: number): SimOrder[] {
    return [...this.shop(domain).orders.values()]
      .filter((order) => order.customerId === customerId)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  }

  /** Orders whose contact e-mail equals `email`, ignoring case, oldest first (as `ordersOf`). */
  ordersByEmail(domain: string, email: string): SimOrder[] {
    const wanted = email.trim().toLowerCase();
    return [...this.shop(domain).orders.values()]
      .filter((order) => order.email?.toLowerCase() === wanted)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  }

  /** Customers whose address equals `email`, ignoring case, by id. */
  customersByEmail(domain: string, email: string): SimCustomer[] {
    const wanted = email.trim().toLowerCase();
    return [...this.shop(domain).customers.values()]
      .filter((customer) => customer.email?.toLowerCase() === wanted)
      .sort((a, b) => a.id - b.id);
  }

  /** Sets a customer's e-mail consent as Shopify would record it. Returns whether the state changed. */
  setEmailConsent(customer: SimCustomer, consent: SimConsent): boolean {
    const changed = customer.emailMarketing?.state !== consent.state;
    customer.emailMarketing = { ...consent };
    customer.updatedAt = this.iso();
    return changed;
  }
}
