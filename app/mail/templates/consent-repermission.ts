// Before the prospects' period ends (CNIL: 3 years from the last contact): one e-mail asking the
// subscriber whether to stay; a click renews, silence lets the data be erased (docs/decisions/069).
import { spellLocalDate } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { footer, greeting, teamSignature } from "./shared";

export function consentRepermission(m: MessageOf<"consent.repermission">, locale: Locale): EmailContent {
  const ends = spellLocalDate(m.endsOn, locale);
  const fr = locale === "fr";
  return {
    subject: fr
      ? `${m.shopName} — Souhaitez-vous continuer à recevoir notre newsletter ?`
      : `${m.shopName} — Would you like to keep receiving our newsletter?`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: [
          fr
            ? `Vous êtes inscrit·e à la newsletter de la boutique ${m.shopName} sans nous avoir fait signe depuis près de ${m.years} ans. Nous ne gardons pas les coordonnées de nos abonnés au-delà sans leur accord.`
            : `You subscribed to the ${m.shopName} newsletter and we have not heard from you for nearly ${m.years} years. We do not keep subscribers' details beyond that without their agreement.`,
        ],
      },
      { kind: "button", href: m.renewUrl, label: fr ? "Je reste inscrit·e" : "Keep me subscribed" },
      { kind: "quote", text: m.wording },
      {
        kind: "paragraph",
        content: [
          fr
            ? `Sans réponse de votre part d'ici le ${ends}, vous ne recevrez plus notre newsletter et vos données seront effacées. Vous ne recevrez pas d'autre message à ce sujet.`
            : `If we do not hear from you by ${ends}, you will no longer receive our newsletter and your data will be erased. You will not receive another message about this.`,
        ],
      },
    ],
    signature: teamSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
