// The fields of a rights request as a form sends them (the storefront privacy centre and the
// admin's intake form), validated into the domain's RequestDetails.
import { z } from "zod";
import { AppError, type AppErrorCode } from "~/domain/errors";
import { RequestedChangesSchema } from "~/domain/rectification/rectification";
import { HEIR_SCOPES, type RequestDetails, validateDetails } from "~/domain/requests/request-details";
import { REQUEST_TYPES, type RequestType } from "~/domain/requests/request-types";
import { RESTRICTION_GROUNDS } from "~/domain/requests/restriction";

const email = z
  .email()
  .max(320)
  .transform((e) => e.trim().toLowerCase());

export const RequestFormSchema = z.object({
  type: z.enum(REQUEST_TYPES),
  email,
  name: z.string().trim().max(200).optional().default(""),
  message: z.string().trim().max(5000).optional().default(""),
  directive_action: z.enum(["record", "update", "revoke"]).optional(),
  directive_instructions: z.string().trim().max(10_000).optional(),
  executor_name: z.string().trim().max(200).optional(),
  executor_email: z.union([z.literal(""), z.email().max(320)]).optional(),
  specific_consent: z.literal("on").optional(),
  deceased_email: email.optional(),
  heir_relationship: z.string().trim().max(100).optional(),
  heir_scope: z.array(z.enum(HEIR_SCOPES)).optional(),
  /** GDPR art. 18(1)(a)–(d): which case the person invokes. */
  restriction_ground: z.enum(RESTRICTION_GROUNDS).optional(),
  /** GDPR art. 19: the person asks to be told which recipients were informed. */
  recipients_asked: z.literal("on").optional(),
  /** GDPR art. 16: the corrected values, checked whole by the domain (RequestedChangesSchema). */
  rect_first_name: z.string().trim().max(100).optional(),
  rect_last_name: z.string().trim().max(100).optional(),
  rect_email: z.string().trim().max(320).optional(),
  rect_phone: z.string().trim().max(40).optional(),
  rect_address1: z.string().trim().max(200).optional(),
  rect_address2: z.string().trim().max(200).optional(),
  rect_city: z.string().trim().max(100).optional(),
  rect_zip: z.string().trim().max(20).optional(),
  rect_country: z.string().trim().max(2).optional(),
});
export type RequestForm = z.infer<typeof RequestFormSchema>;
export type RequestFormField = keyof RequestForm;

/**
 * The corrected values' fields (GDPR art. 16) in the order forms show them: their label in the
 * `privacy.rectification` messages, and the browser's autofill token for a shopper's own data.
 */
export const RECTIFICATION_FORM_FIELDS = [
  ["rect_first_name", "firstName", "given-name"],
  ["rect_last_name", "lastName", "family-name"],
  ["rect_email", "email", "email"],
  ["rect_phone", "phone", "tel"],
  ["rect_address1", "address1", "address-line1"],
  ["rect_address2", "address2", "address-line2"],
  ["rect_zip", "zip", "postal-code"],
  ["rect_city", "city", "address-level2"],
  ["rect_country", "country", "country"],
] as const satisfies readonly (readonly [RequestFormField, string, string])[];

/** The fields only some types carry; the others' are ignored (a form without script posts them all). */
const TYPE_FIELDS: Partial<Record<RequestType, readonly RequestFormField[]>> = {
  post_mortem_directive: [
    "directive_action",
    "directive_instructions",
    "executor_name",
    "executor_email",
    "specific_consent",
  ],
  heir_request: ["deceased_email", "heir_relationship", "heir_scope"],
  restriction: ["restriction_ground", "recipients_asked"],
  rectification: [
    "recipients_asked",
    "rect_first_name",
    "rect_last_name",
    "rect_email",
    "rect_phone",
    "rect_address1",
    "rect_address2",
    "rect_city",
    "rect_zip",
    "rect_country",
  ],
  erasure: ["recipients_asked"],
};
const COMMON_FIELDS: readonly RequestFormField[] = ["type", "email", "name", "message"];

/** The field a domain refusal of the details is about, so that forms show it next to that field. */
const FIELD_OF_ERROR: Partial<Record<AppErrorCode, RequestFormField>> = {
  DIRECTIVE_INSTRUCTIONS_REQUIRED: "directive_instructions",
  DIRECTIVE_SPECIFIC_CONSENT_REQUIRED: "specific_consent",
  HEIR_SCOPE_INVALID: "heir_scope",
  HEIR_DECEASED_EMAIL_REQUIRED: "deceased_email",
  HEIR_RELATIONSHIP_REQUIRED: "heir_relationship",
  RESTRICTION_GROUND_REQUIRED: "restriction_ground",
  RECTIFICATION_CHANGES_INVALID: "rect_first_name",
};

/** The form field each part of the corrected values comes from, to report a mistake next to it. */
const CHANGE_FIELDS: Record<string, RequestFormField> = {
  name: "rect_first_name",
  "name.first": "rect_first_name",
  "name.last": "rect_last_name",
  email: "rect_email",
  phone: "rect_phone",
  address: "rect_address1",
  "address.line1": "rect_address1",
  "address.line2": "rect_address2",
  "address.city": "rect_city",
  "address.zip": "rect_zip",
  "address.country": "rect_country",
};

/** GDPR art. 16: each malformed or missing corrected value, next to its own field; null when all are right. */
function changeErrors(form: RequestForm): FormErrors | null {
  const changes = rawChanges(form);
  if (form.type !== "rectification" || !changes) return null;
  const parsed = RequestedChangesSchema.safeParse(changes);
  if (parsed.success) return null;
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = CHANGE_FIELDS[issue.path.join(".")] ?? "rect_first_name";
    errors[field] = errorFor(field);
  }
  return errors;
}

/** The corrected values a rectification form carries (GDPR art. 16), as typed. */
function rawChanges(form: RequestForm): Record<string, unknown> | undefined {
  const changes: Record<string, unknown> = {};
  if (form.rect_first_name || form.rect_last_name)
    changes.name = { first: form.rect_first_name ?? "", last: form.rect_last_name ?? "" };
  if (form.rect_email) changes.email = form.rect_email;
  if (form.rect_phone) changes.phone = form.rect_phone;
  if (form.rect_address1 || form.rect_city || form.rect_zip || form.rect_country)
    changes.address = {
      line1: form.rect_address1 ?? "",
      line2: form.rect_address2 ?? "",
      city: form.rect_city ?? "",
      zip: form.rect_zip ?? "",
      country: form.rect_country ?? "",
    };
  return Object.keys(changes).length === 0 ? undefined : changes;
}

/** The corrected values as the domain reads them. */
function changesFromForm(form: RequestForm): Record<string, unknown> | undefined {
  const changes = rawChanges(form);
  if (!changes) return undefined;
  const parsed = RequestedChangesSchema.safeParse(changes);
  // Malformed values are kept as typed: the domain refuses them next to the fields.
  return parsed.success ? parsed.data : changes;
}

/** Reads FormData (repeated heir_scope values kept as a list) into the schema's input shape. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || value === "") continue;
    if (key === "heir_scope") object[key] = [...((object[key] as string[]) ?? []), value];
    else object[key] = value;
  }
  return object;
}

/** The domain details of a validated form. */
export function detailsFromForm(form: RequestForm): RequestDetails {
  if (form.type === "post_mortem_directive") {
    const action = form.directive_action ?? "record";
    const named = Boolean(form.executor_name || form.executor_email);
    return {
      type: "post_mortem_directive",
      action,
      instructions: action === "revoke" ? null : (form.directive_instructions ?? ""),
      // An e-mail without a name is an executor too: the domain asks for the missing name.
      executor:
        action !== "revoke" && named
          ? { name: form.executor_name ?? "", email: form.executor_email || undefined }
          : null,
      specificConsent: form.specific_consent === "on",
    };
  }
  if (form.type === "heir_request") {
    return {
      type: "heir_request",
      deceasedEmail: form.deceased_email ?? "",
      relationship: form.heir_relationship ?? "",
      scope: form.heir_scope ?? [],
      deathProof: "missing",
      heirProof: "missing",
    };
  }
  const asked = form.recipients_asked === "on";
  if (form.type === "restriction") {
    // An absent ground is refused by the domain (RESTRICTION_GROUND_REQUIRED), next to its field.
    return { type: "restriction", ground: form.restriction_ground ?? ("" as never), recipientsAsked: asked };
  }
  if (form.type === "rectification") {
    const changes = changesFromForm(form);
    return {
      type: "rectification",
      ...(changes && { changes: changes as never }),
      ...(asked && { recipientsAsked: true }),
    };
  }
  return { type: form.type, ...(asked && { recipientsAsked: true }) };
}

/** Field → message key: each field has one message saying what it needs. */
export type FormErrors = Partial<Record<RequestFormField, `requestForm.errors.${RequestFormField}`>>;

export type ParsedRequestForm =
  | { ok: true; form: RequestForm; details: RequestDetails }
  | { ok: false; errors: FormErrors };

const errorFor = (field: RequestFormField) => `requestForm.errors.${field}` as const;

/**
 * Validates a posted request form: the fields (zod) and then the type's details (the domain), so
 * that every mistake is reported next to its field before anything is stored or counted. Fields
 * that belong to another type are ignored.
 */
export function parseRequestForm(raw: Record<string, unknown>): ParsedRequestForm {
  const type = typeof raw.type === "string" ? raw.type : "";
  const allowed = new Set<string>([...COMMON_FIELDS, ...(TYPE_FIELDS[type as RequestType] ?? [])]);
  const relevant = Object.fromEntries(Object.entries(raw).filter(([key]) => allowed.has(key)));
  const parsed = RequestFormSchema.safeParse(relevant);
  if (!parsed.success) {
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as RequestFormField;
      if (allowed.has(field)) errors[field] = errorFor(field);
    }
    return { ok: false, errors };
  }
  const wrongChanges = changeErrors(parsed.data);
  if (wrongChanges) return { ok: false, errors: wrongChanges };
  const details = detailsFromForm(parsed.data);
  try {
    validateDetails(details);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "EXECUTOR_CONTACT_REQUIRED") {
      const field = parsed.data.executor_name ? "executor_email" : "executor_name";
      return { ok: false, errors: { [field]: errorFor(field) } };
    }
    const field = FIELD_OF_ERROR[error.code] ?? "type";
    return { ok: false, errors: { [field]: errorFor(field) } };
  }
  return { ok: true, form: parsed.data, details };
}
