// Textos en español para los clientes (docs/decisions/061). Las mismas claves que la parte de
// clientes de en.ts (comprobado por tsc e i18n/catalogues.test.ts). Tratamiento formal: usted.
import type { ShopperMessages } from "./shopper";

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
        dueOn: "Respuesta a más tardar el",
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
        subject: "{shop} — Prórroga del plazo de respuesta a su solicitud ({reference})",
        body: "La tramitación de su solicitud {reference} requiere más tiempo. Como permite el artículo 12, apartado 3, del RGPD, prorrogamos el plazo de respuesta: recibirá nuestra respuesta a más tardar el {due}.",
        reasonsLead: "Los motivos de esta prórroga son los siguientes:",
        apology: "Le pedimos disculpas por este retraso y le comunicaremos cualquier novedad.",
      },
      answer: {
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
};
