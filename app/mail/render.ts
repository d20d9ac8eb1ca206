// Renders any e-mail Vigie sends, in the shopper's language. Pure: no I/O, no clock.
import { z } from "zod";
import type { Locale } from "~/i18n/locale";
import { type EmailContent, type RenderedEmail, renderHtml, renderText } from "./layout";
import { type EmailMessage, EmailMessageSchema, type EmailTemplateId, type MessageOf } from "./message";
import { breachNotice } from "./templates/breach-notice";
import { consentConfirm } from "./templates/consent-confirm";
import { dpoDigest } from "./templates/dpo-digest";
import { paymentCheckDocuments } from "./templates/payment-check-documents";
import { requestAcknowledgement } from "./templates/request-acknowledgement";
import { requestAnswer } from "./templates/request-answer";
import { requestClosedUnverified } from "./templates/request-closed-unverified";
import { requestDocumentNeeded } from "./templates/request-document-needed";
import { requestExtension } from "./templates/request-extension";
import { requestIdentityCode } from "./templates/request-identity-code";
import { requestRefusal } from "./templates/request-refusal";
import { requestRestrictionLift } from "./templates/request-restriction-lift";
import { unsubscribeLine } from "./templates/shared";

export type { RenderedEmail } from "./layout";

const TEMPLATES: { [T in EmailTemplateId]: (message: MessageOf<T>, locale: Locale) => EmailContent } = {
  "request.acknowledgement": requestAcknowledgement,
  "request.identity_code": requestIdentityCode,
  "request.extension": requestExtension,
  "request.answer": requestAnswer,
  "request.refusal": requestRefusal,
  "request.closed_unverified": requestClosedUnverified,
  "request.restriction_lift": requestRestrictionLift,
  "consent.confirm": consentConfirm,
  "payment_check.documents": paymentCheckDocuments,
  "request.document_needed": requestDocumentNeeded,
  "dpo.digest": dpoDigest,
  "breach.notice": breachNotice,
};

const WebUrlSchema = z.url({ protocol: /^https?$/ });

/**
 * The subject, plain-text and HTML parts of `message` in `locale`. The message is validated first
 * (throws a ZodError when it does not match its schema), so only http(s) links reach the markup.
 * `unsubscribeUrl`: the one-click withdrawal link a marketing-related e-mail carries.
 */
export function renderEmail(
  message: EmailMessage,
  locale: Locale,
  options: { unsubscribeUrl?: string } = {},
): RenderedEmail {
  const parsed = EmailMessageSchema.parse(message);
  const template = TEMPLATES[parsed.type] as (message: EmailMessage, locale: Locale) => EmailContent;
  const content = template(parsed, locale);
  if (options.unsubscribeUrl !== undefined) {
    content.unsubscribe = unsubscribeLine(
      parsed.shopName,
      locale,
      WebUrlSchema.parse(options.unsubscribeUrl),
    );
  }
  // A subject is one line: a newline in a shop name must not start a new header.
  const subject = content.subject.replace(/\s+/g, " ").trim();
  return {
    subject,
    text: renderText({ ...content, subject }, locale),
    html: renderHtml({ ...content, subject }, locale, parsed.shopName),
  };
}
