// The answer to a request: staff's summary, the download link for an export, the data kept by law.

import { spellLocalDate } from "~/i18n/format-date";
import { citeLaw } from "~/i18n/legal-citation";
import type { Locale } from "~/i18n/locale";
import type { Block, EmailContent } from "../layout";
import type { ErasureReceiptLine, LegalHold, MessageOf } from "../message";
import { CNIL_COMPLAINTS_URL, contact, dpoSignature, footer, greeting, requestTypeLabel } from "./shared";

function download(m: MessageOf<"request.answer">, locale: Locale): Block[] {
  if (!m.downloadUrl) return [];
  const fr = locale === "fr";
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content: [fr ? "Vos données sont disponibles au téléchargement :" : "Your data is ready to download:"],
    },
    { kind: "button", href: m.downloadUrl, label: fr ? "Télécharger mes données" : "Download my data" },
  ];
  if (m.downloadExpiresOn) {
    const date = spellLocalDate(m.downloadExpiresOn, locale);
    blocks.push({
      kind: "paragraph",
      content: fr
        ? [`Ce lien expirera le ${date}. Pensez à enregistrer vos fichiers d'ici là.`]
        : [`This link expires on ${date}. Please save your files before then.`],
    });
  }
  return blocks;
}

// GDPR art. 17 and 19: the shopper is told, per system, what was erased, when, and the proof.
function erasure(list: ErasureReceiptLine[] | undefined, locale: Locale): Block[] {
  if (!list || list.length === 0) return [];
  const fr = locale === "fr";
  return [
    {
      kind: "paragraph",
      content: [
        fr ? "Voici ce qui a été fait, système par système :" : "Here is what was done, system by system:",
      ],
    },
    {
      kind: "list",
      items: list.map((receipt) => {
        const on = spellLocalDate(receipt.on, locale);
        const refs = receipt.references.length
          ? fr
            ? ` (référence : ${receipt.references.join(", ")})`
            : ` (reference: ${receipt.references.join(", ")})`
          : "";
        return [
          { strong: receipt.system },
          ` — ${receipt.done.join(" ; ")}${fr ? `, le ${on}` : `, on ${on}`}${refs}`,
        ];
      }),
    },
  ];
}

// GDPR art. 17(3)(b): data the law requires us to keep survives erasure; the shopper is told what and until when.
function holds(list: LegalHold[] | undefined, locale: Locale): Block[] {
  if (!list || list.length === 0) return [];
  const fr = locale === "fr";
  return [
    {
      kind: "paragraph",
      content: [
        fr
          ? "Certaines données doivent toutefois être conservées, car la loi nous y oblige (article 17, paragraphe 3, point b, du RGPD) :"
          : "Some data must nevertheless be kept, because the law requires us to (GDPR Article 17(3)(b)):",
      ],
    },
    {
      kind: "list",
      items: list.map((hold) => {
        const until = spellLocalDate(hold.until, locale);
        return [
          { strong: hold.what },
          fr
            ? ` — ${citeLaw(hold.basis, locale)}, à conserver jusqu'au ${until}`
            : ` — ${citeLaw(hold.basis, locale)}, kept until ${until}`,
        ];
      }),
    },
    {
      kind: "paragraph",
      content: [
        fr
          ? "Ces données ne sont plus utilisées qu'à cette fin et seront supprimées à l'échéance indiquée."
          : "This data is now used for that purpose only and will be deleted when the stated period ends.",
      ],
    },
  ];
}

// GDPR art. 19, second sentence: on request, the person is told who was informed.
function recipients(list: string[] | undefined, locale: Locale): Block[] {
  if (!list) return [];
  const fr = locale === "fr";
  if (list.length === 0)
    return [
      {
        kind: "paragraph",
        content: [
          fr
            ? "Vos données n'avaient été communiquées à aucun destinataire à informer (article 19 du RGPD)."
            : "Your data had not been disclosed to any recipient to be informed (GDPR Article 19).",
        ],
      },
    ];
  return [
    {
      kind: "paragraph",
      content: [
        fr
          ? "Comme vous l'avez demandé, voici les destinataires de vos données que nous avons informés (article 19 du RGPD) :"
          : "As you asked, here are the recipients of your data we have informed (GDPR Article 19):",
      ],
    },
    { kind: "list", items: list.map((name) => [name]) },
  ];
}

export function requestAnswer(m: MessageOf<"request.answer">, locale: Locale): EmailContent {
  const type = requestTypeLabel(m.requestType, locale, true);
  const fr = locale === "fr";
  return {
    subject: fr
      ? `${m.shopName} — Réponse à votre demande (${m.reference})`
      : `${m.shopName} — Our answer to your request (${m.reference})`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: fr
          ? ["Nous avons traité votre demande ", { strong: m.reference }, ` (${type}). Voici notre réponse :`]
          : ["We have handled your request ", { strong: m.reference }, ` (${type}). Here is our answer:`],
      },
      { kind: "quote", text: m.summary },
      ...download(m, locale),
      ...erasure(m.erasure, locale),
      ...holds(m.holds, locale),
      ...recipients(m.recipients, locale),
      contact(m.reference, m.dpoEmail, locale),
      // GDPR art. 15(1)(f) and 77: the shopper may complain to a supervisory authority.
      {
        kind: "paragraph",
        content: fr
          ? [
              "Si vous estimez que vos droits ne sont pas respectés, vous pouvez introduire une réclamation auprès de la CNIL : ",
              { href: CNIL_COMPLAINTS_URL.fr },
              ".",
            ]
          : [
              "If you consider that your rights have not been respected, you may lodge a complaint with the CNIL, the French data protection authority: ",
              { href: CNIL_COMPLAINTS_URL.en },
              ".",
            ],
      },
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
