// Notice that the answer will take longer, with the new date and the reasons.

import { formatDeadline, spellLocalDate } from "~/i18n/format-date";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, dpoSignature, footer, greeting } from "./shared";

export function requestExtension(m: MessageOf<"request.extension">, x: MailText): EmailContent {
  const due = spellLocalDate(m.newDueOn, x.locale);
  return {
    subject: x.t("extension.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      // GDPR art. 12(3): the extension and its reasons must be told within the first month.
      {
        kind: "paragraph",
        content: x.rich("extension.body", { reference: m.reference, due: { strong: due } }),
      },
      {
        kind: "facts",
        rows: [
          { label: x.t("extension.newDueOn"), value: formatDeadline(x.locale, m.newDueOn, m.writtenOn) },
        ],
      },
      { kind: "paragraph", content: [x.t("extension.reasonsLead")] },
      { kind: "quote", text: m.reason },
      { kind: "paragraph", content: [x.t("extension.apology")] },
      contact(m.reference, m.dpoEmail, x),
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
