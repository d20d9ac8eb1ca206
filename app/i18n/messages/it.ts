// Testi in italiano per i clienti (docs/decisions/061). Le stesse chiavi della parte clienti di
// en.ts (verificato da tsc e da i18n/catalogues.test.ts). Registro formale: Lei.
import type { ShopperMessages } from "./shopper";

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
        dueOn: "Risposta entro il",
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
        subject: "{shop} — Proroga del termine di risposta alla Sua richiesta ({reference})",
        body: "La gestione della Sua richiesta {reference} richiede più tempo. Come consentito dall'articolo 12, paragrafo 3, del GDPR, prorogiamo il termine di risposta: riceverà la nostra risposta entro il {due}.",
        reasonsLead: "I motivi della proroga sono i seguenti:",
        apology: "Ci scusiamo per il ritardo e Le comunicheremo ogni eventuale sviluppo.",
      },
      answer: {
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
};
