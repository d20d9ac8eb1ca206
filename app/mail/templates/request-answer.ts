// The answer to a request: staff's summary, the download link for an export, the data kept by law.

import { formatDeadline, spellLocalDate } from "~/i18n/format-date";
import { citeLaw } from "~/i18n/legal-citation";
import type { Block, EmailContent } from "../layout";
import type { ErasureReceiptLine, LegalHold, MessageOf } from "../message";
import type { MailText } from "../text";
import { contact, dpoSignature, footer, greeting } from "./shared";

function download(m: MessageOf<"request.answer">, x: MailText): Block[] {
  if (!m.downloadUrl) return [];
  const blocks: Block[] = [
    { kind: "paragraph", content: [x.t("answer.downloadReady")] },
    { kind: "button", href: m.downloadUrl, label: x.t("answer.downloadButton") },
  ];
  if (m.downloadExpiresOn) {
    const date = spellLocalDate(m.downloadExpiresOn, x.locale);
    if (m.writtenOn) {
      const until = formatDeadline(x.locale, m.downloadExpiresOn, m.writtenOn);
      blocks.push({ kind: "facts", rows: [{ label: x.t("answer.downloadUntil"), value: until }] });
    }
    blocks.push({ kind: "paragraph", content: [x.t("answer.downloadExpires", { date })] });
  }
  return blocks;
}

// GDPR art. 17 and 19: the shopper is told, per system, what was erased, when, and the proof.
function erasure(list: ErasureReceiptLine[] | undefined, x: MailText): Block[] {
  if (!list || list.length === 0) return [];
  return [
    { kind: "paragraph", content: [x.t("answer.erasureLead")] },
    {
      kind: "list",
      items: list.map((receipt) => {
        const refs = receipt.references.length
          ? ` ${x.t("answer.erasureReferences", { references: receipt.references.join(", ") })}`
          : "";
        const line = x.rich("answer.erasureLine", {
          system: { strong: receipt.system },
          done: receipt.done.join(" ; "),
          on: spellLocalDate(receipt.on, x.locale),
        });
        const end = line.at(-1);
        if (!refs) return line;
        return typeof end === "string" ? [...line.slice(0, -1), `${end}${refs}`] : [...line, refs.trim()];
      }),
    },
  ];
}

// GDPR art. 17(3)(b): data the law requires us to keep survives erasure; the shopper is told what and until when.
function holds(list: LegalHold[] | undefined, x: MailText): Block[] {
  if (!list || list.length === 0) return [];
  return [
    { kind: "paragraph", content: [x.t("answer.holdsLead")] },
    {
      kind: "list",
      items: list.map((hold) =>
        x.rich("answer.holdLine", {
          what: { strong: hold.what },
          basis: citeLaw(hold.basis, x.locale),
          until: spellLocalDate(hold.until, x.locale),
        }),
      ),
    },
    { kind: "paragraph", content: [x.t("answer.holdsAfter")] },
  ];
}

// GDPR art. 19, second sentence: on request, the person is told who was informed.
function recipients(list: string[] | undefined, x: MailText): Block[] {
  if (!list) return [];
  if (list.length === 0) return [{ kind: "paragraph", content: [x.t("answer.recipientsNone")] }];
  return [
    { kind: "paragraph", content: [x.t("answer.recipientsLead")] },
    { kind: "list", items: list.map((name) => [name]) },
  ];
}

export function requestAnswer(m: MessageOf<"request.answer">, x: MailText): EmailContent {
  return {
    subject: x.t("answer.subject", { shop: m.shopName, reference: m.reference }),
    blocks: [
      greeting(x),
      {
        kind: "paragraph",
        content: x.rich("answer.intro", {
          reference: { strong: m.reference },
          type: x.requestType(m.requestType, true),
        }),
      },
      { kind: "quote", text: m.summary },
      ...download(m, x),
      ...erasure(m.erasure, x),
      ...holds(m.holds, x),
      ...recipients(m.recipients, x),
      contact(m.reference, m.dpoEmail, x),
      // GDPR art. 15(1)(f) and 77: the shopper may complain to a supervisory authority.
      { kind: "paragraph", content: x.rich("answer.complaint", { url: { href: x.t("cnilUrl") } }) },
    ],
    signature: dpoSignature(m.shopName, x),
    footer: footer(m.shopName, x),
  };
}
