// The backfill's conversation with Shopify: one bulk query operation reading every customer with
// their e-mail, marketing state, number of orders and orders (id, date), then one reading the orders
// placed without an account (bulk-guest-orders.ts, docs/decisions/070), its status read by polling
// (or announced by the bulk_operations/finish webhook), and its JSONL result downloaded as a stream,
// resumable at a byte offset. See docs/decisions/046-backfill-with-bulk-operations.md.
import { z } from "zod";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import type { ShopifyAdminClient } from "./admin-client.server";
import { GUEST_ORDERS_QUERY } from "./bulk-guest-orders";
import { gidNumber } from "./bulk-jsonl";
import { ShopifyAdminError } from "./errors";

/** The bulk query: at most 2 levels, one nested connection (Shopify's limits are 5 and 2). */
export const BACKFILL_QUERY = `{
  customers {
    edges {
      node {
        id
        createdAt
        locale
        numberOfOrders
        defaultEmailAddress { emailAddress }
        emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }
        orders { edges { node { id createdAt } } }
      }
    }
  }
}`;

const START = `#graphql
  mutation VigieBackfillStart($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: false) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }`;

const STATUS = `#graphql
  query VigieBulkOperation($id: ID!) {
    node(id: $id) {
      ... on BulkOperation { id status errorCode createdAt completedAt objectCount fileSize url partialDataUrl }
    }
  }`;

const SCOPES = `#graphql
  query VigieAccessScopes { currentAppInstallation { accessScopes { handle } } }`;

const StartSchema = z.object({
  bulkOperationRunQuery: z
    .object({
      bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
      userErrors: z.array(z.object({ code: z.string().nullable().optional(), message: z.string() })),
    })
    .nullable(),
});

const BulkOperationSchema = z.object({
  id: z.string(),
  status: z.enum(["CREATED", "RUNNING", "COMPLETED", "FAILED", "CANCELED", "CANCELING", "EXPIRED"]),
  errorCode: z.string().nullable(),
  objectCount: z.string().nullable().optional(),
  url: z.string().nullable(),
  partialDataUrl: z.string().nullable().optional(),
});
export type BulkOperationStatus = z.infer<typeof BulkOperationSchema>;

const StatusSchema = z.object({ node: BulkOperationSchema.nullable() });
const ScopesSchema = z.object({
  currentAppInstallation: z.object({ accessScopes: z.array(z.object({ handle: z.string() })) }),
});

export type StartResult =
  | { started: true; operationId: string }
  /** Another bulk query of this app runs on the shop (Shopify allows one, or a few from 2026-01). */
  | { started: false; reason: "in_progress" | "limit_reached" | "refused" };

export type ShopifyBulk = {
  startBackfill(): Promise<StartResult>;
  /** The second phase: the orders placed without a customer account (bulk-guest-orders.ts). */
  startGuestOrders(): Promise<StartResult>;
  operation(id: string): Promise<BulkOperationStatus | null>;
  /** The access scopes the shop granted (e.g. whether `read_all_orders` is among them). */
  accessScopes(): Promise<string[]>;
  /**
   * The result file from `startByte` on: 206 when the server honoured the range, else the whole file
   * (the caller skips what it already has). `expired` when the URL no longer works (403/404/410).
   */
  download(
    url: string,
    startByte: number,
    signal?: AbortSignal,
  ): Promise<{ expired: true } | { expired: false; fromByte: number; body: AsyncIterable<Uint8Array> }>;
};

/** How long a result download may wait for its next bytes before it is given up (a stalled server). */
export const DOWNLOAD_IDLE_MS = 60_000;

export function createShopifyBulk(
  client: ShopifyAdminClient,
  fetchImpl: typeof globalThis.fetch = globalThis.fetch,
  options: { idleMs?: number } = {},
): ShopifyBulk {
  const idleMs = options.idleMs ?? DOWNLOAD_IDLE_MS;
  const start = async (query: string): Promise<StartResult> => {
    const data = await client.graphql(START, { query }, { schema: StartSchema });
    const payload = data.bulkOperationRunQuery;
    const op = payload?.bulkOperation;
    if (op) return { started: true, operationId: op.id };
    const codes = (payload?.userErrors ?? []).map((e) => e.code ?? "");
    if (codes.includes("OPERATION_IN_PROGRESS")) return { started: false, reason: "in_progress" };
    if (codes.includes("LIMIT_REACHED")) return { started: false, reason: "limit_reached" };
    return { started: false, reason: "refused" };
  };
  return {
    startBackfill: () => start(BACKFILL_QUERY),
    startGuestOrders: () => start(GUEST_ORDERS_QUERY),
    async operation(id) {
      const data = await client.graphql(STATUS, { id }, { schema: StatusSchema });
      return data.node;
    },
    async accessScopes() {
      const data = await client.graphql(SCOPES, {}, { schema: ScopesSchema });
      return data.currentAppInstallation.accessScopes.map((s) => s.handle);
    },
    async download(url, startByte, signal) {
      // Ours to abort: a body that stops arriving is given up (the job's own signal still stops it).
      const idle = new AbortController();
      let response: Response;
      try {
        response = await fetchImpl(url, {
          headers: startByte > 0 ? { Range: `bytes=${startByte}-` } : {},
          signal: signal ? AbortSignal.any([signal, idle.signal]) : idle.signal,
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ShopifyAdminError("NETWORK", "Shopify bulk result: no response (network error)", true);
      }
      if ([403, 404, 410].includes(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        return { expired: true };
      }
      if (response.status === 416) {
        // Asked past the end: nothing left to read.
        await response.body?.cancel().catch(() => undefined);
        return { expired: false, fromByte: startByte, body: emptyBody() };
      }
      if (response.status !== 200 && response.status !== 206) {
        await response.body?.cancel().catch(() => undefined);
        throw new ShopifyAdminError(
          "HTTP",
          `Shopify bulk result: HTTP ${response.status}`,
          response.status === 429 || response.status >= 500,
          response.status,
        );
      }
      const body = response.body ? guardedBody(response.body, { idle, idleMs, signal }) : emptyBody();
      return { expired: false, fromByte: response.status === 206 ? startByte : 0, body };
    },
  };
}

async function* emptyBody(): AsyncIterable<Uint8Array> {}

/**
 * The response body, read chunk by chunk. Undici errors the stream when the connection breaks
 * mid-body (`TypeError: terminated`): that, and a wait for the next bytes longer than `idleMs` (only
 * while waiting: a slow reader is not a stalled server), become a retryable ShopifyAdminError
 * `DOWNLOAD_INTERRUPTED`, thrown to the reader. However the reading ends (done, broken, or the reader
 * stopping early), the stream is cancelled and its connection let go; the cancellation's own
 * rejection (a stream already errored rejects it) is absorbed here, never left unhandled.
 */
async function* guardedBody(
  stream: ReadableStream<Uint8Array>,
  guard: { idle: AbortController; idleMs: number; signal: AbortSignal | undefined },
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let received = 0;
  let finished = false;
  try {
    for (;;) {
      const timer = setTimeout(() => guard.idle.abort(new Error("no bytes")), guard.idleMs);
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        // The worker stopping is not the download's fault: its own error goes up as it is.
        if (guard.signal?.aborted) throw error;
        const why = guard.idle.signal.aborted
          ? `nothing received for ${guard.idleMs} ms`
          : `connection closed (${describeCause(error)})`;
        throw new ShopifyAdminError(
          "DOWNLOAD_INTERRUPTED",
          `download_interrupted: Shopify bulk result broke off after ${received} bytes: ${why}`,
          true,
        );
      } finally {
        clearTimeout(timer);
      }
      if (next.done) {
        finished = true;
        return;
      }
      received += next.value.byteLength;
      yield next.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Undici's `TypeError: terminated` carries the reason in its cause (e.g. UND_ERR_SOCKET). */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : null;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message}, ${code}` : message;
}

/** Shopify's e-mail marketing states; only SUBSCRIBED and UNSUBSCRIBED say what the person chose. */
export type ImportedCustomer = {
  customerId: string;
  email: string | null;
  locale: string | null;
  createdAt: Date | null;
  numberOfOrders: number;
  marketing: { state: string; optInLevel: string | null; updatedAt: Date | null } | null;
};
export type ImportedOrder = { orderId: string; customerId: string; createdAt: Date };

const date = (value: unknown) => {
  if (typeof value !== "string") return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
};

/**
 * What one line of the backfill's result is: a customer, one of its orders (`__parentId`), or
 * something this query does not produce (null: skipped). Ids stay exact decimal text.
 */
export function interpretBackfillLine(
  value: Record<string, unknown>,
): { customer: ImportedCustomer } | { order: ImportedOrder } | null {
  const parent = value.__parentId;
  if (parent !== undefined) {
    const customerId = gidNumber("Customer", parent);
    const orderId = gidNumber("Order", value.id);
    const createdAt = date(value.createdAt);
    return customerId && orderId && createdAt ? { order: { orderId, customerId, createdAt } } : null;
  }
  const customerId = gidNumber("Customer", value.id);
  if (!customerId) return null;
  const emailField = value.defaultEmailAddress as { emailAddress?: unknown } | null | undefined;
  const consent = value.emailMarketingConsent as Record<string, unknown> | null | undefined;
  // A field Shopify withholds (protected customer data not granted) comes back null: absent, not wrong.
  const orders = Number(
    typeof value.numberOfOrders === "string" ? value.numberOfOrders : (value.numberOfOrders ?? 0),
  );
  return {
    customer: {
      customerId,
      email: normaliseEmail(typeof emailField?.emailAddress === "string" ? emailField.emailAddress : null),
      locale: typeof value.locale === "string" ? value.locale : null,
      createdAt: date(value.createdAt),
      numberOfOrders: Number.isFinite(orders) && orders >= 0 ? orders : 0,
      marketing:
        consent && typeof consent.marketingState === "string"
          ? {
              state: consent.marketingState,
              optInLevel:
                typeof consent.marketingOptInLevel === "string" ? consent.marketingOptInLevel : null,
              updatedAt: date(consent.consentUpdatedAt),
            }
          : null,
    },
  };
}
