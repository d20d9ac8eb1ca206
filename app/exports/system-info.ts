// What the archive's README tells the shopper about each system, in each shopper language: purposes
// with their lawful basis, retention, recipients and sources (GDPR art. 15(1)(a)–(h)). Taken from
// the shop's published policy (reference case: iméra's, dated 31.10.22); the retention years come
// from the shop's settings. Placeholders: {shop}, {customerYears}, {prospectYears}.

import type { SystemName } from "~/domain/systems";
import type { ArchiveLocale } from "./schema";

/** A text in every language of the archive. */
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
    de: "Erfüllung des Kaufvertrags (Art. 6 Abs. 1 lit. b DSGVO)",
    es: "Ejecución del contrato de compraventa (RGPD, art. 6.1.b)",
    it: "Esecuzione del contratto di vendita (art. 6, par. 1, lett. b) GDPR)",
  },
  accounting: {
    fr: "Obligation légale (RGPD art. 6(1)(c) ; Code de commerce, art. L123-22)",
    en: "Legal obligation (GDPR art. 6(1)(c); French Commercial Code, art. L123-22)",
    de: "Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO; französisches Handelsgesetzbuch, Art. L123-22)",
    es: "Obligación legal (RGPD, art. 6.1.c; Código de Comercio francés, art. L123-22)",
    it: "Obbligo legale (art. 6, par. 1, lett. c) GDPR; Codice di commercio francese, art. L123-22)",
  },
  legalObligation: {
    fr: "Obligation légale (RGPD art. 6(1)(c))",
    en: "Legal obligation (GDPR art. 6(1)(c))",
    de: "Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c DSGVO)",
    es: "Obligación legal (RGPD, art. 6.1.c)",
    it: "Obbligo legale (art. 6, par. 1, lett. c) GDPR)",
  },
  legitimateInterest: {
    fr: "Intérêt légitime de la boutique {shop} (RGPD art. 6(1)(f))",
    en: "{shop}'s legitimate interest (GDPR art. 6(1)(f))",
    de: "Berechtigtes Interesse von {shop} (Art. 6 Abs. 1 lit. f DSGVO)",
    es: "Interés legítimo de {shop} (RGPD, art. 6.1.f)",
    it: "Legittimo interesse di {shop} (art. 6, par. 1, lett. f) GDPR)",
  },
  consent: {
    fr: "Votre consentement (RGPD art. 6(1)(a)), que vous pouvez retirer à tout moment",
    en: "Your consent (GDPR art. 6(1)(a)), which you can withdraw at any time",
    de: "Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit widerrufen können",
    es: "Su consentimiento (RGPD, art. 6.1.a), que puede retirar en cualquier momento",
    it: "Il Suo consenso (art. 6, par. 1, lett. a) GDPR), che può revocare in qualsiasi momento",
  },
} satisfies Record<string, Text>;

/** The four systems, as the policy describes them. */
export const SYSTEM_INFO: Record<SystemName, SystemInfo> = {
  shopify: {
    name: {
      fr: "Shopify (la boutique en ligne)",
      en: "Shopify (the online shop)",
      de: "Shopify (der Online-Shop)",
      es: "Shopify (la tienda en línea)",
      it: "Shopify (il negozio online)",
    },
    holds: {
      fr: "Votre compte client, vos adresses, vos choix de communications marketing et vos commandes.",
      en: "Your customer account, your addresses, your marketing choices and your orders.",
      de: "Ihr Kundenkonto, Ihre Adressen, Ihre Entscheidungen zu Marketing-Mitteilungen und Ihre Bestellungen.",
      es: "Su cuenta de cliente, sus direcciones, sus preferencias de comunicaciones comerciales y sus pedidos.",
      it: "Il Suo account cliente, i Suoi indirizzi, le Sue scelte sulle comunicazioni di marketing e i Suoi ordini.",
    },
    purposes: [
      {
        purpose: {
          fr: "Enregistrer, suivre et livrer vos commandes ; vous répondre au service client",
          en: "Recording, tracking and delivering your orders; answering you at customer service",
          de: "Ihre Bestellungen erfassen, verfolgen und liefern; Ihre Anfragen an den Kundenservice beantworten",
          es: "Registrar, seguir y entregar sus pedidos; atenderle en el servicio de atención al cliente",
          it: "Registrare, seguire e consegnare i Suoi ordini; risponderLe tramite il servizio clienti",
        },
        basis: BASIS.contract,
      },
      {
        purpose: {
          fr: "Conserver les commandes et pièces comptables",
          en: "Keeping orders and accounting records",
          de: "Bestellungen und Buchungsbelege aufbewahren",
          es: "Conservar los pedidos y los justificantes contables",
          it: "Conservare gli ordini e i documenti contabili",
        },
        basis: BASIS.accounting,
      },
      {
        purpose: {
          fr: "Statistiques, gestion commerciale, normalisation et dédoublonnage de nos fichiers",
          en: "Statistics, business management, cleaning and de-duplicating our files",
          de: "Statistiken, Geschäftsverwaltung, Bereinigung und Entfernung von Dubletten in unseren Dateien",
          es: "Estadísticas, gestión comercial, depuración y eliminación de duplicados de nuestros ficheros",
          it: "Statistiche, gestione commerciale, pulizia e deduplicazione dei nostri archivi",
        },
        basis: BASIS.legitimateInterest,
      },
    ],
    retention: {
      fr: "Jusqu'à {customerYears} ans après votre dernière commande, pour nos obligations légales (pièces comptables : 10 ans, Code de commerce, art. L123-22).",
      en: "Up to {customerYears} years after your last order, for our legal obligations (accounting records: 10 years, French Commercial Code, art. L123-22).",
      de: "Bis zu {customerYears} Jahre nach Ihrer letzten Bestellung, für unsere gesetzlichen Pflichten (Buchungsbelege: 10 Jahre, französisches Handelsgesetzbuch, Art. L123-22).",
      es: "Hasta {customerYears} años después de su último pedido, por nuestras obligaciones legales (justificantes contables: 10 años, Código de Comercio francés, art. L123-22).",
      it: "Fino a {customerYears} anni dopo il Suo ultimo ordine, per i nostri obblighi di legge (documenti contabili: 10 anni, Codice di commercio francese, art. L123-22).",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} ; Shopify, qui héberge la boutique ; les transporteurs, pour acheminer vos colis ; Stripe, pour le paiement.",
      en: "Authorised {shop} staff; Shopify, which hosts the shop; carriers, to deliver your parcels; Stripe, for payment.",
      de: "Befugte Mitarbeitende von {shop}; Shopify, das den Shop hostet; Versanddienstleister, um Ihre Pakete zuzustellen; Stripe, für die Zahlung.",
      es: "El personal autorizado de {shop}; Shopify, que aloja la tienda; los transportistas, para entregar sus paquetes; Stripe, para el pago.",
      it: "Il personale autorizzato di {shop}; Shopify, che ospita il negozio; i corrieri, per consegnare i Suoi pacchi; Stripe, per il pagamento.",
    },
    sources: {
      fr: "Vous, lors de la création de votre compte et de vos commandes ; Shopify et {shop} pour le reste (statuts, montants, dates, notes).",
      en: "You, when you created your account and placed your orders; Shopify and {shop} for the rest (states, amounts, dates, notes).",
      de: "Sie, als Sie Ihr Konto angelegt und Ihre Bestellungen aufgegeben haben; Shopify und {shop} für den Rest (Status, Beträge, Daten, Notizen).",
      es: "Usted, al crear su cuenta y hacer sus pedidos; Shopify y {shop} para el resto (estados, importes, fechas, notas).",
      it: "Lei, quando ha creato il Suo account ed effettuato i Suoi ordini; Shopify e {shop} per il resto (stati, importi, date, note).",
    },
    recordedBy: {
      fr: "Shopify et {shop}",
      en: "Shopify and {shop}",
      de: "Shopify und {shop}",
      es: "Shopify y {shop}",
      it: "Shopify e {shop}",
    },
  },
  stripe: {
    name: {
      fr: "Stripe (le paiement)",
      en: "Stripe (payment)",
      de: "Stripe (Zahlung)",
      es: "Stripe (pago)",
      it: "Stripe (pagamento)",
    },
    holds: {
      fr: "Vos paiements, les coordonnées de facturation qui les accompagnent, vos factures et les contrôles anti-fraude.",
      en: "Your payments with their billing details, your invoices and the fraud checks made on them.",
      de: "Ihre Zahlungen mit den Rechnungsangaben, Ihre Rechnungen und die dabei durchgeführten Betrugsprüfungen.",
      es: "Sus pagos con sus datos de facturación, sus facturas y las comprobaciones antifraude realizadas sobre ellos.",
      it: "I Suoi pagamenti con i dati di fatturazione, le Sue fatture e i controlli antifrode effettuati su di essi.",
    },
    purposes: [
      {
        purpose: {
          fr: "Enregistrer et sécuriser votre paiement, recouvrer les impayés",
          en: "Recording and securing your payment, recovering unpaid amounts",
          de: "Ihre Zahlung erfassen und absichern, offene Beträge einziehen",
          es: "Registrar y asegurar su pago, recuperar los importes impagados",
          it: "Registrare e proteggere il Suo pagamento, recuperare gli importi non pagati",
        },
        basis: BASIS.contract,
      },
      {
        purpose: {
          fr: "Lutter contre la fraude : Stripe contrôle la régularité des informations transmises et du moyen de paiement",
          en: "Fighting fraud: Stripe checks the details given and the means of payment",
          de: "Betrugsbekämpfung: Stripe prüft die angegebenen Daten und das Zahlungsmittel",
          es: "Luchar contra el fraude: Stripe comprueba los datos facilitados y el medio de pago",
          it: "Contrastare le frodi: Stripe verifica i dati forniti e il mezzo di pagamento",
        },
        basis: BASIS.legitimateInterest,
      },
      {
        purpose: {
          fr: "Conserver les factures",
          en: "Keeping invoices",
          de: "Rechnungen aufbewahren",
          es: "Conservar las facturas",
          it: "Conservare le fatture",
        },
        basis: BASIS.accounting,
      },
    ],
    retention: {
      fr: "Jusqu'à {customerYears} ans après votre dernière commande ; les factures 10 ans (Code de commerce, art. L123-22), même après une demande d'effacement.",
      en: "Up to {customerYears} years after your last order; invoices for 10 years (French Commercial Code, art. L123-22), even after an erasure request.",
      de: "Bis zu {customerYears} Jahre nach Ihrer letzten Bestellung; Rechnungen 10 Jahre (französisches Handelsgesetzbuch, Art. L123-22), auch nach einem Antrag auf Löschung.",
      es: "Hasta {customerYears} años después de su último pedido; las facturas durante 10 años (Código de Comercio francés, art. L123-22), incluso tras una solicitud de supresión.",
      it: "Fino a {customerYears} anni dopo il Suo ultimo ordine; le fatture per 10 anni (Codice di commercio francese, art. L123-22), anche dopo una richiesta di cancellazione.",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} ; Stripe, prestataire de paiement ; les banques et émetteurs de cartes, pour exécuter le paiement et traiter les contestations.",
      en: "Authorised {shop} staff; Stripe, the payment provider; banks and card issuers, to carry out the payment and handle disputes.",
      de: "Befugte Mitarbeitende von {shop}; Stripe, der Zahlungsdienstleister; Banken und Kartenaussteller, um die Zahlung auszuführen und Streitfälle zu bearbeiten.",
      es: "El personal autorizado de {shop}; Stripe, el proveedor de pagos; los bancos y emisores de tarjetas, para ejecutar el pago y gestionar las disputas.",
      it: "Il personale autorizzato di {shop}; Stripe, il fornitore dei pagamenti; banche ed emittenti delle carte, per eseguire il pagamento e gestire le contestazioni.",
    },
    sources: {
      fr: "Vous, lors du paiement (coordonnées de facturation ; de votre carte, seuls la marque, les 4 derniers chiffres, l'expiration et le pays sont exportés) ; Stripe, votre banque et {shop} pour le reste (résultats des paiements, analyses de risque, signalements de fraude).",
      en: "You, when paying (billing details; of your card, only the brand, last 4 digits, expiry and country are exported); Stripe, your bank and {shop} for the rest (payment results, risk assessments, fraud reports).",
      de: "Sie, bei der Zahlung (Rechnungsangaben; von Ihrer Karte werden nur Marke, die letzten 4 Ziffern, Ablaufdatum und Land exportiert); Stripe, Ihre Bank und {shop} für den Rest (Zahlungsergebnisse, Risikobewertungen, Betrugsmeldungen).",
      es: "Usted, al pagar (datos de facturación; de su tarjeta solo se exportan la marca, las 4 últimas cifras, la caducidad y el país); Stripe, su banco y {shop} para el resto (resultados de pago, evaluaciones de riesgo, avisos de fraude).",
      it: "Lei, al momento del pagamento (dati di fatturazione; della Sua carta sono esportati solo il circuito, le ultime 4 cifre, la scadenza e il paese); Stripe, la Sua banca e {shop} per il resto (esiti dei pagamenti, valutazioni del rischio, segnalazioni di frode).",
    },
    recordedBy: {
      fr: "Stripe, votre banque et {shop}",
      en: "Stripe, your bank and {shop}",
      de: "Stripe, Ihre Bank und {shop}",
      es: "Stripe, su banco y {shop}",
      it: "Stripe, la Sua banca e {shop}",
    },
    automatedDecision: {
      fr: "Stripe analyse automatiquement chaque paiement et lui attribue un niveau de risque, en comparant ses caractéristiques (moyen de paiement, adresses, appareil, historique des paiements sur le réseau Stripe) aux schémas de fraude connus. Un paiement jugé risqué peut être bloqué, ou conduire la boutique {shop} à vous demander des justificatifs (identité, adresse, moyen de paiement) avant de finaliser la commande ; sans eux, la commande peut être refusée. Vous pouvez présenter vos observations et demander qu'une personne réexamine la décision.",
      en: "Stripe automatically assesses each payment and gives it a risk level, by comparing its features (means of payment, addresses, device, payment history across the Stripe network) with known fraud patterns. A payment found risky may be blocked, or lead {shop} to ask you for proof (identity, address, means of payment) before completing the order; without it, the order may be refused. You can give your point of view and ask for a person to review the decision.",
      de: "Stripe bewertet jede Zahlung automatisch und ordnet ihr eine Risikostufe zu, indem es ihre Merkmale (Zahlungsmittel, Adressen, Gerät, Zahlungsverlauf im Stripe-Netzwerk) mit bekannten Betrugsmustern vergleicht. Eine als riskant eingestufte Zahlung kann blockiert werden oder {shop} veranlassen, Sie vor Abschluss der Bestellung um Nachweise zu bitten (Identität, Adresse, Zahlungsmittel); ohne diese kann die Bestellung abgelehnt werden. Sie können Ihren Standpunkt darlegen und verlangen, dass eine Person die Entscheidung überprüft.",
      es: "Stripe evalúa automáticamente cada pago y le asigna un nivel de riesgo, comparando sus características (medio de pago, direcciones, dispositivo, historial de pagos en la red de Stripe) con patrones de fraude conocidos. Un pago considerado arriesgado puede bloquearse o llevar a {shop} a pedirle pruebas (identidad, dirección, medio de pago) antes de completar el pedido; sin ellas, el pedido puede rechazarse. Puede expresar su punto de vista y pedir que una persona revise la decisión.",
      it: "Stripe valuta automaticamente ogni pagamento e gli attribuisce un livello di rischio, confrontandone le caratteristiche (mezzo di pagamento, indirizzi, dispositivo, storico dei pagamenti nella rete Stripe) con schemi di frode noti. Un pagamento ritenuto rischioso può essere bloccato, oppure indurre {shop} a chiederLe delle prove (identità, indirizzo, mezzo di pagamento) prima di completare l'ordine; in loro assenza, l'ordine può essere rifiutato. Può esprimere la Sua opinione e chiedere che una persona riesamini la decisione.",
    },
  },
  mailchimp: {
    name: {
      fr: "Mailchimp (les e-mails d'actualités)",
      en: "Mailchimp (news e-mails)",
      de: "Mailchimp (Newsletter-E-Mails)",
      es: "Mailchimp (correos de novedades)",
      it: "Mailchimp (e-mail di novità)",
    },
    holds: {
      fr: "Votre inscription aux e-mails d'actualités : adresse, nom, préférences, et l'activité liée à ces e-mails (envois, ouvertures, clics).",
      en: "Your subscription to news e-mails: address, name, preferences, and the activity on those e-mails (sends, opens, clicks).",
      de: "Ihr Abonnement unserer Newsletter-E-Mails: Adresse, Name, Präferenzen sowie die Aktivität zu diesen E-Mails (Versand, Öffnungen, Klicks).",
      es: "Su suscripción a los correos de novedades: dirección, nombre, preferencias y la actividad en esos correos (envíos, aperturas, clics).",
      it: "La Sua iscrizione alle e-mail di novità: indirizzo, nome, preferenze e l'attività su tali e-mail (invii, aperture, clic).",
    },
    purposes: [
      {
        purpose: {
          fr: "Vous envoyer nos actualités et offres par e-mail, si vous ne vous y êtes pas opposé, et en mesurer l'audience (ouvertures, clics)",
          en: "Sending you our news and offers by e-mail, unless you objected, and measuring their audience (opens, clicks)",
          de: "Ihnen unsere Neuigkeiten und Angebote per E-Mail senden, sofern Sie nicht widersprochen haben, und ihre Reichweite messen (Öffnungen, Klicks)",
          es: "Enviarle nuestras novedades y ofertas por correo electrónico, salvo que se haya opuesto, y medir su audiencia (aperturas, clics)",
          it: "InviarLe le nostre novità e offerte via e-mail, salvo Sua opposizione, e misurarne l'audience (aperture, clic)",
        },
        basis: BASIS.consent,
      },
    ],
    retention: {
      fr: "Tant que vous restez inscrit : jusqu'à {customerYears} ans après votre dernière commande si vous êtes client et ne vous y êtes pas opposé ; {prospectYears} ans au plus si vous n'avez jamais commandé. Un désabonnement arrête les envois.",
      en: "While you stay subscribed: up to {customerYears} years after your last order if you are a customer and did not object; at most {prospectYears} years if you never ordered. Unsubscribing stops the e-mails.",
      de: "Solange Sie angemeldet bleiben: bis zu {customerYears} Jahre nach Ihrer letzten Bestellung, wenn Sie Kunde sind und nicht widersprochen haben; höchstens {prospectYears} Jahre, wenn Sie nie bestellt haben. Eine Abmeldung beendet den Versand.",
      es: "Mientras siga suscrito: hasta {customerYears} años después de su último pedido si es cliente y no se ha opuesto; como máximo {prospectYears} años si nunca ha hecho un pedido. Darse de baja detiene los envíos.",
      it: "Finché resta iscritto: fino a {customerYears} anni dopo il Suo ultimo ordine se è cliente e non si è opposto; al massimo {prospectYears} anni se non ha mai ordinato. Annullare l'iscrizione interrompe gli invii.",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} ; Mailchimp, notre outil d'envoi d'e-mails, qui agit sur nos instructions.",
      en: "Authorised {shop} staff; Mailchimp, our e-mailing tool, acting on our instructions.",
      de: "Befugte Mitarbeitende von {shop}; Mailchimp, unser E-Mail-Versanddienst, der nach unseren Weisungen handelt.",
      es: "El personal autorizado de {shop}; Mailchimp, nuestra herramienta de envío de correos, que actúa siguiendo nuestras instrucciones.",
      it: "Il personale autorizzato di {shop}; Mailchimp, il nostro strumento di invio e-mail, che agisce secondo le nostre istruzioni.",
    },
    sources: {
      fr: "Vous, en vous inscrivant (formulaire ou case cochée lors du paiement) ; Mailchimp pour l'activité mesurée lors des envois ; {shop} pour les étiquettes et les notes.",
      en: "You, when you subscribed (form or box ticked at checkout); Mailchimp for the activity measured when sending; {shop} for tags and notes.",
      de: "Sie, bei Ihrer Anmeldung (Formular oder an der Kasse angekreuztes Kästchen); Mailchimp für die beim Versand gemessene Aktivität; {shop} für Tags und Notizen.",
      es: "Usted, al suscribirse (formulario o casilla marcada en el pago); Mailchimp para la actividad medida en los envíos; {shop} para etiquetas y notas.",
      it: "Lei, al momento dell'iscrizione (modulo o casella selezionata al checkout); Mailchimp per l'attività misurata negli invii; {shop} per tag e note.",
    },
    recordedBy: {
      fr: "Mailchimp et {shop}",
      en: "Mailchimp and {shop}",
      de: "Mailchimp und {shop}",
      es: "Mailchimp y {shop}",
      it: "Mailchimp e {shop}",
    },
  },
  vigie: {
    name: {
      fr: "Vigie (le registre de conformité de la boutique {shop})",
      en: "Vigie ({shop}'s privacy compliance records)",
      de: "Vigie (Datenschutz-Nachweise von {shop})",
      es: "Vigie (los registros de cumplimiento en materia de privacidad de {shop})",
      it: "Vigie (i registri di conformità privacy di {shop})",
    },
    holds: {
      fr: "La preuve de vos consentements et de leurs retraits, vos demandes d'exercice de droits, leur traitement et les e-mails qui vous ont été envoyés, les décisions de vérification d'identité et de paiement (jamais les documents eux-mêmes), le journal des actions sur vos données et les conservations imposées par la loi.",
      en: "Proof of your consents and withdrawals, your rights requests, how they were handled and the e-mails sent to you, identity and payment check decisions (never the documents themselves), the log of actions on your data and the retention the law imposes.",
      de: "Nachweise Ihrer Einwilligungen und Widerrufe, Ihre Anträge auf Ausübung Ihrer Rechte, deren Bearbeitung und die Ihnen gesendeten E-Mails, Entscheidungen zu Identitäts- und Zahlungsprüfungen (nie die Dokumente selbst), das Protokoll der Aktionen zu Ihren Daten und die gesetzlich vorgeschriebene Aufbewahrung.",
      es: "Las pruebas de sus consentimientos y retiradas, sus solicitudes de ejercicio de derechos, su tramitación y los correos que se le enviaron, las decisiones de las comprobaciones de identidad y de pago (nunca los documentos en sí), el registro de acciones sobre sus datos y la conservación que impone la ley.",
      it: "Le prove dei Suoi consensi e delle revoche, le Sue richieste di esercizio dei diritti, la loro gestione e le e-mail che Le sono state inviate, le decisioni sui controlli d'identità e di pagamento (mai i documenti stessi), il registro delle azioni sui Suoi dati e la conservazione imposta dalla legge.",
    },
    purposes: [
      {
        purpose: {
          fr: "Prouver vos consentements et leurs retraits (RGPD art. 7(1))",
          en: "Proving your consents and their withdrawal (GDPR art. 7(1))",
          de: "Ihre Einwilligungen und deren Widerruf nachweisen (Art. 7 Abs. 1 DSGVO)",
          es: "Probar sus consentimientos y su retirada (RGPD, art. 7.1)",
          it: "Dimostrare i Suoi consensi e la loro revoca (art. 7, par. 1, GDPR)",
        },
        basis: BASIS.legalObligation,
      },
      {
        purpose: {
          fr: "Traiter vos demandes d'exercice de droits, vérifier votre identité et en garder la trace (RGPD art. 12 à 22)",
          en: "Handling your rights requests, checking your identity and keeping a record of it (GDPR art. 12 to 22)",
          de: "Ihre Anträge bearbeiten, Ihre Identität prüfen und darüber Nachweis führen (Art. 12 bis 22 DSGVO)",
          es: "Tramitar sus solicitudes de ejercicio de derechos, comprobar su identidad y dejar constancia de ello (RGPD, arts. 12 a 22)",
          it: "Gestire le Sue richieste di esercizio dei diritti, verificare la Sua identità e conservarne traccia (artt. da 12 a 22 GDPR)",
        },
        basis: BASIS.legalObligation,
      },
      {
        purpose: {
          fr: "Vérifier un paiement signalé comme risqué : justificatifs demandés, puis supprimés dès la décision",
          en: "Checking a payment flagged as risky: proof requested, then deleted once decided",
          de: "Eine als riskant gemeldete Zahlung prüfen: Nachweise werden angefordert und nach der Entscheidung gelöscht",
          es: "Comprobar un pago señalado como arriesgado: pruebas solicitadas y eliminadas una vez decidido",
          it: "Verificare un pagamento segnalato come rischioso: prove richieste, poi cancellate una volta decisa la questione",
        },
        basis: BASIS.legitimateInterest,
      },
      {
        purpose: {
          fr: "Conserver ce que la loi impose de garder malgré une demande d'effacement (RGPD art. 17(3)(b))",
          en: "Keeping what the law requires despite an erasure request (GDPR art. 17(3)(b))",
          de: "Aufbewahren, was das Gesetz trotz eines Antrags auf Löschung verlangt (Art. 17 Abs. 3 lit. b DSGVO)",
          es: "Conservar lo que exige la ley pese a una solicitud de supresión (RGPD, art. 17.3.b)",
          it: "Conservare quanto la legge impone nonostante una richiesta di cancellazione (art. 17, par. 3, lett. b) GDPR)",
        },
        basis: BASIS.legalObligation,
      },
    ],
    retention: {
      fr: "Aussi longtemps que les données qu'elles concernent (jusqu'à {customerYears} ans après votre dernière commande ; {prospectYears} ans pour un contact inscrit à la seule newsletter), pour pouvoir prouver le respect de vos choix et de vos droits. Une conservation légale prend fin à la date qu'elle indique. Les justificatifs d'identité ne sont jamais conservés : seule la décision l'est.",
      en: "As long as the data they concern (up to {customerYears} years after your last order; {prospectYears} years for a newsletter-only contact), so that we can prove your choices and rights were respected. A legal hold ends on the date it gives. Identity documents are never kept: only the decision is.",
      de: "So lange wie die Daten, auf die sie sich beziehen (bis zu {customerYears} Jahre nach Ihrer letzten Bestellung; {prospectYears} Jahre für einen reinen Newsletter-Kontakt), damit wir nachweisen können, dass Ihre Entscheidungen und Rechte beachtet wurden. Eine gesetzliche Aufbewahrungspflicht endet zu dem darin genannten Datum. Ausweisdokumente werden nie aufbewahrt: nur die Entscheidung.",
      es: "Tanto tiempo como los datos a los que se refieren (hasta {customerYears} años después de su último pedido; {prospectYears} años para un contacto solo del boletín), para que podamos probar que se respetaron sus decisiones y sus derechos. Una conservación legal termina en la fecha que indica. Los documentos de identidad nunca se conservan: solo la decisión.",
      it: "Per lo stesso tempo dei dati a cui si riferiscono (fino a {customerYears} anni dopo il Suo ultimo ordine; {prospectYears} anni per un contatto della sola newsletter), affinché possiamo dimostrare che le Sue scelte e i Suoi diritti sono stati rispettati. Un obbligo legale di conservazione termina alla data che indica. I documenti d'identità non sono mai conservati: solo la decisione.",
    },
    recipients: {
      fr: "Le personnel habilité de la boutique {shop} uniquement.",
      en: "Authorised {shop} staff only.",
      de: "Nur befugte Mitarbeitende von {shop}.",
      es: "Solo el personal autorizado de {shop}.",
      it: "Solo il personale autorizzato di {shop}.",
    },
    sources: {
      fr: "Vous (vos choix de consentement, vos demandes) ; Shopify et Mailchimp quand ils signalent un changement de vos choix ; le personnel de la boutique {shop} pour les décisions et les actions.",
      en: "You (your consent choices, your requests); Shopify and Mailchimp when they report a change in your choices; {shop} staff for decisions and actions.",
      de: "Sie (Ihre Entscheidungen zur Einwilligung, Ihre Anträge); Shopify und Mailchimp, wenn sie eine Änderung Ihrer Entscheidungen melden; Mitarbeitende von {shop} für Entscheidungen und Aktionen.",
      es: "Usted (sus decisiones sobre el consentimiento, sus solicitudes); Shopify y Mailchimp cuando comunican un cambio en sus decisiones; el personal de {shop} para las decisiones y acciones.",
      it: "Lei (le Sue scelte sul consenso, le Sue richieste); Shopify e Mailchimp quando segnalano una modifica delle Sue scelte; il personale di {shop} per decisioni e azioni.",
    },
    recordedBy: {
      fr: "Vigie, Shopify, Mailchimp et le personnel de la boutique {shop}",
      en: "Vigie, Shopify, Mailchimp and {shop} staff",
      de: "Vigie, Shopify, Mailchimp und Mitarbeitende von {shop}",
      es: "Vigie, Shopify, Mailchimp y el personal de {shop}",
      it: "Vigie, Shopify, Mailchimp e il personale di {shop}",
    },
  },
};
