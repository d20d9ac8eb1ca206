// The register of processors and other recipients (GDPR art. 28, 30(1)(d)–(e)) and of transfers
// outside the EEA with their safeguards (art. 44–46, 49). Staff confirm each entry once they have
// checked its contract and safeguards; until then the notice says they are being confirmed.
import { z } from "zod";
import { AppError } from "~/domain/errors";
import { LOCALES, type Locale } from "~/i18n/locale";
import { type Text, TextSchema } from "./record";

/** Art. 28 (processor), art. 4(7) (a controller of its own), art. 26 (joint controllers). */
export const RECIPIENT_ROLES = ["processor", "independent_controller", "joint_controller"] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** How a transfer outside the EEA is lawful. */
export const TRANSFER_MECHANISMS = [
  // Art. 45: adequacy decision (e.g. the EU–US Data Privacy Framework for certified companies).
  "adequacy",
  // Art. 46(2)(c): the Commission's standard contractual clauses.
  "sccs",
  // Art. 46(2)(b), 47: binding corporate rules.
  "bcrs",
  // Art. 49: a derogation for a specific situation.
  "derogation",
  // Not known yet: the entry cannot be confirmed.
  "unknown",
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const TransferSchema = z.object({
  /** Country and the company receiving there. */
  destination: TextSchema,
  mechanism: z.enum(TRANSFER_MECHANISMS),
  /** The decision or clauses relied on, where to read them. */
  detail: TextSchema.prefault({}),
});
export type Transfer = z.infer<typeof TransferSchema>;

const optionalUrl = z.union([z.literal(""), z.url({ protocol: /^https?$/ })]);
const optionalDate = z.union([z.literal(""), z.iso.date()]);

export const ProcessorContentSchema = z.object({
  /**
   * The company's name as in its contract (the same in both languages), or a category of recipients
   * (art. 13(1)(e)), which is not. A name stored before names had a language reads as both.
   */
  name: z.preprocess((value) => (typeof value === "string" ? { fr: value, en: value } : value), TextSchema),
  role: z.enum(RECIPIENT_ROLES),
  /** What it does for the shop. */
  service: TextSchema,
  data: TextSchema,
  /** Where it is established and processes the data. */
  location: TextSchema,
  /** Art. 28(2), (4): its own processors, or where their list is published. */
  subProcessors: TextSchema.prefault({}),
  /** Art. 28(3): the contract (data processing agreement). */
  contractDate: optionalDate.default(""),
  contractUrl: optionalUrl.default(""),
  /** Transfers outside the EEA (art. 44–46); none when it all stays in the EEA. */
  transfers: z.array(TransferSchema).max(8),
});
export type ProcessorContent = z.infer<typeof ProcessorContentSchema>;

const filled = (text: Text) => LOCALES.every((locale) => text[locale].trim() !== "");

/** The fields a recipient lacks to be recorded, as form paths. */
export function processorProblems(content: ProcessorContent): string[] {
  const problems: string[] = [];
  for (const field of ["name", "service", "data", "location"] as const) {
    if (!filled(content[field])) problems.push(field);
  }
  content.transfers.forEach((transfer, index) => {
    if (!filled(transfer.destination)) problems.push(`transfers.${index}.destination`);
  });
  return problems;
}

export function assertProcessor(content: ProcessorContent) {
  const problems = processorProblems(content);
  if (problems.length > 0) throw new AppError("REGISTER_ENTRY_INVALID", "recipient incomplete", problems);
}

/**
 * What staff must have checked before confirming a recipient: a processor's contract (art. 28(3)),
 * and a safeguard for each transfer outside the EEA (art. 44: none without one).
 */
export function assertConfirmable(content: ProcessorContent) {
  assertProcessor(content);
  if (content.role === "processor" && !content.contractDate && !content.contractUrl) {
    throw new AppError("PROCESSOR_CONTRACT_REQUIRED", "processor without contract", [
      "contractDate",
      "contractUrl",
    ]);
  }
  const unknown = content.transfers.flatMap((transfer, index) =>
    transfer.mechanism === "unknown" ? [`transfers.${index}.mechanism`] : [],
  );
  if (unknown.length > 0)
    throw new AppError("TRANSFER_SAFEGUARD_REQUIRED", "transfer without safeguard", unknown);
}

export type ProcessorDraft = { key: string; requires?: "stripe" | "mailchimp"; content: ProcessorContent };

const text = (fr: string, en: string): Text => ({ fr, en });
const DPF = text(
  "Décision d'adéquation UE–États-Unis « Data Privacy Framework » du 10 juillet 2023, pour une société certifiée : certification à vérifier sur dataprivacyframework.gov",
  "EU–US Data Privacy Framework adequacy decision of 10 July 2023, for a certified company: check the certification on dataprivacyframework.gov",
);

/**
 * The reference policy's recipients (iméra's §2): who the shop says it shares data with, drafted
 * for staff to confirm. Contracts and safeguards are the companies' published terms as Vigie knows
 * them; staff check them against the contracts actually signed.
 */
export const PROCESSOR_DRAFTS: ProcessorDraft[] = [
  {
    key: "shopify",
    content: {
      name: text("Shopify International Limited", "Shopify International Limited"),
      role: "processor",
      service: text(
        "Plateforme de la boutique : commandes, comptes clients, paiements Shopify",
        "The shop's platform: orders, customer accounts, Shopify payments",
      ),
      data: text(
        "Identité, coordonnées, adresses, commandes, navigation",
        "Identity, contact details, addresses, orders, browsing",
      ),
      location: text(
        "Irlande (Dublin) ; serveurs de Shopify au Canada et aux États-Unis",
        "Ireland (Dublin); Shopify's servers in Canada and the United States",
      ),
      subProcessors: text("Liste publiée par Shopify", "List published by Shopify"),
      contractDate: "",
      contractUrl: "https://www.shopify.com/legal/dpa",
      transfers: [
        {
          destination: text("Canada (Shopify Inc.)", "Canada (Shopify Inc.)"),
          mechanism: "adequacy",
          detail: text(
            "Décision d'adéquation de la Commission pour le Canada (2002/2/CE)",
            "Commission adequacy decision for Canada (2002/2/EC)",
          ),
        },
        {
          destination: text(
            "États-Unis (Shopify Inc. et ses sous-traitants)",
            "United States (Shopify Inc. and its processors)",
          ),
          mechanism: "unknown",
          detail: text(
            "Data Privacy Framework ou clauses contractuelles types : à lire dans l'accord de traitement de Shopify",
            "Data Privacy Framework or standard contractual clauses: to read in Shopify's data processing agreement",
          ),
        },
      ],
    },
  },
  {
    key: "stripe",
    requires: "stripe",
    content: {
      name: text("Stripe Payments Europe, Limited", "Stripe Payments Europe, Limited"),
      role: "processor",
      service: text(
        "Paiement en ligne et analyse du risque de fraude (Stripe Radar)",
        "Online payments and fraud-risk assessment (Stripe Radar)",
      ),
      data: text(
        "Identité, e-mail, adresse de facturation, moyen de paiement, montant, adresse IP",
        "Identity, e-mail, billing address, payment method, amount, IP address",
      ),
      location: text("Irlande (Dublin)", "Ireland (Dublin)"),
      subProcessors: text("Liste publiée par Stripe", "List published by Stripe"),
      contractDate: "",
      contractUrl: "https://stripe.com/legal/dpa",
      transfers: [
        {
          destination: text("États-Unis (Stripe, Inc.)", "United States (Stripe, Inc.)"),
          mechanism: "adequacy",
          detail: DPF,
        },
      ],
    },
  },
  {
    key: "mailchimp",
    requires: "mailchimp",
    content: {
      name: text(
        "The Rocket Science Group LLC (Mailchimp, Intuit)",
        "The Rocket Science Group LLC (Mailchimp, Intuit)",
      ),
      role: "processor",
      service: text(
        "Envoi de la newsletter, mesure des ouvertures et des clics",
        "Sending the newsletter, measuring opens and clicks",
      ),
      data: text("E-mail, nom, statut d'abonnement, activité", "E-mail, name, subscription status, activity"),
      location: text("États-Unis (Atlanta)", "United States (Atlanta)"),
      subProcessors: text("Liste publiée par Intuit Mailchimp", "List published by Intuit Mailchimp"),
      contractDate: "",
      contractUrl: "https://mailchimp.com/legal/data-processing-addendum/",
      transfers: [
        {
          destination: text(
            "États-Unis (The Rocket Science Group LLC)",
            "United States (The Rocket Science Group LLC)",
          ),
          mechanism: "adequacy",
          detail: DPF,
        },
      ],
    },
  },
  {
    key: "carriers",
    content: {
      name: text("Transporteurs", "Carriers"),
      role: "processor",
      service: text("Acheminement et livraison des colis", "Carrying and delivering parcels"),
      data: text("Nom, adresse de livraison, téléphone, e-mail", "Name, shipping address, phone, e-mail"),
      location: text(
        "France et Union européenne (à préciser par transporteur)",
        "France and the European Union (to state for each carrier)",
      ),
      subProcessors: text("", ""),
      contractDate: "",
      contractUrl: "",
      transfers: [],
    },
  },
  {
    key: "vigie",
    content: {
      name: text("Vigie", "Vigie"),
      role: "processor",
      service: text(
        "Registre des consentements, demandes d'exercice des droits, conservation",
        "Consent ledger, rights requests, retention",
      ),
      data: text(
        "E-mail, identifiants client, consentements et leurs preuves, demandes et réponses",
        "E-mail, customer ids, consents and their proofs, requests and answers",
      ),
      location: text(
        "Hébergement choisi par la boutique (à préciser)",
        "Hosting chosen by the shop (to state)",
      ),
      subProcessors: text("Hébergeur, service d'envoi d'e-mails", "Host, e-mail delivery service"),
      contractDate: "",
      contractUrl: "",
      transfers: [],
    },
  },
  {
    key: "banks",
    content: {
      name: text("Banques et établissements de crédit", "Banks and credit institutions"),
      role: "independent_controller",
      service: text("Exécution des paiements, recouvrement", "Carrying out payments, recovery"),
      data: text("Identité, moyen de paiement, montant", "Identity, payment method, amount"),
      location: text("Union européenne", "European Union"),
      subProcessors: text("", ""),
      contractDate: "",
      contractUrl: "",
      transfers: [],
    },
  },
  {
    key: "advertising",
    content: {
      name: text("Régies marketing et publicitaires", "Marketing and advertising agencies"),
      role: "independent_controller",
      service: text(
        "Partenaires commerciaux de la boutique (à nommer)",
        "The shop's commercial partners (to name)",
      ),
      data: text("À préciser", "To state"),
      location: text("À préciser", "To state"),
      subProcessors: text("", ""),
      contractDate: "",
      contractUrl: "",
      transfers: [],
    },
  },
  {
    key: "social_networks",
    content: {
      name: text("Réseaux sociaux (outils de partage)", "Social networks (sharing tools)"),
      role: "joint_controller",
      service: text(
        "Boutons de partage : responsables conjoints de la collecte par le bouton (CJUE, Fashion ID, C-40/17)",
        "Sharing buttons: joint controllers of the collection through the button (CJEU, Fashion ID, C-40/17)",
      ),
      data: text(
        "Adresse IP, page consultée, identifiants du réseau social",
        "IP address, page viewed, social network identifiers",
      ),
      location: text("États-Unis pour la plupart (à préciser)", "Mostly the United States (to state)"),
      subProcessors: text("", ""),
      contractDate: "",
      contractUrl: "",
      transfers: [
        {
          destination: text(
            "États-Unis (sociétés des réseaux sociaux)",
            "United States (the social networks' companies)",
          ),
          mechanism: "unknown",
          detail: text("À vérifier pour chaque réseau", "To check for each network"),
        },
      ],
    },
  },
];

/** One stored recipient in one language. */
export function readProcessor(
  entry: {
    key: string;
    content: ProcessorContent;
    revision: number;
    reviewedRevision: number | null;
    reviewedAt: Date | null;
    reviewedBy: string | null;
  },
  locale: Locale,
) {
  const { content } = entry;
  return {
    id: entry.key,
    name: content.name[locale],
    role: content.role,
    service: content.service[locale],
    data: content.data[locale],
    location: content.location[locale],
    subProcessors: content.subProcessors[locale],
    contractDate: content.contractDate || null,
    contractUrl: content.contractUrl || null,
    transfers: content.transfers.map((transfer) => ({
      destination: transfer.destination[locale],
      mechanism: transfer.mechanism,
      detail: transfer.detail[locale],
    })),
    revision: entry.revision,
    // A confirmation covers the version it was given for (art. 5(2)).
    confirmed: entry.reviewedRevision !== null && entry.reviewedRevision === entry.revision,
    confirmedAt: entry.reviewedAt?.toISOString() ?? null,
    confirmedBy: entry.reviewedBy,
  };
}
export type ProcessorReading = ReturnType<typeof readProcessor>;
