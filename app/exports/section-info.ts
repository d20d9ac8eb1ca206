// The sections each connector emits, as the README names them, and which of them are tables (also
// written as CSV, on the columns declared here). Names must match the connectors' `section:` values
// and columns the keys of their records' data (the connectors' tests check both): a section missing
// here is still exported, under a generic description and without CSV.

import type { SystemName } from "~/domain/systems";
import type { Text } from "./system-info";

/** How the README describes a section, and whether it also becomes a CSV table. */
export type SectionInfo = {
  description: Text;
  /**
   * Set for one row per item with mostly flat fields: the section is also written as
   * `csv/<system>-<section>.csv`, with these columns (after `provided`), in this order.
   */
  columns?: readonly string[];
};

/** The known sections of each system, in the order the connectors emit them. */
export const SECTION_INFO: Record<SystemName, Record<string, SectionInfo>> = {
  shopify: {
    customer: {
      description: {
        fr: "Votre compte client : nom, e-mail, téléphone ; état du compte, langue, nombre de commandes, notes et étiquettes.",
        en: "Your customer account: name, e-mail, phone; account state, language, number of orders, notes and tags.",
      },
    },
    addresses: {
      description: {
        fr: "Les adresses enregistrées dans votre compte.",
        en: "The addresses saved in your account.",
      },
    },
    marketing: {
      description: {
        fr: "Votre abonnement aux e-mails et SMS marketing, et quand il a changé.",
        en: "Your e-mail and SMS marketing subscription, and when it changed.",
      },
    },
    orders: {
      description: {
        fr: "Vos commandes : numéro, dates, statuts de paiement et de livraison, montant, articles.",
        en: "Your orders: number, dates, payment and fulfilment states, total, items.",
      },
      columns: [
        "orderId",
        "name",
        "createdAt",
        "processedAt",
        "cancelledAt",
        "financialStatus",
        "fulfillmentStatus",
        "total",
        "lineItems",
      ],
    },
    order_inputs: {
      description: {
        fr: "Ce que vous avez saisi pour chaque commande : contact, adresses, note et informations complémentaires.",
        en: "What you entered for each order: contact, addresses, note and additional details.",
      },
    },
    withheld: {
      description: {
        fr: "Les champs que Shopify n'a pas communiqués à Vigie (données client protégées pour lesquelles l'application n'est pas approuvée) : la boutique peut vous les donner depuis son administration Shopify.",
        en: "The fields Shopify did not give Vigie (protected customer data the app is not approved for): the shop can give them to you from its Shopify admin.",
      },
    },
  },
  stripe: {
    customer: {
      description: {
        fr: "Votre fiche client chez Stripe : nom, e-mail, téléphone, adresses.",
        en: "Your customer record at Stripe: name, e-mail, phone, addresses.",
      },
    },
    charges: {
      description: {
        fr: "Vos paiements : montant, statut, carte masquée, coordonnées de facturation, évaluation du risque.",
        en: "Your payments: amount, state, masked card, billing details, risk assessment.",
      },
      columns: [
        "id",
        "billingDetails",
        "receiptEmail",
        "shipping",
        "created",
        "amount",
        "amountRefunded",
        "currency",
        "status",
        "paid",
        "refunded",
        "disputed",
        "description",
        "failureCode",
        "paymentIntent",
        "paymentMethod",
        "riskAssessment",
        "review",
        "receiptUrl",
        "metadata",
      ],
    },
    payment_intents: {
      description: {
        fr: "Vos tentatives de paiement et leur aboutissement.",
        en: "Your payment attempts and their outcome.",
      },
      columns: [
        "id",
        "receiptEmail",
        "shipping",
        "created",
        "amount",
        "amountReceived",
        "currency",
        "status",
        "description",
        "canceledAt",
        "cancellationReason",
        "latestCharge",
        "paymentMethod",
        "metadata",
      ],
    },
    invoices: {
      description: {
        fr: "Vos factures, avec les coordonnées qu'elles portent.",
        en: "Your invoices, with the contact details they carry.",
      },
      columns: [
        "id",
        "customerName",
        "customerEmail",
        "customerPhone",
        "customerAddress",
        "customerShipping",
        "number",
        "status",
        "created",
        "currency",
        "total",
        "amountDue",
        "amountPaid",
        "description",
        "periodStart",
        "periodEnd",
        "subscription",
        "lines",
        "hostedInvoiceUrl",
        "invoicePdf",
      ],
    },
    payment_methods: {
      description: {
        fr: "Vos moyens de paiement enregistrés, masqués (marque, 4 derniers chiffres, expiration).",
        en: "Your saved means of payment, masked (brand, last 4 digits, expiry).",
      },
    },
    subscriptions: {
      description: {
        fr: "Vos abonnements, y compris résiliés.",
        en: "Your subscriptions, cancelled ones included.",
      },
    },
    checkout_sessions: {
      description: {
        fr: "Ce que vous avez saisi sur la page de paiement Stripe.",
        en: "What you entered on Stripe's payment page.",
      },
    },
    disputes: {
      description: {
        fr: "Les contestations de paiement et les éléments de preuve transmis.",
        en: "Payment disputes and the evidence submitted.",
      },
    },
    early_fraud_warnings: {
      description: {
        fr: "Les signalements de fraude émis par la banque de la carte.",
        en: "Fraud reports issued by the card's bank.",
      },
    },
    reviews: {
      description: {
        fr: "Les examens anti-fraude de vos paiements, avec l'adresse IP et l'appareil observés.",
        en: "Fraud reviews of your payments, with the IP address and device seen.",
      },
    },
  },
  mailchimp: {
    member: {
      description: {
        fr: "Votre inscription : adresse, nom et préférences ; statut, langue, dates et statistiques d'engagement.",
        en: "Your subscription: address, name and preferences; status, language, dates and engagement statistics.",
      },
    },
    marketing_permissions: {
      description: {
        fr: "Les autorisations de communication que vous avez données.",
        en: "The communication permissions you gave.",
      },
    },
    tags: {
      description: { fr: "Les étiquettes posées sur votre inscription.", en: "Tags on your subscription." },
    },
    activity: {
      description: {
        fr: "L'activité liée aux e-mails : envois, ouvertures, clics, désabonnements.",
        en: "E-mail activity: sends, opens, clicks, unsubscribes.",
      },
    },
    events: {
      description: { fr: "Les événements enregistrés pour vous.", en: "Events recorded for you." },
    },
    notes: {
      description: { fr: "Les notes écrites sur vous.", en: "Notes written about you." },
    },
  },
  vigie: {
    subject: {
      description: {
        fr: "Votre fiche : e-mail, téléphone, langue, identifiant client Shopify, date de votre dernière commande et de votre éventuelle opposition à la prospection.",
        en: "Your record: e-mail, phone, language, Shopify customer id, the date of your last order and of any objection to direct marketing.",
      },
    },
    consent_events: {
      description: {
        fr: "Chaque consentement donné ou retiré, avec sa preuve : texte affiché, version de la politique, source, date, chaînage.",
        en: "Each consent given or withdrawn, with its proof: wording shown, notice version, source, date, chaining.",
      },
      columns: [
        "id",
        "seq",
        "kind",
        "purpose",
        "lawfulBasis",
        "source",
        "noticeVersion",
        "privacyNoticeVersion",
        "wordingKey",
        "wording",
        "wordingLocale",
        "confirmsEventId",
        "occurredAt",
        "recordedAt",
        "email",
        "shopifyCustomerId",
        "orderId",
        "ipPrefix",
        "userAgent",
        "commitment",
        "prevHash",
        "hash",
      ],
    },
    consent_state: {
      description: {
        fr: "L'état actuel de vos consentements, déduit de ces événements.",
        en: "The current state of your consents, derived from those events.",
      },
    },
    rights_requests: {
      description: {
        fr: "Vos demandes d'exercice de droits : type, canal, état, dates, délais, réponse.",
        en: "Your rights requests: type, channel, state, dates, deadlines, answer.",
      },
      columns: [
        "id",
        "reference",
        "type",
        "channel",
        "state",
        "details",
        "requesterEmail",
        "requesterName",
        "message",
        "locale",
        "receivedAt",
        "identityLevel",
        "identityVerifiedAt",
        "extensionMonths",
        "extensionReason",
        "extensionNotifiedAt",
        "closedAt",
        "refusalGround",
        "refusalExplanation",
        "answerNote",
        "shopifyCustomerId",
        "orderIds",
      ],
    },
    restrictions: {
      description: {
        fr: "Les limitations du traitement de vos données (RGPD art. 18) : le motif et son article (accuracy_contested : exactitude contestée, unlawful_no_erasure : traitement illicite sans effacement, legal_claims : droits en justice, objection_pending : opposition en cours d'examen), l'état (active : en vigueur, lifting : levée annoncée, lifted : levée), les dates d'octroi et de levée.",
        en: "The restrictions of the processing of your data (GDPR art. 18): the ground and its article (accuracy_contested: accuracy contested, unlawful_no_erasure: unlawful processing without erasure, legal_claims: legal claims, objection_pending: objection being weighed), the state (active: in force, lifting: lift announced, lifted: lifted), the dates it was granted and lifted.",
      },
      columns: [
        "id",
        "requestReference",
        "ground",
        "basis",
        "status",
        "grantedAt",
        "liftDecidedAt",
        "liftedAt",
      ],
    },
    identity_checks: {
      description: {
        fr: "Les vérifications d'identité de vos demandes : méthode, résultat, dates (jamais les codes ni les documents).",
        en: "The identity checks of your requests: method, outcome, dates (never the codes or documents).",
      },
    },
    emails: {
      description: {
        fr: "Les e-mails qui vous ont été envoyés au sujet de vos demandes, avec leur texte.",
        en: "The e-mails sent to you about your requests, with their text.",
      },
    },
    payment_checks: {
      description: {
        fr: "Les vérifications de paiement : motif, justificatifs demandés, décision ; des documents, seules leurs empreintes (ils sont supprimés dès la décision).",
        en: "Payment checks: reason, proof requested, decision; of the documents, only their fingerprints (they are deleted once decided).",
      },
    },
    audit: {
      description: {
        fr: "Le journal des actions menées sur vos données, avec le type d'acteur (vous, le personnel, le système).",
        en: "The log of actions taken on your data, with the kind of actor (you, staff, the system).",
      },
      columns: ["action", "actorType", "targetType", "targetId", "at"],
    },
    legal_holds: {
      description: {
        fr: "Les données que la loi impose de conserver, avec leur base légale et leur date de fin.",
        en: "Data the law requires us to keep, with its legal basis and end date.",
      },
    },
  },
};

const OTHER: SectionInfo = {
  description: { fr: "Autres données de ce système.", en: "Other data from this system." },
};

/** The README text and CSV columns of a section; unknown sections get a generic text and no CSV. */
export function sectionInfo(system: SystemName, section: string): SectionInfo {
  return Object.hasOwn(SECTION_INFO[system], section)
    ? (SECTION_INFO[system][section] as SectionInfo)
    : OTHER;
}
