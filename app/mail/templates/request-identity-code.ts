// The one-time code that confirms a request comes from the owner of the e-mail address.
import type { Locale } from "~/i18n/locale";
import { minutes } from "../format";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { dpoSignature, footer, greeting } from "./shared";

export function requestIdentityCode(m: MessageOf<"request.identity_code">, locale: Locale): EmailContent {
  const validity = minutes(m.expiresInMinutes, locale);
  if (locale === "fr") {
    return {
      // No code in the subject: it would show on a locked phone's screen.
      subject: `${m.shopName} — Confirmez votre demande (${m.reference})`,
      blocks: [
        greeting(locale),
        {
          kind: "paragraph",
          content: [
            "Pour que nous puissions traiter votre demande ",
            { strong: m.reference },
            ", merci de confirmer qu'elle émane bien de vous en cliquant sur le lien ci-dessous :",
          ],
        },
        { kind: "button", href: m.confirmUrl, label: "Confirmer ma demande" },
        {
          kind: "paragraph",
          content: ["Vous pouvez aussi saisir ce code sur la page de suivi de votre demande :"],
        },
        { kind: "code", value: m.code },
        {
          kind: "paragraph",
          content: [
            `Ce code est valable ${validity}. Ne le communiquez à personne : nous ne vous le demanderons jamais par téléphone ni par e-mail.`,
          ],
        },
        {
          kind: "paragraph",
          content: [
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, elle ne sera pas traitée.",
          ],
        },
      ],
      signature: dpoSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    // No code in the subject: it would show on a locked phone's screen.
    subject: `${m.shopName} — Please confirm your request (${m.reference})`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: [
          "So that we can handle your request ",
          { strong: m.reference },
          ", please confirm that it comes from you by clicking the link below:",
        ],
      },
      { kind: "button", href: m.confirmUrl, label: "Confirm my request" },
      { kind: "paragraph", content: ["You can also enter this code on your request's tracking page:"] },
      { kind: "code", value: m.code },
      {
        kind: "paragraph",
        content: [
          `This code is valid for ${validity}. Do not share it with anyone: we will never ask you for it by phone or e-mail.`,
        ],
      },
      {
        kind: "paragraph",
        content: [
          "If you did not make this request, please ignore this message: without confirmation, it will not be processed.",
        ],
      },
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
