// The notice that a restriction of processing is about to be lifted (GDPR art. 18(3)): sent before
// the lift, which takes effect only once this e-mail has left.
import { spellLocalDate } from "~/i18n/format-date";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, dpoSignature, footer, greeting, remedies } from "./shared";

export function requestRestrictionLift(m: MessageOf<"request.restriction_lift">, x: MailText): EmailContent {
  return {
    subject: x.t("restrictionLift.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      {
        kind: "paragraph",
        content: x.rich("restrictionLift.since", {
          reference: { strong: m.reference },
          granted: spellLocalDate(m.grantedOn, x.locale),
        }),
      },
      { kind: "paragraph", content: [x.t("restrictionLift.lifted")] },
      contact(m.reference, m.dpoEmail, x),
      ...remedies(x),
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
