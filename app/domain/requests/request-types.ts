import { AppError } from "../errors";

/** Every kind of request a shopper (or an heir) can make. */
export const REQUEST_TYPES = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "withdraw_consent",
  "object",
  "object_to_marketing",
  "portability",
  "post_mortem_directive",
  "heir_request",
] as const;

export type RequestType = (typeof REQUEST_TYPES)[number];

/** Why a request may be refused; each ground cites the provision that allows it. */
export type RefusalGround =
  | "identity_not_established"
  | "manifestly_unfounded_or_excessive"
  | "legal_obligation"
  | "legal_claims"
  | "compelling_legitimate_grounds"
  | "rights_of_others"
  | "not_applicable"
  | "requester_not_entitled";

export type Bilingual = { fr: string; en: string };

export type RequestTypeInfo = {
  label: Bilingual;
  description: Bilingual;
  legalBasis: readonly string[];
  refusalGrounds: readonly RefusalGround[];
};

/** The provision each refusal ground rests on, for the answer letter and the audit trail. */
export const REFUSAL_GROUND_BASIS: Record<RefusalGround, string> = {
  identity_not_established: "GDPR art. 11(2), 12(2), 12(6)",
  manifestly_unfounded_or_excessive: "GDPR art. 12(5)",
  legal_obligation: "GDPR art. 17(3)(b)",
  legal_claims: "GDPR art. 17(3)(e), 21(1)",
  compelling_legitimate_grounds: "GDPR art. 21(1)",
  rights_of_others: "GDPR art. 15(4), 20(4)",
  not_applicable: "GDPR art. 17(1), 18(1), 20(1), 21(1) (conditions not met)",
  requester_not_entitled: "LIL art. 85-II; décret 2019-536 art. 124",
};

/** Labels, descriptions, legal basis and allowed refusal grounds of each request type. */
export const REQUEST_TYPE_INFO: Record<RequestType, RequestTypeInfo> = {
  access: {
    label: { fr: "Droit d'accès", en: "Right of access" },
    description: {
      fr: "Savoir si vos données sont traitées et en obtenir une copie.",
      en: "Find out whether your data is processed and get a copy of it.",
    },
    legalBasis: ["GDPR art. 15"],
    refusalGrounds: ["identity_not_established", "manifestly_unfounded_or_excessive", "rights_of_others"],
  },
  rectification: {
    label: { fr: "Droit de rectification", en: "Right to rectification" },
    description: {
      fr: "Faire corriger ou compléter des données inexactes ou incomplètes.",
      en: "Have inaccurate or incomplete data corrected or completed.",
    },
    legalBasis: ["GDPR art. 16"],
    refusalGrounds: ["identity_not_established", "manifestly_unfounded_or_excessive", "not_applicable"],
  },
  erasure: {
    label: { fr: "Droit à l'effacement", en: "Right to erasure" },
    description: {
      fr: "Faire effacer vos données, sauf celles que la loi oblige à conserver (factures).",
      en: "Have your data erased, except what the law requires us to keep (invoices).",
    },
    legalBasis: ["GDPR art. 17"],
    refusalGrounds: [
      "identity_not_established",
      "manifestly_unfounded_or_excessive",
      "legal_obligation",
      "legal_claims",
      "not_applicable",
    ],
  },
  restriction: {
    label: { fr: "Droit à la limitation du traitement", en: "Right to restriction of processing" },
    description: {
      fr: "Faire geler vos données : elles sont conservées mais plus utilisées, le temps d'une vérification ou d'un litige.",
      en: "Have your data frozen: kept but no longer used, while it is checked or for a legal claim.",
    },
    legalBasis: ["GDPR art. 18", "GDPR art. 19"],
    // Art. 18(1): granted when one of (a)–(d) applies; otherwise its conditions are not met.
    refusalGrounds: ["identity_not_established", "manifestly_unfounded_or_excessive", "not_applicable"],
  },
  withdraw_consent: {
    label: { fr: "Retrait du consentement", en: "Withdrawal of consent" },
    description: {
      fr: "Retirer à tout moment un consentement donné, aussi simplement que vous l'avez donné.",
      en: "Withdraw a consent at any time, as easily as you gave it.",
    },
    legalBasis: ["GDPR art. 7(3)"],
    // Art. 7(3): withdrawal is unconditional, so only "who are you" and "no consent-based processing" remain.
    refusalGrounds: ["identity_not_established", "not_applicable"],
  },
  object: {
    label: { fr: "Droit d'opposition", en: "Right to object" },
    description: {
      fr: "Vous opposer, pour des raisons tenant à votre situation, à un traitement fondé sur l'intérêt légitime.",
      en: "Object, on grounds relating to your situation, to processing based on legitimate interests.",
    },
    legalBasis: ["GDPR art. 21(1)"],
    refusalGrounds: [
      "identity_not_established",
      "manifestly_unfounded_or_excessive",
      "compelling_legitimate_grounds",
      "legal_claims",
      "not_applicable",
    ],
  },
  object_to_marketing: {
    label: { fr: "Opposition à la prospection", en: "Objection to direct marketing" },
    description: {
      fr: "Ne plus recevoir de prospection commerciale ; la demande s'applique sans condition.",
      en: "Stop receiving direct marketing; the request applies unconditionally.",
    },
    legalBasis: ["GDPR art. 21(2)", "GDPR art. 21(3)"],
    // Art. 21(3): no balancing test; the objection is absolute once the requester is identified.
    refusalGrounds: ["identity_not_established"],
  },
  portability: {
    label: { fr: "Droit à la portabilité", en: "Right to data portability" },
    description: {
      fr: "Recevoir les données que vous avez fournies, dans un format structuré et lisible par machine.",
      en: "Receive the data you provided, in a structured, machine-readable format.",
    },
    legalBasis: ["GDPR art. 20"],
    refusalGrounds: [
      "identity_not_established",
      "manifestly_unfounded_or_excessive",
      "rights_of_others",
      "not_applicable",
    ],
  },
  post_mortem_directive: {
    label: { fr: "Directives post mortem", en: "Post-mortem directives" },
    description: {
      fr: "Enregistrer, modifier ou révoquer vos directives sur le sort de vos données après votre décès.",
      en: "Record, update or revoke your instructions for your data after your death.",
    },
    legalBasis: ["LIL art. 84", "LIL art. 85-I"],
    refusalGrounds: ["identity_not_established", "manifestly_unfounded_or_excessive"],
  },
  heir_request: {
    label: { fr: "Demande d'un héritier", en: "Request from an heir" },
    description: {
      fr: "Pour un client décédé : clôturer son compte, arrêter la prospection, accéder au nécessaire pour la succession.",
      en: "For a deceased customer: close the account, stop marketing, access what the estate needs.",
    },
    legalBasis: ["LIL art. 84", "LIL art. 85-II", "décret 2019-536 art. 124"],
    refusalGrounds: [
      "identity_not_established",
      "requester_not_entitled",
      "not_applicable",
      "manifestly_unfounded_or_excessive",
    ],
  },
};

/** True when `value` names a known request type (for parsing untrusted input). */
export function isRequestType(value: string): value is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(value);
}

/** The catalogue entry of a type; throws `UNKNOWN_REQUEST_TYPE` for an unknown string. */
export function requestTypeInfo(type: string): RequestTypeInfo {
  if (!isRequestType(type)) throw new AppError("UNKNOWN_REQUEST_TYPE", `Unknown request type: "${type}"`);
  return REQUEST_TYPE_INFO[type];
}
