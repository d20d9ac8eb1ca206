// Acknowledgement of a rights request: what we received, when, and the date we will answer by.

import { formatDeadline, spellLocalDate } from "~/i18n/format-date";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, dpoSignature, footer, greeting } from "./shared";

export function requestAcknowledgement(m: MessageOf<"request.acknowledgement">, x: MailText): EmailContent {
  const due = spellLocalDate(m.dueOn, x.locale);
  return {
    subject: x.t("acknowledgement.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: [x.t("acknowledgement.intro")] },
      {
        kind: "facts",
        rows: [
          { label: x.t("acknowledgement.reference"), value: m.reference },
          { label: x.t("acknowledgement.request"), value: x.requestType(m.requestType) },
          { label: x.t("acknowledgement.receivedOn"), value: spellLocalDate(m.receivedOn, x.locale) },
          { label: x.t("acknowledgement.dueOn"), value: formatDeadline(x.locale, m.dueOn, m.writtenOn) },
        ],
      },
      // GDPR art. 12(3): one month to answer, extendable by two months with reasons given within the first.
      { kind: "paragraph", content: x.rich("acknowledgement.deadline", { due: { strong: due } }) },
      { kind: "paragraph", content: [x.t("acknowledgement.follow")] },
      { kind: "button", href: m.statusUrl, label: x.t("acknowledgement.button") },
      { kind: "paragraph", content: [x.t("acknowledgement.proof")] },
      { kind: "paragraph", content: [x.t("acknowledgement.notYou")] },
      contact(m.reference, m.dpoEmail, x),
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
