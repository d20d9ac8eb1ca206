// Mailchimp failures as typed errors. The SDK rejects with a superagent Error (`status`, and the
// problem document in `response.body`) or with a bare network error; both become a
// MailchimpApiError. Mailchimp's `detail` often quotes the e-mail address ("x@y is in a compliance
// state…"), so addresses are cut out of it, and `message` holds only the operation, status and title.
import { ConnectorError } from "~/connectors/connector";
import { problemSchema } from "./schemas";

/** Titles the connector branches on (Mailchimp's own wording). */
export const MAILCHIMP_TITLES = {
  complianceState: "Member In Compliance State",
  forgottenEmail: "Forgotten Email Not Subscribed",
  notFound: "Resource Not Found",
} as const;

/** What a MailchimpApiError is built from (see toMailchimpError). */
export type MailchimpApiErrorInit = {
  operation: string;
  /** HTTP status; undefined for network errors and timeouts. */
  status?: number;
  title: string;
  detail?: string;
  type?: string;
  /** Validation errors ("Invalid Resource"): field names and messages, addresses removed. */
  fieldErrors?: { field?: string; message?: string }[];
  retryable: boolean;
  /** Network error code (ECONNREFUSED, ECONNRESET, ECONNABORTED for a timeout, …). */
  code?: string;
  /** Seconds from a Retry-After header, when Mailchimp sent one. */
  retryAfterSeconds?: number;
};

/** A Mailchimp call that failed. `message` never carries personal data; `detail` has addresses removed. */
export class MailchimpApiError extends ConnectorError {
  readonly operation: string;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly fieldErrors?: { field?: string; message?: string }[];
  readonly code?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: MailchimpApiErrorInit) {
    const what =
      init.status === undefined
        ? `${init.title}${init.code ? ` (${init.code})` : ""}`
        : `${init.status} ${init.title}`;
    super("mailchimp", `Mailchimp ${init.operation}: ${what}`, init.retryable, init.status);
    this.name = "MailchimpApiError";
    this.operation = init.operation;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.fieldErrors = init.fieldErrors;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

const EMAIL_PATTERN = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g;

/** Replaces anything shaped like an e-mail address: Mailchimp's details quote them. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL_PATTERN, "[email]");
}

/**
 * Whether a status is worth trying again: throttling (429), Mailchimp's own failures (5xx), and a
 * 403 without a problem document, which Mailchimp sends when throttling at high volume.
 */
export function isRetryableStatus(status: number, hasProblem: boolean): boolean {
  return status === 429 || status >= 500 || (status === 403 && !hasProblem);
}

type SuperagentLikeError = {
  status?: unknown;
  code?: unknown;
  timeout?: unknown;
  response?: { body?: unknown; headers?: Record<string, unknown> };
};

/**
 * Maps whatever the SDK rejected with to a MailchimpApiError; anything that is neither an HTTP nor
 * a network error (a programming error) is returned unchanged.
 */
export function toMailchimpError(error: unknown, operation: string): unknown {
  if (error instanceof MailchimpApiError || typeof error !== "object" || error === null) return error;
  const e = error as SuperagentLikeError;
  if (typeof e.status === "number") {
    const problem = problemSchema.safeParse(e.response?.body);
    const p = problem.success ? problem.data : undefined;
    const retryAfter = Number(e.response?.headers?.["retry-after"]);
    return new MailchimpApiError({
      operation,
      status: e.status,
      title: p?.title ?? `HTTP ${e.status}`,
      detail: p?.detail === undefined ? undefined : redactEmails(p.detail),
      type: p?.type,
      fieldErrors: p?.errors?.map((f) => ({
        field: f.field,
        message: f.message === undefined ? undefined : redactEmails(f.message),
      })),
      retryable: isRetryableStatus(e.status, p !== undefined),
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
    });
  }
  if (typeof e.code === "string" || e.timeout !== undefined) {
    const timedOut = e.timeout !== undefined;
    return new MailchimpApiError({
      operation,
      title: timedOut ? "Timeout" : "Network error",
      code: typeof e.code === "string" ? e.code : undefined,
      retryable: true,
    });
  }
  return error;
}

/** Whether an error is Mailchimp's answer with this status (and title, when given). */
export function isMailchimpError(error: unknown, status: number, title?: string): error is MailchimpApiError {
  return (
    error instanceof MailchimpApiError &&
    error.status === status &&
    (title === undefined || error.title === title)
  );
}
