// A request closed because its identity was never confirmed, and how to make it again.
import type { Locale } from "~/i18n/locale";
import type { EmailContent } from "../layout";
import type { MessageOf } from "../message";
import { dpoSignature, footer, greeting, remedies } from "./shared";

export function requestClosedUnverified(
  m: MessageOf<"request.closed_unverified">,
  locale: Locale,
): EmailContent {
  if (locale === "fr") {
    return {
      subject: `${m.shopName} — Votre demande ${m.reference} a été close`,
      blocks: [
        greeting(locale),
        {
          kind: "paragraph",
          content: [
            "Nous n'avons pas reçu la confirmation nécessaire pour vérifier que la demande ",
            { strong: m.reference },
            " émane bien de vous. Afin de protéger vos données, nous ne pouvons pas y donner suite et l'avons close.",
          ],
        },
        {
          kind: "paragraph",
          content: [
            "Si vous souhaitez toujours exercer vos droits, il vous suffit de présenter une nouvelle demande sur notre site, puis de la confirmer grâce au lien ou au code que nous vous enverrons par e-mail.",
          ],
        },
        {
          kind: "paragraph",
          content: ["Si vous n'êtes pas à l'origine de cette demande, vous n'avez rien à faire."],
        },
        // GDPR art. 12(4): not acting on a request still opens the complaint and court routes.
        ...remedies(locale),
      ],
      signature: dpoSignature(m.shopName, locale),
      footer: footer(m.shopName, locale),
    };
  }
  return {
    subject: `${m.shopName} — Your request ${m.reference} has been closed`,
    blocks: [
      greeting(locale),
      {
        kind: "paragraph",
        content: [
          "We did not receive the confirmation we need to check that request ",
          { strong: m.reference },
          " comes from you. To protect your data, we cannot act on it and have closed it.",
        ],
      },
      {
        kind: "paragraph",
        content: [
          "If you still wish to exercise your rights, simply make a new request on our website, then confirm it with the link or code we will send you by e-mail.",
        ],
      },
      { kind: "paragraph", content: ["If you did not make this request, there is nothing you need to do."] },
      // GDPR art. 12(4): not acting on a request still opens the complaint and court routes.
      ...remedies(locale),
    ],
    signature: dpoSignature(m.shopName, locale),
    footer: footer(m.shopName, locale),
  };
}
