// Stripe failures as typed errors. The SDK throws StripeError subclasses carrying the HTTP status,
// Stripe's error type and code, the parameter name and the request id; all become a
// StripeConnectorError. Stripe's own messages are never kept: they quote the values sent
// ("Invalid email address: …", idempotency keys), so the message holds the operation, status,
// type and code only.
import Stripe from "stripe";
import { ConnectorError } from "~/connectors/connector";

/** What went wrong, as the connector branches on it. */
export type StripeFailureKind =
  | "rate_limit"
  | "authentication"
  | "permission"
  | "invalid_request"
  | "idempotency"
  | "card"
  | "api"
  | "connection"
  | "unexpected_response";

export type StripeConnectorErrorInit = {
  operation: string;
  kind: StripeFailureKind;
  /** HTTP status; undefined for connection errors and timeouts. */
  status?: number;
  /** Stripe's `error.type` (invalid_request_error, api_error, …). */
  stripeType?: string;
  /** Stripe's `error.code` (resource_missing, rate_limit, lock_timeout, …). */
  code?: string;
  /** The name of the parameter Stripe refused (never its value). */
  param?: string;
  /** Stripe's request id, for their support. */
  requestId?: string;
  retryable: boolean;
};

/** A Stripe call that failed. `message` never carries personal data. */
export class StripeConnectorError extends ConnectorError {
  readonly operation: string;
  readonly kind: StripeFailureKind;
  readonly stripeType?: string;
  readonly code?: string;
  readonly param?: string;
  readonly requestId?: string;

  constructor(init: StripeConnectorErrorInit) {
    const what = [
      init.status ?? init.kind,
      init.stripeType,
      init.code,
      init.param ? `param ${init.param}` : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(" ");
    super("stripe", `Stripe ${init.operation}: ${what}`, init.retryable, init.status);
    this.name = "StripeConnectorError";
    this.operation = init.operation;
    this.kind = init.kind;
    this.stripeType = init.stripeType;
    this.code = init.code;
    this.param = init.param;
    this.requestId = init.requestId;
  }
}

const KINDS: Record<string, StripeFailureKind> = {
  StripeRateLimitError: "rate_limit",
  StripeAuthenticationError: "authentication",
  StripePermissionError: "permission",
  StripeInvalidRequestError: "invalid_request",
  StripeIdempotencyError: "idempotency",
  StripeCardError: "card",
  StripeAPIError: "api",
  StripeConnectionError: "connection",
};

/**
 * Maps what the SDK threw to a StripeConnectorError; anything else (a programming error) is
 * returned unchanged. Retryable: rate limits, Stripe's 5xx, lock timeouts (409), connection errors.
 */
export function toStripeConnectorError(error: unknown, operation: string): unknown {
  if (error instanceof StripeConnectorError || !(error instanceof Stripe.errors.StripeError)) return error;
  const kind = KINDS[error.type] ?? (error.statusCode && error.statusCode >= 500 ? "api" : "invalid_request");
  const status = error.statusCode;
  const retryable =
    kind === "rate_limit" ||
    kind === "connection" ||
    status === 409 ||
    (status !== undefined && status >= 500);
  return new StripeConnectorError({
    operation,
    kind,
    status,
    stripeType: error.rawType,
    code: error.code,
    param: error.param,
    requestId: error.requestId,
    retryable,
  });
}

/** Stripe's 404 `resource_missing`: the object does not exist (or, for a customer, is deleted). */
export function isResourceMissing(error: unknown): error is StripeConnectorError {
  return error instanceof StripeConnectorError && error.status === 404;
}

/** A 400 invalid request (e.g. "not attached to a customer so detachment is impossible"). */
export function isInvalidRequest(error: unknown): error is StripeConnectorError {
  return error instanceof StripeConnectorError && error.kind === "invalid_request" && error.status === 400;
}
