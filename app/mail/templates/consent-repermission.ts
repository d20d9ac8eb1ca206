// Before the prospects' period ends (CNIL: 3 years from the last contact): one e-mail asking the
// subscriber whether to stay; a click renews, silence lets the data be erased (docs/decisions/069).
import { formatDeadline, spellLocalDate } from "~/i18n/format-date";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import type { MailText } from "../text";
import { footer, greeting, teamSignature } from "./shared";

export function consentRepermission(m: MessageOf<"consent.repermission">, x: MailText): EmailContent {
  return {
    subject: x.t("repermission.subject", { shop: m.shopName }),
    blocks: [
      greeting(x),
      { kind: "paragraph", content: [x.t("repermission.body", { shop: m.shopName, years: m.years })] },
      {
        kind: "facts",
        rows: [
          { label: x.t("repermission.lastDay"), value: formatDeadline(x.locale, m.endsOn, m.writtenOn) },
        ],
      },
      { kind: "button", href: m.renewUrl, label: x.t("repermission.button") },
      { kind: "quote", text: m.wording },
      {
        kind: "paragraph",
        content: [x.t("repermission.after", { date: spellLocalDate(m.endsOn, x.locale) })],
      },
    ],
    signature: teamSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
