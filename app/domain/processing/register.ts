// The record of processing activities a controller must keep (GDPR art. 30(1)). Each shop's record
// starts as a draft written from what Vigie knows (its name, the retention it set, the systems
// connected) following the reference policy (iméra's); staff then edit and sign off each activity
// (app/domain/processing/record.ts). This file holds the drafts and the record's reading in one language.
import type { Locale, ShopperLocale } from "~/i18n/locale";
import { SHOPPER_CATALOGUES } from "~/i18n/translate";
import { elide } from "../../i18n/typography";
import {
  type ActivityContent,
  type LawfulBasis,
  type RetentionEntry,
  reviewState,
  type Text,
} from "./record";
import { type RetentionClock, retentionCheck } from "./retention-references";

export type { Text } from "./record";

/** The systems an activity may depend on; one not connected leaves its activity out. */
export type RegisterSystem = "stripe" | "mailchimp";

/** The notice's texts in one language: basis labels and retention phrases are shared with the record. */
const noticeText = (locale: ShopperLocale) => SHOPPER_CATALOGUES[locale].privacyNotice;

/** Art. 6(1): the basis as the record and the notice name it, "Obligation légale (art. 6(1)(c))". */
export function basisLabel(basis: LawfulBasis, locale: ShopperLocale) {
  return noticeText(locale).bases[basis];
}

/** "10 ans", "13 months": whole years when the months make some. */
export function formatDuration(months: number, locale: ShopperLocale) {
  const t = noticeText(locale);
  const years = months % 12 === 0 ? months / 12 : null;
  if (years !== null) return (years > 1 ? t.years : t.year).replace("{n}", String(years));
  return (months > 1 ? t.months : t.month).replace("{n}", String(months));
}

/** "10 ans après la dernière commande". */
export function formatPeriod(period: { months: number; clock: RetentionClock }, locale: ShopperLocale) {
  return `${formatDuration(period.months, locale)} ${noticeText(locale).clocks[period.clock]}`;
}

const text = (fr: string, en: string): Text => ({ fr, en });
const empty = text("", "");

export type DraftInput = {
  shopName: string;
  retention: { customerYearsAfterLastOrder: number; prospectYears: number };
};

/** One activity of the draft: its stable key, the system it needs, and its content for a shop. */
export type ActivityDraft = {
  key: string;
  requires?: RegisterSystem;
  content: (input: DraftInput) => ActivityContent;
};

/** Art. 32: what Vigie itself does to protect the data it holds; the shop adds its own measures. */
export const SECURITY_MEASURES: Text = text(
  "Accès réservé au personnel connecté à l'administration Shopify de la boutique, chaque action inscrite au journal d'audit ; secrets, exports et pièces chiffrés au repos (AES-256-GCM), liens de téléchargement signés ; signature de chaque webhook vérifiée ; registre des consentements chaîné par hachage ; vérification d'identité proportionnée avant toute communication ou effacement",
  "Access limited to staff signed in to the shop's Shopify admin, every action written to the audit log; secrets, exports and documents encrypted at rest (AES-256-GCM), signed download links; every webhook's signature checked; consent ledger hash-chained; proportionate identity checks before any data is disclosed or erased",
);

const SHOPIFY_TRANSFERS = text(
  "Shopify et ses sous-traitants hors de l'EEE (Canada, États-Unis) : garanties à confirmer dans l'accord de traitement de Shopify (décision d'adéquation ou clauses contractuelles types)",
  "Shopify and its sub-processors outside the EEA (Canada, United States): safeguards to confirm in Shopify's data processing agreement (adequacy decision or standard contractual clauses)",
);

export const ACTIVITY_DRAFTS: ActivityDraft[] = [
  {
    key: "orders",
    content: ({ shopName, retention }) => ({
      name: text("Gestion des commandes et service client", "Orders and customer service"),
      purposes: [
        {
          purpose: text(
            "Enregistrement, suivi et livraison des commandes ; service client par e-mail",
            "Recording, tracking and delivering orders; customer service by e-mail",
          ),
          basis: "contract",
          basisDetail: empty,
          legitimateInterest: empty,
        },
        {
          purpose: text("Conservation des pièces comptables", "Keeping accounting records"),
          basis: "legal_obligation",
          basisDetail: text("Code de commerce art. L123-22", "French Commercial Code art. L123-22"),
          legitimateInterest: empty,
        },
      ],
      subjects: text("Clients", "Customers"),
      data: text(
        "Identité, coordonnées (e-mail, téléphone), adresses de livraison et de facturation, commandes, messages au service client",
        "Identity, contact details (e-mail, phone), shipping and billing addresses, orders, messages to customer service",
      ),
      recipients: text(
        `Personnel habilité ${elide("de", shopName)} ; Shopify (sous-traitant, plateforme de la boutique) ; transporteurs`,
        `Authorised staff of ${shopName}; Shopify (processor, shop platform); carriers`,
      ),
      processors: text("Shopify ; transporteurs", "Shopify; carriers"),
      transfers: SHOPIFY_TRANSFERS,
      retention: [
        {
          category: "customer_relationship",
          months: retention.customerYearsAfterLastOrder * 12,
          clock: "last_order",
          note: text("puis effacement", "then erasure"),
        },
        {
          category: "accounting",
          months: 120,
          clock: "financial_year_end",
          note: text(
            "factures et pièces comptables, même après effacement",
            "invoices and accounting records, even after erasure",
          ),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: [],
    }),
  },
  {
    key: "payments",
    requires: "stripe",
    content: ({ shopName }) => ({
      name: text(
        "Sécurisation des paiements et lutte contre la fraude",
        "Payment security and fraud prevention",
      ),
      purposes: [
        {
          purpose: text("Paiement, recouvrement des impayés", "Taking payments, recovering unpaid amounts"),
          basis: "contract",
          basisDetail: empty,
          legitimateInterest: empty,
        },
        {
          purpose: text(
            "Analyse du risque de fraude de chaque transaction (Stripe Radar), justificatifs demandés en cas de doute",
            "Assessing each transaction's fraud risk (Stripe Radar), supporting documents asked for when in doubt",
          ),
          basis: "legitimate_interests",
          basisDetail: empty,
          legitimateInterest: text(
            "Protéger la boutique et ses clients contre l'usage frauduleux de moyens de paiement perdus ou volés",
            "Protecting the shop and its customers against fraudulent use of lost or stolen payment means",
          ),
        },
      ],
      subjects: text("Clients", "Customers"),
      data: text(
        "Identité, e-mail, adresse de facturation, moyen de paiement (masqué), montant, adresse IP, score de risque, justificatifs",
        "Identity, e-mail, billing address, payment method (masked), amount, IP address, risk score, supporting documents",
      ),
      recipients: text(
        "Stripe (prestataire de paiement) ; banques et établissements de crédit",
        "Stripe (payment provider); banks and credit institutions",
      ),
      processors: text("Stripe", "Stripe"),
      transfers: text(
        "Stripe, Inc. (États-Unis) : garanties à confirmer dans l'accord de traitement de Stripe (Data Privacy Framework ou clauses contractuelles types)",
        "Stripe, Inc. (United States): safeguards to confirm in Stripe's data processing agreement (Data Privacy Framework or standard contractual clauses)",
      ),
      retention: [
        {
          category: "accounting",
          months: 120,
          clock: "financial_year_end",
          note: text("transactions et factures", "transactions and invoices"),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: text(
        `Oui : une transaction jugée risquée est suspendue ; une personne ${elide("de", shopName)} examine les justificatifs avant tout refus, et le client peut présenter ses observations et contester la décision (art. 22(3))`,
        `Yes: a transaction judged risky is held; a person at ${shopName} reviews the supporting documents before any refusal, and the customer can give their view and contest the decision (art. 22(3))`,
      ),
      trackers: [],
    }),
  },
  {
    key: "marketing",
    content: ({ shopName, retention }) => ({
      name: text("Prospection commerciale par e-mail", "E-mail marketing"),
      purposes: [
        {
          purpose: text(
            "Envoi de la newsletter et d'offres commerciales",
            "Sending the newsletter and commercial offers",
          ),
          basis: "consent",
          basisDetail: text("CPCE art. L34-5", "French Post and Electronic Communications Code art. L34-5"),
          legitimateInterest: empty,
        },
        {
          purpose: text(
            "Preuve du consentement et de son retrait (registre chaîné par hachage)",
            "Proof of consent and of its withdrawal (hash-chained ledger)",
          ),
          basis: "legal_obligation",
          basisDetail: text("RGPD art. 7(1)", "GDPR art. 7(1)"),
          legitimateInterest: empty,
        },
      ],
      subjects: text(
        "Clients et prospects inscrits à la newsletter",
        "Customers and prospects subscribed to the newsletter",
      ),
      data: text(
        "E-mail, langue, choix de consentement avec leur preuve (texte affiché, date, origine), oppositions",
        "E-mail, language, consent choices with their proof (wording shown, date, origin), objections",
      ),
      recipients: text(
        `Personnel habilité ${elide("de", shopName)} ; Vigie (sous-traitant, registre des consentements)`,
        `Authorised staff of ${shopName}; Vigie (processor, consent ledger)`,
      ),
      processors: text("Vigie", "Vigie"),
      transfers: text(
        "Aucun transfert connu hors de l'EEE (à confirmer)",
        "No known transfer outside the EEA (to be confirmed)",
      ),
      retention: [
        {
          category: "marketing_prospects",
          months: retention.prospectYears * 12,
          clock: "last_contact",
          note: text("prospects qui n'ont jamais commandé", "prospects who never ordered"),
        },
        {
          category: "marketing_customers",
          months: retention.customerYearsAfterLastOrder * 12,
          clock: "last_order",
          note: text("clients", "customers"),
        },
        {
          category: "consent_proofs",
          months: 60,
          clock: "consent_end",
          note: text("preuves de consentement", "proofs of consent"),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: [],
    }),
  },
  {
    key: "mailchimp",
    requires: "mailchimp",
    content: ({ retention }) => ({
      name: text("Partage avec l'outil d'e-mailing Mailchimp", "Sharing with the Mailchimp e-mailing tool"),
      purposes: [
        {
          purpose: text(
            "Envoi des campagnes, mesure des ouvertures et des clics (sauf opposition)",
            "Sending campaigns, measuring opens and clicks (unless the person objected)",
          ),
          basis: "consent",
          basisDetail: text("CPCE art. L34-5", "French Post and Electronic Communications Code art. L34-5"),
          legitimateInterest: empty,
        },
      ],
      subjects: text("Inscrits à la newsletter", "Newsletter subscribers"),
      data: text(
        "E-mail, nom, statut d'abonnement, étiquettes, activité (ouvertures, clics)",
        "E-mail, name, subscription status, tags, activity (opens, clicks)",
      ),
      recipients: text("Mailchimp (sous-traitant, Intuit)", "Mailchimp (processor, Intuit)"),
      processors: text("Mailchimp", "Mailchimp"),
      transfers: text(
        "The Rocket Science Group LLC (États-Unis) : garanties à confirmer dans l'accord de traitement de Mailchimp (Data Privacy Framework ou clauses contractuelles types)",
        "The Rocket Science Group LLC (United States): safeguards to confirm in Mailchimp's data processing agreement (Data Privacy Framework or standard contractual clauses)",
      ),
      retention: [
        {
          category: "marketing_prospects",
          months: retention.prospectYears * 12,
          clock: "last_contact",
          note: text(
            "jusqu'au désabonnement ou à l'opposition, puis suppression",
            "until unsubscription or objection, then deletion",
          ),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: [],
    }),
  },
  {
    key: "statistics",
    content: ({ shopName, retention }) => ({
      name: text("Statistiques et gestion commerciale", "Statistics and business management"),
      purposes: [
        {
          purpose: text(
            "Statistiques de fréquentation, normalisation, enrichissement et dédoublonnage des fichiers",
            "Traffic statistics, cleaning, enriching and de-duplicating files",
          ),
          basis: "legitimate_interests",
          basisDetail: empty,
          legitimateInterest: text(
            "Développer l'activité de la boutique et tenir des fichiers clients exacts",
            "Developing the shop's business and keeping accurate customer files",
          ),
        },
      ],
      subjects: text("Clients et visiteurs", "Customers and visitors"),
      data: text("Commandes, données de navigation agrégées", "Orders, aggregated browsing data"),
      recipients: text(
        `Personnel habilité ${elide("de", shopName)} ; Shopify (sous-traitant)`,
        `Authorised staff of ${shopName}; Shopify (processor)`,
      ),
      processors: text("Shopify", "Shopify"),
      transfers: SHOPIFY_TRANSFERS,
      retention: [
        {
          category: "customer_relationship",
          months: retention.customerYearsAfterLastOrder * 12,
          clock: "last_order",
          note: empty,
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: [],
    }),
  },
  {
    key: "site_analytics",
    content: () => ({
      name: text("Mesure d'audience du site (traceurs)", "Site audience measurement (trackers)"),
      purposes: [
        {
          purpose: text(
            "Statistiques et mesures de la fréquentation du site, avec le consentement du visiteur",
            "Statistics and measurement of the site's traffic, with the visitor's consent",
          ),
          basis: "consent",
          basisDetail: text("loi Informatique et Libertés art. 82", "French Data Protection Act art. 82"),
          legitimateInterest: empty,
        },
      ],
      subjects: text("Visiteurs du site", "Site visitors"),
      data: text(
        "Identifiants de traceurs, pages vues, appareil et navigateur, région",
        "Tracker identifiers, pages viewed, device and browser, region",
      ),
      recipients: text(
        "Shopify (sous-traitant, statistiques de la boutique)",
        "Shopify (processor, store analytics)",
      ),
      processors: text("Shopify", "Shopify"),
      transfers: SHOPIFY_TRANSFERS,
      retention: [
        {
          category: "audience_measurement",
          months: 25,
          clock: "collection",
          note: text(
            "traceurs 13 mois au plus\u00a0; choix du visiteur redemandé après 6 mois",
            "trackers at most 13 months; the visitor's choice asked again after 6 months",
          ),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: ["analytics"],
    }),
  },
  {
    key: "social_sharing",
    content: () => ({
      name: text("Outils de partage sur les réseaux sociaux", "Social network sharing tools"),
      purposes: [
        {
          purpose: text(
            "Mise à disposition d'outils de partage sur les réseaux sociaux",
            "Providing tools to share on social networks",
          ),
          basis: "consent",
          basisDetail: text("loi Informatique et Libertés art. 82", "French Data Protection Act art. 82"),
          legitimateInterest: empty,
        },
      ],
      subjects: text("Visiteurs du site", "Site visitors"),
      data: text(
        "Identifiants de traceurs, pages partagées, compte de réseau social s'il est connecté",
        "Tracker identifiers, pages shared, social network account when signed in",
      ),
      recipients: text(
        "Réseaux sociaux dont les boutons de partage figurent sur le site (pour leur propre compte)",
        "Social networks whose sharing buttons are on the site (on their own behalf)",
      ),
      processors: empty,
      transfers: text(
        "Selon chaque réseau social (souvent aux États-Unis)\u00a0: à confirmer",
        "Depending on each social network (often the United States): to be confirmed",
      ),
      retention: [
        {
          category: "other",
          months: 13,
          clock: "collection",
          note: text(
            "traceurs\u00a0; choix du visiteur redemandé après 6 mois",
            "trackers; the visitor's choice asked again after 6 months",
          ),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: ["marketing"],
    }),
  },
  {
    key: "advertising",
    content: () => ({
      name: text("Publicité et partenaires commerciaux", "Advertising and business partners"),
      purposes: [
        {
          purpose: text(
            "Publicité ciblée et mesure des campagnes par les régies marketing et publicitaires",
            "Targeted advertising and campaign measurement by marketing and advertising agencies",
          ),
          basis: "consent",
          basisDetail: text("loi Informatique et Libertés art. 82", "French Data Protection Act art. 82"),
          legitimateInterest: empty,
        },
      ],
      subjects: text("Visiteurs du site", "Site visitors"),
      data: text(
        "Identifiants de traceurs, pages vues, produits consultés, achats",
        "Tracker identifiers, pages viewed, products viewed, purchases",
      ),
      recipients: text(
        "Régies marketing et publicitaires, partenaires commerciaux (pour leur propre compte)",
        "Marketing and advertising agencies, business partners (on their own behalf)",
      ),
      processors: empty,
      transfers: text(
        "Selon chaque partenaire\u00a0: à confirmer dans chaque contrat",
        "Depending on each partner: to be confirmed in each contract",
      ),
      retention: [
        {
          category: "other",
          months: 13,
          clock: "collection",
          note: text(
            "traceurs\u00a0; choix du visiteur redemandé après 6 mois",
            "trackers; the visitor's choice asked again after 6 months",
          ),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: ["marketing", "sale_of_data"],
    }),
  },
  {
    key: "rights",
    content: ({ shopName }) => ({
      name: text("Gestion des demandes d'exercice des droits", "Handling data-protection requests"),
      purposes: [
        {
          purpose: text(
            "Recevoir, vérifier l'identité du demandeur, répondre dans le délai légal et en garder la preuve",
            "Receiving requests, checking the requester's identity, answering within the legal time limit and keeping proof of it",
          ),
          basis: "legal_obligation",
          basisDetail: text("RGPD art. 12 à 22", "GDPR arts. 12–22"),
          legitimateInterest: empty,
        },
      ],
      subjects: text("Personnes qui exercent leurs droits", "People who exercise their rights"),
      data: text(
        "Identité, e-mail, demande et réponse, décision de vérification d'identité (les pièces d'identité sont effacées après vérification)",
        "Identity, e-mail, request and answer, identity-check decision (identity documents are erased once checked)",
      ),
      recipients: text(
        `Délégué à la protection des données et personnel habilité ${elide("de", shopName)} ; Vigie (sous-traitant)`,
        `Data protection officer and authorised staff of ${shopName}; Vigie (processor)`,
      ),
      processors: text("Vigie", "Vigie"),
      transfers: text(
        "Aucun transfert connu hors de l'EEE (à confirmer)",
        "No known transfer outside the EEA (to be confirmed)",
      ),
      retention: [
        {
          category: "rights_requests",
          months: 60,
          clock: "request_closed",
          note: text("comme preuve de la réponse", "as proof of the answer"),
        },
      ],
      security: SECURITY_MEASURES,
      automatedDecision: empty,
      trackers: [],
    }),
  },
];

/** One stored activity, as the register reads it. */
export type StoredActivity = {
  key: string;
  requires: string | null;
  content: ActivityContent;
  revision: number;
  reviewedRevision: number | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
};

export type RegisterInput = {
  shopName: string;
  contactEmail: string | null;
  activities: StoredActivity[];
  /** The systems connected to the shop. */
  connected: ReadonlySet<string>;
  locale: Locale;
};

/** A retention period in one language, with its reference and the warning when longer. */
export function readRetention(entry: RetentionEntry, locale: Locale) {
  const { reference, longerThanReference } = retentionCheck(entry);
  const note = entry.note[locale];
  return {
    category: entry.category,
    text: `${formatPeriod(entry, locale)}${note ? ` (${note})` : ""}`,
    reference: reference ? `${formatPeriod(reference, locale)} — ${reference.source[locale]}` : null,
    longerThanReference,
  };
}

/** The purpose's basis as one line: "Obligation légale (art. 6(1)(c)) — Code de commerce art. L123-22". */
export function basisLine(purpose: ActivityContent["purposes"][number], locale: Locale) {
  const detail = purpose.basisDetail[locale];
  return `${basisLabel(purpose.basis, locale)}${detail ? ` — ${detail}` : ""}`;
}

export type RegisterActivity = ReturnType<typeof readActivity>;

/** One activity in one language. */
export function readActivity(activity: StoredActivity, locale: Locale) {
  const { content } = activity;
  return {
    id: activity.key,
    name: content.name[locale],
    purposes: content.purposes.map((purpose) => ({
      purpose: purpose.purpose[locale],
      basis: basisLine(purpose, locale),
      legitimateInterest:
        purpose.basis === "legitimate_interests" ? purpose.legitimateInterest[locale] || null : null,
    })),
    subjects: content.subjects[locale],
    data: content.data[locale],
    recipients: content.recipients[locale],
    processors: content.processors[locale],
    transfers: content.transfers[locale],
    retentionPeriods: content.retention.map((entry) => readRetention(entry, locale)),
    retention: content.retention.map((entry) => readRetention(entry, locale).text).join(" ; "),
    security: content.security[locale],
    automatedDecision: content.automatedDecision[locale] || null,
    trackers: content.trackers,
    revision: activity.revision,
    review: {
      state: reviewState(activity),
      at: activity.reviewedAt?.toISOString() ?? null,
      by: activity.reviewedBy,
    },
  };
}

/** The register in one language: the activities that apply to the shop (a system's once connected). */
export function buildRegister(input: RegisterInput) {
  const activities = input.activities
    .filter((activity) => !activity.requires || input.connected.has(activity.requires))
    .map((activity) => readActivity(activity, input.locale));
  return {
    // Art. 30(1)(a): the controller and its contact.
    controller: { name: input.shopName, contactEmail: input.contactEmail },
    activities,
  };
}
export type Register = ReturnType<typeof buildRegister>;
