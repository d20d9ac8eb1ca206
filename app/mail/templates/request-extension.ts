// Notice that the answer will take longer, with the new date and the reasons.

import { spellLocalDate } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { contact, dpoSignature, footer, greeting } from "./shared";

export function requestExtension(m: MessageOf<"request.extension">, locale: Locale): EmailContent {
  const due = spellLocalDate(m.newDueOn, locale);
  if (locale === "fr") {
    return {
      subject: `${m.shopName} — Prolongation du délai de réponse à votre demande (${m.reference})`,
      blocks: [
        greeting(locale),
        // GDPR art. 12(3): the extension and its reasons must be told within the first month.
        {
          kind: "paragraph",
          content: [
            `Le traitement de votre demande ${m.reference} nécessite un délai supplémentaire. Comme le permet l'article 12, paragraphe 3, du RGPD, nous prolongeons le délai de réponse : vous recevrez notre réponse au plus tard le `,
            { strong: due },
            ".",
          ],
        },
        { kind: "paragraph", content: ["Les raisons de cette prolongation sont les suivantes :"] },
        { kind: "quote", text: m.reason },
        {
          kind: "paragraph",
          content: [
            "Nous vous prions de nous excuser pour ce délai et ne manquerons pas de vous tenir au courant de toute évolution.",
          ],
        },
        contact(m.reference, m.dpoEmail, locale),
      ],
      signature: dpoSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    subject: `${m.shopName} — We need more time to answer your request (${m.reference})`,
    blocks: [
      greeting(locale),
      // GDPR art. 12(3): the extension and its reasons must be told within the first month.
      {
        kind: "paragraph",
        content: [
          `Handling your request ${m.reference} requires more time. As Article 12(3) of the GDPR allows, we are extending the period for our answer: you will receive it by `,
          { strong: due },
          " at the latest.",
        ],
      },
      { kind: "paragraph", content: ["Our reasons for this extension are as follows:"] },
      { kind: "quote", text: m.reason },
      {
        kind: "paragraph",
        content: ["We apologise for the delay and will keep you informed of any developments."],
      },
      contact(m.reference, m.dpoEmail, locale),
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
