// The reference retention periods French law and the CNIL give for what a shop keeps, set beside the
// shop's own periods in the record of processing: keeping longer than needed breaks GDPR art. 5(1)(e).
import type { Locale } from "~/i18n/locale";

type Text = Record<Locale, string>;

/** When a retention period starts to run. */
export const RETENTION_CLOCKS = [
  "last_order",
  "last_contact",
  "collection",
  "transaction",
  "financial_year_end",
  "request_closed",
  "consent_end",
] as const;
export type RetentionClock = (typeof RETENTION_CLOCKS)[number];

/** What a period applies to; each has its reference, or none ("other"). */
export const RETENTION_CATEGORIES = [
  "customer_relationship",
  "marketing_customers",
  "marketing_prospects",
  "accounting",
  "payment_cards",
  "rights_requests",
  "consent_proofs",
  "audience_measurement",
  "other",
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export type RetentionReference = { months: number; clock: RetentionClock; source: Text };

export const RETENTION_REFERENCES: Record<Exclude<RetentionCategory, "other">, RetentionReference> = {
  // CNIL référentiel « gestion des activités commerciales »: the relationship, then proof of the
  // contract in intermediate archiving for the limitation period (Code de commerce art. L110-4).
  customer_relationship: {
    months: 60,
    clock: "last_order",
    source: {
      fr: "CNIL, référentiel gestion commerciale : durée de la relation, puis 5 ans en archive pour la preuve du contrat (Code de commerce art. L110-4)",
      en: "CNIL commercial-management reference: the relationship, then 5 years archived as proof of the contract (French Commercial Code art. L110-4)",
    },
  },
  // Same référentiel: customers' data used for marketing, 3 years from the end of the relationship.
  marketing_customers: {
    months: 36,
    clock: "last_contact",
    source: {
      fr: "CNIL, référentiel gestion commerciale : prospection des clients, 3 ans après la fin de la relation commerciale (dernier achat ou dernier contact)",
      en: "CNIL commercial-management reference: marketing to customers, 3 years after the end of the relationship (last purchase or last contact)",
    },
  },
  // Same référentiel: prospects, 3 years from collection or their last contact.
  marketing_prospects: {
    months: 36,
    clock: "last_contact",
    source: {
      fr: "CNIL, référentiel gestion commerciale : prospects, 3 ans après la collecte ou le dernier contact venant d'eux",
      en: "CNIL commercial-management reference: prospects, 3 years after collection or their last contact",
    },
  },
  // Code de commerce art. L123-22: accounting records and supporting documents, 10 years.
  accounting: {
    months: 120,
    clock: "financial_year_end",
    source: {
      fr: "Code de commerce art. L123-22 : pièces comptables, 10 ans",
      en: "French Commercial Code art. L123-22: accounting records, 10 years",
    },
  },
  // CNIL recommendation on payment cards; Code monétaire et financier art. L133-24 (disputes).
  payment_cards: {
    months: 13,
    clock: "transaction",
    source: {
      fr: "CNIL, recommandation cartes de paiement : 13 mois après le débit, pour les contestations (Code monétaire et financier art. L133-24)",
      en: "CNIL payment-card recommendation: 13 months after the debit, for disputes (French Monetary and Financial Code art. L133-24)",
    },
  },
  // Proof that a request was answered: the limitation period (Code civil art. 2224).
  rights_requests: {
    months: 60,
    clock: "request_closed",
    source: {
      fr: "Prescription de droit commun, 5 ans (Code civil art. 2224)",
      en: "General limitation period, 5 years (French Civil Code art. 2224)",
    },
  },
  // Proof of consent (art. 7(1)): while relied on, then the limitation period.
  consent_proofs: {
    months: 60,
    clock: "consent_end",
    source: {
      fr: "Preuve du consentement (RGPD art. 7(1)) : tant qu'il sert, puis 5 ans (Code civil art. 2224)",
      en: "Proof of consent (GDPR art. 7(1)): while relied on, then 5 years (French Civil Code art. 2224)",
    },
  },
  // CNIL guidelines on trackers: audience-measurement data kept at most 25 months.
  audience_measurement: {
    months: 25,
    clock: "collection",
    source: {
      fr: "CNIL, lignes directrices sur les traceurs : données de mesure d'audience, 25 mois au plus",
      en: "CNIL guidelines on trackers: audience-measurement data, 25 months at most",
    },
  },
};

export type RetentionPeriod = {
  category: RetentionCategory;
  months: number;
  clock: RetentionClock;
};

/**
 * The reference for a period and whether the shop keeps longer than it (art. 5(1)(e)). A period
 * counted from the last order is no longer than one from the last contact (an order is a contact),
 * so only the durations are compared.
 */
export function retentionCheck(period: RetentionPeriod) {
  const reference = period.category === "other" ? null : RETENTION_REFERENCES[period.category];
  return {
    reference,
    longerThanReference: reference !== null && period.months > reference.months,
  };
}
