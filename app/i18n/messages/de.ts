// Deutsche Texte für Kundinnen und Kunden (docs/decisions/061). Dieselben Schlüssel wie der
// Kundenteil von en.ts (von tsc und i18n/catalogues.test.ts geprüft). Förmliche Anrede: Sie.
import type { ShopperMessages } from "./shopper";

export const de: ShopperMessages = {
  shopper: {
    /** The re-permission link's page (docs/decisions/069). */
    repermission: {
      title: "Möchten Sie unseren Newsletter weiter erhalten?",
      body: "Wir haben lange nichts von Ihnen gehört. Ohne Ihre Bestätigung stellt {shop} den Versand des Newsletters an Sie ein und löscht Ihre Daten am {date}.",
      wording: "Ja, ich möchte den Newsletter von {shop} weiterhin per E-Mail erhalten.",
      renew: "Ich bleibe angemeldet",
      note: "Sie können sich jederzeit mit einem Klick über den Link in jedem Newsletter abmelden.",
      doneTitle: "Sie bleiben angemeldet",
      doneBody: "Vielen Dank: {shop} sendet Ihnen weiterhin seinen Newsletter.",
      expiredTitle: "Dieser Link ist abgelaufen",
      expiredBody:
        "Die Frist für eine Antwort ist abgelaufen. Um den Newsletter von {shop} wieder zu erhalten, melden Sie sich bitte auf der Website an.",
      notSubscribedTitle: "Sie sind nicht angemeldet",
      notSubscribedBody:
        "Sie haben sich seit dieser E-Mail vom Newsletter von {shop} abgemeldet: Dieser Link meldet Sie nicht erneut an.",
      invalidTitle: "Dieser Link ist ungültig",
      invalidBody:
        "Möglicherweise wurde er falsch kopiert. Verwenden Sie den Link aus der erhaltenen E-Mail oder wenden Sie sich an den Shop.",
    },
    requestTypes: {
      access: "Recht auf Auskunft",
      rectification: "Recht auf Berichtigung",
      erasure: "Recht auf Löschung",
      restriction: "Recht auf Einschränkung der Verarbeitung",
      withdraw_consent: "Widerruf der Einwilligung",
      object: "Widerspruchsrecht",
      object_to_marketing: "Widerspruch gegen Direktwerbung",
      portability: "Recht auf Datenübertragbarkeit",
      post_mortem_directive: "Verfügungen für den Todesfall",
      heir_request: "Antrag eines Erben",
    },
    mail: {
      greeting: "Guten Tag,",
      signOff: "Mit freundlichen Grüßen",
      dpo: "Der Datenschutzbeauftragte",
      team: "Ihr {shop}-Team",
      contactDpo:
        "Bei Fragen können Sie sich unter {email} an unseren Datenschutzbeauftragten wenden; bitte geben Sie dabei das Aktenzeichen {reference} an.",
      contactService:
        "Bei Fragen können Sie sich an unseren Kundenservice wenden; bitte geben Sie dabei das Aktenzeichen {reference} an.",
      remediesHeading: "Ihr Beschwerderecht",
      remediesComplaint:
        "Wenn Sie mit dieser Entscheidung nicht einverstanden sind, können Sie Beschwerde bei der französischen Datenschutzaufsichtsbehörde CNIL (Commission nationale de l'informatique et des libertés) einlegen, online unter {url}, oder bei der Datenschutzaufsichtsbehörde des EU-Mitgliedstaats, in dem Sie wohnen oder arbeiten.",
      remediesCourt:
        "Sie können außerdem einen gerichtlichen Rechtsbehelf beim zuständigen Gericht einlegen.",
      cnilUrl: "https://www.cnil.fr/en/complaints",
      footerData:
        "Diese Nachricht wird Ihnen von {shop} zu Ihren personenbezogenen Daten gesendet. Es handelt sich nicht um Werbung.",
      footerOrder:
        "Diese Nachricht wird Ihnen von {shop} zu Ihrer Bestellung gesendet. Es handelt sich nicht um Werbung.",
      unsubscribeLead:
        "Sie möchten den Newsletter von {shop} nicht mehr erhalten? Melden Sie sich mit einem Klick ab.",
      unsubscribeLabel: "Abmelden",
      minuteOne: "{count} Minute",
      minuteOther: "{count} Minuten",
      hourOne: "{count} Stunde",
      hourOther: "{count} Stunden",
      lawName: "französisches Datenschutzgesetz (LIL)",
      acknowledgement: {
        subject: "{shop} — Wir haben Ihre Anfrage erhalten ({reference})",
        intro: "Wir bestätigen den Eingang Ihrer Anfrage zu Ihren personenbezogenen Daten.",
        reference: "Aktenzeichen",
        request: "Anfrage",
        receivedOn: "Eingegangen am",
        dueOn: "Antwort spätestens am",
        deadline:
          "Wir antworten Ihnen innerhalb der in der DSGVO vorgesehenen Frist von einem Monat, also spätestens am {due}. Sollte die Komplexität Ihrer Anfrage oder die Zahl der eingegangenen Anfragen es erfordern, kann diese Frist um zwei weitere Monate verlängert werden; in diesem Fall würden wir Sie vor diesem Datum unter Angabe der Gründe informieren.",
        follow: "Den Stand Ihrer Anfrage können Sie jederzeit verfolgen:",
        button: "Meine Anfrage verfolgen",
        proof:
          "Einen Identitätsnachweis verlangen wir nur, wenn begründete Zweifel an Ihrer Identität bestehen.",
        notYou:
          "Falls Sie diese Anfrage nicht gestellt haben, teilen Sie uns dies bitte umgehend mit: Möglicherweise hat jemand Ihre E-Mail-Adresse verwendet.",
      },
      identityCode: {
        subject: "{shop} — Bitte bestätigen Sie Ihre Anfrage ({reference})",
        intro:
          "Damit wir Ihre Anfrage {reference} bearbeiten können, bestätigen Sie bitte über den folgenden Link, dass sie von Ihnen stammt:",
        button: "Meine Anfrage bestätigen",
        codeLead: "Sie können auch diesen Code auf der Statusseite Ihrer Anfrage eingeben:",
        validity:
          "Dieser Code ist {validity} gültig. Geben Sie ihn an niemanden weiter: Wir werden Sie niemals telefonisch oder per E-Mail danach fragen.",
        notYou:
          "Falls Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese Nachricht bitte: Ohne Bestätigung wird sie nicht bearbeitet.",
      },
      extension: {
        subject: "{shop} — Verlängerung der Antwortfrist für Ihre Anfrage ({reference})",
        body: "Die Bearbeitung Ihrer Anfrage {reference} erfordert mehr Zeit. Wie in Art. 12 Abs. 3 DSGVO vorgesehen, verlängern wir die Antwortfrist: Sie erhalten unsere Antwort spätestens am {due}.",
        reasonsLead: "Die Gründe für diese Verlängerung sind folgende:",
        apology:
          "Wir bitten Sie, diese Verzögerung zu entschuldigen, und halten Sie über jede Entwicklung auf dem Laufenden.",
      },
      answer: {
        subject: "{shop} — Antwort auf Ihre Anfrage ({reference})",
        intro: "Wir haben Ihre Anfrage {reference} ({type}) bearbeitet. Hier ist unsere Antwort:",
        downloadReady: "Ihre Daten stehen zum Herunterladen bereit:",
        downloadButton: "Meine Daten herunterladen",
        downloadExpires: "Dieser Link läuft am {date} ab. Bitte speichern Sie Ihre Dateien bis dahin.",
        erasureLead: "Folgendes wurde getan, System für System:",
        erasureLine: "{system} — {done}, am {on}",
        erasureReferences: "(Referenz: {references})",
        holdsLead:
          "Bestimmte Daten müssen jedoch aufbewahrt werden, weil das Gesetz uns dazu verpflichtet (Art. 17 Abs. 3 lit. b DSGVO):",
        holdLine: "{what} — {basis}, aufzubewahren bis {until}",
        holdsAfter:
          "Diese Daten werden nur noch zu diesem Zweck verwendet und nach Ablauf der angegebenen Frist gelöscht.",
        recipientsNone:
          "Ihre Daten waren keinem zu unterrichtenden Empfänger offengelegt worden (Art. 19 DSGVO).",
        recipientsLead:
          "Wie von Ihnen gewünscht, nennen wir Ihnen die Empfänger Ihrer Daten, die wir unterrichtet haben (Art. 19 DSGVO):",
        complaint:
          "Wenn Sie der Ansicht sind, dass Ihre Rechte nicht gewahrt wurden, können Sie Beschwerde bei der CNIL, der französischen Datenschutzaufsichtsbehörde, einlegen: {url}.",
      },
      refusal: {
        subject: "{shop} — Entscheidung über Ihre Anfrage ({reference})",
        intro:
          "Wir haben Ihre Anfrage {reference} ({type}) sorgfältig geprüft und können ihr leider aus folgendem Grund nicht nachkommen: {ground}.",
        explanationLead: "Unsere Erläuterung:",
        grounds: {
          identity_not_established: "Wir konnten Ihre Identität nicht feststellen",
          manifestly_unfounded_or_excessive: "Die Anfrage ist offenkundig unbegründet oder exzessiv",
          legal_obligation: "Eine rechtliche Verpflichtung verlangt, dass wir diese Daten aufbewahren",
          legal_claims:
            "Diese Daten werden zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen benötigt",
          compelling_legitimate_grounds:
            "Es bestehen zwingende schutzwürdige Gründe für diese Verarbeitung, die Ihre Interessen, Rechte und Freiheiten überwiegen",
          rights_of_others:
            "Ihr nachzukommen würde die Rechte und Freiheiten anderer Personen beeinträchtigen",
          not_applicable: "Die Voraussetzungen dieses Rechts sind nicht erfüllt",
          requester_not_entitled:
            "Sie haben nicht nachgewiesen, dass Sie als Erbe zur Ausübung dieser Rechte berechtigt sind",
        },
      },
      closedUnverified: {
        subject: "{shop} — Ihre Anfrage {reference} wurde geschlossen",
        body: "Wir haben die Bestätigung nicht erhalten, mit der wir prüfen können, ob die Anfrage {reference} von Ihnen stammt. Zum Schutz Ihrer Daten können wir sie nicht bearbeiten und haben sie geschlossen.",
        again:
          "Wenn Sie Ihre Rechte weiterhin ausüben möchten, stellen Sie einfach eine neue Anfrage auf unserer Website und bestätigen Sie sie mit dem Link oder Code, den wir Ihnen per E-Mail senden.",
        notYou: "Falls Sie diese Anfrage nicht gestellt haben, müssen Sie nichts weiter tun.",
      },
      restrictionLift: {
        subject: "{shop} — Aufhebung der Einschränkung der Verarbeitung Ihrer Daten ({reference})",
        since:
          "Auf Ihre Anfrage {reference} hin ist die Verarbeitung Ihrer Daten seit dem {granted} eingeschränkt: Wir speichern sie, ohne sie zu verwenden.",
        lifted:
          "Wir teilen Ihnen mit, dass diese Einschränkung aufgehoben wird: Wir dürfen Ihre Daten dann wieder so verarbeiten, wie in unserer Datenschutzerklärung beschrieben (Art. 18 Abs. 3 DSGVO). Werbung erhalten Sie nicht ohne Ihre Einwilligung.",
      },
      consentConfirm: {
        subject: "{shop} — Bitte bestätigen Sie Ihre Newsletter-Anmeldung",
        asked:
          "Bei Ihrer Bestellung haben Sie den Newsletter von {shop} angefordert. Um Ihre Anmeldung zu bestätigen, klicken Sie bitte auf den folgenden Link:",
        button: "Anmeldung bestätigen",
        agreed: "Sie haben folgendem Text zugestimmt:",
        unless:
          "Ohne Ihre Bestätigung wird Ihre Anmeldung nicht gespeichert und Sie erhalten unseren Newsletter nicht.",
        withdraw:
          "Sie können Ihre Einwilligung jederzeit mit einem Klick über den Abmeldelink in jedem Newsletter widerrufen.",
        ignore: "Falls Sie dies nicht angefordert haben, ignorieren Sie diese Nachricht einfach.",
      },
      repermission: {
        subject: "{shop} — Möchten Sie unseren Newsletter weiter erhalten?",
        body: "Sie haben den Newsletter von {shop} abonniert, und wir haben seit fast {years} Jahren nichts von Ihnen gehört. Ohne die Zustimmung unserer Abonnentinnen und Abonnenten bewahren wir ihre Daten nicht länger auf.",
        button: "Ich bleibe angemeldet",
        after:
          "Wenn wir bis zum {date} nichts von Ihnen hören, erhalten Sie unseren Newsletter nicht mehr und Ihre Daten werden gelöscht. Sie erhalten dazu keine weitere Nachricht.",
      },
      paymentCheck: {
        subject: "{shop} — Überprüfung für Ihre Bestellung {order} erforderlich",
        intro:
          "Bevor wir Ihre Bestellung {order} abschließen können, müssen wir eine Prüfung zur Verhinderung von Zahlungsbetrug durchführen. Bitte senden Sie uns:",
        documents: {
          identity: "einen Identitätsnachweis (Personalausweis, Reisepass oder Aufenthaltstitel)",
          billing_address: "einen Nachweis der bei der Bestellung angegebenen Rechnungs- oder Lieferadresse",
          payment_method:
            "einen Nachweis des verwendeten Zahlungsmittels (zum Beispiel ein Foto Ihrer Bankkarte)",
        },
        cardAdvice:
          "Decken Sie bei Ihrer Bankkarte bitte alle Ziffern außer den letzten vier sowie die Prüfnummer auf der Rückseite ab: Diese benötigen wir nicht.",
        button: "Meine Nachweise senden",
        usage:
          "Diese Unterlagen dienen ausschließlich dieser Prüfung: Sie werden verschlüsselt gespeichert und gelöscht, sobald die Prüfung abgeschlossen ist.",
        without: "Ohne diese Nachweise müssen wir Ihre Bestellung möglicherweise ablehnen.",
      },
      documentNeeded: {
        subject: "{shop} — Nachweis für Ihre Anfrage {reference} erforderlich",
        intro:
          "Um Ihre Anfrage {reference} zu bearbeiten, müssen wir sicherstellen, dass sie von Ihnen stammt, und zwar aus folgendem Grund:",
        proof:
          "Bitte senden Sie uns einen Identitätsnachweis (Personalausweis, Reisepass oder Aufenthaltstitel). Sie können Ihr Foto und die Nummern des Dokuments abdecken: Wir benötigen nur Ihren Vor- und Nachnamen.",
        button: "Meinen Nachweis senden",
        storage:
          "Das Dokument wird verschlüsselt gespeichert, nur für diese Prüfung verwendet und gelöscht, sobald sie abgeschlossen ist. Die Frist für die Beantwortung Ihrer Anfrage ist bis zu seinem Eingang gehemmt.",
      },
      breach: {
        subject:
          "{shop} — Information über eine Verletzung des Schutzes Ihrer personenbezogenen Daten ({reference})",
        intro:
          "Gemäß Art. 34 DSGVO informieren wir Sie über eine Verletzung des Schutzes personenbezogener Daten, die Sie betrifft und voraussichtlich ein hohes Risiko für Ihre Rechte und Freiheiten zur Folge hat.",
        happened: "Was geschehen ist",
        consequences: "Die wahrscheinlichen Folgen",
        measures: "Die ergriffenen oder geplanten Maßnahmen",
        contactHeading: "Kontakt",
        contact: "Bei Fragen erreichen Sie unseren Datenschutzbeauftragten unter: {contact}.",
        quote:
          "Bitte geben Sie das Aktenzeichen {reference} an. Wir bitten Sie, diesen Vorfall zu entschuldigen.",
      },
    },
  },
};
