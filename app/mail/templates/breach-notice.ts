// GDPR art. 34: the notice to the people a breach is likely to put at high risk.
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { dpoSignature, footer, greeting } from "./shared";

export function breachNotice(m: MessageOf<"breach.notice">, x: MailText): EmailContent {
  const reach = /^\S+@\S+$/.test(m.contact)
    ? { href: `mailto:${m.contact}`, label: m.contact }
    : { strong: m.contact };
  return {
    subject: x.t("breach.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: [x.t("breach.intro")] },
      // GDPR art. 34(2) with 33(3)(a)–(d): nature, contact point, consequences, measures.
      { kind: "heading", text: x.t("breach.happened") },
      { kind: "quote", text: m.nature },
      { kind: "heading", text: x.t("breach.consequences") },
      { kind: "quote", text: m.consequences },
      { kind: "heading", text: x.t("breach.measures") },
      { kind: "quote", text: m.measures },
      { kind: "heading", text: x.t("breach.contactHeading") },
      { kind: "paragraph", content: x.rich("breach.contact", { contact: reach }) },
      { kind: "paragraph", content: [x.t("breach.quote", { reference: m.reference })] },
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
