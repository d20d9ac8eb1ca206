// The fields of a rights request as a form sends them (the storefront privacy centre and the
// admin's intake form), validated into the domain's RequestDetails.
import { z } from "zod";
import { HEIR_SCOPES, type RequestDetails } from "~/domain/requests/request-details";
import { REQUEST_TYPES } from "~/domain/requests/request-types";

export const RequestFormSchema = z.object({
  type: z.enum(REQUEST_TYPES),
  email: z
    .email()
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().max(200).optional().default(""),
  message: z.string().trim().max(5000).optional().default(""),
  directive_action: z.enum(["record", "update", "revoke"]).optional(),
  directive_instructions: z.string().trim().max(10_000).optional(),
  executor_name: z.string().trim().max(200).optional(),
  executor_email: z.union([z.literal(""), z.email().max(320)]).optional(),
  specific_consent: z.literal("on").optional(),
  heir_scope: z.array(z.enum(HEIR_SCOPES)).optional(),
});
export type RequestForm = z.infer<typeof RequestFormSchema>;

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
    return {
      type: "post_mortem_directive",
      action,
      instructions: action === "revoke" ? null : (form.directive_instructions ?? ""),
      executor: form.executor_name
        ? { name: form.executor_name, email: form.executor_email || undefined }
        : null,
      specificConsent: form.specific_consent === "on",
    };
  }
  if (form.type === "heir_request") {
    return {
      type: "heir_request",
      scope: form.heir_scope ?? [],
      deathProof: "missing",
      heirProof: "missing",
    };
  }
  return { type: form.type };
}
