// The notice that a restriction of processing is about to be lifted (GDPR art. 18(3)): sent before
// the lift, which takes effect only once this e-mail has left.
import { spellLocalDate } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { contact, dpoSignature, footer, greeting, remedies } from "./shared";

export function requestRestrictionLift(
  m: MessageOf<"request.restriction_lift">,
  locale: Locale,
): EmailContent {
  const granted = spellLocalDate(m.grantedOn, locale);
  if (locale === "fr") {
    return {
      subject: `${m.shopName} — Levée de la limitation du traitement de vos données (${m.reference})`,
      blocks: [
        greeting(locale),
        {
          kind: "paragraph",
          content: [
            `À la suite de votre demande `,
            { strong: m.reference },
            `, le traitement de vos données est limité depuis le ${granted} : nous les conservons sans les utiliser.`,
          ],
        },
        {
          kind: "paragraph",
          content: [
            "Nous vous informons que cette limitation va être levée : nous pourrons de nouveau traiter vos données dans les conditions décrites dans notre politique de confidentialité (article 18, paragraphe 3, du RGPD). Vous ne recevrez pas de prospection sans votre consentement.",
          ],
        },
        contact(m.reference, m.dpoEmail, locale),
        ...remedies(locale),
      ],
      signature: dpoSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    subject: `${m.shopName} — The restriction of processing of your data is being lifted (${m.reference})`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: [
          "Following your request ",
          { strong: m.reference },
          `, the processing of your data has been restricted since ${granted}: we keep it without using it.`,
        ],
      },
      {
        kind: "paragraph",
        content: [
          "We are letting you know that this restriction is about to be lifted: we may process your data again as described in our privacy notice (GDPR Article 18(3)). You will not receive marketing without your consent.",
        ],
      },
      contact(m.reference, m.dpoEmail, locale),
      ...remedies(locale),
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
