// What the archive's README tells the shopper about each system, in French and English: purposes
// with their lawful basis, retention, recipients and sources (GDPR art. 15(1)(a)–(h)). Taken from
// the shop's published policy (reference case: iméra's, dated 31.10.22); the retention years come
// from the shop's settings. Placeholders: {shop}, {customerYears}, {prospectYears}.

import type { SystemName } from "~/domain/systems";
import type { ArchiveLocale } from "./schema";

/** A text in both languages of the archive. */
export type Text = Record<ArchiveLocale, string>;

/** What art. 15(1) asks us to say about one system, beyond its data. */
export type SystemInfo = {
  name: Text;
  /** What the system holds, in one sentence. */
  holds: Text;
  /** Art. 15(1)(a): each purpose with its lawful basis (art. 6(1)). */
  purposes: { purpose: Text; basis: Text }[];
  /** Art. 15(1)(d): the period, or the criteria that set it. */
  retention: Text;
  /** Art. 15(1)(c): recipients or categories of recipients. */
  recipients: Text;
  /** Art. 15(1)(g): where the data comes from. */
  sources: Text;
  /** Who recorded what the shopper did not provide themselves (the "source" column). */
  recordedBy: Text;
  /** Art. 15(1)(h): automated decision-making, its logic and consequences. */
  automatedDecision?: Text;
};

const BASIS = {
  contract: {
    fr: "Exécution du contrat de vente (RGPD art. 6(1)(b))",
    en: "Performance of the sales contract (GDPR art. 6(1)(b))",
  },
  accounting: {
    fr: "Obligation légale (RGPD art. 6(1)(c) ; Code de commerce, art. L123-22)",
    en: "Legal obligation (GDPR art. 6(1)(c); French Commercial Code, art. L123-22)",
  },
  legalObligation: {
    fr: "Obligation légale (RGPD art. 6(1)(c))",
    en: "Legal obligation (GDPR art. 6(1)(c))",
  },
  legitimateInterest: {
    fr: "Intérêt légitime de la boutique {shop} (RGPD art. 6(1)(f))",
    en: "{shop}'s legitimate interest (GDPR art. 6(1)(f))",
  },
  consent: {
    fr: "Votre consentement (RGPD art. 6(1)(a)), que vous pouvez retirer à tout moment",
    en: "Your consent (GDPR art. 6(1)(a)), which you can withdraw at any time",
  },
} satisfies Record<string, Text>;

/** The four systems, as the policy describes them. */
export const SYSTEM_INFO: Record<SystemName, SystemInfo> = {
  shopify: {
    name: { fr: "Shopify (la boutique en ligne)", en: "Shopify (the online shop)" },
    holds: {
      fr: "Votre compte client, vos adresses, vos choix de communications marketing et vos commandes.",
      en: "Your customer account, your addresses, your marketing choices and your orders.",
    },
    purposes: [
      {
        purpose: {
          fr: "Enregistrer, suivre et livrer vos commandes ; vous répondre au service client",
          en: "Recording, tracking and delivering your orders; answering you at customer service",
        },
        basis: BASIS.contract,
      },
      {
        purpose: {
          fr: "Conserver les commandes et pièces comptables",
          en: "Keeping orders and accounting records",
        },
        basis: BASIS.accounting,
      },
      {
        purpose: {
          fr: "Statistiques, gestion commerciale, normalisation et dédoublonnage de nos fichiers",
          en: "Statistics, business management, cleaning and de-duplicating our files",
        },
        basis: BASIS.legitimateInterest,
      },
    ],
    retention: {
      fr: "Jusqu'à {customerYears} ans après votre dernière commande, pour nos obligations légales (pièces comptables : 10 ans, Code de commerce, art. L123-22).",
      en: "Up to {customerYears} years after your last order, for our legal obligations (accounting records: 10 years, French Commercial Code, art. L123-22).",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} ; Shopify, qui héberge la boutique ; les transporteurs, pour acheminer vos colis ; Stripe, pour le paiement.",
      en: "Authorised {shop} staff; Shopify, which hosts the shop; carriers, to deliver your parcels; Stripe, for payment.",
    },
    sources: {
      fr: "Vous, lors de la création de votre compte et de vos commandes ; Shopify et {shop} pour le reste (statuts, montants, dates, notes).",
      en: "You, when you created your account and placed your orders; Shopify and {shop} for the rest (states, amounts, dates, notes).",
    },
    recordedBy: { fr: "Shopify et {shop}", en: "Shopify and {shop}" },
  },
  stripe: {
    name: { fr: "Stripe (le paiement)", en: "Stripe (payment)" },
    holds: {
      fr: "Vos paiements, les coordonnées de facturation qui les accompagnent, vos factures et les contrôles anti-fraude.",
      en: "Your payments with their billing details, your invoices and the fraud checks made on them.",
    },
    purposes: [
      {
        purpose: {
          fr: "Enregistrer et sécuriser votre paiement, recouvrer les impayés",
          en: "Recording and securing your payment, recovering unpaid amounts",
        },
        basis: BASIS.contract,
      },
      {
        purpose: {
          fr: "Lutter contre la fraude : Stripe contrôle la régularité des informations transmises et du moyen de paiement",
          en: "Fighting fraud: Stripe checks the details given and the means of payment",
        },
        basis: BASIS.legitimateInterest,
      },
      { purpose: { fr: "Conserver les factures", en: "Keeping invoices" }, basis: BASIS.accounting },
    ],
    retention: {
      fr: "Jusqu'à {customerYears} ans après votre dernière commande ; les factures 10 ans (Code de commerce, art. L123-22), même après une demande d'effacement.",
      en: "Up to {customerYears} years after your last order; invoices for 10 years (French Commercial Code, art. L123-22), even after an erasure request.",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} ; Stripe, prestataire de paiement ; les banques et émetteurs de cartes, pour exécuter le paiement et traiter les contestations.",
      en: "Authorised {shop} staff; Stripe, the payment provider; banks and card issuers, to carry out the payment and handle disputes.",
    },
    sources: {
      fr: "Vous, lors du paiement (coordonnées de facturation ; de votre carte, seuls la marque, les 4 derniers chiffres, l'expiration et le pays sont exportés) ; Stripe, votre banque et {shop} pour le reste (résultats des paiements, analyses de risque, signalements de fraude).",
      en: "You, when paying (billing details; of your card, only the brand, last 4 digits, expiry and country are exported); Stripe, your bank and {shop} for the rest (payment results, risk assessments, fraud reports).",
    },
    recordedBy: { fr: "Stripe, votre banque et {shop}", en: "Stripe, your bank and {shop}" },
    automatedDecision: {
      fr: "Stripe analyse automatiquement chaque paiement et lui attribue un niveau de risque, en comparant ses caractéristiques (moyen de paiement, adresses, appareil, historique des paiements sur le réseau Stripe) aux schémas de fraude connus. Un paiement jugé risqué peut être bloqué, ou conduire la boutique {shop} à vous demander des justificatifs (identité, adresse, moyen de paiement) avant de finaliser la commande ; sans eux, la commande peut être refusée. Vous pouvez présenter vos observations et demander qu'une personne réexamine la décision.",
      en: "Stripe automatically assesses each payment and gives it a risk level, by comparing its features (means of payment, addresses, device, payment history across the Stripe network) with known fraud patterns. A payment found risky may be blocked, or lead {shop} to ask you for proof (identity, address, means of payment) before completing the order; without it, the order may be refused. You can give your point of view and ask for a person to review the decision.",
    },
  },
  mailchimp: {
    name: { fr: "Mailchimp (les e-mails d'actualités)", en: "Mailchimp (news e-mails)" },
    holds: {
      fr: "Votre inscription aux e-mails d'actualités : adresse, nom, préférences, et l'activité liée à ces e-mails (envois, ouvertures, clics).",
      en: "Your subscription to news e-mails: address, name, preferences, and the activity on those e-mails (sends, opens, clicks).",
    },
    purposes: [
      {
        purpose: {
          fr: "Vous envoyer nos actualités et offres par e-mail, si vous ne vous y êtes pas opposé, et en mesurer l'audience (ouvertures, clics)",
          en: "Sending you our news and offers by e-mail, unless you objected, and measuring their audience (opens, clicks)",
        },
        basis: BASIS.consent,
      },
    ],
    retention: {
      fr: "Tant que vous restez inscrit : jusqu'à {customerYears} ans après votre dernière commande si vous êtes client et ne vous y êtes pas opposé ; {prospectYears} ans au plus si vous n'avez jamais commandé. Un désabonnement arrête les envois.",
      en: "While you stay subscribed: up to {customerYears} years after your last order if you are a customer and did not object; at most {prospectYears} years if you never ordered. Unsubscribing stops the e-mails.",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} ; Mailchimp, notre outil d'envoi d'e-mails, qui agit sur nos instructions.",
      en: "Authorised {shop} staff; Mailchimp, our e-mailing tool, acting on our instructions.",
    },
    sources: {
      fr: "Vous, en vous inscrivant (formulaire ou case cochée lors du paiement) ; Mailchimp pour l'activité mesurée lors des envois ; {shop} pour les étiquettes et les notes.",
      en: "You, when you subscribed (form or box ticked at checkout); Mailchimp for the activity measured when sending; {shop} for tags and notes.",
    },
    recordedBy: { fr: "Mailchimp et {shop}", en: "Mailchimp and {shop}" },
  },
  vigie: {
    name: {
      fr: "Vigie (le registre de conformité de la boutique {shop})",
      en: "Vigie ({shop}'s privacy compliance records)",
    },
    holds: {
      fr: "La preuve de vos consentements et de leurs retraits, vos demandes d'exercice de droits, leur traitement et les e-mails qui vous ont été envoyés, les décisions de vérification d'identité et de paiement (jamais les documents eux-mêmes), le journal des actions sur vos données et les conservations imposées par la loi.",
      en: "Proof of your consents and withdrawals, your rights requests, how they were handled and the e-mails sent to you, identity and payment check decisions (never the documents themselves), the log of actions on your data and the retention the law imposes.",
    },
    purposes: [
      {
        purpose: {
          fr: "Prouver vos consentements et leurs retraits (RGPD art. 7(1))",
          en: "Proving your consents and their withdrawal (GDPR art. 7(1))",
        },
        basis: BASIS.legalObligation,
      },
      {
        purpose: {
          fr: "Traiter vos demandes d'exercice de droits, vérifier votre identité et en garder la trace (RGPD art. 12 à 22)",
          en: "Handling your rights requests, checking your identity and keeping a record of it (GDPR art. 12 to 22)",
        },
        basis: BASIS.legalObligation,
      },
      {
        purpose: {
          fr: "Vérifier un paiement signalé comme risqué : justificatifs demandés, puis supprimés dès la décision",
          en: "Checking a payment flagged as risky: proof requested, then deleted once decided",
        },
        basis: BASIS.legitimateInterest,
      },
      {
        purpose: {
          fr: "Conserver ce que la loi impose de garder malgré une demande d'effacement (RGPD art. 17(3)(b))",
          en: "Keeping what the law requires despite an erasure request (GDPR art. 17(3)(b))",
        },
        basis: BASIS.legalObligation,
      },
    ],
    retention: {
      fr: "Aussi longtemps que les données qu'elles concernent (jusqu'à {customerYears} ans après votre dernière commande ; {prospectYears} ans pour un contact inscrit à la seule newsletter), pour pouvoir prouver le respect de vos choix et de vos droits. Une conservation légale prend fin à la date qu'elle indique. Les justificatifs d'identité ne sont jamais conservés : seule la décision l'est.",
      en: "As long as the data they concern (up to {customerYears} years after your last order; {prospectYears} years for a newsletter-only contact), so that we can prove your choices and rights were respected. A legal hold ends on the date it gives. Identity documents are never kept: only the decision is.",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} uniquement.",
      en: "Authorised {shop} staff only.",
    },
    sources: {
      fr: "Vous (vos choix de consentement, vos demandes) ; Shopify et Mailchimp quand ils signalent un changement de vos choix ; le personnel de la boutique {shop} pour les décisions et les actions.",
      en: "You (your consent choices, your requests); Shopify and Mailchimp when they report a change in your choices; {shop} staff for decisions and actions.",
    },
    recordedBy: {
      fr: "Vigie, Shopify, Mailchimp et le personnel de la boutique {shop}",
      en: "Vigie, Shopify, Mailchimp and {shop} staff",
    },
  },
};
