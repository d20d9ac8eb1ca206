// Policy §1: before finalising a flagged order, the shop may ask for documents proving the buyer's
// identity, address or means of payment; without them the order may be refused.
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, footer, greeting, teamSignature } from "./shared";

export function paymentCheckDocuments(m: MessageOf<"payment_check.documents">, x: MailText): EmailContent {
  return {
    subject: x.t("paymentCheck.subject", { shop: m.shopName, order: m.orderRef }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: x.rich("paymentCheck.intro", { order: { strong: m.orderRef } }) },
      { kind: "list", items: m.documents.map((d) => [x.t(`paymentCheck.documents.${d}`)]) },
      // Data minimisation: the full card number and its security code are never needed.
      ...(m.documents.includes("payment_method")
        ? [{ kind: "paragraph" as const, content: [x.t("paymentCheck.cardAdvice")] }]
        : []),
      { kind: "button", href: m.uploadUrl, label: x.t("paymentCheck.button") },
      { kind: "paragraph", content: [x.t("paymentCheck.usage")] },
      { kind: "paragraph", content: [x.t("paymentCheck.without")] },
      contact(m.orderRef, m.dpoEmail, x),
    ],
    signature: teamSignature(m.shopName, x),
    footer: footer(m.shopName, x, "order"),
  };
}
