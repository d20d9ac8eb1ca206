// Charges, payment intents, Checkout sessions (filterable by `customer_details[email]`, how guest
// checkouts are found), disputes and early fraud warnings (filterable by charge or payment intent)
// and Radar reviews (which cannot be filtered by customer).
import { checkParams, invalid, LIST_PARAMS, listPage, noSuch, type Params, stringParam } from "./stripe-http";
import type { SimRecord } from "./stripe-objects";
import type { Route } from "./stripe-routes";
import type { StripeStore } from "./stripe-store";

const ID = "([^/]+)";

/** Per filter parameter: checks its value and returns the predicate it stands for. */
type Filters = Record<string, (value: unknown, name: string) => (object: SimRecord) => boolean>;

/** The common filter: the parameter names a field that must equal its value. */
const field: Filters[string] = (value, name) => {
  if (typeof value !== "string") throw invalid(`Invalid string: ${name}`, name);
  return (o: SimRecord) => o[name] === value;
};

/** A list endpoint over one map, with its own filters on top of the common list parameters. */
function listRoute(
  pattern: RegExp,
  map: (store: StripeStore) => Map<string, SimRecord>,
  kind: string,
  filters: Filters,
  accepted: string[] = [],
): Route {
  return {
    method: "GET",
    pattern,
    handle: ({ store, params, path }) => {
      checkParams(params, [...LIST_PARAMS, ...Object.keys(filters), ...accepted]);
      const active = Object.entries(filters)
        .filter(([name]) => params[name] !== undefined)
        .map(([name, make]) => make(params[name], name));
      const items = store.sorted(map(store), (o) => active.every((keep) => keep(o)));
      return listPage(items, params, path, kind);
    },
  };
}

function retrieveRoute(
  pattern: RegExp,
  map: (store: StripeStore) => Map<string, SimRecord>,
  kind: string,
): Route {
  return {
    method: "GET",
    pattern,
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const object = map(store).get(id);
      if (!object) throw noSuch(kind, id);
      return object;
    },
  };
}

/** `customer_details[email]=…`: an exact match on the address the shopper typed at checkout. */
const customerDetails = (value: unknown) => {
  if (typeof value !== "object" || value === null) {
    throw invalid("Invalid object: customer_details", "customer_details");
  }
  checkParams(value as Params, ["email"]);
  const email = (value as Params).email;
  if (typeof email !== "string" || email === "") {
    throw invalid(
      "Missing required param: customer_details[email].",
      "customer_details[email]",
      "parameter_missing",
    );
  }
  return (o: SimRecord) => (o.customer_details as { email?: string | null } | null)?.email === email;
};

export const paymentRoutes: Route[] = [
  listRoute(/^\/v1\/charges$/, (s) => s.charges, "charge", {
    customer: field,
    payment_intent: field,
    transfer_group: field,
  }),
  retrieveRoute(new RegExp(`^/v1/charges/${ID}$`), (s) => s.charges, "charge"),
  listRoute(/^\/v1\/payment_intents$/, (s) => s.paymentIntents, "payment_intent", { customer: field }, [
    "customer_account",
  ]),
  retrieveRoute(new RegExp(`^/v1/payment_intents/${ID}$`), (s) => s.paymentIntents, "payment_intent"),
  {
    method: "POST",
    pattern: new RegExp(`^/v1/payment_intents/${ID}/cancel$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["cancellation_reason", "expand"]);
      const intent = store.paymentIntents.get(id);
      if (!intent) throw noSuch("payment_intent", id);
      if (["succeeded", "canceled", "processing"].includes(intent.status as string)) {
        throw invalid(
          `You cannot cancel this PaymentIntent because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
          undefined,
          "payment_intent_unexpected_state",
        );
      }
      intent.status = "canceled";
      intent.canceled_at = store.unixNow();
      intent.cancellation_reason = stringParam(params, "cancellation_reason") ?? "requested_by_customer";
      return intent;
    },
  },
  listRoute(
    /^\/v1\/checkout\/sessions$/,
    (s) => s.checkoutSessions,
    "checkout session",
    {
      customer: field,
      customer_details: customerDetails,
      payment_intent: field,
      payment_link: field,
      status: field,
      subscription: field,
    },
    ["customer_account"],
  ),
  retrieveRoute(new RegExp(`^/v1/checkout/sessions/${ID}$`), (s) => s.checkoutSessions, "checkout session"),
  listRoute(/^\/v1\/disputes$/, (s) => s.disputes, "dispute", {
    charge: field,
    payment_intent: field,
  }),
  retrieveRoute(new RegExp(`^/v1/disputes/${ID}$`), (s) => s.disputes, "dispute"),
  listRoute(/^\/v1\/radar\/early_fraud_warnings$/, (s) => s.earlyFraudWarnings, "early fraud warning", {
    charge: field,
    payment_intent: field,
  }),
  retrieveRoute(
    new RegExp(`^/v1/radar/early_fraud_warnings/${ID}$`),
    (s) => s.earlyFraudWarnings,
    "early fraud warning",
  ),
  listRoute(/^\/v1\/reviews$/, (s) => s.reviews, "review", {}),
  retrieveRoute(new RegExp(`^/v1/reviews/${ID}$`), (s) => s.reviews, "review"),
];
