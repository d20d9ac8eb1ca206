/** Machine-readable reasons a rights request, identity check or one-time code operation is refused. */
export type RequestErrorCode =
  | "UNKNOWN_REQUEST_TYPE"
  | "WRONG_REQUEST_TYPE"
  | "ILLEGAL_TRANSITION"
  | "REQUEST_CLOSED"
  | "IDENTITY_NOT_VERIFIED"
  | "REFUSAL_REASON_REQUIRED"
  | "REFUSAL_GROUND_NOT_ALLOWED"
  | "HEIR_SCOPE_INVALID"
  | "HEIR_DECEASED_EMAIL_REQUIRED"
  | "HEIR_RELATIONSHIP_REQUIRED"
  | "DEATH_PROOF_REQUIRED"
  | "DIRECTIVE_NOT_IN_FORCE"
  | "HEIR_PROOFS_REQUIRED"
  | "DIRECTIVE_INSTRUCTIONS_REQUIRED"
  | "DIRECTIVE_SPECIFIC_CONSENT_REQUIRED"
  | "EXECUTOR_CONTACT_REQUIRED"
  | "DOCUMENT_REASON_REQUIRED"
  | "IDENTITY_CHECK_NOT_APPLICABLE"
  | "INVALID_CODE_SETTINGS"
  | "EXPORT_NOT_READY";

/** The one error class of the requests module family; callers branch on `code`, never on `message`. */
export class RequestError extends Error {
  readonly code: RequestErrorCode;

  constructor(code: RequestErrorCode, message: string) {
    super(message);
    this.name = "RequestError";
    this.code = code;
  }
}
