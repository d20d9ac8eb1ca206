// Renders any e-mail Vigie sends, in the shopper's language. Pure: no I/O, no clock.
import { z } from "zod";
import { type ShopperLocale, staffLocaleOf } from "~/i18n/locale";
import { frenchSpacing } from "~/i18n/typography";
import {
  type Block,
  type EmailContent,
  type Inline,
  type RenderedEmail,
  renderHtml,
  renderText,
} from "./layout";
import { type EmailMessage, EmailMessageSchema, type EmailTemplateId, type MessageOf } from "./message";
import { breachNotice } from "./templates/breach-notice";
import { consentConfirm } from "./templates/consent-confirm";
import { consentRepermission } from "./templates/consent-repermission";
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
import { type MailText, mailText } from "./text";

export type { RenderedEmail } from "./layout";

/** One structure per e-mail; its words come from the shopper's catalogue (docs/decisions/061). */
const TEMPLATES: { [T in EmailTemplateId]: (message: MessageOf<T>, text: MailText) => EmailContent } = {
  "request.acknowledgement": requestAcknowledgement,
  "request.identity_code": requestIdentityCode,
  "request.extension": requestExtension,
  "request.answer": requestAnswer,
  "request.refusal": requestRefusal,
  "request.closed_unverified": requestClosedUnverified,
  "request.restriction_lift": requestRestrictionLift,
  "consent.confirm": consentConfirm,
  "consent.repermission": consentRepermission,
  "payment_check.documents": paymentCheckDocuments,
  "request.document_needed": requestDocumentNeeded,
  // Staff read the digest: it is written in French or English only.
  "dpo.digest": (message, text) => dpoDigest(message, staffLocaleOf(text.locale)),
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
  locale: ShopperLocale,
  options: { unsubscribeUrl?: string } = {},
): RenderedEmail {
  const parsed = EmailMessageSchema.parse(message);
  const template = TEMPLATES[parsed.type] as (message: EmailMessage, text: MailText) => EmailContent;
  const text = mailText(locale);
  const written = template(parsed, text);
  if (options.unsubscribeUrl !== undefined) {
    written.unsubscribe = unsubscribeLine(parsed.shopName, text, WebUrlSchema.parse(options.unsubscribeUrl));
  }
  const content = locale === "fr" ? typeset(written, frenchSpacing) : written;
  // A subject is one line: a newline in a shop name must not start a new header.
  // (No-break spaces are kept: French typography.)
  const subject = content.subject.replace(/[^\S\u00a0\u202f]+/g, " ").trim();
  return {
    subject,
    text: renderText({ ...content, subject }, locale),
    html: renderHtml({ ...content, subject }, locale, parsed.shopName),
  };
}

/**
 * Every text Vigie wrote in `content` through `write` (French spacing, docs/decisions/054); links,
 * codes and what staff or the shopper typed (quotes) are left as they are.
 */
function typeset(content: EmailContent, write: (text: string) => string): EmailContent {
  const inline = (part: Inline): Inline =>
    typeof part === "string"
      ? write(part)
      : "strong" in part
        ? { strong: write(part.strong) }
        : { ...part, ...(part.label !== undefined && { label: write(part.label) }) };
  const block = (b: Block): Block => {
    switch (b.kind) {
      case "paragraph":
        return { ...b, content: b.content.map(inline) };
      case "heading":
        return { ...b, text: write(b.text) };
      case "facts":
        return { ...b, rows: b.rows.map((row) => ({ label: write(row.label), value: write(row.value) })) };
      case "list":
        return { ...b, items: b.items.map((item) => item.map(inline)) };
      case "button":
        return { ...b, label: write(b.label) };
      default:
        return b;
    }
  };
  return {
    ...content,
    subject: write(content.subject),
    blocks: content.blocks.map(block),
    signature: content.signature.map(write),
    footer: write(content.footer),
    ...(content.unsubscribe && {
      unsubscribe: {
        ...content.unsubscribe,
        lead: write(content.unsubscribe.lead),
        label: write(content.unsubscribe.label),
      },
    }),
  };
}
