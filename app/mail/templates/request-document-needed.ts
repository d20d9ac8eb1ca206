// GDPR art. 12(6), EDPB Guidelines 01/2022: on a reasonable doubt about who is asking, the shop
// may ask for a document proving identity; it is used for this check only, then deleted.
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { contact, dpoSignature, footer, greeting } from "./shared";

export function requestDocumentNeeded(m: MessageOf<"request.document_needed">, locale: Locale): EmailContent {
  const fr = locale === "fr";
  return {
    subject: fr
      ? `${m.shopName} — Justificatif nécessaire pour votre demande ${m.reference}`
      : `${m.shopName} — A document is needed for your request ${m.reference}`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: fr
          ? [
              "Pour traiter votre demande ",
              { strong: m.reference },
              ", nous devons nous assurer qu'elle émane bien de vous, pour la raison suivante :",
            ]
          : [
              "To handle your request ",
              { strong: m.reference },
              ", we need to make sure it comes from you, for this reason:",
            ],
      },
      { kind: "quote", text: m.reason },
      {
        kind: "paragraph",
        content: [
          fr
            ? "Merci de nous transmettre un justificatif d'identité (carte d'identité, passeport ou titre de séjour). Vous pouvez masquer votre photo et les numéros du document : seuls vos nom et prénom nous sont utiles."
            : "Please send us proof of identity (identity card, passport or residence permit). You may hide your photo and the document's numbers: we only need your first and last names.",
        ],
      },
      { kind: "button", href: m.uploadUrl, label: fr ? "Envoyer mon justificatif" : "Send my document" },
      {
        kind: "paragraph",
        content: [
          fr
            ? "Le document est conservé chiffré, sert uniquement à cette vérification, et est supprimé dès qu'elle est terminée. Le délai de réponse à votre demande est suspendu jusqu'à sa réception."
            : "The document is stored encrypted, used for this check only, and deleted as soon as it is complete. The time limit for answering your request is suspended until we receive it.",
        ],
      },
      contact(m.reference, m.dpoEmail, locale),
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
