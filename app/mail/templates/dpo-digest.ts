// The DPO's daily digest (docs/decisions/056): each section a heading and a list of links to the
// admin; written to the shop's DPO, in the shop's language.
import { formatLocalDate } from "~/i18n/format-date";
import type { Locale } from "~/i18n/locale";
import { elide } from "~/i18n/typography";
import type { Block, EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { mailText } from "../text";
import { greeting } from "./shared";

export function dpoDigest(m: MessageOf<"dpo.digest">, locale: Locale): EmailContent {
  const fr = locale === "fr";
  const day = formatLocalDate(locale, m.day, "long");
  const sections: Block[] = m.sections.flatMap((section): Block[] => {
    const more = section.total - section.items.length;
    return [
      { kind: "heading", text: `${section.title[locale]} (${section.total})` },
      {
        kind: "list",
        items: section.items.map((item) => [{ href: item.href, label: item.text[locale] }]),
      },
      ...(more > 0
        ? [
            {
              kind: "paragraph" as const,
              content: [fr ? `… et ${more} de plus dans Vigie.` : `… and ${more} more in Vigie.`],
            },
          ]
        : []),
    ];
  });
  return {
    subject: fr
      ? `${m.shopName} — Point du jour Vigie, ${day}`
      : `${m.shopName} — Vigie daily digest, ${day}`,
    blocks: [
      greeting(mailText(locale)),
      {
        kind: "paragraph",
        content: [
          fr
            ? `Voici ce qui demande votre attention aujourd'hui pour la boutique ${m.shopName}. Chaque ligne ouvre la page concernée dans Vigie.`
            : `Here is what needs your attention today for ${m.shopName}. Each line opens its page in Vigie.`,
        ],
      },
      ...sections,
      {
        kind: "button",
        href: m.dashboardUrl,
        label: fr ? "Ouvrir le tableau de bord" : "Open the dashboard",
      },
    ],
    signature: fr ? ["Bien cordialement,", "Vigie"] : ["Kind regards,", "Vigie"],
    footer: fr
      ? `Vous recevez ce point quotidien en tant que délégué à la protection des données ${elide("de", m.shopName)} (adresse indiquée dans les réglages de Vigie). Il n'est envoyé que les jours où quelque chose vous attend.`
      : `You receive this daily digest as the data protection officer of ${m.shopName} (the address set in Vigie's settings). It is sent only on days when something is waiting for you.`,
  };
}
