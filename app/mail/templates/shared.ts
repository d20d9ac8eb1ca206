// Wording shared by several e-mails: greeting, signatures, how to reach the DPO, remedies, footer.
import { REQUEST_TYPE_INFO, type RequestType } from "~/domain/requests/request-types";
import type { Locale } from "~/i18n/locale";
import type { Block } from "../layout";

export const CNIL_COMPLAINTS_URL: Record<Locale, string> = {
  fr: "https://www.cnil.fr/fr/plaintes",
  en: "https://www.cnil.fr/en/complaints",
};

export function greeting(locale: Locale): Block {
  return { kind: "paragraph", content: [locale === "fr" ? "Bonjour," : "Hello,"] };
}

/** The shop's policy: rights requests are answered by its data protection officer. */
export function dpoSignature(shopName: string, locale: Locale): string[] {
  // The shop's name on its own line: "de iméra" would need an elision no rule can get right for every name.
  return locale === "fr"
    ? ["Bien cordialement,", "Le délégué à la protection des données", shopName]
    : ["Kind regards,", "The data protection officer", shopName];
}

export function teamSignature(shopName: string, locale: Locale): string[] {
  return locale === "fr"
    ? ["Bien cordialement,", `L'équipe ${shopName}`]
    : ["Kind regards,", `The ${shopName} team`];
}

/** How to ask a question about a file: the DPO's address when the shop gave one. */
export function contact(reference: string, dpoEmail: string | undefined, locale: Locale): Block {
  if (locale === "fr") {
    return {
      kind: "paragraph",
      content: dpoEmail
        ? [
            "Pour toute question, vous pouvez écrire à notre délégué à la protection des données à l'adresse ",
            { href: `mailto:${dpoEmail}`, label: dpoEmail },
            ` en rappelant la référence ${reference}.`,
          ]
        : [
            `Pour toute question, vous pouvez contacter notre service client en rappelant la référence ${reference}.`,
          ],
    };
  }
  return {
    kind: "paragraph",
    content: dpoEmail
      ? [
          "If you have any questions, please write to our data protection officer at ",
          { href: `mailto:${dpoEmail}`, label: dpoEmail },
          `, quoting reference ${reference}.`,
        ]
      : [`If you have any questions, please contact our customer service, quoting reference ${reference}.`],
  };
}

/**
 * Where to turn when we do not act on a request.
 * GDPR art. 12(4): say so with the possibility of a complaint (art. 77) and of a judicial remedy (art. 79).
 */
export function remedies(locale: Locale): Block[] {
  if (locale === "fr") {
    return [
      { kind: "heading", text: "Vos voies de recours" },
      {
        kind: "paragraph",
        content: [
          "Si vous n'êtes pas d'accord avec cette décision, vous pouvez introduire une réclamation auprès de la Commission nationale de l'informatique et des libertés (CNIL), en ligne sur ",
          { href: CNIL_COMPLAINTS_URL.fr, label: CNIL_COMPLAINTS_URL.fr },
          ", ou auprès de l'autorité de protection des données de l'État de l'Union européenne où vous résidez ou travaillez.",
        ],
      },
      {
        kind: "paragraph",
        content: ["Vous pouvez également former un recours devant la juridiction compétente."],
      },
    ];
  }
  return [
    { kind: "heading", text: "Your right to complain" },
    {
      kind: "paragraph",
      content: [
        "If you disagree with this decision, you may lodge a complaint with the French data protection authority, the CNIL (Commission nationale de l'informatique et des libertés), online at ",
        { href: CNIL_COMPLAINTS_URL.en, label: CNIL_COMPLAINTS_URL.en },
        ", or with the data protection authority of the EU country where you live or work.",
      ],
    },
    { kind: "paragraph", content: ["You may also seek a judicial remedy before the competent court."] },
  ];
}

/** Small print: who writes, about what, and that this is not marketing. */
export function footer(shopName: string, locale: Locale, about: "data" | "order" = "data"): string {
  if (locale === "fr") {
    const topic = about === "data" ? "au sujet de vos données personnelles" : "au sujet de votre commande";
    return `Ce message vous est adressé par ${shopName} ${topic}. Ce n'est pas un message publicitaire.`;
  }
  const topic = about === "data" ? "about your personal data" : "about your order";
  return `This message is sent to you by ${shopName} ${topic}. It is not a marketing message.`;
}

/**
 * The one-click withdrawal of a marketing-related e-mail (GDPR art. 7(3): as easy as consenting;
 * CPCE L34-5: a way to object in every message). The link also serves as List-Unsubscribe.
 */
export function unsubscribeLine(shopName: string, locale: Locale, href: string) {
  return locale === "fr"
    ? {
        lead: `Vous ne souhaitez pas recevoir la newsletter de la boutique ${shopName} ? Désinscrivez-vous en un clic.`,
        label: "Me désinscrire",
        href,
      }
    : {
        lead: `Don't want the ${shopName} newsletter? Unsubscribe in one click.`,
        label: "Unsubscribe",
        href,
      };
}

/** "Droit d'accès" / "Right of access"; `inSentence` lowers the capital ("votre demande (droit d'accès)"). */
export function requestTypeLabel(type: RequestType, locale: Locale, inSentence = false): string {
  const label = REQUEST_TYPE_INFO[type].label[locale];
  return inSentence ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
