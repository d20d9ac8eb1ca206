// Customers (list by exact, case-sensitive e-mail; search; create; update with "" to unset;
// delete, after which the customer is still retrievable as `deleted`), their payment methods
// (list, detach) and the balance (a cheap authenticated call).
import {
  checkParams,
  invalid,
  LIST_PARAMS,
  listPage,
  matchesSearch,
  noSuch,
  type Params,
  parseSearchQuery,
  searchPage,
  stringParam,
} from "./stripe-http";
import type { SimAddress, SimCustomer, SimShipping } from "./stripe-objects";
import type { Route } from "./stripe-routes";
import type { StripeStore } from "./stripe-store";

const ID = "([^/]+)";

function liveCustomer(store: StripeStore, id: string, param = "id"): SimCustomer {
  const customer = store.customers.get(id);
  if (!customer || customer.deleted) throw noSuch("customer", id, param);
  return customer;
}

const ADDRESS_KEYS = ["line1", "line2", "city", "postal_code", "state", "country"] as const;

function address(value: unknown, param: string): SimAddress | null {
  if (value === "") return null;
  if (typeof value !== "object" || value === null) throw invalid(`Invalid object: ${param}`, param);
  checkParams(value as Params, ADDRESS_KEYS);
  const v = value as Record<string, string | undefined>;
  return {
    line1: v.line1 || null,
    line2: v.line2 || null,
    city: v.city || null,
    postal_code: v.postal_code || null,
    state: v.state || null,
    country: v.country || null,
  };
}

function shipping(value: unknown): SimShipping | null {
  if (value === "") return null;
  if (typeof value !== "object" || value === null) throw invalid("Invalid object: shipping", "shipping");
  const v = value as Record<string, unknown>;
  checkParams(v, ["name", "phone", "address"]);
  if (typeof v.name !== "string" || v.name === "") {
    throw invalid("Missing required param: shipping[name].", "shipping[name]", "parameter_missing");
  }
  return {
    name: v.name,
    phone: typeof v.phone === "string" && v.phone !== "" ? v.phone : null,
    address: address(v.address ?? {}, "shipping[address]") ?? {
      line1: null,
      line2: null,
      city: null,
      postal_code: null,
      state: null,
      country: null,
    },
  };
}

const CUSTOMER_FIELDS = [
  "name",
  "email",
  "phone",
  "description",
  "address",
  "shipping",
  "metadata",
  "preferred_locales",
  "expand",
];

/** Applies create/update parameters; "" unsets a field, `metadata[key]=""` removes one key. */
function applyCustomerParams(customer: SimCustomer, params: Params): void {
  checkParams(params, CUSTOMER_FIELDS);
  for (const field of ["name", "phone", "description"] as const) {
    const value = stringParam(params, field);
    if (value !== undefined) customer[field] = value === "" ? null : value;
  }
  const email = stringParam(params, "email");
  if (email !== undefined) {
    // Stripe quotes the rejected value in its message: one reason Vigie never logs Stripe's messages.
    if (email !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw invalid(`Invalid email address: ${email}`, "email", "email_invalid");
    }
    customer.email = email === "" ? null : email;
  }
  if (params.address !== undefined) customer.address = address(params.address, "address");
  if (params.shipping !== undefined) customer.shipping = shipping(params.shipping);
  if (params.metadata === "") customer.metadata = {};
  else if (typeof params.metadata === "object" && params.metadata !== null) {
    for (const [key, value] of Object.entries(params.metadata as Record<string, unknown>)) {
      if (value === "") delete customer.metadata[key];
      else customer.metadata[key] = String(value);
    }
  }
  if (Array.isArray(params.preferred_locales))
    customer.preferred_locales = params.preferred_locales.map(String);
  else if (params.preferred_locales === "") customer.preferred_locales = [];
}

export const customerRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/balance$/,
    handle: () => ({
      object: "balance",
      available: [{ amount: 0, currency: "eur", source_types: { card: 0 } }],
      livemode: false,
      pending: [{ amount: 0, currency: "eur", source_types: { card: 0 } }],
    }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/customers$/,
    handle: ({ store, params, path }) => {
      checkParams(params, [...LIST_PARAMS, "email", "test_clock"]);
      const email = stringParam(params, "email");
      // Exact and case-sensitive, like Stripe's `email` filter; deleted customers are not listed.
      const customers = store.sorted(
        store.customers,
        (c) => !c.deleted && (email === undefined || c.email === email),
      );
      return listPage(customers, params, path, "customer");
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/customers\/search$/,
    handle: ({ store, params, path }) => {
      checkParams(params, ["query", "limit", "page", "expand"]);
      const query = stringParam(params, "query");
      if (!query) throw invalid("Missing required param: query.", "query", "parameter_missing");
      const clauses = parseSearchQuery(query);
      const unsupported = clauses.find(
        (c) => !["email", "name", "phone"].includes(c.field) && !c.field.startsWith("metadata."),
      );
      if (unsupported) throw invalid(`Field '${unsupported.field}' is not supported for search.`, "query");
      const matches = store.sorted(store.customers, (c) => !c.deleted && matchesSearch(c, clauses));
      return searchPage(matches, params, path);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/customers$/,
    handle: ({ store, params }) => {
      const customer = store.createCustomer();
      try {
        applyCustomerParams(customer, params);
      } catch (error) {
        store.customers.delete(customer.id);
        throw error;
      }
      return customer;
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/customers/${ID}$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const customer = store.customers.get(id);
      if (!customer) throw noSuch("customer", id);
      return store.customerJson(customer);
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/customers/${ID}$`),
    handle: ({ store, params }, [id = ""]) => {
      const customer = liveCustomer(store, id);
      const before = structuredClone(customer);
      try {
        applyCustomerParams(customer, params);
      } catch (error) {
        Object.assign(customer, before);
        throw error;
      }
      return customer;
    },
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/customers/${ID}$`),
    handle: ({ store }, [id = ""]) => {
      const customer = liveCustomer(store, id);
      store.deleteCustomer(customer);
      return { id, object: "customer", deleted: true };
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/customers/${ID}/payment_methods$`),
    handle: ({ store, params, path }, [id = ""]) => {
      checkParams(params, [...LIST_PARAMS, "type", "allow_redisplay"]);
      liveCustomer(store, id, "customer");
      const type = stringParam(params, "type");
      const methods = store.sorted(
        store.paymentMethods,
        (pm) => pm.customer === id && (type === undefined || pm.type === type),
      );
      return listPage(methods, params, path, "payment_method");
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_methods$/,
    handle: ({ store, params, path }) => {
      checkParams(params, [...LIST_PARAMS, "customer", "type", "allow_redisplay", "customer_account"]);
      const customer = stringParam(params, "customer");
      const type = stringParam(params, "type");
      if (customer) liveCustomer(store, customer, "customer");
      const methods = store.sorted(
        store.paymentMethods,
        (pm) =>
          (customer === undefined || pm.customer === customer) && (type === undefined || pm.type === type),
      );
      return listPage(methods, params, path, "payment_method");
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/payment_methods/${ID}$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const pm = store.paymentMethods.get(id);
      if (!pm) throw noSuch("PaymentMethod", id);
      return pm;
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/payment_methods/${ID}/detach$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const pm = store.paymentMethods.get(id);
      if (!pm) throw noSuch("PaymentMethod", id);
      if (pm.customer === null) {
        throw invalid(
          "The payment method you provided is not attached to a customer so detachment is impossible.",
        );
      }
      const customer = store.customers.get(pm.customer as string);
      const settings = customer?.invoice_settings as { default_payment_method: string | null } | undefined;
      if (settings?.default_payment_method === id) settings.default_payment_method = null;
      pm.customer = null;
      return pm;
    },
  },
];
