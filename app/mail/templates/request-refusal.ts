// A refusal: the ground and its legal basis, staff's explanation, and where to complain.
import { REFUSAL_GROUND_BASIS, type RefusalGround } from "~/domain/requests/request-types";
import { citeLaw } from "~/i18n/legal-citation";
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { contact, dpoSignature, footer, greeting, remedies, requestTypeLabel } from "./shared";

/** Each ground as the shopper reads it; the provision it rests on is added from REFUSAL_GROUND_BASIS. */
export const REFUSAL_GROUND_TEXT: Record<RefusalGround, Record<Locale, string>> = {
  identity_not_established: {
    fr: "nous n'avons pas pu nous assurer de votre identité",
    en: "we could not establish your identity",
  },
  manifestly_unfounded_or_excessive: {
    fr: "la demande est manifestement infondée ou excessive",
    en: "the request is manifestly unfounded or excessive",
  },
  legal_obligation: {
    fr: "une obligation légale nous impose de conserver ces données",
    en: "a legal obligation requires us to keep this data",
  },
  legal_claims: {
    fr: "ces données sont nécessaires à la constatation, à l'exercice ou à la défense de droits en justice",
    en: "this data is needed to establish, exercise or defend legal claims",
  },
  compelling_legitimate_grounds: {
    fr: "il existe des motifs légitimes et impérieux pour ce traitement, qui prévalent sur vos intérêts, droits et libertés",
    en: "there are compelling legitimate grounds for this processing which override your interests, rights and freedoms",
  },
  rights_of_others: {
    fr: "y faire droit porterait atteinte aux droits et libertés d'autres personnes",
    en: "granting it would adversely affect the rights and freedoms of others",
  },
  not_applicable: {
    fr: "les conditions d'application de ce droit ne sont pas réunies",
    en: "the conditions for this right to apply are not met",
  },
  requester_not_entitled: {
    fr: "vous n'avez pas justifié de la qualité d'héritier permettant d'exercer ces droits",
    en: "you have not shown that you are an heir entitled to exercise these rights",
  },
};

/** The provision a ground rests on, as cited to the shopper: "RGPD art. 12(5)" / "GDPR art. 12(5)". */
export function refusalBasis(ground: RefusalGround, locale: Locale): string {
  // The ground's text already says the conditions are not met.
  const basis = citeLaw(REFUSAL_GROUND_BASIS[ground].replace(" (conditions not met)", ""), locale);
  return locale === "fr" ? basis : basis.replaceAll("LIL", "French Data Protection Act (LIL)");
}

export function requestRefusal(m: MessageOf<"request.refusal">, locale: Locale): EmailContent {
  const type = requestTypeLabel(m.requestType, locale, true);
  const ground = `${REFUSAL_GROUND_TEXT[m.ground][locale]} (${refusalBasis(m.ground, locale)})`;
  const fr = locale === "fr";
  return {
    subject: fr
      ? `${m.shopName} — Suite donnée à votre demande (${m.reference})`
      : `${m.shopName} — Our decision on your request (${m.reference})`,
    blocks: [
      greeting(locale),
      // GDPR art. 12(4): a refusal states its reasons.
      {
        kind: "paragraph",
        content: fr
          ? [
              "Nous avons examiné avec attention votre demande ",
              { strong: m.reference },
              ` (${type}) et nous ne sommes malheureusement pas en mesure d'y donner suite, pour le motif suivant : ${ground}.`,
            ]
          : [
              "We have carefully considered your request ",
              { strong: m.reference },
              ` (${type}) and regret that we are unable to act on it, for the following reason: ${ground}.`,
            ],
      },
      { kind: "paragraph", content: [fr ? "Nos explications :" : "Our explanation:"] },
      { kind: "quote", text: m.explanation },
      ...remedies(locale),
      contact(m.reference, m.dpoEmail, locale),
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
