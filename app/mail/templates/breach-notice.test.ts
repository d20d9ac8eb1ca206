import { describe, expect, it } from "vitest";
import { sampleMessages } from "../../../tests/fixtures/sample-messages";
import { renderEmail } from "../render";

describe("the notice to people affected by a breach (GDPR art. 34(2))", () => {
  const message = sampleMessages["breach.notice"];

  it.each([
    ["fr", ["Ce qui s'est passé", "Les conséquences probables", "Les mesures prises ou envisagées"]],
    ["en", ["What happened", "Likely consequences", "What we have done or will do"]],
  ] as const)(
    "in %s, says what happened, its consequences, the measures and whom to contact",
    (locale, headings) => {
      const { subject, text, html } = renderEmail(message, locale);
      expect(subject).toContain("VIOL-1");
      for (const heading of headings) expect(text).toContain(heading.toUpperCase());
      expect(text).toContain(message.nature);
      expect(text).toContain(message.consequences);
      expect(text).toContain(message.measures);
      expect(html).toContain('href="mailto:dpo@imera-paris.com"');
    },
  );

  it("writes a contact that is not an address as text, not as a link", () => {
    const { html, text } = renderEmail({ ...message, contact: "01 23 45 67 89" }, "fr");
    expect(text).toContain("01 23 45 67 89");
    expect(html).not.toContain("mailto:");
  });
});
