// Every reason Vigie refuses an operation, with the HTTP status it answers: the one error model of
// the app (docs/decisions/041-one-shape.md). Code throws `new AppError(code, why)`; routes answer it
// through app/http/app-error-response.server.ts, with the message for `code` from the catalogues
// (app/i18n/messages, `appErrors`), in French or English. `message` is internal: never shown.

const APP_ERRORS = {
  // The request is not valid as given (400).
  UNKNOWN_REQUEST_TYPE: 400,
  REFUSAL_REASON_REQUIRED: 400,
  REFUSAL_GROUND_NOT_ALLOWED: 400,
  HEIR_SCOPE_INVALID: 400,
  HEIR_DECEASED_EMAIL_REQUIRED: 400,
  HEIR_RELATIONSHIP_REQUIRED: 400,
  DIRECTIVE_INSTRUCTIONS_REQUIRED: 400,
  DIRECTIVE_SPECIFIC_CONSENT_REQUIRED: 400,
  EXECUTOR_CONTACT_REQUIRED: 400,
  DOCUMENT_REASON_REQUIRED: 400,
  IDENTITY_CHECK_NOT_APPLICABLE: 400,
  INVALID_CODE_SETTINGS: 400,
  INVALID_LOCAL_DATE: 400,
  INVALID_INSTANT: 400,
  INVALID_TIME_ZONE: 400,
  RECEIPT_IN_FUTURE: 400,
  INVALID_PAUSE: 400,
  INVALID_THRESHOLD: 400,
  EXTENSION_REASON_REQUIRED: 400,
  EXTENSION_INVALID_MONTHS: 400,
  EXTENSION_BEFORE_RECEIPT: 400,
  DOCUMENT_EMPTY: 400,
  MAILCHIMP_CREDENTIALS_INVALID: 400,
  STRIPE_CREDENTIALS_INVALID: 400,
  REGISTER_ENTRY_INVALID: 400,
  RESTRICTION_GROUND_REQUIRED: 400,
  RECTIFICATION_CHANGES_INVALID: 400,
  BREACH_AWARE_IN_FUTURE: 400,
  BREACH_NOTIFIED_IN_FUTURE: 400,
  BREACH_NOTIFIED_BEFORE_AWARE: 400,
  BREACH_DELAY_REASONS_REQUIRED: 400,
  BREACH_NO_RECIPIENTS: 400,
  // Nothing of this shop by that id (404).
  NOT_FOUND: 404,
  // Not possible in the current state (409).
  WRONG_REQUEST_TYPE: 409,
  ILLEGAL_TRANSITION: 409,
  REQUEST_CLOSED: 409,
  IDENTITY_NOT_VERIFIED: 409,
  DEATH_PROOF_REQUIRED: 409,
  DIRECTIVE_NOT_IN_FORCE: 409,
  HEIR_PROOFS_REQUIRED: 409,
  EXPORT_NOT_READY: 409,
  ERASURE_NOT_POSSIBLE: 409,
  EXTENSION_TOO_LATE: 409,
  EXTENSION_TOO_LONG: 409,
  /** A banner choice made on texts or purposes no longer in force: the visitor is asked again. */
  BANNER_VERSION_STALE: 409,
  BACKFILL_RUNNING: 409,
  REGISTER_ENTRY_STALE: 409,
  TRANSFER_SAFEGUARD_REQUIRED: 409,
  PROCESSOR_CONTRACT_REQUIRED: 409,
  /** Restriction (GDPR art. 18): not granted yet, already granted, or no lift possible in its state. */
  RESTRICTION_NOT_GRANTED: 409,
  RESTRICTION_ALREADY_GRANTED: 409,
  RESTRICTION_NOT_ACTIVE: 409,
  /** Art. 18(3): the person must be told before a lift, and there is no address to tell them at. */
  RESTRICTION_NOTICE_IMPOSSIBLE: 409,
  /** A retention erasure of a person whose processing is restricted (art. 18(2)). */
  SUBJECT_RESTRICTED: 409,
  BREACH_CLOSED: 409,
  BREACH_DECISION_REQUIRED: 409,
  BREACH_NOT_NOTIFIED: 409,
  BREACH_NOTICE_NOT_DECIDED: 409,
  BREACH_NOTICE_INCOMPLETE: 409,
  BREACH_NOTICE_ALREADY_SENT: 409,
  // A document the privacy centre does not take.
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_TOO_MANY: 413,
  DOCUMENT_TYPE: 415,
  // A bug: a rule was called without what it needs (500).
  NOW_REQUIRED: 500,
} as const satisfies Record<string, 400 | 404 | 409 | 413 | 415 | 500>;

export type AppErrorCode = keyof typeof APP_ERRORS;

/** Every code, for the catalogues' completeness test. */
export const APP_ERROR_CODES = Object.keys(APP_ERRORS) as AppErrorCode[];

export function isAppErrorCode(value: string): value is AppErrorCode {
  return Object.hasOwn(APP_ERRORS, value);
}

/** The HTTP status an operation refused with `code` answers. */
export function httpStatusOf(code: AppErrorCode): number {
  return APP_ERRORS[code];
}

/** The one error class for refusals; callers branch on `code`, never on `message`. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    /** Form fields at fault, when the refusal is about some (shown next to them). */
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Narrows an unknown thrown value to an AppError with one of `codes` (any code when none given). */
export function isAppError(error: unknown, ...codes: AppErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}
