// Invoices (finalised ones keep the customer details copied at finalisation and cannot be deleted;
// drafts can) and subscriptions (the list leaves out ended ones unless `status=all` or `ended`;
// cancelling is a DELETE, and cancelling again is Stripe's 404 "No such subscription").
import { checkParams, invalid, LIST_PARAMS, listPage, noSuch, stringParam } from "./stripe-http";
import type { SimRecord } from "./stripe-objects";
import type { Route } from "./stripe-routes";
import { ENDED_SUBSCRIPTION_STATUSES } from "./stripe-store";

const ID = "([^/]+)";

const INVOICE_STATUSES = ["draft", "open", "paid", "uncollectible", "void"];
const SUBSCRIPTION_STATUSES = [
  "active",
  "all",
  "canceled",
  "ended",
  "incomplete",
  "incomplete_expired",
  "past_due",
  "paused",
  "trialing",
  "unpaid",
];

const subscriptionOf = (invoice: SimRecord) =>
  (invoice.parent as { subscription_details?: { subscription?: string } } | null)?.subscription_details
    ?.subscription;

export const billingRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/v1\/invoices$/,
    handle: ({ store, params, path }) => {
      checkParams(params, [
        ...LIST_PARAMS,
        "customer",
        "customer_account",
        "status",
        "subscription",
        "collection_method",
        "due_date",
      ]);
      const customer = stringParam(params, "customer");
      const status = stringParam(params, "status");
      const subscription = stringParam(params, "subscription");
      if (status !== undefined && !INVOICE_STATUSES.includes(status)) {
        throw invalid(`Invalid status: must be one of ${INVOICE_STATUSES.join(", ")}`, "status");
      }
      const invoices = store
        .sorted(
          store.invoices,
          (i) =>
            (customer === undefined || i.customer === customer) &&
            (status === undefined || i.status === status) &&
            (subscription === undefined || subscriptionOf(i) === subscription),
        )
        .map((i) => store.invoiceJson(i));
      return listPage(invoices, params, path, "invoice");
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/invoices/${ID}$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const invoice = store.invoices.get(id);
      if (!invoice) throw noSuch("invoice", id);
      return store.invoiceJson(invoice);
    },
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/invoices/${ID}$`),
    handle: ({ store }, [id = ""]) => {
      const invoice = store.invoices.get(id);
      if (!invoice) throw noSuch("invoice", id);
      if (invoice.status !== "draft") {
        throw invalid(
          "You can only delete draft invoices. Finalized invoices can be voided or marked uncollectible instead.",
          undefined,
          "invoice_not_editable",
        );
      }
      store.invoices.delete(id);
      return { id, object: "invoice", deleted: true };
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/invoices/${ID}/void$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const invoice = store.invoices.get(id);
      if (!invoice) throw noSuch("invoice", id);
      if (invoice.status !== "open" && invoice.status !== "uncollectible") {
        throw invalid(`You can only void open or uncollectible invoices.`, undefined, "invoice_not_editable");
      }
      invoice.status = "void";
      (invoice.status_transitions as Record<string, number | null>).voided_at = store.unixNow();
      return invoice;
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/subscriptions$/,
    handle: ({ store, params, path }) => {
      checkParams(params, [
        ...LIST_PARAMS,
        "customer",
        "customer_account",
        "status",
        "price",
        "plan",
        "collection_method",
        "test_clock",
        "automatic_tax",
        "current_period_end",
        "current_period_start",
      ]);
      const customer = stringParam(params, "customer");
      const status = stringParam(params, "status");
      if (status !== undefined && !SUBSCRIPTION_STATUSES.includes(status)) {
        throw invalid(`Invalid status: must be one of ${SUBSCRIPTION_STATUSES.join(", ")}`, "status");
      }
      const statusMatches = (s: string) => {
        if (status === "all") return true;
        if (status === "ended") return ENDED_SUBSCRIPTION_STATUSES.includes(s);
        // Without a status, Stripe lists every subscription that has not ended.
        if (status === undefined) return !ENDED_SUBSCRIPTION_STATUSES.includes(s);
        return s === status;
      };
      const subscriptions = store.sorted(
        store.subscriptions,
        (s) => (customer === undefined || s.customer === customer) && statusMatches(s.status as string),
      );
      return listPage(subscriptions, params, path, "subscription");
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/subscriptions/${ID}$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["expand"]);
      const subscription = store.subscriptions.get(id);
      if (!subscription) throw noSuch("subscription", id);
      return subscription;
    },
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/subscriptions/${ID}$`),
    handle: ({ store, params }, [id = ""]) => {
      checkParams(params, ["invoice_now", "prorate", "cancellation_details", "expand"]);
      const subscription = store.subscriptions.get(id);
      // A cancelled subscription is "akin to deleted": cancelling it again is a 404.
      if (!subscription || ENDED_SUBSCRIPTION_STATUSES.includes(subscription.status as string)) {
        throw noSuch("subscription", id);
      }
      store.cancelSubscription(subscription);
      return subscription;
    },
  },
];
