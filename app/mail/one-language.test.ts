// Every e-mail, in each language, carries no word of the other language, no raw identifier, and
// French typography (docs/decisions/054).
import { describe, expect, it } from "vitest";
import { ACCOUNTING_HOLD_BASIS } from "~/domain/erasure/invoice-archive";
import { LOCALES } from "~/i18n/locale";
import { REFUSAL_GROUNDS } from "~/mail/message";
import { ALL_TEMPLATES, sampleMessages as s } from "../../tests/fixtures/sample-messages";
import { describeFindings, scanText } from "../../tests/support/language-scan";
import type { EmailMessage } from "./message";
import { renderEmail } from "./render";

const variants: [string, EmailMessage][] = [
  ...ALL_TEMPLATES.map((template) => [template, s[template]] as [string, EmailMessage]),
  ...REFUSAL_GROUNDS.map(
    (ground) => [`request.refusal ${ground}`, { ...s["request.refusal"], ground }] as [string, EmailMessage],
  ),
  // The hold's basis as the erasure stores it.
  [
    "request.answer (accounting hold)",
    {
      ...s["request.answer"],
      holds: [
        {
          what: "Invoices",
          basis: ACCOUNTING_HOLD_BASIS,
          until: s["request.answer"].holds?.[0]?.until ?? "2036-12-31",
        },
      ],
    } as EmailMessage,
  ],
  // A shop whose name starts with a vowel: French elides "de" before it.
  ...ALL_TEMPLATES.map(
    (template) =>
      [`${template} (Atelier)`, { ...s[template], shopName: "Atelier Olga" }] as [string, EmailMessage],
  ),
];

describe.each(LOCALES)("e-mails in %s", (locale) => {
  it.each(variants)("%s is in one language, with no raw identifier", (_name, message) => {
    const out = renderEmail(message, locale, { unsubscribeUrl: "https://vigie.example.com/u/x" });
    // Lines quoting what staff typed ("> ") are theirs, in the language they chose.
    const written = out.text
      .split("\n")
      .filter((line) => !line.startsWith(">"))
      .join("\n");
    expect(describeFindings(scanText(`${out.subject}\n${written}`, locale))).toEqual([]);
  });
});
