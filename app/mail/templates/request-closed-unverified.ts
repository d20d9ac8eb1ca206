// A request closed because its identity was never confirmed, and how to make it again.
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { dpoSignature, footer, greeting, remedies } from "./shared";

export function requestClosedUnverified(
  m: MessageOf<"request.closed_unverified">,
  x: MailText,
): EmailContent {
  return {
    subject: x.t("closedUnverified.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: x.rich("closedUnverified.body", { reference: { strong: m.reference } }) },
      { kind: "paragraph", content: [x.t("closedUnverified.again")] },
      { kind: "paragraph", content: [x.t("closedUnverified.notYou")] },
      // GDPR art. 12(4): not acting on a request still opens the complaint and court routes.
      ...remedies(x),
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
