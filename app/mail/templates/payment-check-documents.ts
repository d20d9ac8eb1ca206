// Policy §1: before finalising a flagged order, the shop may ask for documents proving the buyer's
// identity, address or means of payment; without them the order may be refused.
import type { Locale } from "~/i18n/locale";
import type { Block, EmailContent } from "../layout";
import type { MessageOf, PaymentCheckDocument } from "../message";
import { contact, footer, greeting, teamSignature } from "./shared";

const DOCUMENT_TEXT: Record<PaymentCheckDocument, Record<Locale, string>> = {
  identity: {
    fr: "un justificatif d'identité (carte nationale d'identité, passeport ou titre de séjour)",
    en: "proof of identity (national identity card, passport or residence permit)",
  },
  billing_address: {
    fr: "un justificatif de l'adresse de facturation ou de livraison indiquée lors de la commande",
    en: "proof of the billing or delivery address given with the order",
  },
  payment_method: {
    fr: "un justificatif du moyen de paiement utilisé (par exemple, une photo de votre carte bancaire)",
    en: "proof of the means of payment used (for example, a photo of your bank card)",
  },
};

/** Data minimisation: the full card number and its security code are never needed. */
function cardAdvice(locale: Locale): Block {
  return {
    kind: "paragraph",
    content: [
      locale === "fr"
        ? "Pour votre carte bancaire, masquez tous les chiffres sauf les quatre derniers, ainsi que le cryptogramme au dos : nous n'en avons pas besoin."
        : "For your bank card, please hide every digit except the last four, as well as the security code on the back: we do not need them.",
    ],
  };
}

export function paymentCheckDocuments(m: MessageOf<"payment_check.documents">, locale: Locale): EmailContent {
  const fr = locale === "fr";
  const documents: Block = { kind: "list", items: m.documents.map((d) => [DOCUMENT_TEXT[d][locale]]) };
  return {
    subject: fr
      ? `${m.shopName} — Vérification nécessaire pour votre commande ${m.orderRef}`
      : `${m.shopName} — Verification needed for your order ${m.orderRef}`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: fr
          ? [
              "Avant de finaliser votre commande ",
              { strong: m.orderRef },
              ", nous devons procéder à une vérification destinée à lutter contre la fraude au paiement. Merci de nous transmettre :",
            ]
          : [
              "Before we can finalise your order ",
              { strong: m.orderRef },
              ", we need to carry out a check to prevent payment fraud. Please send us:",
            ],
      },
      documents,
      ...(m.documents.includes("payment_method") ? [cardAdvice(locale)] : []),
      { kind: "button", href: m.uploadUrl, label: fr ? "Envoyer mes justificatifs" : "Send my documents" },
      {
        kind: "paragraph",
        content: [
          fr
            ? "Ces documents servent uniquement à cette vérification : ils sont conservés chiffrés et supprimés dès qu'elle est terminée."
            : "These documents are used for this check only: they are stored encrypted and deleted as soon as it is complete.",
        ],
      },
      {
        kind: "paragraph",
        content: [
          fr
            ? "Sans ces justificatifs, nous pourrions être amenés à refuser votre commande."
            : "Without these documents, we may have to refuse your order.",
        ],
      },
      contact(m.orderRef, m.dpoEmail, locale),
    ],
    signature: teamSignature(m.shopName, locale),
    footer: footer(m.shopName, locale, "order"),
  };
}
