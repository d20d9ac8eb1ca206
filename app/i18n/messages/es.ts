// Textos en español para los clientes (docs/decisions/061). Las mismas claves que la parte de
// clientes de en.ts (comprobado por tsc e i18n/catalogues.test.ts). Tratamiento formal: usted.
import type { ShopperMessages } from "./shopper";

/** One wording for every field of a rectification (the form checks them together). */
export const es: ShopperMessages = {
  shopper: {
    /** The re-permission link's page (docs/decisions/069). */
    repermission: {
      title: "¿Desea seguir recibiendo nuestro boletín?",
      body: "Hace mucho tiempo que no sabemos de usted. Si no lo confirma, {shop} dejará de enviarle su boletín y borrará sus datos el {date}.",
      wording: "Sí, deseo seguir recibiendo por correo electrónico el boletín de {shop}.",
      renew: "Sigo suscrito/a",
      note: "Puede darse de baja en cualquier momento, con un clic, desde el enlace incluido en cada boletín.",
      doneTitle: "Sigue suscrito/a",
      doneBody: "Gracias: {shop} seguirá enviándole su boletín.",
      expiredTitle: "Este enlace ha caducado",
      expiredBody:
        "El plazo para responder ha terminado. Para volver a recibir el boletín de {shop}, suscríbase en su sitio web.",
      notSubscribedTitle: "No está suscrito/a",
      notSubscribedBody:
        "Se dio de baja del boletín de {shop} después de este correo: este enlace no vuelve a suscribirle.",
      invalidTitle: "Este enlace no es válido",
      invalidBody:
        "Puede que se haya copiado mal. Utilice el enlace del correo recibido o póngase en contacto con la tienda.",
    },
    requestTypes: {
      access: "Derecho de acceso",
      rectification: "Derecho de rectificación",
      erasure: "Derecho de supresión",
      restriction: "Derecho a la limitación del tratamiento",
      withdraw_consent: "Retirada del consentimiento",
      object: "Derecho de oposición",
      object_to_marketing: "Oposición a la mercadotecnia directa",
      portability: "Derecho a la portabilidad de los datos",
      post_mortem_directive: "Instrucciones post mortem",
      heir_request: "Solicitud de un heredero",
    },
    requestDescriptions: {
      access: "Saber si sus datos se tratan y obtener una copia de ellos.",
      rectification: "Hacer corregir o completar datos inexactos o incompletos.",
      erasure: "Hacer suprimir sus datos, salvo los que la ley nos obliga a conservar (facturas).",
      restriction:
        "Hacer bloquear sus datos: se conservan pero dejan de usarse, mientras se verifican o para una reclamación.",
      withdraw_consent:
        "Retirar en cualquier momento un consentimiento dado, con la misma facilidad con que lo dio.",
      object:
        "Oponerse, por motivos relacionados con su situación particular, a un tratamiento basado en el interés legítimo.",
      object_to_marketing: "Dejar de recibir mercadotecnia directa; la solicitud se aplica sin condiciones.",
      portability: "Recibir los datos que nos facilitó, en un formato estructurado y de lectura mecánica.",
      post_mortem_directive:
        "Registrar, modificar o revocar sus instrucciones sobre el destino de sus datos tras su fallecimiento.",
      heir_request:
        "Para un cliente fallecido: cerrar su cuenta, detener la mercadotecnia, acceder a lo que necesite la sucesión.",
    },
    mail: {
      greeting: "Buenos días:",
      signOff: "Atentamente,",
      dpo: "El delegado de protección de datos",
      team: "El equipo de {shop}",
      contactDpo:
        "Si tiene alguna pregunta, puede escribir a nuestro delegado de protección de datos a la dirección {email}, indicando la referencia {reference}.",
      contactService:
        "Si tiene alguna pregunta, puede ponerse en contacto con nuestro servicio de atención al cliente, indicando la referencia {reference}.",
      remediesHeading: "Su derecho a reclamar",
      remediesComplaint:
        "Si no está de acuerdo con esta decisión, puede presentar una reclamación ante la autoridad francesa de protección de datos, la CNIL (Commission nationale de l'informatique et des libertés), en línea en {url}, o ante la autoridad de protección de datos del Estado de la Unión Europea en el que resida o trabaje.",
      remediesCourt: "También puede interponer un recurso ante el órgano jurisdiccional competente.",
      cnilUrl: "https://www.cnil.fr/en/complaints",
      footerData:
        "Este mensaje le es enviado por {shop} en relación con sus datos personales. No es un mensaje publicitario.",
      footerOrder:
        "Este mensaje le es enviado por {shop} en relación con su pedido. No es un mensaje publicitario.",
      unsubscribeLead: "¿No desea recibir el boletín de {shop}? Dese de baja con un solo clic.",
      unsubscribeLabel: "Darme de baja",
      minuteOne: "{count} minuto",
      minuteOther: "{count} minutos",
      hourOne: "{count} hora",
      hourOther: "{count} horas",
      lawName: "Ley francesa de protección de datos (LIL)",
      acknowledgement: {
        subject: "{shop} — Hemos recibido su solicitud ({reference})",
        intro: "Le confirmamos la recepción de su solicitud relativa a sus datos personales.",
        reference: "Referencia",
        request: "Solicitud",
        receivedOn: "Recibida el",
        dueOn: "Respuesta prevista",
        deadline:
          "Le responderemos en el plazo de un mes previsto por el RGPD, es decir, a más tardar el {due}. Si la complejidad de su solicitud o el número de solicitudes recibidas lo exigieran, este plazo podría prorrogarse otros dos meses; en tal caso se lo comunicaríamos antes de esa fecha, indicándole los motivos.",
        follow: "Puede consultar el estado de su solicitud en cualquier momento:",
        button: "Seguir mi solicitud",
        proof: "Solo le pediremos un documento de identidad si tenemos dudas razonables sobre su identidad.",
        notYou:
          "Si usted no ha realizado esta solicitud, le rogamos que nos lo comunique sin demora: es posible que alguien haya utilizado su dirección de correo electrónico.",
      },
      identityCode: {
        subject: "{shop} — Confirme su solicitud ({reference})",
        intro:
          "Para que podamos tramitar su solicitud {reference}, le rogamos que confirme que procede de usted haciendo clic en el siguiente enlace:",
        button: "Confirmar mi solicitud",
        codeLead: "También puede introducir este código en la página de seguimiento de su solicitud:",
        validity:
          "Este código es válido durante {validity}. No lo comunique a nadie: nunca se lo pediremos por teléfono ni por correo electrónico.",
        notYou:
          "Si usted no ha realizado esta solicitud, ignore este mensaje: sin confirmación, no se tramitará.",
      },
      extension: {
        newDueOn: "Nueva fecha de nuestra respuesta",
        subject: "{shop} — Prórroga del plazo de respuesta a su solicitud ({reference})",
        body: "La tramitación de su solicitud {reference} requiere más tiempo. Como permite el artículo 12, apartado 3, del RGPD, prorrogamos el plazo de respuesta: recibirá nuestra respuesta a más tardar el {due}.",
        reasonsLead: "Los motivos de esta prórroga son los siguientes:",
        apology: "Le pedimos disculpas por este retraso y le comunicaremos cualquier novedad.",
      },
      answer: {
        downloadUntil: "Caducidad del enlace",
        subject: "{shop} — Respuesta a su solicitud ({reference})",
        intro: "Hemos tramitado su solicitud {reference} ({type}). Esta es nuestra respuesta:",
        downloadReady: "Sus datos están disponibles para su descarga:",
        downloadButton: "Descargar mis datos",
        downloadExpires:
          "Este enlace caducará el {date}. Le recomendamos guardar sus archivos antes de esa fecha.",
        erasureLead: "Esto es lo que se ha hecho, sistema por sistema:",
        erasureLine: "{system} — {done}, el {on}",
        erasureReferences: "(referencia: {references})",
        holdsLead:
          "No obstante, algunos datos deben conservarse porque la ley nos obliga a ello (artículo 17, apartado 3, letra b), del RGPD):",
        holdLine: "{what} — {basis}, se conservan hasta el {until}",
        holdsAfter:
          "Estos datos ya solo se utilizan con este fin y se suprimirán al término del plazo indicado.",
        recipientsNone:
          "Sus datos no se habían comunicado a ningún destinatario al que informar (artículo 19 del RGPD).",
        recipientsLead:
          "Tal como nos pidió, estos son los destinatarios de sus datos a los que hemos informado (artículo 19 del RGPD):",
        complaint:
          "Si considera que no se han respetado sus derechos, puede presentar una reclamación ante la CNIL, la autoridad francesa de protección de datos: {url}.",
      },
      refusal: {
        subject: "{shop} — Decisión sobre su solicitud ({reference})",
        intro:
          "Hemos examinado detenidamente su solicitud {reference} ({type}) y lamentamos no poder atenderla por el siguiente motivo: {ground}.",
        explanationLead: "Nuestras explicaciones:",
        grounds: {
          identity_not_established: "no hemos podido comprobar su identidad",
          manifestly_unfounded_or_excessive: "la solicitud es manifiestamente infundada o excesiva",
          legal_obligation: "una obligación legal nos exige conservar estos datos",
          legal_claims:
            "estos datos son necesarios para la formulación, el ejercicio o la defensa de reclamaciones",
          compelling_legitimate_grounds:
            "existen motivos legítimos imperiosos para este tratamiento que prevalecen sobre sus intereses, derechos y libertades",
          rights_of_others: "atenderla afectaría negativamente a los derechos y libertades de otras personas",
          not_applicable: "no se cumplen los requisitos para ejercer este derecho",
          requester_not_entitled:
            "no ha acreditado la condición de heredero que permite ejercer estos derechos",
        },
      },
      closedUnverified: {
        subject: "{shop} — Su solicitud {reference} ha sido cerrada",
        body: "No hemos recibido la confirmación necesaria para comprobar que la solicitud {reference} procede de usted. Para proteger sus datos, no podemos tramitarla y la hemos cerrado.",
        again:
          "Si sigue deseando ejercer sus derechos, basta con que presente una nueva solicitud en nuestro sitio web y la confirme con el enlace o el código que le enviaremos por correo electrónico.",
        notYou: "Si usted no ha realizado esta solicitud, no tiene que hacer nada.",
      },
      restrictionLift: {
        subject: "{shop} — Levantamiento de la limitación del tratamiento de sus datos ({reference})",
        since:
          "A raíz de su solicitud {reference}, el tratamiento de sus datos está limitado desde el {granted}: los conservamos sin utilizarlos.",
        lifted:
          "Le informamos de que esta limitación va a levantarse: podremos volver a tratar sus datos en las condiciones descritas en nuestra política de privacidad (artículo 18, apartado 3, del RGPD). No recibirá comunicaciones comerciales sin su consentimiento.",
      },
      consentConfirm: {
        subject: "{shop} — Confirme su suscripción a nuestro boletín",
        asked:
          "Al realizar su pedido, solicitó recibir el boletín de {shop}. Para confirmar su suscripción, haga clic en el siguiente enlace:",
        button: "Confirmar mi suscripción",
        agreed: "Usted aceptó el siguiente texto:",
        unless: "Sin su confirmación, su suscripción no se registrará y no recibirá nuestro boletín.",
        withdraw:
          "Podrá retirar su consentimiento en cualquier momento, con un solo clic, mediante el enlace de baja incluido en cada boletín.",
        ignore: "Si usted no ha solicitado esta suscripción, simplemente ignore este mensaje.",
      },
      repermission: {
        lastDay: "Último día para seguir suscrito/a",
        subject: "{shop} — ¿Desea seguir recibiendo nuestro boletín?",
        body: "Usted se suscribió al boletín de {shop} y no hemos sabido de usted desde hace casi {years} años. No conservamos los datos de nuestros suscriptores más allá de ese plazo sin su consentimiento.",
        button: "Sigo suscrito/a",
        after:
          "Si no recibimos respuesta antes del {date}, dejará de recibir nuestro boletín y sus datos serán borrados. No recibirá ningún otro mensaje sobre este asunto.",
      },
      paymentCheck: {
        subject: "{shop} — Verificación necesaria para su pedido {order}",
        intro:
          "Antes de finalizar su pedido {order}, debemos realizar una verificación para prevenir el fraude en los pagos. Le rogamos que nos envíe:",
        documents: {
          identity:
            "un documento de identidad (documento nacional de identidad, pasaporte o permiso de residencia)",
          billing_address:
            "un justificante de la dirección de facturación o de entrega indicada en el pedido",
          payment_method:
            "un justificante del medio de pago utilizado (por ejemplo, una foto de su tarjeta bancaria)",
        },
        cardAdvice:
          "En su tarjeta bancaria, oculte todas las cifras salvo las cuatro últimas, así como el código de seguridad del reverso: no los necesitamos.",
        button: "Enviar mis justificantes",
        usage:
          "Estos documentos se utilizan únicamente para esta verificación: se conservan cifrados y se suprimen en cuanto esta finaliza.",
        without: "Sin estos justificantes, podríamos vernos obligados a rechazar su pedido.",
      },
      documentNeeded: {
        subject: "{shop} — Documento necesario para su solicitud {reference}",
        intro:
          "Para tramitar su solicitud {reference}, debemos asegurarnos de que procede de usted, por el siguiente motivo:",
        proof:
          "Le rogamos que nos envíe un documento de identidad (documento de identidad, pasaporte o permiso de residencia). Puede ocultar su foto y los números del documento: solo necesitamos su nombre y apellidos.",
        button: "Enviar mi documento",
        storage:
          "El documento se conserva cifrado, se utiliza únicamente para esta verificación y se suprime en cuanto esta finaliza. El plazo de respuesta a su solicitud queda suspendido hasta que lo recibamos.",
      },
      breach: {
        subject:
          "{shop} — Información sobre una violación de la seguridad de sus datos personales ({reference})",
        intro:
          "Conforme a lo previsto en el artículo 34 del RGPD, le informamos de una violación de la seguridad de los datos personales que le afecta y que probablemente entrañe un alto riesgo para sus derechos y libertades.",
        happened: "Qué ha ocurrido",
        consequences: "Las consecuencias probables",
        measures: "Las medidas adoptadas o previstas",
        contactHeading: "Contacto",
        contact:
          "Si tiene alguna pregunta, puede ponerse en contacto con nuestro delegado de protección de datos: {contact}.",
        quote: "Le rogamos que indique la referencia {reference}. Le pedimos disculpas por este incidente.",
      },
    },
  },
  unsubscribe: {
    title: "Darse de baja del boletín",
    body: "Dejará de recibir las novedades de {shop} por correo electrónico. Es gratuito y tiene efecto inmediato.",
    confirm: "Darme de baja",
    note: "Sus pedidos y sus correos (confirmación, entrega) no se ven afectados.",
    doneTitle: "Se ha dado de baja",
    doneBody:
      "{shop} ya no le enviará sus novedades por correo electrónico. Puede volver a suscribirse en cualquier momento.",
    invalidTitle: "Este enlace no es válido",
    invalidBody:
      "Puede que se haya copiado mal. Utilice el enlace del correo que recibió o póngase en contacto con la tienda.",
  },
  consentConfirm: {
    title: "Confirme su suscripción al boletín",
    body: "Ha pedido recibir las novedades de {shop} por correo electrónico, aceptando el siguiente texto:",
    confirm: "Confirmar mi suscripción",
    note: "Puede darse de baja en cualquier momento, con un solo clic, desde cada correo.",
    doneTitle: "Su suscripción está confirmada",
    doneBody: "¡Gracias! A partir de ahora recibirá las novedades de {shop} por correo electrónico.",
    lapsedTitle: "Este enlace ha caducado",
    lapsedBody:
      "Su suscripción al boletín de {shop} no se confirmó a tiempo: no se ha registrado nada. Puede volver a suscribirse en su próxima visita.",
    overTitle: "Esta solicitud ya no está pendiente",
    overBody:
      "La canceló, o una solicitud más reciente la sustituyó: utilice el enlace del último correo que recibió.",
  },
  privacy: {
    noticeVersionLine: "Versión {version}, vigente desde el {date}.",
    noticeMissingTitle: "Política de privacidad",
    noticeMissing: "La tienda aún no ha publicado aquí su política de privacidad.",
    title: "Sus datos personales",
    intro:
      "Puede ejercer sus derechos en cualquier momento. Respondemos en el plazo de un mes; le pedimos que confirme su dirección de correo electrónico y solo solicitamos un documento de identidad en caso de duda razonable.",
    noticeLink: "Leer nuestra política de privacidad",
    type: "Su solicitud",
    email: "Su dirección de correo electrónico",
    name: "Su nombre (opcional)",
    message: "Detalles (opcional)",
    submit: "Enviar mi solicitud",
    receivedTitle: "Solicitud recibida",
    receivedBody: "Hemos recibido su solicitud {reference} ({type}). Le responderemos a más tardar el {due}.",
    checkEmail: "Le hemos enviado un correo con un código: confirme su dirección para que podamos empezar.",
    follow: "Seguir su solicitud",
    back: "Volver al formulario",
    invalidTitle: "No se ha podido enviar su solicitud",
    invalidBody: "Revise los campos del formulario.",
    confirmTitle: "Confirme su dirección de correo electrónico",
    confirmBody: "Confirme que esta dirección es suya con el código que le hemos enviado.",
    code: "Código (6 cifras)",
    confirm: "Confirmar",
    codeInvalidTitle: "No se ha podido confirmar",
    codeInvalid: "Este enlace o código no es válido.",
    codeOutcomes: {
      wrong_code: "Código incorrecto. Inténtelo de nuevo.",
      expired: "Este código ha caducado: presente de nuevo la solicitud para recibir otro.",
      locked:
        "Demasiados intentos: este código está bloqueado. Presente de nuevo la solicitud para recibir otro.",
      already_used: "Este código ya se ha utilizado.",
      unknown: "Este enlace o código no es válido.",
    },
    confirmedTitle: "Dirección confirmada",
    confirmed: "Gracias: su solicitud {reference} ya se está tramitando.",
    statusTitle: "Solicitud {reference}",
    stateLabel: "Estado",
    receivedOn: "Recibida el",
    dueOn: "Respuesta a más tardar el",
    states: {
      received: "recibida",
      identity_check: "a la espera de que confirme su dirección de correo electrónico",
      in_progress: "en trámite",
      answered: "respondida",
      refused: "denegada (consulte nuestro correo)",
      withdrawn: "retirada",
      closed_unverified: "cerrada: la dirección de correo electrónico nunca se confirmó",
    },
    cnil: "Si considera que no se respetan sus derechos, puede presentar una reclamación ante la CNIL, la autoridad francesa de protección de datos (www.cnil.fr), o ante la autoridad de control de su país de residencia, como la AEPD en España.",
    confirmRequestTitle: "Confirme su solicitud",
    confirmRequestBody:
      "Ha iniciado sesión: su solicitud ({type}) se tramitará como procedente de su cuenta de cliente y se responderá a la dirección de correo de su cuenta.",
    confirmRequest: "Confirmar y enviar",
    resend: "Enviarme un código nuevo",
    resent: "Se ha enviado un código nuevo a su dirección de correo electrónico.",
    resendLimit: "Hoy se han enviado demasiados códigos: inténtelo de nuevo mañana.",
    notFoundTitle: "Solicitud no encontrada",
    notFound: "Este enlace no es válido.",
    directive: {
      legend: "Para las instrucciones post mortem",
      action: "¿Qué desea hacer?",
      actions: {
        record: "Registrar mis instrucciones",
        update: "Modificar mis instrucciones",
        revoke: "Revocar mis instrucciones",
      },
      instructions: "Sus instrucciones: qué debe hacerse con sus datos tras su fallecimiento",
      executorName: "Persona a la que encarga ejecutarlas (opcional)",
      executorEmail: "Su correo electrónico",
      consent:
        "Consiento expresamente que estas instrucciones se conserven y se ejecuten tras mi fallecimiento (este consentimiento solo se refiere a estas instrucciones).",
    },
    rectification: {
      legend: "Los datos corregidos",
      help: "Rellene solo lo que deba cambiar.",
      firstName: "Nombre",
      lastName: "Apellidos",
      email: "Nueva dirección de correo electrónico",
      phone: "Número de teléfono (formato internacional, p. ej. +34 612 34 56 78)",
      address1: "Dirección",
      address2: "Dirección (línea 2)",
      city: "Ciudad",
      zip: "Código postal",
      country: "País (código de 2 letras, p. ej. ES)",
    },
    restriction: {
      legend: "Para una limitación del tratamiento",
      ground: "¿Por qué la solicita?",
      grounds: {
        accuracy_contested:
          "Impugno la exactitud de mis datos, durante el tiempo en que ustedes la verifican",
        unlawful_no_erasure: "El tratamiento es ilícito, pero no quiero que se supriman mis datos",
        legal_claims: "Ustedes ya no necesitan mis datos, pero yo los necesito para una reclamación",
        objection_pending:
          "Me he opuesto al tratamiento, mientras verifican si sus motivos prevalecen sobre los míos",
      },
      recipientsAsked:
        "Indíquenme a qué destinatarios de mis datos se ha informado (en caso de rectificación, supresión o limitación)",
    },
    heir: {
      legend: "Para una solicitud de un heredero",
      deceasedEmail: "Correo electrónico de la persona fallecida (el que utilizaba con nosotros)",
      relationship: "Su relación con la persona fallecida (por ejemplo: hija, cónyuge)",
      scope: "Nos pide que",
      scopes: {
        close_account: "cerremos su cuenta",
        stop_marketing: "dejemos de enviarle toda mercadotecnia",
        estate_access: "demos acceso a lo que necesite la sucesión",
      },
      documents:
        "Después le pediremos el certificado de defunción y una prueba de su condición de heredero (por ejemplo, un acta notarial): no los envíe con este formulario.",
    },
    confirmedAwaitingProofs:
      "Gracias: su dirección está confirmada. Su solicitud {reference} se tramitará cuando tengamos el certificado de defunción y la prueba de su condición de heredero; le escribiremos para indicarle cómo enviarlos.",
    tooManyTitle: "Demasiadas solicitudes en poco tiempo",
    tooManyAddress:
      "En los últimos minutos se han presentado varias solicitudes para esta dirección de correo electrónico. Inténtelo de nuevo dentro de {minutes} min. Si recibió un código, sigue siendo válido: utilice el enlace de nuestro correo.",
    tooManyClient:
      "En la última hora se han presentado muchas solicitudes desde su conexión. Inténtelo de nuevo dentro de {minutes} min.",
  },
  requestForm: {
    errors: {
      rect_first_name: "Indique el nombre, junto con los apellidos.",
      rect_last_name: "Indique los apellidos, junto con el nombre.",
      rect_email: "Introduzca una dirección de correo electrónico válida.",
      rect_phone: "Introduzca el número de teléfono en formato internacional, p. ej. +34 612 34 56 78.",
      rect_address1: "Indique la calle y el número de la dirección postal corregida.",
      rect_address2: "200 caracteres como máximo.",
      rect_city: "Indique la ciudad de la dirección postal corregida.",
      rect_zip: "Indique el código postal de la dirección postal corregida.",
      rect_country: "Indique el país con su código de 2 letras, p. ej. ES.",
      type: "Elija un tipo de solicitud.",
      email: "Introduzca una dirección de correo electrónico válida.",
      name: "200 caracteres como máximo.",
      message: "5000 caracteres como máximo.",
      directive_action: "Elija qué hacer con las instrucciones.",
      directive_instructions:
        "Escriba las instrucciones: qué debe hacerse con los datos tras el fallecimiento.",
      executor_name:
        "Indique el nombre de la persona que ejecutará las instrucciones, o deje ambos campos vacíos.",
      executor_email: "Indique un correo electrónico válido de la persona que ejecutará las instrucciones.",
      specific_consent:
        "Las instrucciones solo se registran con un consentimiento dado para ellas: marque la casilla.",
      deceased_email: "Introduzca un correo electrónico válido de la persona fallecida.",
      heir_relationship:
        "Indique qué relación tiene el heredero con la persona fallecida (100 caracteres como máximo).",
      heir_scope: "Elija al menos una petición.",
      restriction_ground: "Elija por qué se solicita la limitación.",
      recipients_asked: "Marque la casilla o déjela vacía.",
    },
  },
  documents: {
    title: "Envíe sus documentos",
    intro: "Necesitamos lo siguiente para completar una verificación:",
    kinds: {
      identity: "documento de identidad (DNI, pasaporte o permiso de residencia)",
      billing_address: "justificante de la dirección de facturación o de entrega",
      payment_method:
        "justificante del medio de pago (oculte todas las cifras de la tarjeta salvo las cuatro últimas, y el código de seguridad)",
    },
    privacy:
      "Sus documentos se cifran, se usan solo para esta verificación y se eliminan en cuanto termina. PDF, JPEG, PNG, WebP o HEIC, 5 MB como máximo cada uno.",
    files: "Sus archivos",
    send: "Enviar",
    receivedTitle: "Documentos recibidos",
    received: "Gracias. Le avisaremos cuando termine la verificación; sus documentos se eliminarán entonces.",
    closedTitle: "Este enlace ya no es válido",
    closed: "La verificación ha terminado, o el enlace no es válido.",
    rejectedTitle: "No se han podido enviar sus documentos",
    errors: {
      DOCUMENT_EMPTY: "Elija al menos un archivo.",
      DOCUMENT_TOO_MANY: "Envíe como máximo 5 archivos a la vez.",
      DOCUMENT_TOO_LARGE: "Un archivo supera los 5 MB.",
      DOCUMENT_TYPE: "Formatos aceptados: PDF, JPEG, PNG, WebP, HEIC.",
    },
  },
  consentReceipt: {
    link: "Ver y descargar mis registros de consentimiento (boletín y cookies)",
    title: "Mis registros de consentimiento",
    intro:
      "Cada decisión que tomó con {shop} sobre su boletín y los rastreadores de su sitio, tal como la tienda la registró. Cada entrada lleva su huella en el registro, para que cualquiera pueda comprobar que no se ha alterado.",
    signInTitle: "Inicie sesión para ver sus registros de consentimiento",
    signIn:
      "Sus registros solo se muestran a la cuenta con sesión iniciada a la que pertenecen. Inicie sesión en su cuenta de cliente y vuelva a esta página.",
    signInLink: "Iniciar sesión",
    none: "Todavía no hay ningún consentimiento registrado en su cuenta. Las decisiones tomadas en el banner de cookies sin haber iniciado sesión no están vinculadas a su cuenta.",
    download: "Descargar mi justificante (JSON)",
    controller: "Responsable del tratamiento",
    contact: "Contacto",
    issuedAt: "Emitido el",
    receiptId: "Número de justificante",
    recordId: "Número de registro",
    state: "Estado actual",
    since: "Desde",
    legalBasis: "Base jurídica",
    method: "Obtenido a través de",
    wording: "Texto que se le mostró",
    language: "Idioma",
    noticeVersion: "Versión del texto",
    privacyNoticeVersion: "Política de privacidad vigente",
    region: "Región",
    gpc: "Global Privacy Control enviado por su navegador",
    yes: "sí",
    no: "no",
    processing: "Qué se hace",
    dataCategories: "Datos afectados",
    history: "Historial",
    eventType: "Evento",
    when: "Cuándo",
    hash: "Huella en el registro (SHA-256)",
    ledgerTitle: "Verificar este justificante",
    ledgerHelp:
      "Cada huella es el SHA-256 de los campos de la entrada en el justificante descargado (claves ordenadas, sin espacios). La cadena enlaza cada entrada con la anterior; su final en el momento de la emisión figura abajo. Una autoridad puede compararlos con el registro de la tienda.",
    head: "Final de la cadena al emitirse (entrada {seq})",
    lastCheck: "Última verificación completa del registro de la tienda: {date}",
    lastCheckOk: "íntegro",
    lastCheckBroken: "se encontró una ruptura",
    neverChecked: "El registro de la tienda aún no se ha verificado.",
    purposes: {
      newsletter: {
        title: "Boletín",
        description: "Recibir las novedades y ofertas de la tienda por correo electrónico.",
      },
    },
    states: {
      given: "Otorgado",
      refused: "Rechazado",
      withdrawn: "Retirado",
      pending: "A la espera de su confirmación",
      expired: "Caducado",
      none: "Ninguno",
    },
    kinds: {
      granted: "Consentimiento otorgado",
      refused: "Rechazado",
      withdrawn: "Consentimiento retirado",
      expired: "Caducado",
      confirmation_requested: "Confirmación solicitada por correo",
      repermission_requested: "Se pidió confirmar de nuevo",
    },
    methods: {
      checkout: "Pago",
      privacy_centre: "Centro de privacidad",
      staff: "El personal de la tienda",
      mailchimp: "Mailchimp",
      shopify: "Shopify",
      system: "Vigie (automático)",
      banner: "Banner de cookies",
      shopify_import: "Leído de Shopify",
    },
    bases: {
      consent: "Su consentimiento",
      soft_opt_in: "Cliente existente (productos similares)",
    },
    processingTerms: {
      Collect: "recogida",
      Store: "conservación",
      Use: "uso",
      Access: "lectura en su dispositivo",
      Analyse: "análisis",
      Share: "cesión a socios",
      Disclose: "comunicación a terceros",
    },
    dataTerms: {
      EmailAddress: "dirección de correo electrónico",
      OnlineIdentifier: "identificador en línea",
      BrowsingBehaviour: "navegación",
      Interest: "intereses",
      Preference: "preferencias",
    },
  },
  banner: {
    title: "Cookies y otros rastreadores",
    intro:
      "Con su consentimiento, {shop} y sus socios utilizan rastreadores para medir la audiencia del sitio, mostrarle publicidad y compartir en redes sociales. Rechazar es tan fácil como aceptar y no cambia nada en sus compras. Puede cambiar de opinión en cualquier momento desde el enlace «Cookies» al pie de cada página.",
    acceptAll: "Aceptar todo",
    refuseAll: "Rechazar todo",
    choose: "Elegir",
    save: "Guardar mis opciones",
    close: "Cerrar sin elegir",
    noticeLink: "Política de privacidad",
    cookiesLink: "Cookies",
    gpcNote:
      "Su navegador envía Global Privacy Control: la publicidad y la venta de datos siguen rechazadas.",
    noProcessor: "ningún socio indicado en el registro de actividades de tratamiento de la tienda",
    purposes: {
      analytics: {
        title: "Medición de audiencia",
        description: "Contar las visitas y las páginas vistas para mejorar el sitio.",
      },
      marketing: {
        title: "Publicidad y redes sociales",
        description:
          "Mostrarle anuncios acordes con sus intereses, medir las campañas, herramientas para compartir.",
      },
      preferences: {
        title: "Preferencias",
        description: "Recordar sus ajustes en el sitio, como el idioma o los artículos vistos recientemente.",
      },
      sale_of_data: {
        title: "Cesión a socios para sus propios fines",
        description: "Los socios pueden usar datos sobre su visita para sus propios fines.",
      },
    },
  },
  exportLink: {
    title: "Su exportación de datos",
    unknown: "Este enlace no es válido.",
    expired:
      "Este enlace ha caducado. Póngase en contacto con el delegado de protección de datos de la tienda para obtener uno nuevo.",
    used: "Esta exportación ya se ha descargado: por su seguridad, un enlace solo funciona una vez. Póngase en contacto con el delegado de protección de datos de la tienda si la necesita de nuevo.",
  },
  receipts: {
    systems: { shopify: "Shopify", stripe: "Stripe", mailchimp: "Mailchimp", vigie: "Vigie" },
    outcomes: {
      done: "Hecho",
      not_found: "No se encontró nada",
      held: "Conservado (obligación legal)",
      failed: "Fallido",
    },
    ownRecords: "Nuestros propios registros",
    erasureSummary:
      "Sus datos personales se han suprimido de nuestros sistemas, como se detalla a continuación. Lo que la ley nos obliga a conservar figura con la fecha en que se suprimirá.",
    holdWhat: {
      shopify:
        "Datos de facturación de sus pedidos (número de pedido, fecha, importes, artículos, nombre y dirección de facturación)",
      stripe:
        "Facturas emitidas a través de Stripe (número, fecha, importes, nombre, correo electrónico y dirección de facturación)",
    },
    steps: {
      "invoice-archive": "Datos de facturación de los pedidos archivados por la obligación contable",
      "customer-data-erasure":
        "Cliente suprimido por Shopify (Shopify puede esperar a que pasen los pedidos de los últimos 180 días)",
      "guest-orders": "Pedidos como invitado conservados por Shopify (ninguna API los suprime)",
      "cancel-subscriptions": "Suscripciones canceladas",
      "delete-draft-invoices": "Borradores de facturas suprimidos",
      "detach-payment-methods": "Métodos de pago guardados eliminados",
      "mask-customer": "Datos de contacto borrados",
      "redaction-job": "Datos de pago ocultados por Stripe",
      "delete-customer": "Cliente de Stripe suprimido",
      "keep-payments": "Pagos conservados por Stripe con los datos introducidos al pagar",
      "keep-invoices": "Facturas emitidas conservadas (obligación contable)",
      "keep-checkout-sessions": "Pagos como invitado conservados por Stripe",
      "delete-permanent": "Contacto suprimido definitivamente",
      archive: "Contacto archivado (dado de baja, historial conservado por Mailchimp)",
      "pseudonymise-consent": "Historial de consentimiento seudonimizado (prueba conservada sin identidad)",
      "delete-consent-state": "Estado del consentimiento suprimido",
      "delete-emails": "Correos enviados a la persona suprimidos",
      "delete-identity": "Verificaciones de identidad borradas",
      "pseudonymise-requests": "Solicitudes seudonimizadas (referencia y resultado conservados)",
      "delete-payment-checks": "Controles de pago ocultados",
      "pseudonymise-audit": "Registros de auditoría desvinculados de la persona",
      "delete-subject":
        "Ficha de la persona suprimida (se conserva durante 10 años una huella irreversible de la dirección para que nunca se vuelva a importar)",
    },
    fields: {
      name: "Nombre",
      email: "Dirección de correo electrónico",
      phone: "Número de teléfono",
      address: "Dirección postal",
    },
    rectification: {
      summary: "Hemos rectificado sus datos como nos pidió.",
      changed: "{field}: ahora {value}",
      notFound: "no se encontró ningún dato suyo",
    },
  },
  privacyNotice: {
    title: "Política de privacidad",
    controller: "Quién trata sus datos",
    controllerText: "{shop} es el responsable del tratamiento de sus datos personales.",
    contact:
      "Para cualquier pregunta sobre sus datos, escriba a nuestro delegado de protección de datos: {email}.",
    noContact:
      "Para cualquier pregunta sobre sus datos, escríbanos desde nuestro centro de privacidad: {url}.",
    purposes: "Por qué tratamos sus datos y con qué base jurídica",
    interests: "Nuestros intereses legítimos",
    interestsIntro: "Cuando nos basamos en nuestro interés legítimo, este es el interés perseguido:",
    recipients: "Quién recibe sus datos",
    recipientsIntro: "Nuestro personal autorizado, y:",
    transfers: "Transferencias fuera del Espacio Económico Europeo",
    noTransfers: "Sus datos no se transfieren fuera del Espacio Económico Europeo.",
    transfersCopy: "Puede obtener una copia de estas garantías escribiéndonos.",
    beingConfirmed: "en proceso de verificación",
    retention: "Cuánto tiempo conservamos sus datos",
    rights: "Sus derechos",
    rightsIntro: "Puede solicitarnos en cualquier momento:",
    access: "el acceso a sus datos y una copia de ellos (art. 15);",
    rectification: "la rectificación de datos inexactos o incompletos (art. 16);",
    erasure:
      "la supresión de sus datos (art. 17), salvo los que la ley nos obliga a conservar, como las facturas;",
    restriction:
      "la limitación del tratamiento (art. 18): conservamos entonces sus datos sin utilizarlos, por ejemplo mientras verificamos su exactitud o examinamos su oposición;",
    portability:
      "la portabilidad de los datos que nos ha facilitado, en un formato estructurado y de lectura mecánica (art. 20).",
    objection: "Su derecho de oposición",
    objectionInterests:
      "Puede oponerse en cualquier momento, por motivos relacionados con su situación particular, a los tratamientos basados en nuestro interés legítimo (art. 21(1)): {purposes}.",
    objectionMarketing:
      "Puede oponerse en cualquier momento, sin necesidad de justificarlo, al uso de sus datos para mercadotecnia directa (art. 21(2) y (3)): dejaremos entonces de escribirle con ese fin.",
    withdrawal: "Retirar su consentimiento",
    withdrawalText:
      "Cuando nos basamos en su consentimiento, puede retirarlo en cualquier momento, con la misma facilidad con que lo dio: mediante el enlace de baja de cada correo electrónico o desde nuestro centro de privacidad. La retirada no afecta a lo realizado anteriormente (art. 7(3)).",
    automated: "Decisiones automatizadas",
    automatedSafeguards:
      "Puede obtener la intervención de una persona, expresar su punto de vista e impugnar la decisión (art. 22(3)).",
    postMortem: "Tras su fallecimiento",
    postMortemText:
      "Puede darnos directrices sobre la conservación, la supresión y la comunicación de sus datos tras su fallecimiento, y designar a una persona encargada de ejecutarlas (ley francesa Informatique et Libertés, art. 85).",
    required: "Datos obligatorios",
    requiredText:
      "Los datos marcados con * en nuestros formularios son necesarios para tramitar su pedido o su solicitud; sin ellos, no podemos darles curso.",
    exercise: "Ejercer sus derechos",
    exerciseText:
      "Presente su solicitud desde nuestro centro de privacidad ({url}){email}. Respondemos en el plazo de un mes (art. 12(3)) y solo pedimos un documento de identidad en caso de duda razonable.",
    exerciseEmail: " o por correo electrónico a {email}",
    complaint: "Reclamación",
    complaintText:
      "Si considera que no se respetan sus derechos, puede presentar una reclamación ante la CNIL (la autoridad francesa de protección de datos, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr).",
    roles: {
      processor: "encargado del tratamiento que actúa por nuestra cuenta",
      independent_controller: "destinatario que trata los datos por cuenta propia",
      joint_controller: "corresponsable del tratamiento",
    },
    mechanisms: {
      adequacy: "decisión de adecuación de la Comisión Europea (art. 45)",
      sccs: "cláusulas contractuales tipo de la Comisión Europea (art. 46)",
      bcrs: "normas corporativas vinculantes (art. 47)",
      derogation: "excepción para una situación específica (art. 49)",
      unknown: "garantía en proceso de verificación",
    },
    bases: {
      consent: "Consentimiento (art. 6(1)(a))",
      contract: "Ejecución de un contrato (art. 6(1)(b))",
      legal_obligation: "Obligación legal (art. 6(1)(c))",
      vital_interests: "Intereses vitales (art. 6(1)(d))",
      public_task: "Misión realizada en interés público (art. 6(1)(e))",
      legitimate_interests: "Interés legítimo (art. 6(1)(f))",
    },
    year: "{n} año",
    years: "{n} años",
    month: "{n} mes",
    months: "{n} meses",
    clocks: {
      last_order: "después del último pedido",
      last_contact: "después del último contacto",
      collection: "después de la recogida",
      transaction: "después de la transacción",
      financial_year_end: "después del cierre del ejercicio",
      request_closed: "después del cierre de la solicitud",
      consent_end: "después del fin del consentimiento",
    },
  },
};
