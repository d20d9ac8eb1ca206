// Double opt-in: the shopper ticked the newsletter box at checkout and confirms it from their inbox.
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { footer, greeting, teamSignature } from "./shared";

export function consentConfirm(m: MessageOf<"consent.confirm">, x: MailText): EmailContent {
  return {
    subject: x.t("consentConfirm.subject", { shop: m.shopName }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: [x.t("consentConfirm.asked", { shop: m.shopName })] },
      { kind: "button", href: m.confirmUrl, label: x.t("consentConfirm.button") },
      { kind: "paragraph", content: [x.t("consentConfirm.agreed")] },
      { kind: "quote", text: m.wording },
      { kind: "paragraph", content: [x.t("consentConfirm.unless")] },
      // GDPR art. 7(3): withdrawing consent must be as easy as giving it.
      { kind: "paragraph", content: [x.t("consentConfirm.withdraw")] },
      { kind: "paragraph", content: [x.t("consentConfirm.ignore")] },
    ],
    signature: teamSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
