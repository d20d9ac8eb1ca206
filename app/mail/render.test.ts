import { describe, expect, it } from "vitest";
import { parseLocalDate } from "~/domain/deadlines/local-date";
import { LOCALES } from "~/i18n/locale";
import { ALL_TEMPLATES, SAMPLE_REFERENCE, sampleMessages as s } from "../../tests/fixtures/sample-messages";
import type { EmailMessage } from "./message";
import { renderEmail } from "./render";

const SCRIPT = "<script>alert(1)</script>";
const both = (m: EmailMessage) => ({ fr: renderEmail(m, "fr"), en: renderEmail(m, "en") });

describe("renderEmail", () => {
  describe.each(ALL_TEMPLATES)("%s", (template) => {
    const message = s[template];

    it("writes different French and English texts, each in its language", () => {
      const { fr, en } = both(message);
      expect(fr.subject).not.toBe(en.subject);
      expect(fr.text).not.toBe(en.text);
      expect(fr.text).toContain("Bonjour,");
      expect(fr.text).toContain("Bien cordialement,");
      expect(en.text).toContain("Hello,");
      expect(en.text).toContain("Kind regards,");
      expect(fr.html).toContain('<html lang="fr">');
      expect(en.html).toContain('<html lang="en">');
    });

    it.each(LOCALES)("escapes the shop name in the HTML (%s) and keeps it as typed in the text", (locale) => {
      const out = renderEmail({ ...message, shopName: `Boutique ${SCRIPT}` }, locale);
      expect(out.html).not.toContain("<script>");
      expect(out.html).toContain("Boutique &lt;script&gt;alert(1)&lt;/script&gt;");
      expect(out.text).toContain(`Boutique ${SCRIPT}`);
      expect(out.subject).toContain(`Boutique ${SCRIPT}`);
    });
  });

  it("puts the one-click withdrawal link under the small print when asked, in both parts and languages", () => {
    const url = "https://vigie.example.com/consent/unsubscribe/eyJzIjoiYSJ9.mac?x=1&y=2";
    for (const template of ALL_TEMPLATES) {
      const fr = renderEmail(s[template], "fr", { unsubscribeUrl: url });
      const en = renderEmail(s[template], "en", { unsubscribeUrl: url });
      expect(fr.text, template).toContain(
        "Vous ne souhaitez pas recevoir la newsletter de la boutique iméra\u00a0? Désinscrivez-vous en un clic.\nMe désinscrire\u00a0: " +
          url,
      );
      expect(en.text, template).toContain(
        `Don't want the iméra newsletter? Unsubscribe in one click.\nUnsubscribe: ${url}`,
      );
      // After the signature and small print, as the last lines.
      expect(en.text.trimEnd().endsWith(url), template).toBe(true);
      expect(fr.html, template).toContain(`<a href="${url.replace("&", "&amp;")}"`);
      expect(fr.html, template).toContain(">Me désinscrire</a>");
      expect(en.html, template).toContain(">Unsubscribe</a>");
      // Without it, no such line.
      expect(renderEmail(s[template], "en").text, template).not.toContain("Unsubscribe");
    }
    expect(() =>
      renderEmail(s["consent.confirm"], "fr", { unsubscribeUrl: "javascript:alert(1)" }),
    ).toThrow();
  });

  it("puts the reference in the subject, text and HTML of every request e-mail", () => {
    for (const template of ALL_TEMPLATES.filter((t) => t.startsWith("request."))) {
      for (const locale of LOCALES) {
        const out = renderEmail(s[template], locale);
        expect(out.subject, `${template} ${locale}`).toContain(SAMPLE_REFERENCE);
        expect(out.text, `${template} ${locale}`).toContain(SAMPLE_REFERENCE);
        expect(out.html, `${template} ${locale}`).toContain(SAMPLE_REFERENCE);
      }
    }
  });

  it("acknowledgement: gives the type, the receipt and due dates in the locale, and the status link", () => {
    const { fr, en } = both(s["request.acknowledgement"]);
    expect(fr.text).toContain("Droit d'accès");
    expect(fr.text).toContain("Reçue le\u00a0: 26 novembre 2026");
    expect(fr.text).toContain("au plus tard le 28 décembre 2026");
    expect(fr.text).toContain("prolongé de deux mois");
    expect(en.text).toContain("Right of access");
    expect(en.text).toContain("Received on: 26 November 2026");
    expect(en.text).toContain("by 28 December 2026 at the latest");
    expect(en.text).toContain("extended by two further months");
    const link = s["request.acknowledgement"].statusUrl;
    expect(fr.text).toContain(`Suivre ma demande\u00a0: ${link}`);
    expect(en.html).toContain(`href="${link.replace("&", "&amp;")}"`);
    expect(fr.html).toContain('href="mailto:dpo@imera-paris.com"');
  });

  it("acknowledgement: without a DPO address, points to customer service instead", () => {
    const { dpoEmail: _, ...message } = s["request.acknowledgement"];
    const { fr, en } = both(message);
    expect(fr.text).toContain("contacter notre service client");
    expect(en.text).toContain("contact our customer service");
    expect(fr.html).not.toContain("mailto:");
  });

  it("identity code: shows the code and the one-click link, with the validity, but never in the subject", () => {
    const { fr, en } = both(s["request.identity_code"]);
    for (const out of [fr, en]) {
      expect(out.text).toContain("    482913");
      expect(out.html).toContain(">482913</p>");
      expect(out.subject).not.toContain("482913");
      expect(out.text).toContain(s["request.identity_code"].confirmUrl);
    }
    expect(fr.text).toContain("valable 30 minutes");
    expect(en.text).toContain("valid for 30 minutes");
    expect(renderEmail({ ...s["request.identity_code"], expiresInMinutes: 1 }, "en").text).toContain(
      "valid for 1 minute.",
    );
  });

  it("extension: cites art. 12(3), gives the new date and staff's reasons line by line", () => {
    const { fr, en } = both(s["request.extension"]);
    expect(fr.text).toContain("l'article 12, paragraphe 3, du RGPD");
    expect(fr.text).toContain("au plus tard le 26 février 2027");
    expect(en.text).toContain("Article 12(3) of the GDPR");
    expect(en.text).toContain("by 26 February 2027 at the latest");
    expect(fr.text).toContain(
      "> Vos commandes sont réparties sur trois systèmes.\n> Nous devons rapprocher les historiques.",
    );
    expect(en.html).toContain("trois systèmes.<br>Nous devons rapprocher");
  });

  it("answer: gives the summary, the download link and its expiry, and every legal hold", () => {
    const { fr, en } = both(s["request.answer"]);
    expect(fr.text).toContain("> Votre compte client a été supprimé.\n> Vous ne recevrez plus nos e-mails.");
    expect(fr.text).toContain(`Télécharger mes données\u00a0: ${s["request.answer"].downloadUrl}`);
    expect(fr.text).toContain("Ce lien expirera le 1er janvier 2027");
    expect(en.text).toContain("This link expires on 1 January 2027");
    expect(fr.text).toContain("article 17, paragraphe 3, point b, du RGPD");
    expect(en.text).toContain("GDPR Article 17(3)(b)");
    expect(fr.text).toContain(
      "- Factures — Code de commerce, art. L123-22, à conserver jusqu'au 31 décembre 2036",
    );
    expect(fr.text).toContain(
      "- Preuve de consentement — RGPD art. 7(1), à conserver jusqu'au 26 novembre 2031",
    );
    expect(en.text).toContain("- Factures — Code de commerce, art. L123-22, kept until 31 December 2036");
    expect(en.text).toContain("- Preuve de consentement — GDPR art. 7(1), kept until 26 November 2031");
    expect(en.html).toContain('<li style="margin:0 0 6px"><strong>Factures</strong>');
    expect(fr.text).toContain("https://www.cnil.fr/fr/plaintes");
    expect(en.text).toContain("https://www.cnil.fr/en/complaints");
    // An erasure's receipts, per system, with the date and the vendor's reference.
    expect(fr.text).toContain(
      "- Stripe — Client Stripe supprimé\u00a0; Moyens de paiement détachés, le 26 novembre 2026 (référence\u00a0: cus_Q1)",
    );
    expect(fr.text).toContain("- Mailchimp — Contact supprimé définitivement, le 27 novembre 2026\n");
    expect(en.text).toContain("Here is what was done, system by system:");
    expect(en.text).toContain("on 26 November 2026 (reference: cus_Q1)");
  });

  it("answer: says nothing of holds or downloads when there are none", () => {
    const {
      downloadUrl: _d,
      downloadExpiresOn: _e,
      holds: _h,
      erasure: _r,
      ...message
    } = s["request.answer"];
    const { fr, en } = both(message);
    expect(fr.text).not.toContain("17, paragraphe 3");
    expect(fr.text).not.toContain("Télécharger");
    expect(en.text).not.toContain("17(3)(b)");
    expect(en.text).not.toContain("Download");
    expect(en.text).not.toContain("system by system");
  });

  it("refusal: states the ground with its provision, staff's explanation and both remedies", () => {
    const { fr, en } = both(s["request.refusal"]);
    expect(fr.text).toContain("la demande est manifestement infondée ou excessive (RGPD art. 12(5))");
    expect(en.text).toContain("the request is manifestly unfounded or excessive (GDPR art. 12(5))");
    expect(fr.text).toContain("(droit à l'effacement)");
    expect(fr.text).toContain("> Cinquième demande identique ce mois-ci.");
    expect(fr.text).toContain("https://www.cnil.fr/fr/plaintes");
    expect(fr.text).not.toContain("https://www.cnil.fr/en/complaints");
    expect(fr.html).toContain('href="https://www.cnil.fr/fr/plaintes"');
    expect(fr.text).toContain("former un recours devant la juridiction compétente");
    expect(en.text).toContain("https://www.cnil.fr/en/complaints");
    expect(en.text).not.toContain("https://www.cnil.fr/fr/plaintes");
    expect(en.html).toContain('href="https://www.cnil.fr/en/complaints"');
    expect(en.text).toContain("seek a judicial remedy before the competent court");
  });

  it("refusal: cites the heir's provisions in words the reader knows", () => {
    const message = {
      ...s["request.refusal"],
      requestType: "heir_request" as const,
      ground: "requester_not_entitled" as const,
    };
    expect(renderEmail(message, "fr").text).toContain("(LIL art. 85-II\u00a0; décret 2019-536 art. 124)");
    expect(renderEmail(message, "en").text).toContain("(French Data Protection Act (LIL) art. 85-II");
  });

  it("closed unverified: explains how to start again and still gives the remedies (art. 12(4))", () => {
    const { fr, en } = both(s["request.closed_unverified"]);
    expect(fr.text).toContain("présenter une nouvelle demande");
    expect(fr.text).toContain("https://www.cnil.fr/fr/plaintes");
    expect(en.text).toContain("make a new request");
    expect(en.text).toContain("https://www.cnil.fr/en/complaints");
  });

  it("consent confirmation: links to the confirmation and repeats the wording agreed to", () => {
    const { fr, en } = both(s["consent.confirm"]);
    const m = s["consent.confirm"];
    expect(fr.text).toContain(`Confirmer mon inscription\u00a0: ${m.confirmUrl}`);
    expect(en.text).toContain(`Confirm my subscription: ${m.confirmUrl}`);
    expect(fr.text).toContain(`> ${m.wording}`);
    expect(en.html).toContain("J&#39;accepte de recevoir la newsletter d&#39;iméra");
    expect(fr.text).toContain("retirer votre consentement à tout moment");
  });

  it("payment check: lists each document asked for, warns that the order may be refused", () => {
    const { fr, en } = both(s["payment_check.documents"]);
    expect(fr.subject).toContain("#1042");
    expect(fr.text).toContain("- un justificatif d'identité");
    expect(fr.text).toContain("- un justificatif de l'adresse de facturation ou de livraison");
    expect(fr.text).toContain("- un justificatif du moyen de paiement utilisé");
    expect(fr.text).toContain("refuser votre commande");
    expect(en.text).toContain("- proof of identity");
    expect(en.text).toContain("we may have to refuse your order");
    expect(en.text).toContain(`Send my documents: ${s["payment_check.documents"].uploadUrl}`);
    expect(fr.text).toContain("masquez tous les chiffres sauf les quatre derniers");
  });

  it("payment check: asks to mask the card only when the means of payment is requested", () => {
    const message = { ...s["payment_check.documents"], documents: ["identity" as const] };
    const { fr } = both(message);
    expect(fr.text).not.toContain("quatre derniers");
    expect(fr.text).not.toContain("moyen de paiement");
  });

  it("escapes staff's texts and holds in the HTML", () => {
    const outs = [
      renderEmail({ ...s["request.extension"], reason: `Motif ${SCRIPT}` }, "fr"),
      renderEmail({ ...s["request.answer"], summary: `Résumé ${SCRIPT}` }, "en"),
      renderEmail(
        {
          ...s["request.answer"],
          holds: [{ what: SCRIPT, basis: `<b onclick="x">`, until: parseLocalDate("2030-01-01") }],
        },
        "fr",
      ),
      renderEmail({ ...s["request.refusal"], explanation: `Explication ${SCRIPT}` }, "en"),
      renderEmail({ ...s["consent.confirm"], wording: `Texte ${SCRIPT}` }, "fr"),
    ];
    for (const out of outs) {
      expect(out.html).not.toContain("<script>");
      expect(out.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(out.text).toContain(SCRIPT);
    }
    expect(outs[2]?.html).toContain("&lt;b onclick=&quot;x&quot;&gt;");
  });

  it("keeps the subject on one line whatever the shop name holds", () => {
    const out = renderEmail(
      { ...s["request.closed_unverified"], shopName: "iméra\r\nBcc: x@example.com" },
      "fr",
    );
    expect(out.subject).toBe("iméra Bcc\u00a0: x@example.com — Votre demande DR-2026-0042 a été close");
  });

  it("refuses a message that does not match its schema", () => {
    expect(() => renderEmail({ ...s["consent.confirm"], confirmUrl: "javascript:alert(1)" }, "fr")).toThrow();
    expect(() => renderEmail({ ...s["request.identity_code"], code: "12345" }, "fr")).toThrow();
    expect(() => renderEmail({ ...s["request.extension"], newDueOn: "2027-02-30" as never }, "en")).toThrow();
    expect(() => renderEmail({ ...s["payment_check.documents"], documents: [] }, "en")).toThrow();
  });
});
