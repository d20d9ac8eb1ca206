// Bulk query operations of the simulator, as Shopify runs them: `bulkOperationRunQuery` starts one
// (one query operation at a time per shop: a second gets OPERATION_IN_PROGRESS), it runs for a while,
// then ends COMPLETED with a JSONL file (nested connection nodes on lines of their own, with
// `__parentId`) behind a signed URL that expires, or FAILED with an error code; either way a
// `bulk_operations/finish` webhook goes out. The two queries Vigie sends are served: customers with
// their orders (connectors/shopify/bulk-customers.ts), and orders, filtered by Shopify's search syntax
// as far as Vigie's filter goes (`-customer_id:*`: the orders placed without an account;
// connectors/shopify/bulk-guest-orders.ts).
import { createHmac, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { COST, type Resolver, stringVariable } from "./shopify-admin-graphql";
import type { ShopifyAdminStore, SimCustomer, SimShop } from "./shopify-admin-store";

export type BulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "EXPIRED";

export type SimBulkOperation = {
  id: number;
  gid: string;
  shop: string;
  status: BulkStatus;
  errorCode: string | null;
  query: string;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  fileSize: number;
  /** The result, built when the operation completes (Shopify's snapshot of the shop then). */
  file: Buffer | null;
  urlExpiresAt: number | null;
};

export type BulkOptions = {
  /** How long an operation runs before it completes (default 150 ms). */
  runMs?: number;
  /** How long the result URL is valid (Shopify: 7 days). */
  urlTtlMs?: number;
  /**
   * A result made elsewhere for an operation's query, served instead of one built from the store
   * (the benchmark's shop of a million customers, written to disk as Shopify would have).
   */
  resultFor?: (query: string) => { file: Buffer; objects: number } | undefined;
};

export type DownloadCut = "end" | "destroy" | "stall";

export type BulkControls = {
  /** The next operation started ends FAILED with this code (Shopify: ACCESS_DENIED, INTERNAL_SERVER_ERROR, TIMEOUT). */
  failNext(errorCode?: string): void;
  /** Every result URL handed out so far stops working (as seven days later). */
  expireUrls(): void;
  /** Holds operations RUNNING until `release()` (to try a second start, or polling). */
  hold(): void;
  release(): void;
  /**
   * The next result download breaks after this many bytes: the connection closes short of
   * Content-Length (`end`, the default), is torn down (`destroy`, as a reset or a crashed proxy), or
   * stays open with nothing more sent (`stall`).
   */
  cutNextDownload(afterBytes: number, how?: DownloadCut): void;
  operations: SimBulkOperation[];
  /** Times a result file was requested, and how many bytes were sent. */
  downloads: { requests: number; bytes: number; ranged: number };
};

const DAY = 86_400_000;
const RECENT_ORDERS_MS = 60 * DAY;

export function createBulkOperations(deps: {
  store: ShopifyAdminStore;
  now: () => number;
  baseUrl: () => string;
  finished: (shop: string, operation: SimBulkOperation) => void;
  options?: BulkOptions;
}) {
  const { store, now } = deps;
  const runMs = deps.options?.runMs ?? 150;
  const urlTtlMs = deps.options?.urlTtlMs ?? 7 * DAY;
  const secret = randomBytes(16);
  const operations: SimBulkOperation[] = [];
  let nextId = 9_000_001;
  let failNext: string | null = null;
  let held = false;
  let cutAfter: { bytes: number; how: DownloadCut } | null = null;
  const waiting: SimBulkOperation[] = [];
  const downloads = { requests: 0, bytes: 0, ranged: 0 };
  const timers = new Set<NodeJS.Timeout>();

  const iso = () => new Date(now()).toISOString();
  const sign = (op: SimBulkOperation, expires: number) =>
    createHmac("sha256", secret).update(`${op.id}:${expires}`).digest("hex");

  function finish(op: SimBulkOperation) {
    if (op.status !== "RUNNING") return;
    const shop = store.shop(op.shop);
    if (failNext !== null) {
      op.status = "FAILED";
      op.errorCode = failNext;
      failNext = null;
    } else {
      const { file, objects } =
        deps.options?.resultFor?.(op.query) ??
        (/^\s*\{\s*orders\b/.test(op.query)
          ? buildOrdersFile(shop, op.query, now())
          : buildFile(shop, now()));
      op.file = file;
      op.fileSize = file.length;
      op.objectCount = objects;
      op.status = "COMPLETED";
      op.urlExpiresAt = now() + urlTtlMs;
    }
    op.completedAt = iso();
    deps.finished(op.shop, op);
  }

  function schedule(op: SimBulkOperation) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (held) waiting.push(op);
      else finish(op);
    }, runMs);
    timers.add(timer);
  }

  function inProgress(shop: string) {
    return operations.find((op) => op.shop === shop && (op.status === "CREATED" || op.status === "RUNNING"));
  }

  return {
    /** bulkOperationRunQuery: the operation, or Shopify's userError. */
    start(shop: SimShop, query: string) {
      const running = inProgress(shop.domain);
      if (running) {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: null,
              message: `A bulk query operation for this app and shop is already in progress: ${running.gid}.`,
              code: "OPERATION_IN_PROGRESS",
            },
          ],
        };
      }
      if (!/^\s*\{\s*(customers|orders)\b/.test(query)) {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: ["query"],
              message: "The simulator serves the customers and orders queries only",
              code: "INVALID",
            },
          ],
        };
      }
      const id = nextId++;
      const op: SimBulkOperation = {
        id,
        gid: `gid://shopify/BulkOperation/${id}`,
        shop: shop.domain,
        status: "RUNNING",
        errorCode: null,
        query,
        createdAt: iso(),
        completedAt: null,
        objectCount: 0,
        fileSize: 0,
        file: null,
        urlExpiresAt: null,
      };
      operations.push(op);
      schedule(op);
      return { bulkOperation: { id: op.gid, status: "CREATED" }, userErrors: [] };
    },
    /** The BulkOperation object as `node(id:)` answers it, or null for another shop's. */
    get(shop: SimShop, gid: string) {
      const op = operations.find((o) => o.gid === gid && o.shop === shop.domain);
      if (!op) return null;
      const expires = op.urlExpiresAt;
      const url =
        op.status === "COMPLETED" && op.file && expires !== null
          ? `${deps.baseUrl()}/bulk-results/${op.id}.jsonl?expires=${expires}&signature=${sign(op, expires)}`
          : null;
      return {
        __typename: "BulkOperation",
        id: op.gid,
        status: op.status,
        errorCode: op.errorCode,
        createdAt: op.createdAt,
        completedAt: op.completedAt,
        objectCount: String(op.objectCount),
        fileSize: op.file ? String(op.fileSize) : null,
        url,
        partialDataUrl: null,
      };
    },
    /** GET /bulk-results/<id>.jsonl: the file, honouring `Range: bytes=N-`; 403 once expired. */
    serve(req: IncomingMessage, res: ServerResponse): boolean {
      const url = new URL(req.url ?? "/", "http://simulator");
      const match = /^\/bulk-results\/(\d+)\.jsonl$/.exec(url.pathname);
      if (!match) return false;
      downloads.requests += 1;
      const op = operations.find((o) => o.id === Number(match[1]));
      const expires = Number(url.searchParams.get("expires"));
      const valid =
        op?.file &&
        op.urlExpiresAt !== null &&
        expires === op.urlExpiresAt &&
        url.searchParams.get("signature") === sign(op, expires) &&
        now() < expires;
      if (!op?.file || !valid) {
        const body = "<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code></Error>";
        res.writeHead(403, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) });
        res.end(body);
        return true;
      }
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
      const start = range ? Math.min(Number(range[1]), op.file.length) : 0;
      const slice = op.file.subarray(start);
      downloads.bytes += slice.length;
      if (range) downloads.ranged += 1;
      res.writeHead(range ? 206 : 200, {
        "Content-Type": "application/jsonl",
        "Content-Length": slice.length,
        ...(range && { "Content-Range": `bytes ${start}-${op.file.length - 1}/${op.file.length}` }),
      });
      // Sent in pieces, as a large file arrives.
      const piece = 16 * 1024;
      const cut = cutAfter;
      cutAfter = null;
      let at = 0;
      const pump = () => {
        while (at < slice.length) {
          if (cut !== null && at >= cut.bytes) {
            // What was sent arrives; then the connection closes short of Content-Length, is torn
            // down, or is left open with nothing more (the server's stop closes it).
            const socket = res.socket;
            if (cut.how === "end") socket?.end();
            else if (cut.how === "destroy") {
              // Once what was written has left, so that the client holds exactly `bytes`.
              socket?.write(Buffer.alloc(0), () => socket.destroy());
            }
            return;
          }
          const size = cut !== null ? Math.min(piece, cut.bytes - at) : piece;
          const more = res.write(slice.subarray(at, at + size));
          at += size;
          if (!more) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
      return true;
    },
    controls: {
      failNext(errorCode = "INTERNAL_SERVER_ERROR") {
        failNext = errorCode;
      },
      expireUrls() {
        for (const op of operations) if (op.urlExpiresAt !== null) op.urlExpiresAt = now() - 1;
      },
      hold() {
        held = true;
      },
      cutNextDownload(afterBytes, how = "end") {
        cutAfter = { bytes: afterBytes, how };
      },
      release() {
        held = false;
        for (const op of waiting.splice(0)) finish(op);
      },
      operations,
      downloads,
    } satisfies BulkControls,
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type BulkOperations = ReturnType<typeof createBulkOperations>;

/**
 * The JSONL of `customers { … orders { … } }`: each customer, then its orders on their own lines
 * with `__parentId`. Orders older than 60 days are left out without `read_all_orders`, as Shopify does.
 */
function buildFile(shop: SimShop, at: number): { file: Buffer; objects: number } {
  const allOrders = shop.scopes.has("read_all_orders");
  const byCustomer = new Map<number, Array<{ id: number; createdAt: string }>>();
  for (const order of shop.orders.values()) {
    if (order.customerId === null) continue;
    if (!allOrders && Date.parse(order.createdAt) < at - RECENT_ORDERS_MS) continue;
    const list = byCustomer.get(order.customerId) ?? [];
    list.push({ id: order.id, createdAt: order.createdAt });
    byCustomer.set(order.customerId, list);
  }
  const counts = new Map<number, number>();
  for (const order of shop.orders.values()) {
    if (order.customerId !== null) counts.set(order.customerId, (counts.get(order.customerId) ?? 0) + 1);
  }
  const lines: string[] = [];
  const customers = [...shop.customers.values()].sort((a, b) => a.id - b.id);
  for (const customer of customers) {
    lines.push(JSON.stringify(customerLine(customer, counts.get(customer.id) ?? 0)));
    const parent = `gid://shopify/Customer/${customer.id}`;
    const orders = (byCustomer.get(customer.id) ?? []).sort((a, b) => a.id - b.id);
    for (const order of orders) {
      lines.push(
        JSON.stringify({
          id: `gid://shopify/Order/${order.id}`,
          createdAt: order.createdAt,
          __parentId: parent,
        }),
      );
    }
  }
  return { file: Buffer.from(lines.length > 0 ? `${lines.join("\n")}\n` : ""), objects: lines.length };
}

/**
 * The JSONL of `orders(query: …) { … }`: one line per order, by id. Of Shopify's search syntax only
 * what Vigie sends is understood: `-customer_id:*` keeps the orders without a customer; any other
 * filter (or none) is ignored, as Shopify ignores a filter it does not know, and every order comes.
 * Fields the app is not approved for come back null, as in an ordinary answer.
 */
function buildOrdersFile(shop: SimShop, query: string, at: number): { file: Buffer; objects: number } {
  const allOrders = shop.scopes.has("read_all_orders");
  const filter = /orders\s*\(\s*query\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(query)?.[1] ?? "";
  const guestsOnly = filter.split(/\s+/).includes("-customer_id:*");
  const withheld = (key: string, value: unknown) => (shop.withheld.has(key) ? null : value);
  const lines: string[] = [];
  const orders = [...shop.orders.values()].sort((a, b) => a.id - b.id);
  for (const order of orders) {
    if (guestsOnly && order.customerId !== null) continue;
    if (!allOrders && Date.parse(order.createdAt) < at - RECENT_ORDERS_MS) continue;
    const customer = order.customerId === null ? undefined : shop.customers.get(order.customerId);
    lines.push(
      JSON.stringify({
        id: `gid://shopify/Order/${order.id}`,
        createdAt: order.createdAt,
        email: withheld("email", order.email),
        customer: customer
          ? {
              id: `gid://shopify/Customer/${customer.id}`,
              defaultEmailAddress: withheld(
                "defaultEmailAddress",
                customer.email ? { emailAddress: customer.email } : null,
              ),
            }
          : null,
      }),
    );
  }
  return { file: Buffer.from(lines.length > 0 ? `${lines.join("\n")}\n` : ""), objects: lines.length };
}

/** One customer's line of the customers' result (the benchmark writes its shop with it too). */
export function customerLine(customer: SimCustomer, numberOfOrders: number) {
  const consent = customer.emailMarketing;
  return {
    id: `gid://shopify/Customer/${customer.id}`,
    createdAt: customer.createdAt,
    locale: customer.locale,
    numberOfOrders: String(numberOfOrders),
    defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
    emailMarketingConsent: consent
      ? {
          marketingState: consent.state,
          marketingOptInLevel: consent.optInLevel,
          consentUpdatedAt: consent.consentUpdatedAt,
        }
      : null,
  };
}

/** The operations Vigie sends about bulk queries, by operation name. */
export const BULK_RESOLVERS: Record<string, Resolver> = {
  VigieBackfillStart: {
    field: "bulkOperationRunQuery",
    scopes: ["read_customers"],
    requestedCost: () => COST.mutation,
    resolve(ctx, variables) {
      const query = stringVariable(variables, "query");
      return { data: { bulkOperationRunQuery: ctx.bulk.start(ctx.shop, query) }, actualCost: COST.mutation };
    },
  },
  VigieBulkOperation: {
    field: "node",
    scopes: [],
    requestedCost: () => COST.object,
    resolve(ctx, variables) {
      const id = stringVariable(variables, "id");
      return { data: { node: ctx.bulk.get(ctx.shop, id) }, actualCost: COST.object };
    },
  },
  VigieAccessScopes: {
    field: "currentAppInstallation",
    scopes: [],
    requestedCost: () => 2,
    resolve(ctx) {
      const accessScopes = [...ctx.shop.scopes].sort().map((handle) => ({ handle }));
      return { data: { currentAppInstallation: { accessScopes } }, actualCost: 2 };
    },
  },
};
