// The Shopify connector: finds a shopper among the shop's customers, reads and writes their e-mail
// marketing consent, streams everything Shopify holds about them, and asks Shopify to erase them.
import type {
  ApplyConsentResult,
  Connector,
  ConsentChange,
  ReadConsentResult,
  SubjectRef,
} from "~/connectors/connector";
import type { ErasureReceipt, ErasureStep, ExportRecord } from "~/domain/systems";
import type { Logger } from "~/utils/logger.server";
import { pagesAhead } from "~/utils/pages-ahead";
import type { ShopifyAdminClient } from "./admin-client.server";
import { customerRecords, orderRecords } from "./export-records";
import {
  customerAddressesQuery,
  customerByEmailQuery,
  customerConsentQuery,
  customerDetailsQuery,
  customerOrdersQuery,
  customerRequestDataErasureMutation,
  emailMarketingConsentUpdateMutation,
  emailSearchQuery,
  type OrderByEmailNode,
  orderLineItemsQuery,
  ordersByEmailQuery,
  ordersByIdsQuery,
  PAGE_SIZES,
  runOperation,
  shopQuery,
} from "./operations";
import { profileOf, readShopifyProfile, rectifyShopify } from "./rectification";
import type { Connection, CustomerConsentNode, EmailMarketingState, OrderNode, UserError } from "./schemas";

export type ShopifyConnectorOptions = {
  client: ShopifyAdminClient;
  log?: Logger;
  /** Clock for receipts. */
  now?: () => Date;
};

const ERASURE_STEP_PREFIX = "shopify:customer-data-erasure:";

/** Shopify's e-mail marketing state as Vigie reads it (read-only states have no consent to report). */
export function consentStatusOf(state: EmailMarketingState | null | undefined): ReadConsentResult["status"] {
  switch (state) {
    case "SUBSCRIBED":
      return "subscribed";
    case "UNSUBSCRIBED":
    case "NOT_SUBSCRIBED":
      return "unsubscribed";
    case "PENDING":
      return "pending";
    case "INVALID":
      return "not_supported";
    default: // REDACTED (erased) or no e-mail at all
      return "not_found";
  }
}

/** `gid://shopify/<resource>/<id>` from a numeric id or an existing GID; null otherwise. */
export function toGid(resource: "Customer" | "Order", id: string | null | undefined): string | null {
  if (!id) return null;
  const value = id.trim();
  if (/^\d+$/.test(value)) return `gid://shopify/${resource}/${value}`;
  return new RegExp(`^gid://shopify/${resource}/\\d+$`).test(value) ? value : null;
}

function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A userError as words without Shopify's message (which can echo input values). */
function describeUserErrors(errors: UserError[]): string {
  return errors.map((e) => `${e.code ?? "ERROR"}${e.field ? ` on ${e.field.join(".")}` : ""}`).join("; ");
}

/**
 * Creates the connector over an Admin API client. Every verb throws the client's `ConnectorError`
 * for transport failures (retryable ones for the job to retry); results carry no personal values
 * except the export itself.
 */
export function createShopifyConnector({
  client,
  log,
  now = () => new Date(),
}: ShopifyConnectorOptions): Connector {
  /** By numeric customer id first; by exact e-mail when there is no id or it no longer exists. */
  async function findCustomer(subject: SubjectRef): Promise<CustomerConsentNode | null> {
    const gid = toGid("Customer", subject.shopifyCustomerId);
    if (gid) {
      const { customer } = await runOperation(client, customerConsentQuery, { id: gid });
      if (customer) return customer;
    }
    if (!subject.email) return null;
    const { customers } = await runOperation(client, customerByEmailQuery, {
      query: emailSearchQuery(subject.email.trim()),
    });
    // Shopify's search is a search: only an exact address is this shopper.
    const match = customers.nodes[0];
    return match && sameEmail(match.defaultEmailAddress?.emailAddress, subject.email) ? match : null;
  }

  async function withAllLineItems(api: ShopifyAdminClient, order: OrderNode): Promise<OrderNode> {
    let page = order.lineItems;
    const nodes = [...page.nodes];
    while (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      const { order: more } = await runOperation(api, orderLineItemsQuery, {
        id: order.id,
        first: PAGE_SIZES.lineItems * 5,
        after: page.pageInfo.endCursor,
      });
      if (!more) break;
      page = more.lineItems;
      nodes.push(...page.nodes);
    }
    return { ...order, lineItems: { nodes, pageInfo: page.pageInfo } };
  }

  async function* customerExport(
    api: ShopifyAdminClient,
    customerId: string,
    seenOrders: Set<string>,
  ): AsyncGenerator<ExportRecord> {
    const { customer } = await runOperation(api, customerDetailsQuery, {
      id: customerId,
      addressesFirst: PAGE_SIZES.addresses,
    });
    if (!customer) return;
    yield* customerRecords(customer);
    let addresses = customer.addressesV2;
    while (addresses) {
      for (const address of addresses.nodes)
        yield { section: "addresses", data: { ...address }, provided: true };
      if (!addresses.pageInfo.hasNextPage || !addresses.pageInfo.endCursor) break;
      const next = await runOperation(api, customerAddressesQuery, {
        id: customerId,
        first: PAGE_SIZES.addresses,
        after: addresses.pageInfo.endCursor,
      });
      addresses = next.customer?.addressesV2 ?? null;
    }
    const pages = pagesAhead<string | null, { customer: { orders: Connection<OrderNode> } | null }>(
      null,
      (after) =>
        runOperation(api, customerOrdersQuery, {
          id: customerId,
          first: PAGE_SIZES.orders,
          after,
          lineItemsFirst: PAGE_SIZES.lineItems,
        }),
      (page) => {
        const info = page.customer?.orders.pageInfo;
        return info?.hasNextPage && info.endCursor ? info.endCursor : null;
      },
    );
    for await (const page of pages) {
      for (const order of page.customer?.orders.nodes ?? []) {
        seenOrders.add(order.id);
        yield* orderRecords(await withAllLineItems(api, order));
      }
    }
  }

  async function* namedOrders(
    api: ShopifyAdminClient,
    orderIds: string[],
    seenOrders: Set<string>,
  ): AsyncGenerator<ExportRecord> {
    const wanted = [...new Set(orderIds.map((id) => toGid("Order", id)))].filter(
      (gid): gid is string => gid !== null && !seenOrders.has(gid),
    );
    for (let start = 0; start < wanted.length; start += PAGE_SIZES.nodes) {
      const { nodes } = await runOperation(api, ordersByIdsQuery, {
        ids: wanted.slice(start, start + PAGE_SIZES.nodes),
        lineItemsFirst: PAGE_SIZES.lineItems,
      });
      for (const node of nodes) {
        if (!node || !("id" in node) || seenOrders.has(node.id)) continue;
        seenOrders.add(node.id);
        yield* orderRecords(await withAllLineItems(api, node));
      }
    }
  }

  /**
   * The orders placed as a guest under the shopper's address (GDPR art. 15: every order is theirs,
   * not only those of an account). Shopify's search is a search: only an exact address on an order
   * without an account is kept; an account's orders came with its customer.
   */
  async function* guestOrders(
    api: ShopifyAdminClient,
    email: string,
    seenOrders: Set<string>,
  ): AsyncGenerator<ExportRecord> {
    const pages = pagesAhead<string | null, { orders: Connection<OrderByEmailNode> }>(
      null,
      (after) =>
        runOperation(api, ordersByEmailQuery, {
          query: emailSearchQuery(email.trim()),
          first: PAGE_SIZES.orders,
          after,
          lineItemsFirst: PAGE_SIZES.lineItems,
        }),
      (page) => (page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null),
    );
    for await (const page of pages) {
      for (const { customer, ...order } of page.orders.nodes) {
        if (customer || seenOrders.has(order.id) || !sameEmail(order.email, email)) continue;
        seenOrders.add(order.id);
        yield* orderRecords(await withAllLineItems(api, order));
      }
    }
  }

  return {
    name: "shopify",

    async testConnection() {
      try {
        const { shop } = await runOperation(client, shopQuery, {});
        return { ok: true, detail: `connected to ${shop.name}` };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : "unknown error" };
      }
    },

    async locate(subject) {
      const customer = await findCustomer(subject);
      return customer ? { found: true, refs: [customer.id] } : { found: false, refs: [] };
    },

    async readConsent(subject): Promise<ReadConsentResult> {
      const customer = await findCustomer(subject);
      const consent = customer?.defaultEmailAddress ? customer.emailMarketingConsent : null;
      if (!consent) return { status: "not_found" };
      const status = consentStatusOf(consent.marketingState);
      const changedAt = consent.consentUpdatedAt ? new Date(consent.consentUpdatedAt) : undefined;
      return changedAt ? { status, changedAt } : { status };
    },

    async applyConsent(subject, change: ConsentChange): Promise<ApplyConsentResult> {
      const customer = await findCustomer(subject);
      const current = customer?.defaultEmailAddress ? customer.emailMarketingConsent : null;
      // Shopify keeps consent only on an e-mail address: no address, nothing to set.
      if (!customer || !current) return { outcome: "not_found" };
      const vendorRef = customer.id;
      if (consentStatusOf(current.marketingState) === change.status) return { outcome: "already", vendorRef };
      if (current.consentUpdatedAt && Date.parse(current.consentUpdatedAt) > change.occurredAt.getTime()) {
        // Shopify keeps the most recent record; overwriting it with an older one would undo the shopper.
        return { outcome: "refused", vendorRef, detail: "Shopify holds a more recent consent change" };
      }
      const wanted = change.status === "subscribed" ? "SUBSCRIBED" : "UNSUBSCRIBED";
      const { customerEmailMarketingConsentUpdate: result } = await runOperation(
        client,
        emailMarketingConsentUpdateMutation,
        {
          input: {
            customerId: customer.id,
            emailMarketingConsent: {
              marketingState: wanted,
              marketingOptInLevel: change.optInLevel,
              consentUpdatedAt: change.occurredAt.toISOString(),
            },
          },
        },
      );
      if (result.userErrors.length > 0) {
        const missing = result.userErrors.some(
          (e) => e.field?.includes("customerId") || /does not exist|not found|email/i.test(e.message),
        );
        const detail = describeUserErrors(result.userErrors);
        log?.warn("shopify refused a consent update", { customerId: customer.id, detail });
        return { outcome: missing ? "not_found" : "refused", vendorRef, detail };
      }
      const stored = result.customer?.emailMarketingConsent?.marketingState;
      if (!result.customer) return { outcome: "not_found" };
      if (consentStatusOf(stored) !== change.status) {
        return { outcome: "refused", vendorRef, detail: "Shopify kept a more recent consent record" };
      }
      log?.info("shopify consent applied", { customerId: customer.id, status: change.status });
      return { outcome: "applied", vendorRef };
    },

    async *exportSubject(subject): AsyncGenerator<ExportRecord> {
      const seenOrders = new Set<string>();
      // Fields Shopify withheld (protected customer data the app is not approved for): the export
      // says so rather than failing or pretending they are empty.
      const withheld = new Set<string>();
      const api: ShopifyAdminClient = {
        ...client,
        graphql: (query, variables, options) =>
          client.graphql(query, variables, {
            ...options,
            onWithheld: (fields) => {
              for (const field of fields) withheld.add(field);
            },
          }),
      };
      const customer = await findCustomer(subject);
      if (customer) yield* customerExport(api, customer.id, seenOrders);
      yield* namedOrders(api, subject.orderIds ?? [], seenOrders);
      if (subject.email) yield* guestOrders(api, subject.email, seenOrders);
      for (const field of [...withheld].sort()) {
        yield { section: "withheld", data: { field }, provided: false };
      }
    },

    async planErasure(subject): Promise<ErasureStep[]> {
      const customer = await findCustomer(subject);
      if (customer) {
        const numericId = customer.id.slice(customer.id.lastIndexOf("/") + 1);
        return [
          {
            id: `${ERASURE_STEP_PREFIX}${numericId}`,
            action: "delete",
            target: "Shopify customer record, through Shopify's own data erasure request",
            fields: ["name", "e-mail", "phone", "addresses", "marketing consent", "order contact details"],
            reason:
              "Shopify erases the customer itself: it holds customers with orders of the last 180 days and " +
              "erases them once that period has passed; the order facts (amounts, products, dates) are kept " +
              "by Shopify for the merchant's accounting obligations.",
          },
        ];
      }
      if ((subject.orderIds ?? []).length === 0) return [];
      return [
        {
          id: "shopify:guest-orders",
          action: "keep",
          target: "Shopify guest orders named in the request",
          reason:
            "Shopify has no API to erase a guest order; Shopify redacts its own orders when the shop asks it to.",
        },
      ];
    },

    async executeErasureStep(subject, step): Promise<ErasureReceipt> {
      const at = now();
      if (step.action === "keep") return { stepId: step.id, outcome: "held", detail: step.reason, at };
      const numericId = step.id.startsWith(ERASURE_STEP_PREFIX)
        ? step.id.slice(ERASURE_STEP_PREFIX.length)
        : null;
      const customerId = toGid("Customer", numericId);
      if (!customerId)
        return { stepId: step.id, outcome: "failed", detail: "not a Shopify erasure step", at };
      const { customerRequestDataErasure: result } = await runOperation(
        client,
        customerRequestDataErasureMutation,
        {
          customerId,
        },
      );
      const errors = result.userErrors;
      if (errors.length === 0) {
        log?.info("shopify data erasure requested", { customerId, subjectId: subject.subjectId });
        return { stepId: step.id, outcome: "done", vendorRef: result.customerId ?? customerId, at };
      }
      if (errors.some((e) => e.code === "DOES_NOT_EXIST" || /does not exist/i.test(e.message))) {
        return { stepId: step.id, outcome: "not_found", vendorRef: customerId, at };
      }
      // A repeated request (a retried job) is refused by Shopify: the erasure is already pending.
      if (errors.some((e) => e.code === "FAILED_TO_REQUEST" && /already/i.test(e.message))) {
        return { stepId: step.id, outcome: "done", vendorRef: customerId, detail: "already requested", at };
      }
      return {
        stepId: step.id,
        outcome: "failed",
        vendorRef: customerId,
        detail: describeUserErrors(errors),
        at,
      };
    },

    async readProfile(subject) {
      const found = await findCustomer(subject);
      const customer = found ? await readShopifyProfile(client, found.id) : null;
      return customer ? profileOf(customer) : null;
    },

    // By customer id first: an e-mail already changed (a repeated job) still finds the customer.
    async rectify(subject, changes) {
      const found =
        (await findCustomer(subject)) ??
        (changes.email
          ? await findCustomer({ ...subject, shopifyCustomerId: null, email: changes.email })
          : null);
      const customer = found ? await readShopifyProfile(client, found.id) : null;
      if (!customer) return { outcome: "not_found" };
      const result = await rectifyShopify(client, customer, changes);
      log?.info("shopify rectification", { subjectId: subject.subjectId, outcome: result.outcome });
      return result;
    },
  };
}
