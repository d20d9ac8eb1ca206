// Wording shared by several e-mails: greeting, signatures, how to reach the DPO, remedies, footer.
import type { Block } from "../layout";
import type { MailText } from "../text";

export function greeting(x: MailText): Block {
  return { kind: "paragraph", content: [x.t("greeting")] };
}

/** The shop's policy: rights requests are answered by its data protection officer. */
export function dpoSignature(shopName: string, x: MailText): string[] {
  // The shop's name on its own line: "de iméra" would need an elision no rule can get right for every name.
  return [x.t("signOff"), x.t("dpo"), shopName];
}

export function teamSignature(shopName: string, x: MailText): string[] {
  return [x.t("signOff"), x.t("team", { shop: shopName })];
}

/** How to ask a question about a file: the DPO's address when the shop gave one. */
export function contact(reference: string, dpoEmail: string | undefined, x: MailText): Block {
  return {
    kind: "paragraph",
    content: dpoEmail
      ? x.rich("contactDpo", { email: { href: `mailto:${dpoEmail}`, label: dpoEmail }, reference })
      : [x.t("contactService", { reference })],
  };
}

/**
 * Where to turn when we do not act on a request.
 * GDPR art. 12(4): say so with the possibility of a complaint (art. 77) and of a judicial remedy (art. 79).
 */
export function remedies(x: MailText): Block[] {
  const url = x.t("cnilUrl");
  return [
    { kind: "heading", text: x.t("remediesHeading") },
    { kind: "paragraph", content: x.rich("remediesComplaint", { url: { href: url, label: url } }) },
    { kind: "paragraph", content: [x.t("remediesCourt")] },
  ];
}

/** Small print: who writes, about what, and that this is not marketing. */
export function footer(shopName: string, x: MailText, about: "data" | "order" = "data"): string {
  return x.t(about === "data" ? "footerData" : "footerOrder", { shop: shopName });
}

/**
 * The one-click withdrawal of a marketing-related e-mail (GDPR art. 7(3): as easy as consenting;
 * CPCE L34-5: a way to object in every message). The link also serves as List-Unsubscribe.
 */
export function unsubscribeLine(shopName: string, x: MailText, href: string) {
  return { lead: x.t("unsubscribeLead", { shop: shopName }), label: x.t("unsubscribeLabel"), href };
}
