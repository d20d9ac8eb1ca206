/** Machine-readable reasons a deadline computation or an extension is refused. */
export type DeadlineErrorCode =
  | "INVALID_LOCAL_DATE"
  | "INVALID_INSTANT"
  | "INVALID_TIME_ZONE"
  | "INVALID_PAUSE"
  | "INVALID_THRESHOLD"
  | "NOW_REQUIRED"
  | "EXTENSION_REASON_REQUIRED"
  | "EXTENSION_INVALID_MONTHS"
  | "EXTENSION_BEFORE_RECEIPT"
  | "EXTENSION_TOO_LATE"
  | "EXTENSION_TOO_LONG";

/** The one error class of the deadlines module family; callers branch on `code`, never on `message`. */
export class DeadlineError extends Error {
  readonly code: DeadlineErrorCode;

  constructor(code: DeadlineErrorCode, message: string) {
    super(message);
    this.name = "DeadlineError";
    this.code = code;
  }
}
