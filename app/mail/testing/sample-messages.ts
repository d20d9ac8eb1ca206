// For tests: one complete message per template, with the facts the tests look for.
import { parseLocalDate } from "~/domain/deadlines/local-date";
import type { EmailTemplateId, MessageOf } from "../message";

export const SAMPLE_REFERENCE = "DR-2026-0042";

export const sampleMessages: { [T in EmailTemplateId]: MessageOf<T> } = {
  "request.acknowledgement": {
    type: "request.acknowledgement",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
    requestType: "access",
    receivedOn: parseLocalDate("2026-11-26"),
    dueOn: parseLocalDate("2026-12-28"),
    statusUrl: "https://imera-paris.myshopify.com/apps/vigie/requests/DR-2026-0042?t=abc",
    dpoEmail: "dpo@imera-paris.com",
  },
  "request.identity_code": {
    type: "request.identity_code",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
    code: "482913",
    expiresInMinutes: 30,
    confirmUrl: "https://imera-paris.myshopify.com/apps/vigie/confirm?r=DR-2026-0042&code=482913",
  },
  "request.extension": {
    type: "request.extension",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
    newDueOn: parseLocalDate("2027-02-26"),
    reason: "Vos commandes sont réparties sur trois systèmes.\nNous devons rapprocher les historiques.",
    dpoEmail: "dpo@imera-paris.com",
  },
  "request.answer": {
    type: "request.answer",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
    requestType: "erasure",
    summary: "Votre compte client a été supprimé.\nVous ne recevrez plus nos e-mails.",
    downloadUrl: "https://imera-paris.myshopify.com/apps/vigie/exports/e1",
    downloadExpiresOn: parseLocalDate("2027-01-01"),
    holds: [
      { what: "Factures", basis: "Code de commerce, art. L123-22", until: parseLocalDate("2036-12-31") },
      { what: "Preuve de consentement", basis: "RGPD art. 7(1)", until: parseLocalDate("2031-11-26") },
    ],
    erasure: [
      {
        system: "Stripe",
        done: ["Client Stripe supprimé", "Moyens de paiement détachés"],
        on: parseLocalDate("2026-11-26"),
        references: ["cus_Q1"],
      },
      {
        system: "Mailchimp",
        done: ["Contact supprimé définitivement"],
        on: parseLocalDate("2026-11-27"),
        references: [],
      },
    ],
    dpoEmail: "dpo@imera-paris.com",
  },
  "request.refusal": {
    type: "request.refusal",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
    requestType: "erasure",
    ground: "manifestly_unfounded_or_excessive",
    explanation: "Cinquième demande identique ce mois-ci.\nLa précédente a reçu une réponse complète.",
    dpoEmail: "dpo@imera-paris.com",
  },
  "request.closed_unverified": {
    type: "request.closed_unverified",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
  },
  "consent.confirm": {
    type: "consent.confirm",
    shopName: "iméra",
    confirmUrl: "https://imera-paris.myshopify.com/apps/vigie/consent/confirm?t=xyz",
    wording: "J'accepte de recevoir la newsletter d'iméra (une par mois).",
  },
  "payment_check.documents": {
    type: "payment_check.documents",
    shopName: "iméra",
    orderRef: "#1042",
    documents: ["identity", "billing_address", "payment_method"],
    uploadUrl: "https://imera-paris.myshopify.com/apps/vigie/payment-check/pc1",
    dpoEmail: "dpo@imera-paris.com",
  },
  "request.document_needed": {
    type: "request.document_needed",
    shopName: "iméra",
    reference: SAMPLE_REFERENCE,
    reason: "L'adresse de la demande diffère de celle du compte client.",
    uploadUrl: "https://imera-paris.myshopify.com/apps/privacy/documents?t=abc",
    dpoEmail: "dpo@imera-paris.com",
  },
};

export const ALL_TEMPLATES = Object.keys(sampleMessages) as EmailTemplateId[];
