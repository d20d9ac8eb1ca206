// Testi in italiano per i clienti (docs/decisions/061). Le stesse chiavi della parte clienti di
// en.ts (verificato da tsc e da i18n/catalogues.test.ts). Registro formale: Lei.
import type { ShopperMessages } from "./shopper";

/** One wording for every field of a rectification (the form checks them together). */
export const it: ShopperMessages = {
  shopper: {
    /** The re-permission link's page (docs/decisions/069). */
    repermission: {
      title: "Desidera continuare a ricevere la nostra newsletter?",
      body: "Non abbiamo Sue notizie da molto tempo. Senza una Sua conferma, {shop} smetterà di inviarLe la newsletter e cancellerà i Suoi dati il {date}.",
      wording: "Sì, desidero continuare a ricevere via e-mail la newsletter di {shop}.",
      renew: "Resto iscritto/a",
      note: "Può annullare l'iscrizione in qualsiasi momento, con un clic, dal link presente in ogni newsletter.",
      doneTitle: "Resta iscritto/a",
      doneBody: "Grazie: {shop} continuerà a inviarLe la newsletter.",
      expiredTitle: "Questo link è scaduto",
      expiredBody:
        "Il termine per rispondere è scaduto. Per ricevere di nuovo la newsletter di {shop}, si iscriva sul sito.",
      notSubscribedTitle: "Non risulta iscritto/a",
      notSubscribedBody:
        "Dopo questa e-mail ha annullato l'iscrizione alla newsletter di {shop}: questo link non La iscrive di nuovo.",
      invalidTitle: "Questo link non è valido",
      invalidBody:
        "Potrebbe essere stato copiato in modo errato. Utilizzi il link dell'e-mail ricevuta o contatti il negozio.",
    },
    requestTypes: {
      access: "Diritto di accesso",
      rectification: "Diritto di rettifica",
      erasure: "Diritto alla cancellazione",
      restriction: "Diritto di limitazione del trattamento",
      withdraw_consent: "Revoca del consenso",
      object: "Diritto di opposizione",
      object_to_marketing: "Opposizione al marketing diretto",
      portability: "Diritto alla portabilità dei dati",
      post_mortem_directive: "Disposizioni post mortem",
      heir_request: "Richiesta di un erede",
    },
    requestDescriptions: {
      access: "Sapere se i Suoi dati sono trattati e ottenerne una copia.",
      rectification: "Far correggere o completare dati inesatti o incompleti.",
      erasure: "Far cancellare i Suoi dati, tranne quelli che la legge ci obbliga a conservare (fatture).",
      restriction:
        "Far bloccare i Suoi dati: conservati ma non più utilizzati, durante una verifica o per un'azione in giudizio.",
      withdraw_consent:
        "Revocare in qualsiasi momento un consenso dato, con la stessa facilità con cui lo ha dato.",
      object:
        "Opporsi, per motivi connessi alla Sua situazione particolare, a un trattamento basato sul legittimo interesse.",
      object_to_marketing: "Non ricevere più marketing diretto; la richiesta si applica senza condizioni.",
      portability:
        "Ricevere i dati che ci ha fornito, in un formato strutturato e leggibile da dispositivo automatico.",
      post_mortem_directive:
        "Registrare, modificare o revocare le Sue disposizioni sulla sorte dei Suoi dati dopo la Sua morte.",
      heir_request:
        "Per un cliente deceduto: chiudere il suo account, interrompere il marketing, accedere a quanto serve per la successione.",
    },
    mail: {
      greeting: "Gentile cliente,",
      signOff: "Cordiali saluti,",
      dpo: "Il responsabile della protezione dei dati",
      team: "Il team di {shop}",
      contactDpo:
        "Per qualsiasi domanda può scrivere al nostro responsabile della protezione dei dati all'indirizzo {email}, indicando il riferimento {reference}.",
      contactService:
        "Per qualsiasi domanda può contattare il nostro servizio clienti, indicando il riferimento {reference}.",
      remediesHeading: "Il Suo diritto di reclamo",
      remediesComplaint:
        "Se non è d'accordo con questa decisione, può proporre reclamo all'autorità francese di controllo per la protezione dei dati, la CNIL (Commission nationale de l'informatique et des libertés), online all'indirizzo {url}, oppure all'autorità di controllo dello Stato dell'Unione europea in cui risiede o lavora.",
      remediesCourt: "Può inoltre proporre ricorso dinanzi all'autorità giudiziaria competente.",
      cnilUrl: "https://www.cnil.fr/en/complaints",
      footerData:
        "Questo messaggio Le viene inviato da {shop} in merito ai Suoi dati personali. Non è un messaggio pubblicitario.",
      footerOrder:
        "Questo messaggio Le viene inviato da {shop} in merito al Suo ordine. Non è un messaggio pubblicitario.",
      unsubscribeLead: "Non desidera più ricevere la newsletter di {shop}? Annulli l'iscrizione con un clic.",
      unsubscribeLabel: "Annulla l'iscrizione",
      minuteOne: "{count} minuto",
      minuteOther: "{count} minuti",
      hourOne: "{count} ora",
      hourOther: "{count} ore",
      lawName: "legge francese sulla protezione dei dati (LIL)",
      acknowledgement: {
        subject: "{shop} — Abbiamo ricevuto la Sua richiesta ({reference})",
        intro: "Confermiamo di aver ricevuto la Sua richiesta relativa ai Suoi dati personali.",
        reference: "Riferimento",
        request: "Richiesta",
        receivedOn: "Ricevuta il",
        dueOn: "Risposta prevista",
        deadline:
          "Le risponderemo entro il termine di un mese previsto dal GDPR, ossia entro il {due}. Qualora la complessità della Sua richiesta o il numero di richieste ricevute lo rendessero necessario, questo termine potrà essere prorogato di due mesi; in tal caso La informeremo prima di tale data, indicandoLe i motivi.",
        follow: "Può seguire lo stato della Sua richiesta in qualsiasi momento:",
        button: "Segui la mia richiesta",
        proof: "Le chiederemo un documento d'identità solo in caso di ragionevoli dubbi sulla Sua identità.",
        notYou:
          "Se non ha presentato Lei questa richiesta, La preghiamo di segnalarcelo senza indugio: qualcuno potrebbe aver utilizzato il Suo indirizzo e-mail.",
      },
      identityCode: {
        subject: "{shop} — Confermi la Sua richiesta ({reference})",
        intro:
          "Per consentirci di trattare la Sua richiesta {reference}, La preghiamo di confermare che proviene da Lei facendo clic sul link seguente:",
        button: "Conferma la mia richiesta",
        codeLead: "Può anche inserire questo codice nella pagina di monitoraggio della Sua richiesta:",
        validity:
          "Questo codice è valido per {validity}. Non lo comunichi a nessuno: non Le verrà mai chiesto per telefono né per e-mail.",
        notYou:
          "Se non ha presentato Lei questa richiesta, ignori questo messaggio: senza conferma, la richiesta non sarà trattata.",
      },
      extension: {
        newDueOn: "Nuova data della nostra risposta",
        subject: "{shop} — Proroga del termine di risposta alla Sua richiesta ({reference})",
        body: "La gestione della Sua richiesta {reference} richiede più tempo. Come consentito dall'articolo 12, paragrafo 3, del GDPR, prorogiamo il termine di risposta: riceverà la nostra risposta entro il {due}.",
        reasonsLead: "I motivi della proroga sono i seguenti:",
        apology: "Ci scusiamo per il ritardo e Le comunicheremo ogni eventuale sviluppo.",
      },
      answer: {
        downloadUntil: "Scadenza del link",
        subject: "{shop} — Risposta alla Sua richiesta ({reference})",
        intro: "Abbiamo gestito la Sua richiesta {reference} ({type}). Ecco la nostra risposta:",
        downloadReady: "I Suoi dati sono disponibili per il download:",
        downloadButton: "Scarica i miei dati",
        downloadExpires: "Questo link scadrà il {date}. La invitiamo a salvare i Suoi file entro tale data.",
        erasureLead: "Ecco che cosa è stato fatto, sistema per sistema:",
        erasureLine: "{system} — {done}, il {on}",
        erasureReferences: "(riferimento: {references})",
        holdsLead:
          "Alcuni dati devono tuttavia essere conservati, perché la legge ci obbliga a farlo (articolo 17, paragrafo 3, lettera b), del GDPR):",
        holdLine: "{what} — {basis}, conservati fino al {until}",
        holdsAfter:
          "Questi dati sono ormai utilizzati solo per tale finalità e saranno cancellati alla scadenza indicata.",
        recipientsNone:
          "I Suoi dati non erano stati comunicati ad alcun destinatario da informare (articolo 19 del GDPR).",
        recipientsLead:
          "Come da Lei richiesto, ecco i destinatari dei Suoi dati che abbiamo informato (articolo 19 del GDPR):",
        complaint:
          "Se ritiene che i Suoi diritti non siano stati rispettati, può proporre reclamo alla CNIL, l'autorità francese di controllo per la protezione dei dati: {url}.",
      },
      refusal: {
        subject: "{shop} — Esito della Sua richiesta ({reference})",
        intro:
          "Abbiamo esaminato con attenzione la Sua richiesta {reference} ({type}) e purtroppo non siamo in grado di darvi seguito, per il seguente motivo: {ground}.",
        explanationLead: "Le nostre spiegazioni:",
        grounds: {
          identity_not_established: "non abbiamo potuto accertare la Sua identità",
          manifestly_unfounded_or_excessive: "la richiesta è manifestamente infondata o eccessiva",
          legal_obligation: "un obbligo di legge ci impone di conservare questi dati",
          legal_claims:
            "questi dati sono necessari per accertare, esercitare o difendere un diritto in sede giudiziaria",
          compelling_legitimate_grounds:
            "esistono motivi legittimi cogenti per questo trattamento che prevalgono sui Suoi interessi, diritti e libertà",
          rights_of_others: "darvi seguito lederebbe i diritti e le libertà di altre persone",
          not_applicable: "non ricorrono le condizioni per l'esercizio di questo diritto",
          requester_not_entitled:
            "non ha dimostrato la qualità di erede che consente di esercitare questi diritti",
        },
      },
      closedUnverified: {
        subject: "{shop} — La Sua richiesta {reference} è stata chiusa",
        body: "Non abbiamo ricevuto la conferma necessaria per verificare che la richiesta {reference} provenga da Lei. Per proteggere i Suoi dati, non possiamo darvi seguito e l'abbiamo chiusa.",
        again:
          "Se desidera ancora esercitare i Suoi diritti, Le basta presentare una nuova richiesta sul nostro sito e confermarla con il link o il codice che Le invieremo per e-mail.",
        notYou: "Se non ha presentato Lei questa richiesta, non deve fare nulla.",
      },
      restrictionLift: {
        subject: "{shop} — Revoca della limitazione del trattamento dei Suoi dati ({reference})",
        since:
          "A seguito della Sua richiesta {reference}, il trattamento dei Suoi dati è limitato dal {granted}: li conserviamo senza utilizzarli.",
        lifted:
          "La informiamo che questa limitazione sta per essere revocata: potremo di nuovo trattare i Suoi dati alle condizioni descritte nella nostra informativa sulla privacy (articolo 18, paragrafo 3, del GDPR). Non riceverà comunicazioni commerciali senza il Suo consenso.",
      },
      consentConfirm: {
        subject: "{shop} — Confermi l'iscrizione alla nostra newsletter",
        asked:
          "Al momento dell'ordine ha chiesto di ricevere la newsletter di {shop}. Per confermare l'iscrizione, faccia clic sul link seguente:",
        button: "Conferma l'iscrizione",
        agreed: "Ha accettato il testo seguente:",
        unless:
          "Senza la Sua conferma, l'iscrizione non sarà registrata e non riceverà la nostra newsletter.",
        withdraw:
          "Potrà revocare il consenso in qualsiasi momento, con un clic, tramite il link di disiscrizione presente in ogni newsletter.",
        ignore: "Se non ha richiesto Lei l'iscrizione, ignori semplicemente questo messaggio.",
      },
      repermission: {
        lastDay: "Ultimo giorno per restare iscritto/a",
        subject: "{shop} — Desidera continuare a ricevere la nostra newsletter?",
        body: "Lei si è iscritto/a alla newsletter di {shop} e non abbiamo Sue notizie da quasi {years} anni. Non conserviamo i dati dei nostri iscritti oltre questo periodo senza il loro consenso.",
        button: "Resto iscritto/a",
        after:
          "Se non riceviamo una Sua risposta entro il {date}, non riceverà più la nostra newsletter e i Suoi dati saranno cancellati. Non riceverà altri messaggi in merito.",
      },
      paymentCheck: {
        subject: "{shop} — Verifica necessaria per il Suo ordine {order}",
        intro:
          "Prima di completare il Suo ordine {order}, dobbiamo effettuare una verifica per prevenire le frodi nei pagamenti. La preghiamo di inviarci:",
        documents: {
          identity: "un documento d'identità (carta d'identità, passaporto o permesso di soggiorno)",
          billing_address:
            "un documento che attesti l'indirizzo di fatturazione o di consegna indicato nell'ordine",
          payment_method:
            "un documento che attesti il mezzo di pagamento utilizzato (ad esempio, una foto della Sua carta di pagamento)",
        },
        cardAdvice:
          "Sulla Sua carta di pagamento, copra tutte le cifre tranne le ultime quattro, nonché il codice di sicurezza sul retro: non ci servono.",
        button: "Invia i miei documenti",
        usage:
          "Questi documenti servono esclusivamente a questa verifica: sono conservati cifrati e cancellati non appena la verifica è conclusa.",
        without: "Senza questi documenti, potremmo essere costretti a rifiutare il Suo ordine.",
      },
      documentNeeded: {
        subject: "{shop} — Documento necessario per la Sua richiesta {reference}",
        intro:
          "Per gestire la Sua richiesta {reference}, dobbiamo accertarci che provenga da Lei, per il seguente motivo:",
        proof:
          "La preghiamo di inviarci un documento d'identità (carta d'identità, passaporto o permesso di soggiorno). Può coprire la foto e i numeri del documento: ci servono solo il Suo nome e cognome.",
        button: "Invia il mio documento",
        storage:
          "Il documento è conservato cifrato, serve solo a questa verifica e viene cancellato non appena è conclusa. Il termine per rispondere alla Sua richiesta è sospeso fino alla sua ricezione.",
      },
      breach: {
        subject: "{shop} — Comunicazione di una violazione dei Suoi dati personali ({reference})",
        intro:
          "Come previsto dall'articolo 34 del GDPR, La informiamo di una violazione dei dati personali che La riguarda e che è suscettibile di presentare un rischio elevato per i Suoi diritti e le Sue libertà.",
        happened: "Che cosa è successo",
        consequences: "Le probabili conseguenze",
        measures: "Le misure adottate o previste",
        contactHeading: "Contatti",
        contact:
          "Per qualsiasi domanda può contattare il nostro responsabile della protezione dei dati: {contact}.",
        quote: "La preghiamo di indicare il riferimento {reference}. Ci scusiamo per l'accaduto.",
      },
    },
  },
  unsubscribe: {
    title: "Annullare l'iscrizione alla newsletter",
    body: "Non riceverà più le novità di {shop} via e-mail. È gratuito e ha effetto immediato.",
    confirm: "Annulla l'iscrizione",
    note: "I Suoi ordini e le relative e-mail (conferma, consegna) non sono interessati.",
    doneTitle: "La Sua iscrizione è stata annullata",
    doneBody:
      "{shop} non Le invierà più le sue novità via e-mail. Può iscriversi di nuovo in qualsiasi momento.",
    invalidTitle: "Questo link non è valido",
    invalidBody:
      "Potrebbe essere stato copiato in modo errato. Utilizzi il link dell'e-mail ricevuta o contatti il negozio.",
  },
  consentConfirm: {
    title: "Confermi la Sua iscrizione alla newsletter",
    body: "Ha chiesto di ricevere le novità di {shop} via e-mail, accettando il testo seguente:",
    confirm: "Conferma la mia iscrizione",
    note: "Può annullare l'iscrizione in qualsiasi momento, con un clic, da ogni e-mail.",
    doneTitle: "La Sua iscrizione è confermata",
    doneBody: "Grazie! D'ora in poi riceverà le novità di {shop} via e-mail.",
    lapsedTitle: "Questo link è scaduto",
    lapsedBody:
      "La Sua iscrizione alla newsletter di {shop} non è stata confermata in tempo: non è stato registrato nulla. Può iscriversi di nuovo alla prossima visita.",
    overTitle: "Questa richiesta non è più in attesa",
    overBody:
      "L'ha annullata, oppure una richiesta più recente l'ha sostituita: utilizzi il link dell'ultima e-mail ricevuta.",
  },
  privacy: {
    noticeVersionLine: "Versione {version}, in vigore dal {date}.",
    noticeMissingTitle: "Informativa sulla privacy",
    noticeMissing: "Il negozio non ha ancora pubblicato qui la sua informativa sulla privacy.",
    title: "I Suoi dati personali",
    intro:
      "Può esercitare i Suoi diritti in qualsiasi momento. Rispondiamo entro un mese; Le chiediamo di confermare il Suo indirizzo e-mail e chiediamo un documento d'identità solo in caso di dubbi ragionevoli.",
    noticeLink: "Legga la nostra informativa sulla privacy",
    type: "La Sua richiesta",
    email: "Il Suo indirizzo e-mail",
    name: "Il Suo nome (facoltativo)",
    message: "Dettagli (facoltativo)",
    submit: "Invia la mia richiesta",
    receivedTitle: "Richiesta ricevuta",
    receivedBody: "Abbiamo ricevuto la Sua richiesta {reference} ({type}). Le risponderemo entro il {due}.",
    checkEmail:
      "Le abbiamo inviato un'e-mail con un codice: confermi il Suo indirizzo per permetterci di iniziare.",
    follow: "Segua la Sua richiesta",
    back: "Torna al modulo",
    invalidTitle: "Non è stato possibile inviare la Sua richiesta",
    invalidBody: "La preghiamo di controllare i campi del modulo.",
    confirmTitle: "Confermi il Suo indirizzo e-mail",
    confirmBody: "Confermi che questo indirizzo è Suo, con il codice che Le abbiamo inviato.",
    code: "Codice (6 cifre)",
    confirm: "Conferma",
    codeInvalidTitle: "Conferma non riuscita",
    codeInvalid: "Questo link o codice non è valido.",
    codeOutcomes: {
      wrong_code: "Codice errato. La preghiamo di riprovare.",
      expired: "Questo codice è scaduto: presenti di nuovo la richiesta per riceverne uno nuovo.",
      locked:
        "Troppi tentativi: questo codice è bloccato. Presenti di nuovo la richiesta per riceverne uno nuovo.",
      already_used: "Questo codice è già stato utilizzato.",
      unknown: "Questo link o codice non è valido.",
    },
    confirmedTitle: "Indirizzo confermato",
    confirmed: "Grazie: la Sua richiesta {reference} è ora in lavorazione.",
    statusTitle: "Richiesta {reference}",
    stateLabel: "Stato",
    receivedOn: "Ricevuta il",
    dueOn: "Risposta entro il",
    states: {
      received: "ricevuta",
      identity_check: "in attesa della conferma del Suo indirizzo e-mail",
      in_progress: "in lavorazione",
      answered: "evasa",
      refused: "respinta (veda la nostra e-mail)",
      withdrawn: "ritirata",
      closed_unverified: "chiusa: l'indirizzo e-mail non è mai stato confermato",
    },
    cnil: "Se ritiene che i Suoi diritti non siano rispettati, può proporre reclamo alla CNIL, l'autorità francese per la protezione dei dati (www.cnil.fr), o all'autorità di controllo del Suo paese di residenza, come il Garante per la protezione dei dati personali in Italia.",
    confirmRequestTitle: "Confermi la Sua richiesta",
    confirmRequestBody:
      "Ha effettuato l'accesso: la Sua richiesta ({type}) sarà trattata come proveniente dal Suo account cliente e riceverà risposta all'indirizzo e-mail del Suo account.",
    confirmRequest: "Conferma e invia",
    resend: "Inviatemi un nuovo codice",
    resent: "Un nuovo codice è stato inviato al Suo indirizzo e-mail.",
    resendLimit: "Oggi sono stati inviati troppi codici: riprovi domani.",
    notFoundTitle: "Richiesta non trovata",
    notFound: "Questo link non è valido.",
    directive: {
      legend: "Per le disposizioni post mortem",
      action: "Che cosa desidera fare?",
      actions: {
        record: "Registrare le mie disposizioni",
        update: "Modificare le mie disposizioni",
        revoke: "Revocare le mie disposizioni",
      },
      instructions: "Le Sue disposizioni: che cosa deve accadere ai Suoi dati dopo la Sua morte",
      executorName: "Persona che incarica di eseguirle (facoltativo)",
      executorEmail: "Il suo indirizzo e-mail",
      consent:
        "Acconsento espressamente a che queste disposizioni siano conservate ed eseguite dopo la mia morte (questo consenso riguarda solo queste disposizioni).",
    },
    rectification: {
      legend: "I dati corretti",
      help: "Compili solo ciò che deve cambiare.",
      firstName: "Nome",
      lastName: "Cognome",
      email: "Nuovo indirizzo e-mail",
      phone: "Numero di telefono (formato internazionale, ad es. +39 312 345 6789)",
      address1: "Indirizzo",
      address2: "Indirizzo (riga 2)",
      city: "Città",
      zip: "CAP",
      country: "Paese (codice di 2 lettere, ad es. IT)",
    },
    restriction: {
      legend: "Per una limitazione del trattamento",
      ground: "Perché la richiede?",
      grounds: {
        accuracy_contested:
          "Contesto l'esattezza dei miei dati, per il tempo necessario alla vostra verifica",
        unlawful_no_erasure: "Il trattamento è illecito, ma non voglio che i miei dati siano cancellati",
        legal_claims: "Non vi servono più i miei dati, ma servono a me per un'azione in giudizio",
        objection_pending:
          "Mi sono opposto al trattamento, in attesa della verifica sulla prevalenza dei vostri motivi sui miei",
      },
      recipientsAsked:
        "Indicatemi quali destinatari dei miei dati sono stati informati (in caso di rettifica, cancellazione o limitazione)",
    },
    heir: {
      legend: "Per una richiesta di un erede",
      deceasedEmail: "E-mail della persona deceduta (quella che usava con noi)",
      relationship: "Il Suo rapporto con la persona deceduta (ad esempio: figlia, coniuge)",
      scope: "Ci chiede di",
      scopes: {
        close_account: "chiudere il suo account",
        stop_marketing: "interrompere ogni marketing nei suoi confronti",
        estate_access: "dare accesso a quanto serve per la successione",
      },
      documents:
        "Le chiederemo poi il certificato di morte e una prova della Sua qualità di erede (ad esempio una dichiarazione sostitutiva o un atto notarile): non li invii con questo modulo.",
    },
    confirmedAwaitingProofs:
      "Grazie: il Suo indirizzo è confermato. La Sua richiesta {reference} sarà trattata quando avremo il certificato di morte e la prova della Sua qualità di erede; Le scriveremo per indicarLe come inviarli.",
    tooManyTitle: "Troppe richieste in poco tempo",
    tooManyAddress:
      "Negli ultimi minuti sono state presentate diverse richieste per questo indirizzo e-mail. Riprovi tra {minutes} min. Se ha ricevuto un codice, è ancora valido: utilizzi il link nella nostra e-mail.",
    tooManyClient:
      "Nell'ultima ora sono state presentate molte richieste dalla Sua connessione. Riprovi tra {minutes} min.",
  },
  requestForm: {
    errors: {
      rect_first_name: "Indichi il nome, insieme al cognome.",
      rect_last_name: "Indichi il cognome, insieme al nome.",
      rect_email: "Inserisca un indirizzo e-mail valido.",
      rect_phone: "Inserisca il numero di telefono in formato internazionale, ad es. +39 312 345 6789.",
      rect_address1: "Indichi via e numero civico dell'indirizzo postale corretto.",
      rect_address2: "Al massimo 200 caratteri.",
      rect_city: "Indichi la città dell'indirizzo postale corretto.",
      rect_zip: "Indichi il CAP dell'indirizzo postale corretto.",
      rect_country: "Indichi il paese con il suo codice di 2 lettere, ad es. IT.",
      type: "Scelga un tipo di richiesta.",
      email: "Inserisca un indirizzo e-mail valido.",
      name: "Al massimo 200 caratteri.",
      message: "Al massimo 5.000 caratteri.",
      directive_action: "Scelga che cosa fare delle disposizioni.",
      directive_instructions: "Scriva le disposizioni: che cosa deve accadere ai dati dopo la morte.",
      executor_name:
        "Indichi il nome della persona che eseguirà le disposizioni, oppure lasci vuoti entrambi i campi.",
      executor_email: "Indichi un indirizzo e-mail valido della persona che eseguirà le disposizioni.",
      specific_consent:
        "Le disposizioni sono registrate solo con un consenso dato specificamente per esse: selezioni la casella.",
      deceased_email: "Inserisca un indirizzo e-mail valido della persona deceduta.",
      heir_relationship: "Indichi il rapporto dell'erede con la persona deceduta (al massimo 100 caratteri).",
      heir_scope: "Scelga almeno una richiesta.",
      restriction_ground: "Scelga perché è richiesta la limitazione.",
      recipients_asked: "Selezioni la casella o la lasci vuota.",
    },
  },
  documents: {
    title: "Invii i Suoi documenti",
    intro: "Per completare una verifica ci occorre quanto segue:",
    kinds: {
      identity: "documento d'identità (carta d'identità, passaporto o permesso di soggiorno)",
      billing_address: "prova dell'indirizzo di fatturazione o di consegna",
      payment_method:
        "prova del mezzo di pagamento (copra tutte le cifre della carta tranne le ultime quattro, e il codice di sicurezza)",
    },
    privacy:
      "I Suoi documenti sono cifrati, usati solo per questa verifica e cancellati non appena si conclude. PDF, JPEG, PNG, WebP o HEIC, al massimo 5 MB ciascuno.",
    files: "I Suoi file",
    send: "Invia",
    receivedTitle: "Documenti ricevuti",
    received:
      "Grazie. La informeremo quando la verifica sarà conclusa; i Suoi documenti saranno allora cancellati.",
    closedTitle: "Questo link non è più valido",
    closed: "La verifica è conclusa, oppure il link non è valido.",
    rejectedTitle: "Non è stato possibile inviare i Suoi documenti",
    errors: {
      DOCUMENT_EMPTY: "Scelga almeno un file.",
      DOCUMENT_TOO_MANY: "Invii al massimo 5 file alla volta.",
      DOCUMENT_TOO_LARGE: "Un file supera i 5 MB.",
      DOCUMENT_TYPE: "Formati accettati: PDF, JPEG, PNG, WebP, HEIC.",
    },
  },
  consentReceipt: {
    link: "Visualizzare e scaricare le mie registrazioni del consenso (newsletter e cookie)",
    title: "Le mie registrazioni del consenso",
    intro:
      "Ogni scelta che ha fatto con {shop} sulla sua newsletter e sui traccianti del suo sito, così come il negozio l'ha registrata. Ogni voce reca la propria impronta nel registro, così chiunque può verificare che non sia stata alterata.",
    signInTitle: "Acceda per vedere le Sue registrazioni del consenso",
    signIn:
      "Le Sue registrazioni sono mostrate solo all'account, con accesso effettuato, a cui appartengono. Acceda al Suo account cliente, poi torni a questa pagina.",
    signInLink: "Accedi",
    none: "Nessun consenso è ancora registrato nel Suo account. Le scelte fatte nel banner dei cookie senza aver effettuato l'accesso non sono collegate al Suo account.",
    download: "Scarica la mia ricevuta (JSON)",
    controller: "Titolare del trattamento",
    contact: "Contatto",
    issuedAt: "Emessa il",
    receiptId: "Numero di ricevuta",
    recordId: "Numero di registrazione",
    state: "Stato attuale",
    since: "Dal",
    legalBasis: "Base giuridica",
    method: "Raccolto tramite",
    wording: "Testo che Le è stato mostrato",
    language: "Lingua",
    noticeVersion: "Versione del testo",
    privacyNoticeVersion: "Informativa sulla privacy in vigore",
    region: "Regione",
    gpc: "Global Privacy Control inviato dal Suo browser",
    yes: "sì",
    no: "no",
    processing: "Che cosa si fa",
    dataCategories: "Dati interessati",
    history: "Cronologia",
    eventType: "Evento",
    when: "Quando",
    hash: "Impronta nel registro (SHA-256)",
    ledgerTitle: "Verificare questa ricevuta",
    ledgerHelp:
      "Ogni impronta è lo SHA-256 dei campi della voce nella ricevuta scaricata (chiavi ordinate, senza spazi). La catena collega ogni voce alla precedente; la sua fine al momento dell'emissione è indicata sotto. Un'autorità può confrontarle con il registro del negozio.",
    head: "Fine della catena all'emissione (voce {seq})",
    lastCheck: "Ultima verifica completa del registro del negozio: {date}",
    lastCheckOk: "integro",
    lastCheckBroken: "è stata rilevata un'interruzione",
    neverChecked: "Il registro del negozio non è ancora stato verificato.",
    purposes: {
      newsletter: {
        title: "Newsletter",
        description: "Ricevere via e-mail le novità e le offerte del negozio.",
      },
    },
    states: {
      given: "Dato",
      refused: "Rifiutato",
      withdrawn: "Revocato",
      pending: "In attesa della Sua conferma",
      expired: "Scaduto",
      none: "Nessuno",
    },
    kinds: {
      granted: "Consenso dato",
      refused: "Rifiutato",
      withdrawn: "Consenso revocato",
      expired: "Scaduto",
      confirmation_requested: "Conferma richiesta via e-mail",
      repermission_requested: "Richiesta di nuova conferma",
    },
    methods: {
      checkout: "Checkout",
      privacy_centre: "Centro privacy",
      staff: "Il personale del negozio",
      mailchimp: "Mailchimp",
      shopify: "Shopify",
      system: "Vigie (automatico)",
      banner: "Banner dei cookie",
      shopify_import: "Letto da Shopify",
    },
    bases: {
      consent: "Il Suo consenso",
      soft_opt_in: "Cliente esistente (prodotti analoghi)",
    },
    processingTerms: {
      Collect: "raccolta",
      Store: "conservazione",
      Use: "utilizzo",
      Access: "lettura sul Suo dispositivo",
      Analyse: "analisi",
      Share: "condivisione con partner",
      Disclose: "comunicazione a terzi",
    },
    dataTerms: {
      EmailAddress: "indirizzo e-mail",
      OnlineIdentifier: "identificativo online",
      BrowsingBehaviour: "navigazione",
      Interest: "interessi",
      Preference: "preferenze",
    },
  },
  banner: {
    title: "Cookie e altri traccianti",
    intro:
      "Con il Suo consenso, {shop} e i suoi partner utilizzano traccianti per misurare l'audience del sito, mostrarLe pubblicità e condividere sui social network. Rifiutare è facile quanto accettare e non cambia nulla nei Suoi acquisti. Può cambiare idea in qualsiasi momento dal link «Cookie» in fondo a ogni pagina.",
    acceptAll: "Accetta tutto",
    refuseAll: "Rifiuta tutto",
    choose: "Scegli",
    save: "Salva le mie scelte",
    close: "Chiudi senza scegliere",
    noticeLink: "Informativa sulla privacy",
    cookiesLink: "Cookie",
    gpcNote: "Il Suo browser invia Global Privacy Control: pubblicità e vendita di dati restano rifiutate.",
    noProcessor: "nessun partner indicato nel registro dei trattamenti del negozio",
    purposes: {
      analytics: {
        title: "Misurazione dell'audience",
        description: "Contare le visite e le pagine viste per migliorare il sito.",
      },
      marketing: {
        title: "Pubblicità e social network",
        description:
          "MostrarLe annunci in linea con i Suoi interessi, misurare le campagne, strumenti di condivisione.",
      },
      preferences: {
        title: "Preferenze",
        description:
          "Ricordare le Sue impostazioni sul sito, come la lingua o gli articoli visti di recente.",
      },
      sale_of_data: {
        title: "Condivisione con partner per i loro fini",
        description: "I partner possono usare dati sulla Sua visita per i propri fini.",
      },
    },
  },
  exportLink: {
    title: "La Sua esportazione dei dati",
    unknown: "Questo link non è valido.",
    expired:
      "Questo link è scaduto. Per riceverne uno nuovo, contatti il responsabile della protezione dei dati del negozio.",
    used: "Questa esportazione è già stata scaricata: per la Sua sicurezza un link funziona una sola volta. Contatti il responsabile della protezione dei dati del negozio se Le serve di nuovo.",
  },
  receipts: {
    systems: { shopify: "Shopify", stripe: "Stripe", mailchimp: "Mailchimp", vigie: "Vigie" },
    outcomes: {
      done: "Fatto",
      not_found: "Nulla trovato",
      held: "Conservato (obbligo di legge)",
      failed: "Non riuscito",
    },
    ownRecords: "I nostri registri",
    erasureSummary:
      "I Suoi dati personali sono stati cancellati dai nostri sistemi, come indicato di seguito. Ciò che la legge ci obbliga a conservare è indicato con la data in cui sarà cancellato.",
    holdWhat: {
      shopify:
        "Dati di fatturazione dei Suoi ordini (numero d'ordine, data, importi, articoli, nome e indirizzo di fatturazione)",
      stripe:
        "Fatture emesse tramite Stripe (numero, data, importi, nome, e-mail e indirizzo di fatturazione)",
    },
    steps: {
      "invoice-archive": "Dati di fatturazione degli ordini archiviati per l'obbligo contabile",
      "customer-data-erasure":
        "Cliente cancellato da Shopify (Shopify può attendere che siano trascorsi gli ordini degli ultimi 180 giorni)",
      "guest-orders": "Ordini come ospite conservati da Shopify (nessuna API li cancella)",
      "cancel-subscriptions": "Abbonamenti annullati",
      "delete-draft-invoices": "Bozze di fattura cancellate",
      "detach-payment-methods": "Metodi di pagamento salvati rimossi",
      "mask-customer": "Recapiti cancellati",
      "redaction-job": "Dati di pagamento oscurati da Stripe",
      "delete-customer": "Cliente Stripe cancellato",
      "keep-payments": "Pagamenti conservati da Stripe con i dati inseriti al pagamento",
      "keep-invoices": "Fatture emesse conservate (obbligo contabile)",
      "keep-checkout-sessions": "Pagamenti come ospite conservati da Stripe",
      "delete-permanent": "Contatto cancellato definitivamente",
      archive: "Contatto archiviato (disiscritto, cronologia conservata da Mailchimp)",
      "pseudonymise-consent": "Cronologia del consenso pseudonimizzata (prova conservata senza identità)",
      "delete-consent-state": "Stato del consenso cancellato",
      "delete-emails": "E-mail inviate alla persona cancellate",
      "delete-identity": "Verifiche d'identità cancellate",
      "pseudonymise-requests": "Richieste pseudonimizzate (riferimento ed esito conservati)",
      "delete-payment-checks": "Controlli di pagamento oscurati",
      "pseudonymise-audit": "Voci di audit scollegate dalla persona",
      "delete-subject":
        "Scheda della persona cancellata (un'impronta irreversibile dell'indirizzo è conservata per 10 anni perché non venga mai reimportata)",
    },
    fields: {
      name: "Nome",
      email: "Indirizzo e-mail",
      phone: "Numero di telefono",
      address: "Indirizzo postale",
    },
    rectification: {
      summary: "Abbiamo rettificato i Suoi dati come richiesto.",
      changed: "{field}: ora {value}",
      notFound: "non è stato trovato alcun dato che La riguarda",
    },
  },
  privacyNotice: {
    title: "Informativa sulla privacy",
    controller: "Chi tratta i Suoi dati",
    controllerText: "{shop} è il titolare del trattamento dei Suoi dati personali.",
    contact:
      "Per qualsiasi domanda sui Suoi dati, scriva al nostro responsabile della protezione dei dati: {email}.",
    noContact: "Per qualsiasi domanda sui Suoi dati, ci scriva dal nostro centro privacy: {url}.",
    purposes: "Perché trattiamo i Suoi dati e su quale base giuridica",
    interests: "I nostri legittimi interessi",
    interestsIntro: "Quando ci basiamo sul nostro legittimo interesse, questo è l'interesse perseguito:",
    recipients: "Chi riceve i Suoi dati",
    recipientsIntro: "Il nostro personale autorizzato e:",
    transfers: "Trasferimenti al di fuori dello Spazio economico europeo",
    noTransfers: "I Suoi dati non sono trasferiti al di fuori dello Spazio economico europeo.",
    transfersCopy: "Può ottenere una copia di tali garanzie scrivendoci.",
    beingConfirmed: "in corso di verifica",
    retention: "Per quanto tempo conserviamo i Suoi dati",
    rights: "I Suoi diritti",
    rightsIntro: "Può chiederci in qualsiasi momento:",
    access: "l'accesso ai Suoi dati e una copia degli stessi (art. 15);",
    rectification: "la rettifica dei dati inesatti o incompleti (art. 16);",
    erasure:
      "la cancellazione dei Suoi dati (art. 17), salvo quelli che la legge ci obbliga a conservare, come le fatture;",
    restriction:
      "la limitazione del trattamento (art. 18): conserviamo allora i Suoi dati senza utilizzarli, ad esempio il tempo di verificarne l'esattezza o di esaminare la Sua opposizione;",
    portability:
      "la portabilità dei dati che ci ha fornito, in un formato strutturato e leggibile da dispositivo automatico (art. 20).",
    objection: "Il Suo diritto di opposizione",
    objectionInterests:
      "Può opporsi in qualsiasi momento, per motivi connessi alla Sua situazione particolare, ai trattamenti basati sul nostro legittimo interesse (art. 21(1)): {purposes}.",
    objectionMarketing:
      "Può opporsi in qualsiasi momento, senza doverne indicare i motivi, all'uso dei Suoi dati per finalità di marketing diretto (art. 21(2) e (3)): smettiamo allora di scriverLe a tale scopo.",
    withdrawal: "Revocare il Suo consenso",
    withdrawalText:
      "Quando ci basiamo sul Suo consenso, può revocarlo in qualsiasi momento, con la stessa facilità con cui lo ha prestato: tramite il link di disiscrizione presente in ogni e-mail o dal nostro centro privacy. La revoca non pregiudica quanto fatto in precedenza (art. 7(3)).",
    automated: "Decisioni automatizzate",
    automatedSafeguards:
      "Può ottenere l'intervento di una persona, esprimere la Sua opinione e contestare la decisione (art. 22(3)).",
    postMortem: "Dopo il Suo decesso",
    postMortemText:
      "Può darci disposizioni sulla conservazione, la cancellazione e la comunicazione dei Suoi dati dopo il Suo decesso e designare una persona incaricata di eseguirle (legge francese Informatique et Libertés, art. 85).",
    required: "Dati obbligatori",
    requiredText:
      "I dati contrassegnati con * nei nostri moduli sono necessari per gestire il Suo ordine o la Sua richiesta; senza di essi non possiamo darvi seguito.",
    exercise: "Esercitare i Suoi diritti",
    exerciseText:
      "Presenti la Sua richiesta dal nostro centro privacy ({url}){email}. Rispondiamo entro un mese (art. 12(3)) e chiediamo un documento d'identità solo in caso di dubbi ragionevoli.",
    exerciseEmail: " o via e-mail a {email}",
    complaint: "Reclamo",
    complaintText:
      "Se ritiene che i Suoi diritti non siano rispettati, può proporre reclamo alla CNIL (l'autorità francese per la protezione dei dati, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr).",
    roles: {
      processor: "responsabile del trattamento che agisce per nostro conto",
      independent_controller: "destinatario che tratta i dati per conto proprio",
      joint_controller: "contitolare del trattamento",
    },
    mechanisms: {
      adequacy: "decisione di adeguatezza della Commissione europea (art. 45)",
      sccs: "clausole contrattuali tipo della Commissione europea (art. 46)",
      bcrs: "norme vincolanti d'impresa (art. 47)",
      derogation: "deroga per una situazione specifica (art. 49)",
      unknown: "garanzia in corso di verifica",
    },
    bases: {
      consent: "Consenso (art. 6(1)(a))",
      contract: "Esecuzione di un contratto (art. 6(1)(b))",
      legal_obligation: "Obbligo legale (art. 6(1)(c))",
      vital_interests: "Interessi vitali (art. 6(1)(d))",
      public_task: "Esecuzione di un compito di interesse pubblico (art. 6(1)(e))",
      legitimate_interests: "Legittimo interesse (art. 6(1)(f))",
    },
    year: "{n} anno",
    years: "{n} anni",
    month: "{n} mese",
    months: "{n} mesi",
    clocks: {
      last_order: "dall'ultimo ordine",
      last_contact: "dall'ultimo contatto",
      collection: "dalla raccolta",
      transaction: "dalla transazione",
      financial_year_end: "dalla chiusura dell'esercizio",
      request_closed: "dalla chiusura della richiesta",
      consent_end: "dalla fine del consenso",
    },
  },
};
