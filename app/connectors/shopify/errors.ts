import { ConnectorError } from "~/connectors/connector";

/**
 * What went wrong talking to the Shopify Admin API, for callers that branch on it:
 * - `THROTTLED`: the cost bucket stayed empty beyond the client's budget (retryable);
 * - `HTTP`: 429 or 5xx beyond the retry budget (retryable), or another 4xx (not);
 * - `NETWORK`: no response at all beyond the retry budget (retryable);
 * - `DOWNLOAD_INTERRUPTED`: a bulk result's body broke off mid-file, the connection closed short or
 *   silent beyond the idle time (retryable: the next run resumes at its committed offset);
 * - `UNAUTHORIZED`: 401/403, the token is wrong or revoked (not retryable: staff must reconnect);
 * - `GRAPHQL`: a GraphQL error other than THROTTLED, e.g. ACCESS_DENIED (not retryable);
 * - `RESPONSE_SHAPE`: the answer did not match the operation's schema (not retryable).
 */
export type ShopifyAdminErrorKind =
  | "THROTTLED"
  | "HTTP"
  | "NETWORK"
  | "DOWNLOAD_INTERRUPTED"
  | "UNAUTHORIZED"
  | "GRAPHQL"
  | "RESPONSE_SHAPE";

/**
 * A failed Admin API call. Its message names the operation, the HTTP status and the GraphQL error
 * codes only: Shopify's own messages can echo input values (e-mails, names), so they are never kept.
 */
export class ShopifyAdminError extends ConnectorError {
  constructor(
    readonly kind: ShopifyAdminErrorKind,
    message: string,
    retryable: boolean,
    status?: number,
    /** `extensions.code` of each GraphQL error, e.g. ["ACCESS_DENIED"]. */
    readonly graphqlCodes: string[] = [],
  ) {
    super("shopify", message, retryable, status);
    this.name = "ShopifyAdminError";
  }
}
