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
        de: "Ihr Kundenkonto: Name, E-Mail, Telefon; Kontostatus, Sprache, Anzahl der Bestellungen, Notizen und Tags.",
        es: "Su cuenta de cliente: nombre, correo electrónico, teléfono; estado de la cuenta, idioma, número de pedidos, notas y etiquetas.",
        it: "Il Suo account cliente: nome, e-mail, telefono; stato dell'account, lingua, numero di ordini, note e tag.",
      },
    },
    addresses: {
      description: {
        fr: "Les adresses enregistrées dans votre compte.",
        en: "The addresses saved in your account.",
        de: "Die in Ihrem Konto gespeicherten Adressen.",
        es: "Las direcciones guardadas en su cuenta.",
        it: "Gli indirizzi salvati nel Suo account.",
      },
    },
    marketing: {
      description: {
        fr: "Votre abonnement aux e-mails et SMS marketing, et quand il a changé.",
        en: "Your e-mail and SMS marketing subscription, and when it changed.",
        de: "Ihr Abonnement für Marketing per E-Mail und SMS und wann es sich geändert hat.",
        es: "Su suscripción a las comunicaciones comerciales por correo electrónico y SMS, y cuándo cambió.",
        it: "La Sua iscrizione al marketing via e-mail e SMS, e quando è cambiata.",
      },
    },
    orders: {
      description: {
        fr: "Vos commandes : numéro, dates, statuts de paiement et de livraison, montant, articles.",
        en: "Your orders: number, dates, payment and fulfilment states, total, items.",
        de: "Ihre Bestellungen: Nummer, Daten, Zahlungs- und Versandstatus, Summe, Artikel.",
        es: "Sus pedidos: número, fechas, estados de pago y de envío, total, artículos.",
        it: "I Suoi ordini: numero, date, stati di pagamento e di evasione, totale, articoli.",
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
        de: "Was Sie bei jeder Bestellung eingegeben haben: Kontakt, Adressen, Notiz und zusätzliche Angaben.",
        es: "Lo que introdujo en cada pedido: contacto, direcciones, nota y datos adicionales.",
        it: "Ciò che ha inserito per ogni ordine: contatto, indirizzi, nota e dettagli aggiuntivi.",
      },
    },
    withheld: {
      description: {
        fr: "Les champs que Shopify n'a pas communiqués à Vigie (données client protégées pour lesquelles l'application n'est pas approuvée) : la boutique peut vous les donner depuis son administration Shopify.",
        en: "The fields Shopify did not give Vigie (protected customer data the app is not approved for): the shop can give them to you from its Shopify admin.",
        de: "Die Felder, die Shopify Vigie nicht übermittelt hat (geschützte Kundendaten, für die die App nicht freigegeben ist): Der Shop kann sie Ihnen aus seiner Shopify-Verwaltung übermitteln.",
        es: "Los campos que Shopify no facilitó a Vigie (datos protegidos de clientes para los que la aplicación no está autorizada): la tienda puede facilitárselos desde su panel de Shopify.",
        it: "I campi che Shopify non ha fornito a Vigie (dati protetti dei clienti per cui l'app non è approvata): il negozio può fornirglieli dal suo pannello di amministrazione Shopify.",
      },
    },
  },
  stripe: {
    customer: {
      description: {
        fr: "Votre fiche client chez Stripe : nom, e-mail, téléphone, adresses.",
        en: "Your customer record at Stripe: name, e-mail, phone, addresses.",
        de: "Ihr Kundendatensatz bei Stripe: Name, E-Mail, Telefon, Adressen.",
        es: "Su ficha de cliente en Stripe: nombre, correo electrónico, teléfono, direcciones.",
        it: "La Sua scheda cliente presso Stripe: nome, e-mail, telefono, indirizzi.",
      },
    },
    charges: {
      description: {
        fr: "Vos paiements : montant, statut, carte masquée, coordonnées de facturation, évaluation du risque.",
        en: "Your payments: amount, state, masked card, billing details, risk assessment.",
        de: "Ihre Zahlungen: Betrag, Status, maskierte Karte, Rechnungsangaben, Risikobewertung.",
        es: "Sus pagos: importe, estado, tarjeta enmascarada, datos de facturación, evaluación del riesgo.",
        it: "I Suoi pagamenti: importo, stato, carta mascherata, dati di fatturazione, valutazione del rischio.",
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
        de: "Ihre Zahlungsversuche und ihr Ergebnis.",
        es: "Sus intentos de pago y su resultado.",
        it: "I Suoi tentativi di pagamento e il loro esito.",
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
        de: "Ihre Rechnungen, mit den darauf angegebenen Kontaktdaten.",
        es: "Sus facturas, con los datos de contacto que figuran en ellas.",
        it: "Le Sue fatture, con i dati di contatto che riportano.",
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
        de: "Ihre gespeicherten Zahlungsmittel, maskiert (Marke, letzte 4 Ziffern, Ablaufdatum).",
        es: "Sus medios de pago guardados, enmascarados (marca, 4 últimas cifras, caducidad).",
        it: "I Suoi mezzi di pagamento salvati, mascherati (circuito, ultime 4 cifre, scadenza).",
      },
    },
    subscriptions: {
      description: {
        fr: "Vos abonnements, y compris résiliés.",
        en: "Your subscriptions, cancelled ones included.",
        de: "Ihre Abonnements, einschließlich gekündigter.",
        es: "Sus suscripciones, incluidas las canceladas.",
        it: "I Suoi abbonamenti, compresi quelli annullati.",
      },
    },
    checkout_sessions: {
      description: {
        fr: "Ce que vous avez saisi sur la page de paiement Stripe.",
        en: "What you entered on Stripe's payment page.",
        de: "Was Sie auf der Zahlungsseite von Stripe eingegeben haben.",
        es: "Lo que introdujo en la página de pago de Stripe.",
        it: "Ciò che ha inserito nella pagina di pagamento di Stripe.",
      },
    },
    disputes: {
      description: {
        fr: "Les contestations de paiement et les éléments de preuve transmis.",
        en: "Payment disputes and the evidence submitted.",
        de: "Zahlungsstreitigkeiten und die eingereichten Nachweise.",
        es: "Las disputas de pagos y las pruebas presentadas.",
        it: "Le contestazioni di pagamento e le prove presentate.",
      },
    },
    early_fraud_warnings: {
      description: {
        fr: "Les signalements de fraude émis par la banque de la carte.",
        en: "Fraud reports issued by the card's bank.",
        de: "Betrugsmeldungen der kartenausgebenden Bank.",
        es: "Los avisos de fraude emitidos por el banco de la tarjeta.",
        it: "Le segnalazioni di frode emesse dalla banca della carta.",
      },
    },
    reviews: {
      description: {
        fr: "Les examens anti-fraude de vos paiements, avec l'adresse IP et l'appareil observés.",
        en: "Fraud reviews of your payments, with the IP address and device seen.",
        de: "Betrugsprüfungen Ihrer Zahlungen, mit der festgestellten IP-Adresse und dem Gerät.",
        es: "Las revisiones antifraude de sus pagos, con la dirección IP y el dispositivo observados.",
        it: "Le verifiche antifrode dei Suoi pagamenti, con l'indirizzo IP e il dispositivo rilevati.",
      },
    },
  },
  mailchimp: {
    member: {
      description: {
        fr: "Votre inscription : adresse, nom et préférences ; statut, langue, dates et statistiques d'engagement.",
        en: "Your subscription: address, name and preferences; status, language, dates and engagement statistics.",
        de: "Ihr Abonnement: Adresse, Name und Präferenzen; Status, Sprache, Daten und Interaktionsstatistiken.",
        es: "Su suscripción: dirección, nombre y preferencias; estado, idioma, fechas y estadísticas de interacción.",
        it: "La Sua iscrizione: indirizzo, nome e preferenze; stato, lingua, date e statistiche di interazione.",
      },
    },
    marketing_permissions: {
      description: {
        fr: "Les autorisations de communication que vous avez données.",
        en: "The communication permissions you gave.",
        de: "Die von Ihnen erteilten Kommunikationserlaubnisse.",
        es: "Los permisos de comunicación que otorgó.",
        it: "I permessi di comunicazione che ha dato.",
      },
    },
    tags: {
      description: {
        fr: "Les étiquettes posées sur votre inscription.",
        en: "Tags on your subscription.",
        de: "Tags zu Ihrem Abonnement.",
        es: "Las etiquetas de su suscripción.",
        it: "I tag della Sua iscrizione.",
      },
    },
    activity: {
      description: {
        fr: "L'activité liée aux e-mails : envois, ouvertures, clics, désabonnements.",
        en: "E-mail activity: sends, opens, clicks, unsubscribes.",
        de: "E-Mail-Aktivität: Versand, Öffnungen, Klicks, Abmeldungen.",
        es: "Actividad de correo: envíos, aperturas, clics, bajas.",
        it: "Attività e-mail: invii, aperture, clic, disiscrizioni.",
      },
    },
    events: {
      description: {
        fr: "Les événements enregistrés pour vous.",
        en: "Events recorded for you.",
        de: "Für Sie erfasste Ereignisse.",
        es: "Los eventos registrados sobre usted.",
        it: "Gli eventi registrati per Lei.",
      },
    },
    notes: {
      description: {
        fr: "Les notes écrites sur vous.",
        en: "Notes written about you.",
        de: "Notizen über Sie.",
        es: "Las notas escritas sobre usted.",
        it: "Le note scritte su di Lei.",
      },
    },
  },
  vigie: {
    subject: {
      description: {
        fr: "Votre fiche : e-mail, téléphone, langue, identifiant client Shopify, date de votre dernière commande et de votre éventuelle opposition à la prospection.",
        en: "Your record: e-mail, phone, language, Shopify customer id, the date of your last order and of any objection to direct marketing.",
        de: "Ihr Datensatz: E-Mail, Telefon, Sprache, Shopify-Kunden-ID, das Datum Ihrer letzten Bestellung und eines etwaigen Widerspruchs gegen Direktwerbung.",
        es: "Su ficha: correo electrónico, teléfono, idioma, identificador de cliente de Shopify, la fecha de su último pedido y de cualquier oposición a la mercadotecnia directa.",
        it: "La Sua scheda: e-mail, telefono, lingua, ID cliente Shopify, la data del Suo ultimo ordine e di un'eventuale opposizione al marketing diretto.",
      },
    },
    consent_events: {
      description: {
        fr: "Chaque consentement donné ou retiré, avec sa preuve : texte affiché, version de la politique, source, date, chaînage.",
        en: "Each consent given or withdrawn, with its proof: wording shown, notice version, source, date, chaining.",
        de: "Jede erteilte oder widerrufene Einwilligung mit ihrem Nachweis: angezeigter Wortlaut, Version der Datenschutzerklärung, Quelle, Datum, Verkettung.",
        es: "Cada consentimiento otorgado o retirado, con su prueba: texto mostrado, versión de la política, origen, fecha, encadenamiento.",
        it: "Ogni consenso dato o revocato, con la sua prova: testo mostrato, versione dell'informativa, fonte, data, concatenamento.",
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
        de: "Der aktuelle Stand Ihrer Einwilligungen, aus diesen Ereignissen abgeleitet.",
        es: "El estado actual de sus consentimientos, derivado de esos eventos.",
        it: "Lo stato attuale dei Suoi consensi, derivato da tali eventi.",
      },
    },
    rights_requests: {
      description: {
        fr: "Vos demandes d'exercice de droits : type, canal, état, dates, délais, réponse.",
        en: "Your rights requests: type, channel, state, dates, deadlines, answer.",
        de: "Ihre Anträge: Art, Kanal, Status, Daten, Fristen, Antwort.",
        es: "Sus solicitudes de ejercicio de derechos: tipo, canal, estado, fechas, plazos, respuesta.",
        it: "Le Sue richieste di esercizio dei diritti: tipo, canale, stato, date, scadenze, risposta.",
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
        de: "Die Einschränkungen der Verarbeitung Ihrer Daten (Art. 18 DSGVO): der Grund und sein Artikel (accuracy_contested: Richtigkeit bestritten, unlawful_no_erasure: unrechtmäßige Verarbeitung ohne Löschung, legal_claims: Rechtsansprüche, objection_pending: Widerspruch wird geprüft), der Status (active: in Kraft, lifting: Aufhebung angekündigt, lifted: aufgehoben), die Daten der Gewährung und der Aufhebung.",
        es: "Las limitaciones del tratamiento de sus datos (RGPD, art. 18): el motivo y su artículo (accuracy_contested: exactitud impugnada, unlawful_no_erasure: tratamiento ilícito sin supresión, legal_claims: reclamaciones, objection_pending: oposición en estudio), el estado (active: vigente, lifting: levantamiento anunciado, lifted: levantada), las fechas en que se concedió y se levantó.",
        it: "Le limitazioni del trattamento dei Suoi dati (art. 18 GDPR): il motivo e il relativo articolo (accuracy_contested: esattezza contestata, unlawful_no_erasure: trattamento illecito senza cancellazione, legal_claims: azioni in giudizio, objection_pending: opposizione in esame), lo stato (active: in vigore, lifting: revoca annunciata, lifted: revocata), le date di concessione e di revoca.",
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
        de: "Die Identitätsprüfungen zu Ihren Anträgen: Verfahren, Ergebnis, Daten (nie die Codes oder Dokumente).",
        es: "Las comprobaciones de identidad de sus solicitudes: método, resultado, fechas (nunca los códigos ni los documentos).",
        it: "I controlli d'identità delle Sue richieste: metodo, esito, date (mai i codici o i documenti).",
      },
    },
    emails: {
      description: {
        fr: "Les e-mails qui vous ont été envoyés au sujet de vos demandes, avec leur texte.",
        en: "The e-mails sent to you about your requests, with their text.",
        de: "Die E-Mails, die Ihnen zu Ihren Anträgen gesendet wurden, mit ihrem Text.",
        es: "Los correos que se le enviaron sobre sus solicitudes, con su texto.",
        it: "Le e-mail che Le sono state inviate sulle Sue richieste, con il loro testo.",
      },
    },
    payment_checks: {
      description: {
        fr: "Les vérifications de paiement : motif, justificatifs demandés, décision ; des documents, seules leurs empreintes (ils sont supprimés dès la décision).",
        en: "Payment checks: reason, proof requested, decision; of the documents, only their fingerprints (they are deleted once decided).",
        de: "Zahlungsprüfungen: Grund, angeforderte Nachweise, Entscheidung; von den Dokumenten nur ihre Fingerabdrücke (sie werden nach der Entscheidung gelöscht).",
        es: "Las comprobaciones de pago: motivo, pruebas solicitadas, decisión; de los documentos, solo sus huellas (se eliminan una vez decidido).",
        it: "I controlli di pagamento: motivo, prove richieste, decisione; dei documenti, solo le loro impronte (sono cancellati una volta presa la decisione).",
      },
    },
    audit: {
      description: {
        fr: "Le journal des actions menées sur vos données, avec le type d'acteur (vous, le personnel, le système).",
        en: "The log of actions taken on your data, with the kind of actor (you, staff, the system).",
        de: "Das Protokoll der Aktionen zu Ihren Daten, mit der Art des Handelnden (Sie, Mitarbeitende, das System).",
        es: "El registro de las acciones realizadas sobre sus datos, con el tipo de actor (usted, el personal, el sistema).",
        it: "Il registro delle azioni compiute sui Suoi dati, con il tipo di autore (Lei, il personale, il sistema).",
      },
      columns: ["action", "actorType", "targetType", "targetId", "at"],
    },
    legal_holds: {
      description: {
        fr: "Les données que la loi impose de conserver, avec leur base légale et leur date de fin.",
        en: "Data the law requires us to keep, with its legal basis and end date.",
        de: "Daten, die wir gesetzlich aufbewahren müssen, mit ihrer Rechtsgrundlage und ihrem Enddatum.",
        es: "Los datos que la ley nos obliga a conservar, con su base jurídica y su fecha de fin.",
        it: "I dati che la legge ci obbliga a conservare, con la loro base giuridica e la data di fine.",
      },
    },
  },
};

const OTHER: SectionInfo = {
  description: {
    fr: "Autres données de ce système.",
    en: "Other data from this system.",
    de: "Weitere Daten aus diesem System.",
    es: "Otros datos de este sistema.",
    it: "Altri dati di questo sistema.",
  },
};

/** The README text and CSV columns of a section; unknown sections get a generic text and no CSV. */
export function sectionInfo(system: SystemName, section: string): SectionInfo {
  return Object.hasOwn(SECTION_INFO[system], section)
    ? (SECTION_INFO[system][section] as SectionInfo)
    : OTHER;
}
