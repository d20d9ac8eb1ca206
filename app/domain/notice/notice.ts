// The privacy notice shoppers read (GDPR art. 13–14), written from the record of processing and the
// processors register rather than typed: each section is the information an article asks for, in
// French and English. Objection is shown apart from the other rights (art. 21(4)).
import type { ProcessorContent, RecipientRole, TransferMechanism } from "~/domain/processing/processors";
import type { ActivityContent } from "~/domain/processing/record";
import { basisLine, readRetention } from "~/domain/processing/register";
import type { Locale } from "~/i18n/locale";

export type NoticeSection = { id: string; heading: string; paragraphs: string[]; items: string[] };
export type Notice = { title: string; sections: NoticeSection[] };

export type NoticeInput = {
  shopName: string;
  /** The DPO's or privacy contact's address (art. 13(1)(a)–(b)). */
  contactEmail: string | null;
  /** The privacy centre's address on the storefront, where requests are filed. */
  privacyCentreUrl: string;
  activities: { content: ActivityContent }[];
  processors: { content: ProcessorContent; confirmed: boolean }[];
};

type Text = Record<Locale, string>;
const T = <K extends string>(table: Record<K, Text>) => table;

const ROLE: Record<RecipientRole, Text> = {
  processor: { fr: "sous-traitant agissant pour notre compte", en: "processor acting on our behalf" },
  independent_controller: {
    fr: "destinataire traitant pour son propre compte",
    en: "recipient processing on its own behalf",
  },
  joint_controller: { fr: "responsable conjoint", en: "joint controller" },
};

const MECHANISM: Record<TransferMechanism, Text> = {
  adequacy: {
    fr: "décision d'adéquation de la Commission européenne (art. 45)",
    en: "European Commission adequacy decision (art. 45)",
  },
  sccs: {
    fr: "clauses contractuelles types de la Commission européenne (art. 46)",
    en: "European Commission standard contractual clauses (art. 46)",
  },
  bcrs: { fr: "règles d'entreprise contraignantes (art. 47)", en: "binding corporate rules (art. 47)" },
  derogation: {
    fr: "dérogation pour une situation particulière (art. 49)",
    en: "derogation for a specific situation (art. 49)",
  },
  unknown: { fr: "garantie en cours de vérification", en: "safeguard being checked" },
};

const S = T({
  title: { fr: "Politique de protection des données personnelles", en: "Privacy notice" },
  controller: { fr: "Qui traite vos données", en: "Who processes your data" },
  controllerText: {
    fr: "{shop} est responsable du traitement de vos données personnelles.",
    en: "{shop} is the controller of your personal data.",
  },
  contact: {
    fr: "Pour toute question sur vos données, écrivez à notre délégué à la protection des données\u00a0: {email}.",
    en: "For any question about your data, write to our data protection officer: {email}.",
  },
  noContact: {
    fr: "Pour toute question sur vos données, écrivez-nous depuis notre espace confidentialité\u00a0: {url}.",
    en: "For any question about your data, write to us from our privacy centre: {url}.",
  },
  purposes: {
    fr: "Pourquoi nous traitons vos données, et sur quelle base",
    en: "Why we process your data, and on what basis",
  },
  interests: { fr: "Nos intérêts légitimes", en: "Our legitimate interests" },
  interestsIntro: {
    fr: "Lorsque nous nous fondons sur notre intérêt légitime, voici l'intérêt poursuivi\u00a0:",
    en: "Where we rely on our legitimate interests, this is the interest pursued:",
  },
  recipients: { fr: "Qui reçoit vos données", en: "Who receives your data" },
  recipientsIntro: {
    fr: "Notre personnel habilité, et\u00a0:",
    en: "Our authorised staff, and:",
  },
  transfers: {
    fr: "Transferts hors de l'Espace économique européen",
    en: "Transfers outside the European Economic Area",
  },
  noTransfers: {
    fr: "Vos données ne sont pas transférées hors de l'Espace économique européen.",
    en: "Your data is not transferred outside the European Economic Area.",
  },
  transfersCopy: {
    fr: "Vous pouvez obtenir une copie de ces garanties en nous écrivant.",
    en: "You can obtain a copy of these safeguards by writing to us.",
  },
  beingConfirmed: { fr: "en cours de vérification", en: "being checked" },
  retention: { fr: "Combien de temps nous gardons vos données", en: "How long we keep your data" },
  rights: { fr: "Vos droits", en: "Your rights" },
  rightsIntro: {
    fr: "Vous pouvez à tout moment nous demander\u00a0:",
    en: "You can at any time ask us:",
  },
  access: {
    fr: "l'accès à vos données et une copie de celles-ci (art. 15)\u00a0;",
    en: "for access to your data and a copy of it (art. 15);",
  },
  rectification: {
    fr: "la rectification de données inexactes ou incomplètes (art. 16)\u00a0;",
    en: "to correct inaccurate or incomplete data (art. 16);",
  },
  erasure: {
    fr: "l'effacement de vos données (art. 17), sauf celles que la loi nous oblige à garder, comme les factures\u00a0;",
    en: "to erase your data (art. 17), except what the law requires us to keep, such as invoices;",
  },
  restriction: {
    fr: "la limitation du traitement (art. 18)\u00a0: nous conservons alors vos données sans les utiliser, par exemple le temps de vérifier leur exactitude ou d'examiner votre opposition\u00a0;",
    en: "to restrict processing (art. 18): we then keep your data without using it, for example while we check its accuracy or consider your objection;",
  },
  portability: {
    fr: "la portabilité des données que vous nous avez fournies, dans un format structuré et lisible par machine (art. 20).",
    en: "for the data you gave us in a structured, machine-readable format, to take elsewhere (art. 20).",
  },
  objection: { fr: "Votre droit d'opposition", en: "Your right to object" },
  objectionInterests: {
    fr: "Vous pouvez vous opposer à tout moment, pour des raisons tenant à votre situation particulière, aux traitements fondés sur notre intérêt légitime (art. 21(1))\u00a0: {purposes}.",
    en: "You can object at any time, on grounds relating to your particular situation, to processing based on our legitimate interests (art. 21(1)): {purposes}.",
  },
  objectionMarketing: {
    fr: "Vous pouvez vous opposer à tout moment, sans avoir à vous justifier, à l'utilisation de vos données pour la prospection commerciale (art. 21(2) et (3))\u00a0: nous cessons alors de vous écrire à ce titre.",
    en: "You can object at any time, without giving reasons, to the use of your data for marketing (art. 21(2) and (3)): we then stop writing to you for that purpose.",
  },
  withdrawal: { fr: "Retirer votre consentement", en: "Withdrawing your consent" },
  withdrawalText: {
    fr: "Lorsque nous nous fondons sur votre consentement, vous pouvez le retirer à tout moment, aussi simplement que vous l'avez donné\u00a0: par le lien de désinscription de chaque e-mail ou depuis notre espace confidentialité. Le retrait ne remet pas en cause ce qui a été fait auparavant (art. 7(3)).",
    en: "Where we rely on your consent, you can withdraw it at any time, as easily as you gave it: through the unsubscribe link in every e-mail or from our privacy centre. Withdrawing does not affect what was done before (art. 7(3)).",
  },
  automated: { fr: "Décision automatisée", en: "Automated decisions" },
  automatedSafeguards: {
    fr: "Vous pouvez obtenir l'intervention d'une personne, présenter votre point de vue et contester la décision (art. 22(3)).",
    en: "You can obtain human intervention, give your point of view and contest the decision (art. 22(3)).",
  },
  postMortem: { fr: "Après votre décès", en: "After your death" },
  postMortemText: {
    fr: "Vous pouvez nous donner des directives sur la conservation, l'effacement et la communication de vos données après votre décès, et désigner une personne chargée de les exécuter (loi Informatique et Libertés, art. 85).",
    en: "You can give us instructions on what happens to your data after your death, and name a person to carry them out (French Data Protection Act, art. 85).",
  },
  required: { fr: "Données obligatoires", en: "Required data" },
  requiredText: {
    fr: "Les données signalées par * dans nos formulaires sont nécessaires pour traiter votre commande ou votre demande\u00a0; sans elles, nous ne pouvons pas y donner suite.",
    en: "Data marked * in our forms is needed to process your order or request; without it we cannot proceed.",
  },
  exercise: { fr: "Exercer vos droits", en: "Exercising your rights" },
  exerciseText: {
    fr: "Faites votre demande depuis notre espace confidentialité ({url}){email}. Nous répondons dans un délai d'un mois (art. 12(3)) et ne demandons un justificatif d'identité qu'en cas de doute raisonnable.",
    en: "Make your request from our privacy centre ({url}){email}. We answer within one month (art. 12(3)) and ask for proof of identity only where we have a reasonable doubt.",
  },
  exerciseEmail: { fr: " ou par e-mail à {email}", en: " or by e-mail to {email}" },
  complaint: { fr: "Réclamation", en: "Complaint" },
  complaintText: {
    fr: "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (Commission nationale de l'informatique et des libertés, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr).",
    en: "If you believe your rights are not respected, you can lodge a complaint with the CNIL (the French data protection authority, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr).",
  },
});

/** The notice in one language. Pure: the same record and registers give the same notice. */
export function buildNotice(input: NoticeInput, locale: Locale): Notice {
  const s = (key: keyof typeof S, vars: Record<string, string> = {}) =>
    S[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => vars[name] ?? match);
  const section = (
    id: string,
    heading: string,
    paragraphs: string[],
    items: string[] = [],
  ): NoticeSection => ({
    id,
    heading,
    paragraphs,
    items,
  });
  // French typography: a no-break space before « : » and « ; ».
  const colon = locale === "fr" ? "\u00a0:" : ":";
  const semicolon = locale === "fr" ? "\u00a0; " : "; ";
  const activities = input.activities.map(({ content }) => content);
  const purposes = activities.flatMap((activity) => activity.purposes);
  const interests = purposes.filter((purpose) => purpose.basis === "legitimate_interests");
  const transfers = input.processors.flatMap(({ content, confirmed }) =>
    content.transfers.map((transfer) => ({ transfer, company: content.name, confirmed })),
  );
  const automated = activities.filter((activity) => activity.automatedDecision[locale].trim() !== "");
  const sections: NoticeSection[] = [
    // Art. 13(1)(a)–(b).
    section("controller", s("controller"), [
      s("controllerText", { shop: input.shopName }),
      input.contactEmail
        ? s("contact", { email: input.contactEmail })
        : s("noContact", { url: input.privacyCentreUrl }),
    ]),
    // Art. 13(1)(c).
    ...activities.map((activity, index) =>
      section(
        `purposes-${index}`,
        index === 0 ? s("purposes") : "",
        [activity.name[locale]],
        activity.purposes.map((purpose) => `${purpose.purpose[locale]} — ${basisLine(purpose, locale)}`),
      ),
    ),
    // Art. 13(1)(d).
    ...(interests.length > 0
      ? [
          section(
            "legitimate-interests",
            s("interests"),
            [s("interestsIntro")],
            interests.map(
              (purpose) => `${purpose.purpose[locale]}${colon} ${purpose.legitimateInterest[locale]}`,
            ),
          ),
        ]
      : []),
    // Art. 13(1)(e).
    section(
      "recipients",
      s("recipients"),
      [s("recipientsIntro")],
      input.processors.map(
        ({ content }) => `${content.name} (${ROLE[content.role][locale]})${colon} ${content.service[locale]}`,
      ),
    ),
    // Art. 13(1)(f): each transfer and its safeguard; one not yet confirmed says so.
    transfers.length === 0
      ? section("transfers", s("transfers"), [s("noTransfers")])
      : section(
          "transfers",
          s("transfers"),
          [s("transfersCopy")],
          transfers.map(({ transfer, company, confirmed }) => {
            const safeguard =
              transfer.mechanism === "unknown"
                ? MECHANISM.unknown[locale]
                : `${MECHANISM[transfer.mechanism][locale]}${transfer.detail[locale] ? ` — ${transfer.detail[locale]}` : ""}${
                    confirmed ? "" : ` (${s("beingConfirmed")})`
                  }`;
            return `${transfer.destination[locale]}, ${company}${colon} ${safeguard}`;
          }),
        ),
    // Art. 13(2)(a).
    section(
      "retention",
      s("retention"),
      [],
      activities.map(
        (activity) =>
          `${activity.name[locale]}${colon} ${activity.retention
            .map((entry) => readRetention(entry, locale).text)
            .join(semicolon)}`,
      ),
    ),
    // Art. 13(2)(b): every right; objection apart (art. 21(4)).
    section(
      "rights",
      s("rights"),
      [s("rightsIntro")],
      [s("access"), s("rectification"), s("erasure"), s("restriction"), s("portability")],
    ),
    section("objection", s("objection"), [
      ...(interests.length > 0
        ? [
            s("objectionInterests", {
              purposes: interests.map((purpose) => purpose.purpose[locale]).join(semicolon),
            }),
          ]
        : []),
      s("objectionMarketing"),
    ]),
    // Art. 13(2)(c), 7(3).
    section("withdrawal", s("withdrawal"), [s("withdrawalText")]),
    // Art. 13(2)(f), 22.
    ...(automated.length > 0
      ? [
          section("automated", s("automated"), [
            ...automated.map(
              (activity) => `${activity.name[locale]}${colon} ${activity.automatedDecision[locale]}`,
            ),
            s("automatedSafeguards"),
          ]),
        ]
      : []),
    // Loi Informatique et Libertés art. 85.
    section("post-mortem", s("postMortem"), [s("postMortemText")]),
    // Art. 13(2)(e).
    section("required", s("required"), [s("requiredText")]),
    section("exercise", s("exercise"), [
      s("exerciseText", {
        url: input.privacyCentreUrl,
        email: input.contactEmail ? s("exerciseEmail", { email: input.contactEmail }) : "",
      }),
    ]),
    // Art. 13(2)(d), 77.
    section("complaint", s("complaint"), [s("complaintText")]),
  ];
  return { title: s("title"), sections };
}

/** The notice as plain text, one line per heading, paragraph or item: what versions are compared on. */
export function noticeLines(notice: Notice): string[] {
  return [
    notice.title,
    ...notice.sections.flatMap((section) => [
      ...(section.heading ? [`## ${section.heading}`] : []),
      ...section.paragraphs,
      ...section.items.map((item) => `- ${item}`),
    ]),
  ];
}
