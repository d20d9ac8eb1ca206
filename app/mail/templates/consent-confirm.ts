// Double opt-in: the shopper ticked the newsletter box at checkout and confirms it from their inbox.
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { footer, greeting, teamSignature } from "./shared";

export function consentConfirm(m: MessageOf<"consent.confirm">, locale: Locale): EmailContent {
  if (locale === "fr") {
    return {
      subject: `${m.shopName} — Confirmez votre inscription à notre newsletter`,
      blocks: [
        greeting(locale),
        {
          kind: "paragraph",
          content: [
            `Lors de votre commande, vous avez demandé à recevoir la newsletter de la boutique ${m.shopName}. Pour confirmer votre inscription, cliquez sur le lien ci-dessous :`,
          ],
        },
        { kind: "button", href: m.confirmUrl, label: "Confirmer mon inscription" },
        { kind: "paragraph", content: ["Vous avez accepté le texte suivant :"] },
        { kind: "quote", text: m.wording },
        {
          kind: "paragraph",
          content: [
            "Sans confirmation de votre part, votre inscription ne sera pas enregistrée et vous ne recevrez pas notre newsletter.",
          ],
        },
        // GDPR art. 7(3): withdrawing consent must be as easy as giving it.
        {
          kind: "paragraph",
          content: [
            "Vous pourrez retirer votre consentement à tout moment, en un clic, grâce au lien de désinscription présent dans chaque newsletter.",
          ],
        },
        {
          kind: "paragraph",
          content: ["Si vous n'êtes pas à l'origine de cette demande, ignorez simplement ce message."],
        },
      ],
      signature: teamSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    subject: `${m.shopName} — Please confirm your newsletter subscription`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: [
          `When you placed your order, you asked to receive the ${m.shopName} newsletter. To confirm your subscription, please click the link below:`,
        ],
      },
      { kind: "button", href: m.confirmUrl, label: "Confirm my subscription" },
      { kind: "paragraph", content: ["You agreed to the following text:"] },
      { kind: "quote", text: m.wording },
      {
        kind: "paragraph",
        content: ["Unless you confirm, you will not be subscribed and will not receive our newsletter."],
      },
      // GDPR art. 7(3): withdrawing consent must be as easy as giving it.
      {
        kind: "paragraph",
        content: [
          "You can withdraw your consent at any time, in one click, using the unsubscribe link in every newsletter.",
        ],
      },
      { kind: "paragraph", content: ["If you did not ask for this, simply ignore this message."] },
    ],
    signature: teamSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
