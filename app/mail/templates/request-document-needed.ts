// GDPR art. 12(6), EDPB Guidelines 01/2022: on a reasonable doubt about who is asking, the shop
// may ask for a document proving identity; it is used for this check only, then deleted.
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, dpoSignature, footer, greeting } from "./shared";

export function requestDocumentNeeded(m: MessageOf<"request.document_needed">, x: MailText): EmailContent {
  return {
    subject: x.t("documentNeeded.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: x.rich("documentNeeded.intro", { reference: { strong: m.reference } }) },
      { kind: "quote", text: m.reason },
      { kind: "paragraph", content: [x.t("documentNeeded.proof")] },
      { kind: "button", href: m.uploadUrl, label: x.t("documentNeeded.button") },
      { kind: "paragraph", content: [x.t("documentNeeded.storage")] },
      contact(m.reference, m.dpoEmail, x),
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
