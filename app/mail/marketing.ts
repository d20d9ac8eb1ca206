// Which e-mails are marketing-related: those about the shopper's newsletter consent. Each carries
// the one-click withdrawal of that consent, in its text and as List-Unsubscribe (RFC 8058).
// GDPR art. 7(3): withdrawing must be as easy as consenting; art. 21(2)-(3): objecting to direct
// marketing at any time; CPCE L34-5: a simple, free way to object in every message.
import type { RequestType } from "~/domain/requests/request-types";
import type { EmailTemplateId } from "./message";

/** Requests about direct marketing: every e-mail about one is about the newsletter. */
export const MARKETING_REQUEST_TYPES: readonly RequestType[] = ["withdraw_consent", "object_to_marketing"];

/**
 * True for the double opt-in confirmation and every e-mail about a withdrawal of consent or an
 * objection to marketing (acknowledgement, identity code, extension, answer, refusal, closure…).
 */
export function isMarketingRelated(template: EmailTemplateId, requestType?: string | null): boolean {
  if (template.startsWith("consent.")) return true;
  return (
    template.startsWith("request.") &&
    requestType != null &&
    (MARKETING_REQUEST_TYPES as readonly string[]).includes(requestType)
  );
}
