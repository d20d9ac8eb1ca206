// Deutsche Texte für Kundinnen und Kunden (docs/decisions/061). Dieselben Schlüssel wie der
// Kundenteil von en.ts (von tsc und i18n/catalogues.test.ts geprüft). Förmliche Anrede: Sie.
import type { ShopperMessages } from "./shopper";

/** One wording for every field of a rectification (the form checks them together). */
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
    requestDescriptions: {
      access: "Erfahren, ob Ihre Daten verarbeitet werden, und eine Kopie davon erhalten.",
      rectification: "Unrichtige oder unvollständige Daten berichtigen oder vervollständigen lassen.",
      erasure: "Ihre Daten löschen lassen, außer denen, die wir gesetzlich aufbewahren müssen (Rechnungen).",
      restriction:
        "Ihre Daten sperren lassen: Sie werden aufbewahrt, aber nicht mehr verwendet, solange sie geprüft werden oder für einen Rechtsanspruch.",
      withdraw_consent:
        "Eine erteilte Einwilligung jederzeit so einfach widerrufen, wie Sie sie erteilt haben.",
      object:
        "Aus Gründen, die sich aus Ihrer besonderen Situation ergeben, einer auf berechtigte Interessen gestützten Verarbeitung widersprechen.",
      object_to_marketing: "Keine Direktwerbung mehr erhalten; der Widerspruch gilt ohne Bedingung.",
      portability:
        "Die Daten, die Sie uns bereitgestellt haben, in einem strukturierten, maschinenlesbaren Format erhalten.",
      post_mortem_directive:
        "Ihre Verfügungen über Ihre Daten nach Ihrem Tod festlegen, ändern oder widerrufen.",
      heir_request:
        "Für eine verstorbene Kundin oder einen verstorbenen Kunden: das Konto schließen, Werbung beenden, Zugang zu dem erhalten, was der Nachlass benötigt.",
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
        dueOn: "Antwort fällig",
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
        newDueOn: "Neues Datum unserer Antwort",
        subject: "{shop} — Verlängerung der Antwortfrist für Ihre Anfrage ({reference})",
        body: "Die Bearbeitung Ihrer Anfrage {reference} erfordert mehr Zeit. Wie in Art. 12 Abs. 3 DSGVO vorgesehen, verlängern wir die Antwortfrist: Sie erhalten unsere Antwort spätestens am {due}.",
        reasonsLead: "Die Gründe für diese Verlängerung sind folgende:",
        apology:
          "Wir bitten Sie, diese Verzögerung zu entschuldigen, und halten Sie über jede Entwicklung auf dem Laufenden.",
      },
      answer: {
        downloadUntil: "Ablauf des Links",
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
        lastDay: "Letzter Tag, um angemeldet zu bleiben",
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
  unsubscribe: {
    title: "Vom Newsletter abmelden",
    body: "Sie erhalten die Neuigkeiten von {shop} nicht mehr per E-Mail. Die Abmeldung ist kostenlos und wirkt sofort.",
    confirm: "Abmelden",
    note: "Ihre Bestellungen und die zugehörigen E-Mails (Bestätigung, Versand) sind davon nicht betroffen.",
    doneTitle: "Sie sind abgemeldet",
    doneBody:
      "{shop} sendet Ihnen keine Neuigkeiten mehr per E-Mail. Sie können sich jederzeit wieder anmelden.",
    invalidTitle: "Dieser Link ist ungültig",
    invalidBody:
      "Möglicherweise wurde er falsch kopiert. Verwenden Sie den Link aus der erhaltenen E-Mail oder wenden Sie sich an den Shop.",
  },
  consentConfirm: {
    title: "Bestätigen Sie Ihre Newsletter-Anmeldung",
    body: "Sie haben darum gebeten, Neuigkeiten von {shop} per E-Mail zu erhalten, und dabei folgendem Text zugestimmt:",
    confirm: "Meine Anmeldung bestätigen",
    note: "Sie können sich jederzeit mit einem Klick über jede E-Mail abmelden.",
    doneTitle: "Ihre Anmeldung ist bestätigt",
    doneBody: "Vielen Dank! Sie erhalten ab sofort Neuigkeiten von {shop} per E-Mail.",
    lapsedTitle: "Dieser Link ist abgelaufen",
    lapsedBody:
      "Ihre Anmeldung zum Newsletter von {shop} wurde nicht rechtzeitig bestätigt: Es wurde nichts gespeichert. Sie können sich bei Ihrem nächsten Besuch erneut anmelden.",
    overTitle: "Diese Anfrage ist nicht mehr offen",
    overBody:
      "Sie haben sie storniert, oder eine neuere Anfrage hat sie ersetzt: Verwenden Sie den Link aus der zuletzt erhaltenen E-Mail.",
  },
  privacy: {
    noticeVersionLine: "Version {version}, gültig seit {date}.",
    noticeMissingTitle: "Datenschutzerklärung",
    noticeMissing: "Der Shop hat seine Datenschutzerklärung hier noch nicht veröffentlicht.",
    title: "Ihre personenbezogenen Daten",
    intro:
      "Sie können Ihre Rechte jederzeit ausüben. Wir antworten innerhalb eines Monats; wir bitten Sie, Ihre E-Mail-Adresse zu bestätigen, und verlangen einen Ausweis nur bei begründeten Zweifeln.",
    noticeLink: "Unsere Datenschutzerklärung lesen",
    type: "Ihr Anliegen",
    email: "Ihre E-Mail-Adresse",
    name: "Ihr Name (optional)",
    message: "Einzelheiten (optional)",
    submit: "Meine Anfrage senden",
    receivedTitle: "Anfrage eingegangen",
    receivedBody:
      "Ihre Anfrage {reference} ({type}) ist eingegangen. Wir antworten spätestens bis zum {due}.",
    checkEmail:
      "Wir haben Ihnen eine E-Mail mit einem Code gesendet: Bitte bestätigen Sie Ihre Adresse, damit wir mit der Bearbeitung beginnen können.",
    follow: "Ihre Anfrage verfolgen",
    back: "Zurück zum Formular",
    invalidTitle: "Ihre Anfrage konnte nicht gesendet werden",
    invalidBody: "Bitte überprüfen Sie die Felder des Formulars.",
    confirmTitle: "Bestätigen Sie Ihre E-Mail-Adresse",
    confirmBody:
      "Bestätigen Sie mit dem Code, den wir Ihnen gesendet haben, dass diese Adresse Ihnen gehört.",
    code: "Code (6 Ziffern)",
    confirm: "Bestätigen",
    codeInvalidTitle: "Bestätigung fehlgeschlagen",
    codeInvalid: "Dieser Link oder Code ist ungültig.",
    codeOutcomes: {
      wrong_code: "Falscher Code. Bitte versuchen Sie es erneut.",
      expired: "Dieser Code ist abgelaufen: Stellen Sie die Anfrage erneut, um einen neuen zu erhalten.",
      locked:
        "Zu viele Versuche: Dieser Code ist gesperrt. Stellen Sie die Anfrage erneut, um einen neuen zu erhalten.",
      already_used: "Dieser Code wurde bereits verwendet.",
      unknown: "Dieser Link oder Code ist ungültig.",
    },
    confirmedTitle: "Adresse bestätigt",
    confirmed: "Vielen Dank: Ihre Anfrage {reference} wird jetzt bearbeitet.",
    statusTitle: "Anfrage {reference}",
    stateLabel: "Status",
    receivedOn: "Eingegangen am",
    dueOn: "Antwort fällig bis",
    states: {
      received: "eingegangen",
      identity_check: "wartet auf die Bestätigung Ihrer E-Mail-Adresse",
      in_progress: "in Bearbeitung",
      answered: "beantwortet",
      refused: "abgelehnt (siehe unsere E-Mail)",
      withdrawn: "zurückgezogen",
      closed_unverified: "geschlossen: Die E-Mail-Adresse wurde nie bestätigt",
    },
    cnil: "Wenn Sie der Ansicht sind, dass Ihre Rechte nicht gewahrt werden, können Sie Beschwerde bei der CNIL, der französischen Datenschutzaufsichtsbehörde (www.cnil.fr), oder bei der Aufsichtsbehörde Ihres Wohnsitzlandes einlegen.",
    confirmRequestTitle: "Bestätigen Sie Ihre Anfrage",
    confirmRequestBody:
      "Sie sind angemeldet: Ihre Anfrage ({type}) wird als Anfrage Ihres Kundenkontos bearbeitet und an die E-Mail-Adresse Ihres Kontos beantwortet.",
    confirmRequest: "Bestätigen und senden",
    resend: "Neuen Code senden",
    resent: "Ein neuer Code wurde an Ihre E-Mail-Adresse gesendet.",
    resendLimit: "Heute wurden zu viele Codes gesendet: Bitte versuchen Sie es morgen erneut.",
    notFoundTitle: "Anfrage nicht gefunden",
    notFound: "Dieser Link ist ungültig.",
    directive: {
      legend: "Für Verfügungen für den Todesfall",
      action: "Was möchten Sie tun?",
      actions: {
        record: "Meine Verfügungen festlegen",
        update: "Meine Verfügungen ändern",
        revoke: "Meine Verfügungen widerrufen",
      },
      instructions: "Ihre Verfügungen: was nach Ihrem Tod mit Ihren Daten geschehen soll",
      executorName: "Person, die Sie mit der Ausführung beauftragen (optional)",
      executorEmail: "Deren E-Mail-Adresse",
      consent:
        "Ich willige ausdrücklich ein, dass diese Verfügungen aufbewahrt und nach meinem Tod ausgeführt werden (diese Einwilligung gilt nur für diese Verfügungen).",
    },
    rectification: {
      legend: "Die berichtigten Angaben",
      help: "Füllen Sie nur aus, was sich ändern soll.",
      firstName: "Vorname",
      lastName: "Nachname",
      email: "Neue E-Mail-Adresse",
      phone: "Telefonnummer (internationales Format, z. B. +49 151 2345 6789)",
      address1: "Straße und Hausnummer",
      address2: "Adresszusatz",
      city: "Ort",
      zip: "Postleitzahl",
      country: "Land (zweistelliger Code, z. B. DE)",
    },
    restriction: {
      legend: "Für eine Einschränkung der Verarbeitung",
      ground: "Warum verlangen Sie sie?",
      grounds: {
        accuracy_contested: "Ich bestreite die Richtigkeit meiner Daten, für die Dauer Ihrer Überprüfung",
        unlawful_no_erasure:
          "Die Verarbeitung ist unrechtmäßig, aber ich möchte nicht, dass meine Daten gelöscht werden",
        legal_claims: "Sie benötigen meine Daten nicht mehr, ich aber für einen Rechtsanspruch",
        objection_pending:
          "Ich habe der Verarbeitung widersprochen, solange Sie prüfen, ob Ihre Gründe gegenüber meinen überwiegen",
      },
      recipientsAsked:
        "Teilen Sie mir mit, welche Empfänger meiner Daten unterrichtet wurden (bei einer Berichtigung, Löschung oder Einschränkung)",
    },
    heir: {
      legend: "Für einen Antrag eines Erben",
      deceasedEmail: "E-Mail-Adresse der verstorbenen Person (die sie bei uns verwendet hat)",
      relationship: "Ihre Beziehung zur verstorbenen Person (zum Beispiel: Tochter, Ehegatte)",
      scope: "Sie bitten uns,",
      scopes: {
        close_account: "ihr Konto zu schließen",
        stop_marketing: "jegliche Werbung an sie einzustellen",
        estate_access: "Zugang zu dem zu gewähren, was der Nachlass benötigt",
      },
      documents:
        "Wir werden anschließend die Sterbeurkunde und einen Nachweis Ihrer Erbenstellung (zum Beispiel einen Erbschein) anfordern: Senden Sie diese nicht mit diesem Formular.",
    },
    confirmedAwaitingProofs:
      "Vielen Dank: Ihre Adresse ist bestätigt. Ihre Anfrage {reference} wird bearbeitet, sobald uns die Sterbeurkunde und der Nachweis Ihrer Erbenstellung vorliegen; wir schreiben Ihnen, wie Sie diese senden können.",
    tooManyTitle: "Zu viele Anfragen in kurzer Zeit",
    tooManyAddress:
      "Für diese E-Mail-Adresse wurden in den letzten Minuten mehrere Anfragen gestellt. Bitte versuchen Sie es in {minutes} Min. erneut. Wenn Sie einen Code erhalten haben, ist er weiterhin gültig: Verwenden Sie den Link in unserer E-Mail.",
    tooManyClient:
      "Von Ihrer Verbindung wurden in der letzten Stunde viele Anfragen gestellt. Bitte versuchen Sie es in {minutes} Min. erneut.",
  },
  requestForm: {
    errors: {
      rect_first_name: "Geben Sie den Vornamen zusammen mit dem Nachnamen an.",
      rect_last_name: "Geben Sie den Nachnamen zusammen mit dem Vornamen an.",
      rect_email: "Geben Sie eine gültige E-Mail-Adresse ein.",
      rect_phone: "Geben Sie die Telefonnummer im internationalen Format ein, z. B. +49 151 2345 6789.",
      rect_address1: "Geben Sie Straße und Hausnummer der berichtigten Postanschrift an.",
      rect_address2: "Höchstens 200 Zeichen.",
      rect_city: "Geben Sie den Ort der berichtigten Postanschrift an.",
      rect_zip: "Geben Sie die Postleitzahl der berichtigten Postanschrift an.",
      rect_country: "Geben Sie das Land als zweistelligen Code an, z. B. DE.",
      type: "Wählen Sie die Art der Anfrage.",
      email: "Geben Sie eine gültige E-Mail-Adresse ein.",
      name: "Höchstens 200 Zeichen.",
      message: "Höchstens 5.000 Zeichen.",
      directive_action: "Wählen Sie, was mit den Verfügungen geschehen soll.",
      directive_instructions: "Schreiben Sie die Verfügungen: was nach dem Tod mit den Daten geschehen soll.",
      executor_name:
        "Geben Sie den Namen der Person an, die die Verfügungen ausführen wird, oder lassen Sie beide Felder leer.",
      executor_email:
        "Geben Sie eine gültige E-Mail-Adresse der Person an, die die Verfügungen ausführen wird.",
      specific_consent:
        "Verfügungen werden nur mit einer eigens dafür erteilten Einwilligung gespeichert: Kreuzen Sie das Kästchen an.",
      deceased_email: "Geben Sie eine gültige E-Mail-Adresse der verstorbenen Person ein.",
      heir_relationship:
        "Geben Sie an, in welcher Beziehung der Erbe zur verstorbenen Person steht (höchstens 100 Zeichen).",
      heir_scope: "Wählen Sie mindestens ein Anliegen.",
      restriction_ground: "Wählen Sie, warum die Einschränkung verlangt wird.",
      recipients_asked: "Kreuzen Sie das Kästchen an oder lassen Sie es leer.",
    },
  },
  documents: {
    title: "Ihre Unterlagen senden",
    intro: "Für eine Prüfung benötigen wir Folgendes:",
    kinds: {
      identity: "Identitätsnachweis (Personalausweis, Reisepass oder Aufenthaltstitel)",
      billing_address: "Nachweis der Rechnungs- oder Lieferadresse",
      payment_method:
        "Nachweis des Zahlungsmittels (decken Sie alle Kartenziffern außer den letzten vier sowie den Sicherheitscode ab)",
    },
    privacy:
      "Ihre Unterlagen werden verschlüsselt, nur für diese Prüfung verwendet und gelöscht, sobald sie abgeschlossen ist. PDF, JPEG, PNG, WebP oder HEIC, jeweils höchstens 5 MB.",
    files: "Ihre Dateien",
    send: "Senden",
    receivedTitle: "Unterlagen eingegangen",
    received:
      "Vielen Dank. Wir informieren Sie, sobald die Prüfung abgeschlossen ist; Ihre Unterlagen werden dann gelöscht.",
    closedTitle: "Dieser Link ist nicht mehr gültig",
    closed: "Die Prüfung ist abgeschlossen, oder der Link ist ungültig.",
    rejectedTitle: "Ihre Unterlagen konnten nicht gesendet werden",
    errors: {
      DOCUMENT_EMPTY: "Wählen Sie mindestens eine Datei.",
      DOCUMENT_TOO_MANY: "Senden Sie höchstens 5 Dateien auf einmal.",
      DOCUMENT_TOO_LARGE: "Eine Datei ist größer als 5 MB.",
      DOCUMENT_TYPE: "Zulässige Formate: PDF, JPEG, PNG, WebP, HEIC.",
    },
  },
  consentReceipt: {
    link: "Meine Einwilligungsnachweise ansehen und herunterladen (Newsletter und Cookies)",
    title: "Meine Einwilligungsnachweise",
    intro:
      "Jede Entscheidung, die Sie gegenüber {shop} zu seinem Newsletter und den Trackern auf seiner Website getroffen haben, so wie der Shop sie gespeichert hat. Jeder Eintrag trägt seinen Fingerabdruck im Register, sodass jeder prüfen kann, dass er nicht verändert wurde.",
    signInTitle: "Melden Sie sich an, um Ihre Einwilligungsnachweise zu sehen",
    signIn:
      "Ihre Nachweise werden nur dem angemeldeten Konto angezeigt, zu dem sie gehören. Melden Sie sich in Ihrem Kundenkonto an und kehren Sie dann zu dieser Seite zurück.",
    signInLink: "Anmelden",
    none: "Unter Ihrem Konto ist noch keine Einwilligung gespeichert. Entscheidungen, die Sie im Cookie-Banner ohne Anmeldung getroffen haben, sind nicht mit Ihrem Konto verknüpft.",
    download: "Meinen Nachweis herunterladen (JSON)",
    controller: "Verantwortlicher",
    contact: "Kontakt",
    issuedAt: "Ausgestellt am",
    receiptId: "Nachweisnummer",
    recordId: "Eintragsnummer",
    state: "Aktueller Stand",
    since: "Seit",
    legalBasis: "Rechtsgrundlage",
    method: "Erhoben über",
    wording: "Ihnen angezeigter Text",
    language: "Sprache",
    noticeVersion: "Textversion",
    privacyNoticeVersion: "Geltende Datenschutzerklärung",
    region: "Region",
    gpc: "Global Privacy Control von Ihrem Browser gesendet",
    yes: "ja",
    no: "nein",
    processing: "Was geschieht",
    dataCategories: "Betroffene Daten",
    history: "Verlauf",
    eventType: "Ereignis",
    when: "Wann",
    hash: "Fingerabdruck im Register (SHA-256)",
    ledgerTitle: "Diesen Nachweis prüfen",
    ledgerHelp:
      "Jeder Fingerabdruck ist der SHA-256-Wert der Felder des Eintrags im heruntergeladenen Nachweis (Schlüssel sortiert, ohne Leerzeichen). Die Kette verbindet jeden Eintrag mit dem vorherigen; ihr Ende zum Zeitpunkt der Ausstellung steht unten. Eine Aufsichtsbehörde kann diese Werte mit dem Register des Shops vergleichen.",
    head: "Ende der Kette bei Ausstellung (Eintrag {seq})",
    lastCheck: "Letzte vollständige Prüfung des Registers des Shops: {date}",
    lastCheckOk: "unversehrt",
    lastCheckBroken: "eine Unterbrechung wurde gefunden",
    neverChecked: "Das Register des Shops wurde noch nicht geprüft.",
    purposes: {
      newsletter: {
        title: "Newsletter",
        description: "Neuigkeiten und Angebote des Shops per E-Mail erhalten.",
      },
    },
    states: {
      given: "Erteilt",
      refused: "Abgelehnt",
      withdrawn: "Widerrufen",
      pending: "Wartet auf Ihre Bestätigung",
      expired: "Abgelaufen",
      none: "Keine",
    },
    kinds: {
      granted: "Einwilligung erteilt",
      refused: "Abgelehnt",
      withdrawn: "Einwilligung widerrufen",
      expired: "Abgelaufen",
      confirmation_requested: "Bestätigung per E-Mail angefordert",
      repermission_requested: "Um erneute Bestätigung gebeten",
    },
    methods: {
      checkout: "Kasse",
      privacy_centre: "Datenschutzcenter",
      staff: "Mitarbeitende des Shops",
      mailchimp: "Mailchimp",
      shopify: "Shopify",
      system: "Vigie (automatisch)",
      banner: "Cookie-Banner",
      shopify_import: "Aus Shopify übernommen",
    },
    bases: {
      consent: "Ihre Einwilligung",
      soft_opt_in: "Bestandskunde (ähnliche Produkte)",
    },
    processingTerms: {
      Collect: "Erhebung",
      Store: "Speicherung",
      Use: "Verwendung",
      Access: "Auslesen auf Ihrem Gerät",
      Analyse: "Analyse",
      Share: "Weitergabe an Partner",
      Disclose: "Offenlegung gegenüber Dritten",
    },
    dataTerms: {
      EmailAddress: "E-Mail-Adresse",
      OnlineIdentifier: "Online-Kennung",
      BrowsingBehaviour: "Surfverhalten",
      Interest: "Interessen",
      Preference: "Präferenzen",
    },
  },
  banner: {
    title: "Cookies und andere Tracker",
    intro:
      "Mit Ihrer Einwilligung verwenden {shop} und seine Partner Tracker, um die Nutzung der Website zu messen, Ihnen Werbung anzuzeigen und Inhalte in sozialen Netzwerken zu teilen. Ablehnen ist so einfach wie Zustimmen und ändert nichts an Ihren Einkäufen. Sie können Ihre Entscheidung jederzeit über den Link „Cookies“ unten auf jeder Seite ändern.",
    acceptAll: "Alle akzeptieren",
    refuseAll: "Alle ablehnen",
    choose: "Auswählen",
    save: "Meine Auswahl speichern",
    close: "Ohne Auswahl schließen",
    noticeLink: "Datenschutzerklärung",
    cookiesLink: "Cookies",
    gpcNote: "Ihr Browser sendet Global Privacy Control: Werbung und Verkauf von Daten bleiben abgelehnt.",
    noProcessor: "kein Partner im Verzeichnis der Verarbeitungstätigkeiten des Shops genannt",
    purposes: {
      analytics: {
        title: "Reichweitenmessung",
        description: "Besuche und aufgerufene Seiten zählen, um die Website zu verbessern.",
      },
      marketing: {
        title: "Werbung und soziale Netzwerke",
        description: "Ihnen Werbung passend zu Ihren Interessen zeigen, Kampagnen messen, Teilen-Funktionen.",
      },
      preferences: {
        title: "Präferenzen",
        description:
          "Ihre Einstellungen auf der Website speichern, etwa die Sprache oder zuletzt angesehene Artikel.",
      },
      sale_of_data: {
        title: "Weitergabe an Partner für deren eigene Zwecke",
        description: "Partner können Daten über Ihren Besuch für ihre eigenen Zwecke verwenden.",
      },
    },
  },
  exportLink: {
    title: "Ihr Datenexport",
    unknown: "Dieser Link ist ungültig.",
    expired:
      "Dieser Link ist abgelaufen. Bitte wenden Sie sich für einen neuen Link an den Datenschutzbeauftragten des Shops.",
    used: "Dieser Export wurde bereits heruntergeladen: Zu Ihrer Sicherheit funktioniert ein Link nur einmal. Bitte wenden Sie sich an den Datenschutzbeauftragten des Shops, wenn Sie ihn erneut benötigen.",
  },
  receipts: {
    systems: { shopify: "Shopify", stripe: "Stripe", mailchimp: "Mailchimp", vigie: "Vigie" },
    outcomes: {
      done: "Erledigt",
      not_found: "Nichts gefunden",
      held: "Aufbewahrt (gesetzliche Pflicht)",
      failed: "Fehlgeschlagen",
    },
    ownRecords: "Unsere eigenen Unterlagen",
    erasureSummary:
      "Ihre personenbezogenen Daten wurden aus unseren Systemen gelöscht, wie unten aufgeführt. Was wir gesetzlich aufbewahren müssen, ist mit dem Datum angegeben, an dem es gelöscht wird.",
    holdWhat: {
      shopify:
        "Rechnungsangaben Ihrer Bestellungen (Bestellnummer, Datum, Beträge, Positionen, Rechnungsname und -anschrift)",
      stripe:
        "Über Stripe ausgestellte Rechnungen (Nummer, Datum, Beträge, Rechnungsname, E-Mail-Adresse und Anschrift)",
    },
    steps: {
      "invoice-archive":
        "Rechnungsangaben der Bestellungen unter der handelsrechtlichen Aufbewahrungspflicht archiviert",
      "customer-data-erasure":
        "Kundenkonto von Shopify gelöscht (Shopify kann warten, bis Bestellungen der letzten 180 Tage abgeschlossen sind)",
      "guest-orders": "Gastbestellungen von Shopify aufbewahrt (keine Schnittstelle löscht sie)",
      "cancel-subscriptions": "Abonnements gekündigt",
      "delete-draft-invoices": "Rechnungsentwürfe gelöscht",
      "detach-payment-methods": "Gespeicherte Zahlungsmittel entfernt",
      "mask-customer": "Kontaktdaten gelöscht",
      "redaction-job": "Zahlungsdaten von Stripe unkenntlich gemacht",
      "delete-customer": "Stripe-Kunde gelöscht",
      "keep-payments": "Zahlungen von Stripe mit den bei der Zahlung eingegebenen Angaben aufbewahrt",
      "keep-invoices": "Ausgestellte Rechnungen aufbewahrt (Buchführungspflicht)",
      "keep-checkout-sessions": "Gast-Zahlungen von Stripe aufbewahrt",
      "delete-permanent": "Kontakt endgültig gelöscht",
      archive: "Kontakt archiviert (abgemeldet, Verlauf bei Mailchimp aufbewahrt)",
      "pseudonymise-consent": "Einwilligungsverlauf pseudonymisiert (Nachweis ohne Identität aufbewahrt)",
      "delete-consent-state": "Einwilligungsstatus gelöscht",
      "delete-emails": "An die Person gesendete E-Mails gelöscht",
      "delete-identity": "Identitätsprüfungen gelöscht",
      "pseudonymise-requests": "Anfragen pseudonymisiert (Referenz und Ergebnis aufbewahrt)",
      "delete-payment-checks": "Zahlungsprüfungen unkenntlich gemacht",
      "pseudonymise-audit": "Audit-Einträge von der Person getrennt",
      "delete-subject":
        "Datensatz der Person gelöscht (ein nicht umkehrbarer Fingerabdruck der Adresse wird 10 Jahre aufbewahrt, damit sie nie wieder importiert wird)",
    },
    fields: {
      name: "Name",
      email: "E-Mail-Adresse",
      phone: "Telefonnummer",
      address: "Postanschrift",
    },
    rectification: {
      summary: "Wir haben Ihre Daten wie gewünscht berichtigt.",
      changed: "{field}: jetzt {value}",
      notFound: "es wurden keine Daten zu Ihnen gefunden",
    },
  },
  privacyNotice: {
    title: "Datenschutzerklärung",
    controller: "Wer Ihre Daten verarbeitet",
    controllerText: "{shop} ist Verantwortlicher für die Verarbeitung Ihrer personenbezogenen Daten.",
    contact: "Bei Fragen zu Ihren Daten schreiben Sie bitte an unseren Datenschutzbeauftragten: {email}.",
    noContact: "Bei Fragen zu Ihren Daten schreiben Sie uns bitte über unser Datenschutzcenter: {url}.",
    purposes: "Warum wir Ihre Daten verarbeiten und auf welcher Rechtsgrundlage",
    interests: "Unsere berechtigten Interessen",
    interestsIntro:
      "Soweit wir uns auf unser berechtigtes Interesse stützen, verfolgen wir dieses Interesse:",
    recipients: "Wer Ihre Daten erhält",
    recipientsIntro: "Unsere befugten Mitarbeiterinnen und Mitarbeiter sowie:",
    transfers: "Übermittlungen außerhalb des Europäischen Wirtschaftsraums",
    noTransfers: "Ihre Daten werden nicht außerhalb des Europäischen Wirtschaftsraums übermittelt.",
    transfersCopy: "Eine Kopie dieser Garantien erhalten Sie, wenn Sie uns schreiben.",
    beingConfirmed: "wird noch geprüft",
    retention: "Wie lange wir Ihre Daten speichern",
    rights: "Ihre Rechte",
    rightsIntro: "Sie können jederzeit von uns verlangen:",
    access: "Auskunft über Ihre Daten und eine Kopie davon (Art. 15);",
    rectification: "die Berichtigung unrichtiger oder unvollständiger Daten (Art. 16);",
    erasure:
      "die Löschung Ihrer Daten (Art. 17), außer denen, die wir gesetzlich aufbewahren müssen, etwa Rechnungen;",
    restriction:
      "die Einschränkung der Verarbeitung (Art. 18): Wir speichern Ihre Daten dann, ohne sie zu verwenden, zum Beispiel solange wir ihre Richtigkeit überprüfen oder über Ihren Widerspruch entscheiden;",
    portability:
      "die Übertragung der Daten, die Sie uns bereitgestellt haben, in einem strukturierten, maschinenlesbaren Format (Art. 20).",
    objection: "Ihr Widerspruchsrecht",
    objectionInterests:
      "Sie können aus Gründen, die sich aus Ihrer besonderen Situation ergeben, jederzeit der Verarbeitung widersprechen, die auf unser berechtigtes Interesse gestützt ist (Art. 21(1)): {purposes}.",
    objectionMarketing:
      "Sie können der Verwendung Ihrer Daten für Direktwerbung jederzeit ohne Angabe von Gründen widersprechen (Art. 21(2) und (3)): Wir schreiben Ihnen dann zu diesem Zweck nicht mehr.",
    withdrawal: "Widerruf Ihrer Einwilligung",
    withdrawalText:
      "Soweit wir uns auf Ihre Einwilligung stützen, können Sie diese jederzeit so einfach widerrufen, wie Sie sie erteilt haben: über den Abmeldelink in jeder E-Mail oder über unser Datenschutzcenter. Der Widerruf berührt nicht, was bis dahin geschehen ist (Art. 7(3)).",
    automated: "Automatisierte Entscheidungen",
    automatedSafeguards:
      "Sie können das Eingreifen einer Person erwirken, Ihren Standpunkt darlegen und die Entscheidung anfechten (Art. 22(3)).",
    postMortem: "Nach Ihrem Tod",
    postMortemText:
      "Sie können uns Verfügungen über die Speicherung, Löschung und Weitergabe Ihrer Daten nach Ihrem Tod erteilen und eine Person benennen, die sie ausführt (französisches Datenschutzgesetz „Informatique et Libertés“, Art. 85).",
    required: "Pflichtangaben",
    requiredText:
      "Die in unseren Formularen mit * gekennzeichneten Daten sind erforderlich, um Ihre Bestellung oder Anfrage zu bearbeiten; ohne sie können wir ihr nicht nachkommen.",
    exercise: "Ihre Rechte ausüben",
    exerciseText:
      "Stellen Sie Ihre Anfrage über unser Datenschutzcenter ({url}){email}. Wir antworten innerhalb eines Monats (Art. 12(3)) und verlangen einen Identitätsnachweis nur bei begründeten Zweifeln.",
    exerciseEmail: " oder per E-Mail an {email}",
    complaint: "Beschwerde",
    complaintText:
      "Wenn Sie der Ansicht sind, dass Ihre Rechte nicht gewahrt werden, können Sie Beschwerde bei der CNIL einlegen (der französischen Datenschutzaufsichtsbehörde, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr).",
    roles: {
      processor: "Auftragsverarbeiter, der in unserem Auftrag handelt",
      independent_controller: "Empfänger, der die Daten für eigene Zwecke verarbeitet",
      joint_controller: "gemeinsam Verantwortlicher",
    },
    mechanisms: {
      adequacy: "Angemessenheitsbeschluss der Europäischen Kommission (Art. 45)",
      sccs: "Standardvertragsklauseln der Europäischen Kommission (Art. 46)",
      bcrs: "verbindliche interne Datenschutzvorschriften (Art. 47)",
      derogation: "Ausnahme für einen bestimmten Fall (Art. 49)",
      unknown: "Garantie wird noch geprüft",
    },
    bases: {
      consent: "Einwilligung (Art. 6(1)(a))",
      contract: "Erfüllung eines Vertrags (Art. 6(1)(b))",
      legal_obligation: "Rechtliche Verpflichtung (Art. 6(1)(c))",
      vital_interests: "Lebenswichtige Interessen (Art. 6(1)(d))",
      public_task: "Wahrnehmung einer Aufgabe im öffentlichen Interesse (Art. 6(1)(e))",
      legitimate_interests: "Berechtigtes Interesse (Art. 6(1)(f))",
    },
    year: "{n} Jahr",
    years: "{n} Jahre",
    month: "{n} Monat",
    months: "{n} Monate",
    clocks: {
      last_order: "nach der letzten Bestellung",
      last_contact: "nach dem letzten Kontakt",
      collection: "nach der Erhebung",
      transaction: "nach der Transaktion",
      financial_year_end: "nach Ende des Geschäftsjahres",
      request_closed: "nach Abschluss der Anfrage",
      consent_end: "nach dem Ende der Einwilligung",
    },
  },
};
