// Acknowledgement of a rights request: what we received, when, and the date we will answer by.

import { spellLocalDate } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { contact, dpoSignature, footer, greeting, requestTypeLabel } from "./shared";

export function requestAcknowledgement(
  m: MessageOf<"request.acknowledgement">,
  locale: Locale,
): EmailContent {
  const type = requestTypeLabel(m.requestType, locale);
  const received = spellLocalDate(m.receivedOn, locale);
  const due = spellLocalDate(m.dueOn, locale);
  if (locale === "fr") {
    return {
      subject: `${m.shopName} — Nous avons bien reçu votre demande (${m.reference})`,
      blocks: [
        greeting(locale),
        {
          kind: "paragraph",
          content: ["Nous accusons réception de votre demande relative à vos données personnelles."],
        },
        {
          kind: "facts",
          rows: [
            { label: "Référence", value: m.reference },
            { label: "Demande", value: type },
            { label: "Reçue le", value: received },
            { label: "Réponse au plus tard le", value: due },
          ],
        },
        // GDPR art. 12(3): one month to answer, extendable by two months with reasons given within the first.
        {
          kind: "paragraph",
          content: [
            "Nous vous répondrons dans le délai d'un mois prévu par le RGPD, soit au plus tard le ",
            { strong: due },
            ". Si la complexité de votre demande ou le nombre de demandes reçues l'exigeait, ce délai pourrait être prolongé de deux mois ; nous vous en informerions alors avant cette date, en vous en indiquant les raisons.",
          ],
        },
        { kind: "paragraph", content: ["Vous pouvez suivre l'avancement de votre demande à tout moment :"] },
        { kind: "button", href: m.statusUrl, label: "Suivre ma demande" },
        {
          kind: "paragraph",
          content: [
            "Nous ne vous demanderons un justificatif d'identité qu'en cas de doute raisonnable sur votre identité.",
          ],
        },
        {
          kind: "paragraph",
          content: [
            "Si vous n'êtes pas à l'origine de cette demande, merci de nous le signaler sans tarder : quelqu'un a peut-être utilisé votre adresse e-mail.",
          ],
        },
        contact(m.reference, m.dpoEmail, locale),
      ],
      signature: dpoSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    subject: `${m.shopName} — We have received your request (${m.reference})`,
    blocks: [
      greeting(locale),
      { kind: "paragraph", content: ["We acknowledge receipt of your request about your personal data."] },
      {
        kind: "facts",
        rows: [
          { label: "Reference", value: m.reference },
          { label: "Request", value: type },
          { label: "Received on", value: received },
          { label: "Answer due by", value: due },
        ],
      },
      // GDPR art. 12(3): one month to answer, extendable by two months with reasons given within the first.
      {
        kind: "paragraph",
        content: [
          "We will answer within the one-month period set by the GDPR, that is by ",
          { strong: due },
          " at the latest. Should the complexity of your request or the number of requests we receive make it necessary, this period may be extended by two further months; we would then let you know before that date and tell you why.",
        ],
      },
      { kind: "paragraph", content: ["You can follow the progress of your request at any time:"] },
      { kind: "button", href: m.statusUrl, label: "Follow my request" },
      {
        kind: "paragraph",
        content: [
          "We will only ask you for proof of identity if we have reasonable doubts about who you are.",
        ],
      },
      {
        kind: "paragraph",
        content: [
          "If you did not make this request, please let us know promptly: someone may have used your e-mail address.",
        ],
      },
      contact(m.reference, m.dpoEmail, locale),
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
