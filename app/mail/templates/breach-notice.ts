// GDPR art. 34: the notice to the people a breach is likely to put at high risk.
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { dpoSignature, footer, greeting } from "./shared";

export function breachNotice(m: MessageOf<"breach.notice">, locale: Locale): EmailContent {
  const contactLine = (lead: string) => ({
    kind: "paragraph" as const,
    content: /^\S+@\S+$/.test(m.contact)
      ? [lead, { href: `mailto:${m.contact}`, label: m.contact }, "."]
      : [lead, { strong: m.contact }, "."],
  });
  if (locale === "fr") {
    return {
      subject: `${m.shopName} — Information sur une violation de vos données personnelles (${m.reference})`,
      blocks: [
        greeting(locale),
        {
          kind: "paragraph",
          content: [
            "Nous vous informons, comme le prévoit l'article 34 du RGPD, d'une violation de données personnelles qui vous concerne et qui est susceptible d'engendrer un risque élevé pour vos droits et libertés.",
          ],
        },
        // GDPR art. 34(2) with 33(3)(a)–(d): nature, contact point, consequences, measures.
        { kind: "heading", text: "Ce qui s'est passé" },
        { kind: "quote", text: m.nature },
        { kind: "heading", text: "Les conséquences probables" },
        { kind: "quote", text: m.consequences },
        { kind: "heading", text: "Les mesures prises ou envisagées" },
        { kind: "quote", text: m.measures },
        { kind: "heading", text: "Nous contacter" },
        contactLine(
          "Pour toute question, vous pouvez joindre notre délégué à la protection des données\u00a0: ",
        ),
        {
          kind: "paragraph",
          content: [
            `Merci de rappeler la référence ${m.reference}. Nous vous prions de nous excuser pour cet incident.`,
          ],
        },
      ],
      signature: dpoSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    subject: `${m.shopName} — A breach of your personal data (${m.reference})`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: [
          "As Article 34 of the GDPR requires, we are letting you know of a breach of personal data concerning you that is likely to result in a high risk to your rights and freedoms.",
        ],
      },
      // GDPR art. 34(2) with 33(3)(a)–(d): nature, contact point, consequences, measures.
      { kind: "heading", text: "What happened" },
      { kind: "quote", text: m.nature },
      { kind: "heading", text: "Likely consequences" },
      { kind: "quote", text: m.consequences },
      { kind: "heading", text: "What we have done or will do" },
      { kind: "quote", text: m.measures },
      { kind: "heading", text: "Contact us" },
      contactLine("If you have any questions, you can reach our data protection officer: "),
      {
        kind: "paragraph",
        content: [`Please quote reference ${m.reference}. We apologise for this incident.`],
      },
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
