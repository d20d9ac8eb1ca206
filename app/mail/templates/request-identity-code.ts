// The one-time code that confirms a request comes from the owner of the e-mail address.
import { minutes } from "../format";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { dpoSignature, footer, greeting } from "./shared";

export function requestIdentityCode(m: MessageOf<"request.identity_code">, x: MailText): EmailContent {
  return {
    // No code in the subject: it would show on a locked phone's screen.
    subject: x.t("identityCode.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: x.rich("identityCode.intro", { reference: { strong: m.reference } }) },
      { kind: "button", href: m.confirmUrl, label: x.t("identityCode.button") },
      { kind: "paragraph", content: [x.t("identityCode.codeLead")] },
      { kind: "code", value: m.code },
      {
        kind: "paragraph",
        content: [x.t("identityCode.validity", { validity: minutes(m.expiresInMinutes, x.locale) })],
      },
      { kind: "paragraph", content: [x.t("identityCode.notYou")] },
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
