// A refusal: the ground and its legal basis, staff's explanation, and where to complain.
import { REFUSAL_GROUND_BASIS, type RefusalGround } from "~/domain/requests/request-types";
import { citeLaw } from "~/i18n/legal-citation";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, dpoSignature, footer, greeting, remedies } from "./shared";

/** The provision a ground rests on, as cited to the shopper: "RGPD art. 12(5)" / "GDPR art. 12(5)". */
export function refusalBasis(ground: RefusalGround, x: MailText): string {
  // The ground's text already says the conditions are not met.
  const basis = citeLaw(REFUSAL_GROUND_BASIS[ground].replace(" (conditions not met)", ""), x.locale);
  // The French Data Protection Act, named for a reader who may not know its acronym.
  return basis.replaceAll("LIL", x.t("lawName"));
}

export function requestRefusal(m: MessageOf<"request.refusal">, x: MailText): EmailContent {
  const ground = `${x.t(`refusal.grounds.${m.ground}`)} (${refusalBasis(m.ground, x)})`;
  return {
    subject: x.t("refusal.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      // GDPR art. 12(4): a refusal states its reasons.
      {
        kind: "paragraph",
        content: x.rich("refusal.intro", {
          reference: { strong: m.reference },
          type: x.requestType(m.requestType, true),
          ground,
        }),
      },
      { kind: "paragraph", content: [x.t("refusal.explanationLead")] },
      { kind: "quote", text: m.explanation },
      ...remedies(x),
      contact(m.reference, m.dpoEmail, x),
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
