// The French and English e-mails are written from the catalogues (docs/decisions/061): their text
// and markup stay exactly as they were when each template held its own wording, for every sample
// message, every refusal ground, a shop name starting with a vowel, with and without a DPO address
// and an unsubscribe link.
import { describe, expect, it } from "vitest";
import { REFUSAL_GROUNDS } from "~/mail/message";
import { ALL_TEMPLATES, sampleMessages as s } from "../../../tests/fixtures/sample-messages";
import type { EmailMessage } from "../message";
import { renderEmail } from "../render";

const variants: [string, EmailMessage][] = [
  ...ALL_TEMPLATES.map((template) => [template, s[template]] as [string, EmailMessage]),
  ...REFUSAL_GROUNDS.map(
    (ground) => [`request.refusal ${ground}`, { ...s["request.refusal"], ground }] as [string, EmailMessage],
  ),
  ...ALL_TEMPLATES.map(
    (template) =>
      [
        `${template} (Atelier, no DPO)`,
        { ...s[template], shopName: "Atelier Olga", dpoEmail: undefined },
      ] as [string, EmailMessage],
  ),
  [
    "request.answer (minimal)",
    {
      ...s["request.answer"],
      downloadUrl: undefined,
      downloadExpiresOn: undefined,
      erasure: undefined,
      holds: undefined,
      recipients: [],
    } as EmailMessage,
  ],
  [
    "request.identity_code (24 hours)",
    { ...s["request.identity_code"], expiresInMinutes: 1440 } as EmailMessage,
  ],
  [
    "request.identity_code (1 minute)",
    { ...s["request.identity_code"], expiresInMinutes: 1 } as EmailMessage,
  ],
  ["breach.notice (phone contact)", { ...s["breach.notice"], contact: "01 23 45 67 89" } as EmailMessage],
];

describe.each(["fr", "en"] as const)("e-mails in %s", (locale) => {
  it("are rendered exactly as before", async () => {
    const out: Record<string, unknown> = {};
    for (const [name, message] of variants) {
      out[name] = renderEmail(message, locale);
      out[`${name} + unsubscribe`] = renderEmail(message, locale, {
        unsubscribeUrl: "https://vigie.example.com/u/x",
      }).text;
    }
    await expect(JSON.stringify(out, null, 1)).toMatchFileSnapshot(`./__snapshots__/output-${locale}.snap`);
  });
});
