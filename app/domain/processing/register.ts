// The record of processing activities a controller must keep (GDPR art. 30(1)), drafted from what
// Vigie knows of the shop: its name and contact, the retention it set, and the systems connected.
// Each activity follows the shop's published policy (reference case: iméra's). It is a draft the
// DPO reviews: processors' transfer safeguards in particular are theirs to confirm in each DPA.
// Placeholders: {shop}, {customerYears}, {prospectYears}.
import type { Locale } from "~/i18n/locale";

export type Text = Record<Locale, string>;

/** The systems an activity may depend on; one not connected leaves its activity out. */
export type RegisterSystem = "stripe" | "mailchimp";

/** One processing activity, with the fields art. 30(1)(b)–(g) asks for. */
export type Activity = {
  id: string;
  name: Text;
  /** Art. 30(1)(b), with each purpose's lawful basis (art. 6(1)). */
  purposes: { purpose: Text; basis: Text }[];
  /** Art. 30(1)(c): categories of data subjects. */
  subjects: Text;
  /** Art. 30(1)(c): categories of personal data. */
  data: Text;
  /** Art. 30(1)(d): categories of recipients. */
  recipients: Text;
  /** Art. 30(1)(e): transfers outside the EEA and their safeguards. */
  transfers: Text;
  /** Art. 30(1)(f): time limits for erasure. */
  retention: Text;
  /** Art. 22: automated decision-making, when there is some. */
  automatedDecision?: Text;
  /** Present only when this system is connected. */
  requires?: RegisterSystem;
  /**
   * The storefront trackers this activity sets, by Customer Privacy API purpose: the cookie banner
   * asks consent for each and names this activity's recipients as its processors (LIL art. 82).
   */
  trackers?: ("analytics" | "marketing" | "preferences" | "sale_of_data")[];
};

const BASIS = {
  contract: { fr: "Exécution du contrat (art. 6(1)(b))", en: "Performance of a contract (art. 6(1)(b))" },
  accounting: {
    fr: "Obligation légale (art. 6(1)(c) ; Code de commerce art. L123-22)",
    en: "Legal obligation (art. 6(1)(c); French Commercial Code art. L123-22)",
  },
  legalObligation: { fr: "Obligation légale (art. 6(1)(c))", en: "Legal obligation (art. 6(1)(c))" },
  legitimateInterest: { fr: "Intérêt légitime (art. 6(1)(f))", en: "Legitimate interest (art. 6(1)(f))" },
  trackers: {
    fr: "Consentement (art. 6(1)(a) ; loi Informatique et Libertés art. 82)",
    en: "Consent (art. 6(1)(a); French Data Protection Act art. 82)",
  },
  consent: {
    fr: "Consentement (art. 6(1)(a) ; CPCE art. L34-5)",
    en: "Consent (art. 6(1)(a); French Post and Electronic Communications Code art. L34-5)",
  },
} satisfies Record<string, Text>;

const NO_TRANSFER: Text = {
  fr: "Aucun transfert connu hors de l'EEE (à confirmer)",
  en: "No known transfer outside the EEA (to be confirmed)",
};

const ACCOUNTING_RETENTION: Text = {
  fr: "Pièces comptables et factures : 10 ans (Code de commerce art. L123-22), même après effacement",
  en: "Accounting records and invoices: 10 years (French Commercial Code art. L123-22), even after erasure",
};

export const ACTIVITIES: Activity[] = [
  {
    id: "orders",
    name: { fr: "Gestion des commandes et service client", en: "Orders and customer service" },
    purposes: [
      {
        purpose: {
          fr: "Enregistrement, suivi et livraison des commandes ; service client par e-mail",
          en: "Recording, tracking and delivering orders; customer service by e-mail",
        },
        basis: BASIS.contract,
      },
      {
        purpose: { fr: "Conservation des pièces comptables", en: "Keeping accounting records" },
        basis: BASIS.accounting,
      },
    ],
    subjects: { fr: "Clients", en: "Customers" },
    data: {
      fr: "Identité, coordonnées (e-mail, téléphone), adresses de livraison et de facturation, commandes, messages au service client",
      en: "Identity, contact details (e-mail, phone), shipping and billing addresses, orders, messages to customer service",
    },
    recipients: {
      fr: "Personnel habilité de {shop} ; Shopify (sous-traitant, plateforme de la boutique) ; transporteurs",
      en: "Authorised staff of {shop}; Shopify (processor, shop platform); carriers",
    },
    transfers: {
      fr: "Shopify et ses sous-traitants hors de l'EEE : garanties à confirmer dans l'accord de traitement de Shopify (décision d'adéquation ou clauses contractuelles types)",
      en: "Shopify and its sub-processors outside the EEA: safeguards to confirm in Shopify's data processing agreement (adequacy decision or standard contractual clauses)",
    },
    retention: {
      fr: "{customerYears} ans après la dernière commande, puis effacement. Pièces comptables et factures : 10 ans (Code de commerce art. L123-22), même après effacement",
      en: "{customerYears} years after the last order, then erasure. Accounting records and invoices: 10 years (French Commercial Code art. L123-22), even after erasure",
    },
  },
  {
    id: "payments",
    name: {
      fr: "Sécurisation des paiements et lutte contre la fraude",
      en: "Payment security and fraud prevention",
    },
    purposes: [
      {
        purpose: {
          fr: "Paiement, recouvrement des impayés",
          en: "Taking payments, recovering unpaid amounts",
        },
        basis: BASIS.contract,
      },
      {
        purpose: {
          fr: "Analyse du risque de fraude de chaque transaction (Stripe Radar), justificatifs demandés en cas de doute",
          en: "Assessing each transaction's fraud risk (Stripe Radar), supporting documents asked for when in doubt",
        },
        basis: BASIS.legitimateInterest,
      },
    ],
    subjects: { fr: "Clients", en: "Customers" },
    data: {
      fr: "Identité, e-mail, adresse de facturation, moyen de paiement (masqué), montant, adresse IP, score de risque, justificatifs",
      en: "Identity, e-mail, billing address, payment method (masked), amount, IP address, risk score, supporting documents",
    },
    recipients: {
      fr: "Stripe (prestataire de paiement) ; banques et établissements de crédit",
      en: "Stripe (payment provider); banks and credit institutions",
    },
    transfers: {
      fr: "Stripe, Inc. (États-Unis) : garanties à confirmer dans l'accord de traitement de Stripe (Data Privacy Framework ou clauses contractuelles types)",
      en: "Stripe, Inc. (United States): safeguards to confirm in Stripe's data processing agreement (Data Privacy Framework or standard contractual clauses)",
    },
    retention: ACCOUNTING_RETENTION,
    automatedDecision: {
      fr: "Oui : une transaction jugée risquée est suspendue ; une personne de {shop} examine les justificatifs avant tout refus",
      en: "Yes: a transaction judged risky is held; a person at {shop} reviews the supporting documents before any refusal",
    },
    requires: "stripe",
  },
  {
    id: "marketing",
    name: { fr: "Prospection commerciale par e-mail", en: "E-mail marketing" },
    purposes: [
      {
        purpose: {
          fr: "Envoi de la newsletter et d'offres commerciales",
          en: "Sending the newsletter and commercial offers",
        },
        basis: BASIS.consent,
      },
      {
        purpose: {
          fr: "Preuve du consentement et de son retrait (registre chaîné par hachage)",
          en: "Proof of consent and of its withdrawal (hash-chained ledger)",
        },
        basis: { fr: "Obligation légale (art. 7(1))", en: "Legal obligation (art. 7(1))" },
      },
    ],
    subjects: {
      fr: "Clients et prospects inscrits à la newsletter",
      en: "Customers and prospects subscribed to the newsletter",
    },
    data: {
      fr: "E-mail, langue, choix de consentement avec leur preuve (texte affiché, date, origine), oppositions",
      en: "E-mail, language, consent choices with their proof (wording shown, date, origin), objections",
    },
    recipients: {
      fr: "Personnel habilité de {shop} ; Vigie (sous-traitant, registre des consentements)",
      en: "Authorised staff of {shop}; Vigie (processor, consent ledger)",
    },
    transfers: NO_TRANSFER,
    retention: {
      fr: "Prospects : {prospectYears} ans après le dernier contact ; clients : {customerYears} ans après la dernière commande. Preuves de consentement : tant que le consentement sert, puis 5 ans (prescription, Code civil art. 2224)",
      en: "Prospects: {prospectYears} years after the last contact; customers: {customerYears} years after the last order. Proofs of consent: while the consent is relied on, then 5 years (limitation period, French Civil Code art. 2224)",
    },
  },
  {
    id: "mailchimp",
    name: {
      fr: "Partage avec l'outil d'e-mailing Mailchimp",
      en: "Sharing with the Mailchimp e-mailing tool",
    },
    purposes: [
      {
        purpose: {
          fr: "Envoi des campagnes, mesure des ouvertures et des clics (sauf opposition)",
          en: "Sending campaigns, measuring opens and clicks (unless the person objected)",
        },
        basis: BASIS.consent,
      },
    ],
    subjects: { fr: "Inscrits à la newsletter", en: "Newsletter subscribers" },
    data: {
      fr: "E-mail, nom, statut d'abonnement, étiquettes, activité (ouvertures, clics)",
      en: "E-mail, name, subscription status, tags, activity (opens, clicks)",
    },
    recipients: {
      fr: "Mailchimp (sous-traitant, Intuit)",
      en: "Mailchimp (processor, Intuit)",
    },
    transfers: {
      fr: "The Rocket Science Group LLC (États-Unis) : garanties à confirmer dans l'accord de traitement de Mailchimp (Data Privacy Framework ou clauses contractuelles types)",
      en: "The Rocket Science Group LLC (United States): safeguards to confirm in Mailchimp's data processing agreement (Data Privacy Framework or standard contractual clauses)",
    },
    retention: {
      fr: "Jusqu'au désabonnement ou à l'opposition, puis suppression ; au plus {prospectYears} ans après le dernier contact",
      en: "Until unsubscription or objection, then deletion; at most {prospectYears} years after the last contact",
    },
    requires: "mailchimp",
  },
  {
    id: "statistics",
    name: { fr: "Statistiques et gestion commerciale", en: "Statistics and business management" },
    purposes: [
      {
        purpose: {
          fr: "Statistiques de fréquentation, normalisation, enrichissement et dédoublonnage des fichiers",
          en: "Traffic statistics, cleaning, enriching and de-duplicating files",
        },
        basis: BASIS.legitimateInterest,
      },
    ],
    subjects: { fr: "Clients et visiteurs", en: "Customers and visitors" },
    data: {
      fr: "Commandes, données de navigation agrégées",
      en: "Orders, aggregated browsing data",
    },
    recipients: {
      fr: "Personnel habilité de {shop} ; Shopify (sous-traitant)",
      en: "Authorised staff of {shop}; Shopify (processor)",
    },
    transfers: {
      fr: "Comme pour la gestion des commandes (Shopify)",
      en: "As for orders (Shopify)",
    },
    retention: {
      fr: "{customerYears} ans après la dernière commande",
      en: "{customerYears} years after the last order",
    },
  },
  {
    id: "site_analytics",
    name: { fr: "Mesure d'audience du site (traceurs)", en: "Site audience measurement (trackers)" },
    purposes: [
      {
        purpose: {
          fr: "Statistiques et mesures de la fréquentation du site, avec le consentement du visiteur",
          en: "Statistics and measurement of the site's traffic, with the visitor's consent",
        },
        basis: BASIS.trackers,
      },
    ],
    subjects: { fr: "Visiteurs du site", en: "Site visitors" },
    data: {
      fr: "Identifiants de traceurs, pages vues, appareil et navigateur, région",
      en: "Tracker identifiers, pages viewed, device and browser, region",
    },
    recipients: {
      fr: "Shopify (sous-traitant, statistiques de la boutique)",
      en: "Shopify (processor, store analytics)",
    },
    transfers: { fr: "Comme pour la gestion des commandes (Shopify)", en: "As for orders (Shopify)" },
    retention: {
      fr: "Traceurs : 13 mois au plus ; statistiques : 25 mois au plus ; choix du visiteur redemandé après 6 mois",
      en: "Trackers: at most 13 months; statistics: at most 25 months; the visitor's choice asked again after 6 months",
    },
    trackers: ["analytics"],
  },
  {
    id: "social_sharing",
    name: { fr: "Outils de partage sur les réseaux sociaux", en: "Social network sharing tools" },
    purposes: [
      {
        purpose: {
          fr: "Mise à disposition d'outils de partage sur les réseaux sociaux",
          en: "Providing tools to share on social networks",
        },
        basis: BASIS.trackers,
      },
    ],
    subjects: { fr: "Visiteurs du site", en: "Site visitors" },
    data: {
      fr: "Identifiants de traceurs, pages partagées, compte de réseau social s'il est connecté",
      en: "Tracker identifiers, pages shared, social network account when signed in",
    },
    recipients: {
      fr: "Réseaux sociaux dont les boutons de partage figurent sur le site (pour leur propre compte)",
      en: "Social networks whose sharing buttons are on the site (on their own behalf)",
    },
    transfers: {
      fr: "Selon chaque réseau social (souvent aux États-Unis) : à confirmer",
      en: "Depending on each social network (often the United States): to be confirmed",
    },
    retention: {
      fr: "Traceurs : 13 mois au plus ; choix du visiteur redemandé après 6 mois",
      en: "Trackers: at most 13 months; the visitor's choice asked again after 6 months",
    },
    trackers: ["marketing"],
  },
  {
    id: "advertising",
    name: { fr: "Publicité et partenaires commerciaux", en: "Advertising and business partners" },
    purposes: [
      {
        purpose: {
          fr: "Publicité ciblée et mesure des campagnes par les régies marketing et publicitaires",
          en: "Targeted advertising and campaign measurement by marketing and advertising agencies",
        },
        basis: BASIS.trackers,
      },
    ],
    subjects: { fr: "Visiteurs du site", en: "Site visitors" },
    data: {
      fr: "Identifiants de traceurs, pages vues, produits consultés, achats",
      en: "Tracker identifiers, pages viewed, products viewed, purchases",
    },
    recipients: {
      fr: "Régies marketing et publicitaires, partenaires commerciaux (pour leur propre compte)",
      en: "Marketing and advertising agencies, business partners (on their own behalf)",
    },
    transfers: {
      fr: "Selon chaque partenaire : à confirmer dans chaque contrat",
      en: "Depending on each partner: to be confirmed in each contract",
    },
    retention: {
      fr: "Traceurs : 13 mois au plus ; choix du visiteur redemandé après 6 mois",
      en: "Trackers: at most 13 months; the visitor's choice asked again after 6 months",
    },
    trackers: ["marketing", "sale_of_data"],
  },
  {
    id: "rights",
    name: { fr: "Gestion des demandes d'exercice des droits", en: "Handling data-protection requests" },
    purposes: [
      {
        purpose: {
          fr: "Recevoir, vérifier l'identité du demandeur, répondre dans le délai légal et en garder la preuve",
          en: "Receiving requests, checking the requester's identity, answering within the legal time limit and keeping proof of it",
        },
        basis: {
          fr: "Obligation légale (art. 6(1)(c) ; art. 12 à 22)",
          en: "Legal obligation (art. 6(1)(c); arts. 12–22)",
        },
      },
    ],
    subjects: { fr: "Personnes qui exercent leurs droits", en: "People who exercise their rights" },
    data: {
      fr: "Identité, e-mail, demande et réponse, décision de vérification d'identité (les pièces d'identité sont effacées après vérification)",
      en: "Identity, e-mail, request and answer, identity-check decision (identity documents are erased once checked)",
    },
    recipients: {
      fr: "Délégué à la protection des données et personnel habilité de {shop} ; Vigie (sous-traitant)",
      en: "Data protection officer and authorised staff of {shop}; Vigie (processor)",
    },
    transfers: NO_TRANSFER,
    retention: {
      fr: "Le temps de répondre, puis 5 ans comme preuve (prescription, Code civil art. 2224)",
      en: "Until answered, then 5 years as proof (limitation period, French Civil Code art. 2224)",
    },
  },
];

/** Art. 32: what Vigie itself does to protect the data it holds; the shop adds its own measures. */
export const SECURITY_MEASURES: Text[] = [
  {
    fr: "Accès réservé au personnel connecté à l'administration Shopify de la boutique ; chaque action sur des données personnelles inscrite au journal d'audit",
    en: "Access limited to staff signed in to the shop's Shopify admin; every action on personal data written to the audit log",
  },
  {
    fr: "Secrets des connecteurs, exports et pièces chiffrés au repos (AES-256-GCM) ; liens de téléchargement signés, à usage unique, 30 jours",
    en: "Connector secrets, exports and documents encrypted at rest (AES-256-GCM); download links signed, single-use, 30 days",
  },
  {
    fr: "Signature de chaque webhook (Shopify, Stripe, Mailchimp) vérifiée avant lecture ; registre des consentements chaîné par hachage",
    en: "Every webhook's signature (Shopify, Stripe, Mailchimp) checked before it is read; consent ledger hash-chained",
  },
  {
    fr: "Vérification d'identité proportionnée avant toute communication ou effacement de données",
    en: "Proportionate identity checks before any data is disclosed or erased",
  },
];

export type RegisterInput = {
  shopName: string;
  contactEmail: string | null;
  retention: { customerYearsAfterLastOrder: number; prospectYears: number };
  /** The systems connected to the shop. */
  connected: ReadonlySet<RegisterSystem>;
  locale: Locale;
};

export type RegisterActivity = {
  id: string;
  trackers: NonNullable<Activity["trackers"]>;
  name: string;
  purposes: { purpose: string; basis: string }[];
  subjects: string;
  data: string;
  recipients: string;
  transfers: string;
  retention: string;
  automatedDecision: string | null;
};

/** The register in one language, with the shop's own values filled in. */
export function buildRegister(input: RegisterInput) {
  const fill = (text: Text) =>
    text[input.locale]
      .replaceAll("{shop}", input.shopName)
      .replaceAll("{customerYears}", String(input.retention.customerYearsAfterLastOrder))
      .replaceAll("{prospectYears}", String(input.retention.prospectYears));
  const activities: RegisterActivity[] = ACTIVITIES.filter(
    (activity) => !activity.requires || input.connected.has(activity.requires),
  ).map((activity) => ({
    id: activity.id,
    trackers: activity.trackers ?? [],
    name: fill(activity.name),
    purposes: activity.purposes.map(({ purpose, basis }) => ({ purpose: fill(purpose), basis: fill(basis) })),
    subjects: fill(activity.subjects),
    data: fill(activity.data),
    recipients: fill(activity.recipients),
    transfers: fill(activity.transfers),
    retention: fill(activity.retention),
    automatedDecision: activity.automatedDecision ? fill(activity.automatedDecision) : null,
  }));
  return {
    // Art. 30(1)(a): the controller and its contact.
    controller: { name: input.shopName, contactEmail: input.contactEmail },
    activities,
    // Art. 30(1)(g).
    security: SECURITY_MEASURES.map(fill),
  };
}
export type Register = ReturnType<typeof buildRegister>;
