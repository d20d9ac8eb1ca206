import { describe, expect, it } from "vitest";
import { PROCESSOR_DRAFTS } from "~/domain/processing/processors";
import { ACTIVITY_DRAFTS } from "~/domain/processing/register";
import type { ShopperLocale } from "~/i18n/locale";
import { SHOPPER_CATALOGUES } from "~/i18n/translate";
import { diffLines } from "./diff";
import { buildNotice, lineRuns, type Notice, type NoticeInput, noticeFor, noticeLines } from "./notice";
import { noticeHtml } from "./notice-html";

const input = (overrides: Partial<NoticeInput> = {}): NoticeInput => ({
  shopName: "iméra",
  contactEmail: "contact@imera-paris.com",
  privacyCentreUrl: "https://imera-paris.myshopify.com/apps/privacy",
  activities: ACTIVITY_DRAFTS.map((draft) => ({
    content: draft.content({
      shopName: "iméra",
      retention: { customerYearsAfterLastOrder: 10, prospectYears: 3 },
    }),
  })),
  processors: PROCESSOR_DRAFTS.map(({ content }) => ({ content, confirmed: false })),
  ...overrides,
});
const text = (locale: ShopperLocale, overrides?: Partial<NoticeInput>) =>
  noticeLines(buildNotice(input(overrides), locale)).join("\n");
const section = (locale: ShopperLocale, id: string) =>
  buildNotice(input(), locale).sections.find((s) => s.id === id);

describe("buildNotice", () => {
  it("names the controller and the DPO's contact (art. 13(1)(a)–(b))", () => {
    expect(section("fr", "controller")?.paragraphs).toEqual([
      "iméra est responsable du traitement de vos données personnelles.",
      "Pour toute question sur vos données, écrivez à notre délégué à la protection des données\u00a0: contact@imera-paris.com.",
    ]);
    expect(text("en", { contactEmail: null })).toContain(
      "write to us from our privacy centre: https://imera-paris.myshopify.com/apps/privacy",
    );
  });

  it("gives each purpose with its basis, and the legitimate interests pursued (art. 13(1)(c)–(d))", () => {
    const en = text("en");
    expect(en).toContain(
      "- Keeping accounting records — Legal obligation (art. 6(1)(c)) — French Commercial Code art. L123-22",
    );
    expect(section("en", "legitimate-interests")?.items).toContain(
      "Assessing each transaction's fraud risk (Stripe Radar), supporting documents asked for when in doubt: Protecting the shop and its customers against fraudulent use of lost or stolen payment means",
    );
  });

  it("names recipients, and each transfer with its safeguard, unconfirmed ones as being checked (art. 13(1)(e)–(f))", () => {
    const items = section("en", "transfers")?.items ?? [];
    expect(items).toContain(
      "United States (Stripe, Inc.), Stripe Payments Europe, Limited: European Commission adequacy decision (art. 45) — EU–US Data Privacy Framework adequacy decision of 10 July 2023, for a certified company: check the certification on dataprivacyframework.gov (being checked)",
    );
    expect(items).toContain(
      "United States (Shopify Inc. and its processors), Shopify International Limited: safeguard being checked",
    );
    expect(section("fr", "recipients")?.items).toContain(
      "Banques et établissements de crédit (destinataire traitant pour son propre compte)\u00a0: Exécution des paiements, recouvrement",
    );
    // A category of recipients is named in the notice's language (a company, as in its contract).
    const english = section("en", "recipients")?.items ?? [];
    expect(english).toContain("Carriers (processor acting on our behalf): Carrying and delivering parcels");
    expect(english.join("\n")).not.toMatch(/Transporteurs|Banques|Régies|Réseaux/);
    const confirmed = buildNotice(
      input({
        processors: PROCESSOR_DRAFTS.filter((d) => d.key === "stripe").map(({ content }) => ({
          content,
          confirmed: true,
        })),
      }),
      "en",
    );
    expect(confirmed.sections.find((s) => s.id === "transfers")?.items[0]).not.toContain("being checked");
    expect(text("en", { processors: [] })).toContain(
      "Your data is not transferred outside the European Economic Area.",
    );
  });

  it("states retention from the record (art. 13(2)(a)): the demo shop's 10 years stand as it keeps them", () => {
    expect(section("fr", "retention")?.items).toContain(
      "Prospection commerciale par e-mail\u00a0: 3 ans après le dernier contact (prospects qui n'ont jamais commandé)\u00a0; 10 ans après la dernière commande (clients)\u00a0; 5 ans après la fin du consentement (preuves de consentement)",
    );
  });

  it("lists every right, restriction included, with objection in a section of its own (art. 13(2)(b), 21(4))", () => {
    const rights = section("en", "rights")?.items.join("\n") ?? "";
    for (const article of ["art. 15", "art. 16", "art. 17", "art. 18", "art. 20"])
      expect(rights).toContain(article);
    expect(rights).not.toContain("art. 21");
    const objection = section("en", "objection")?.paragraphs ?? [];
    expect(objection[0]).toMatch(
      /^You can object at any time, on grounds relating to your particular situation/,
    );
    expect(objection[0]).toContain("Traffic statistics, cleaning, enriching and de-duplicating files");
    expect(objection[1]).toContain(
      "without giving reasons, to the use of your data for marketing (art. 21(2) and (3))",
    );
  });

  it("tells of withdrawal, the fraud check's safeguards, post-mortem directives and the complaint to the CNIL", () => {
    const fr = text("fr");
    expect(fr).toContain("aussi simplement que vous l'avez donné");
    expect(section("en", "automated")?.paragraphs.at(-1)).toBe(
      "You can obtain human intervention, give your point of view and contest the decision (art. 22(3)).",
    );
    expect(fr).toContain("loi Informatique et Libertés, art. 85");
    expect(fr).toContain("réclamation à la CNIL");
    expect(text("en", { activities: input().activities.filter((_, i) => i !== 1) })).not.toContain(
      "## Automated decisions",
    );
  });

  it("is written in both languages with the same sections", () => {
    const ids = (locale: "fr" | "en") => buildNotice(input(), locale).sections.map((s) => s.id);
    expect(ids("fr")).toEqual(ids("en"));
    expect(text("fr")).not.toBe(text("en"));
    expect(text("fr")).not.toMatch(/ [:;?!]/);
  });
});

describe("the notice in German, Spanish and Italian (docs/decisions/083)", () => {
  /** Every text of a notice Vigie wrote itself: title, headings, and the lines' unmarked runs. */
  const vigieTexts = (notice: Notice) => [
    notice.title,
    ...notice.sections.flatMap((s) => [
      s.heading,
      ...[...s.paragraphs, ...s.items].flatMap((line) =>
        lineRuns(line)
          .filter((run) => run.lang === undefined)
          .map((run) => run.text),
      ),
    ]),
  ];
  /** The French and English notice texts, cut at their placeholders; short bits ("mois") left out. */
  const leaves = (node: object): string[] =>
    Object.values(node).flatMap((value) => (typeof value === "string" ? [value] : leaves(value)));
  const sentences = (locale: "fr" | "en") =>
    leaves(SHOPPER_CATALOGUES[locale].privacyNotice)
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((piece) => piece.trim())
      .filter((piece) => piece.length >= 10);

  it.each(["de", "es", "it"] as const)(
    "%s has every section, none of Vigie's sentences left in French or English",
    (locale) => {
      const notice = buildNotice(input(), locale);
      const ids = (l: ShopperLocale) => buildNotice(input(), l).sections.map((s) => s.id);
      expect(ids(locale)).toEqual(ids("fr"));
      const own = vigieTexts(notice).join("\n");
      expect(sentences("fr").length).toBeGreaterThan(50);
      for (const sentence of [...sentences("fr"), ...sentences("en")]) expect(own).not.toContain(sentence);
      // Every heading is written.
      expect(notice.sections.filter((s) => !s.id.startsWith("purposes-")).every((s) => s.heading)).toBe(true);
    },
  );

  it("speaks each language's legal terms, formally", () => {
    expect(text("de")).toContain(
      "iméra ist Verantwortlicher für die Verarbeitung Ihrer personenbezogenen Daten.",
    );
    expect(
      section("de", "recipients")?.items.map((item) =>
        lineRuns(item)
          .map((r) => r.text)
          .join(""),
      ),
    ).toContain(
      "Shopify International Limited (Auftragsverarbeiter, der in unserem Auftrag handelt): Plateforme de la boutique\u00a0: commandes, comptes clients, paiements Shopify",
    );
    expect(text("de")).toContain("Berechtigtes Interesse (Art. 6(1)(f))");
    expect(text("de")).toContain("10 Jahre nach der letzten Bestellung");
    // Sie, never du (the shop's French "du risque" aside).
    expect(vigieTexts(buildNotice(input(), "de")).join("\n")).not.toMatch(/\b(du|dich|dir|dein\w*)\b/i);
    expect(text("es")).toContain("iméra es el responsable del tratamiento de sus datos personales.");
    expect(text("es")).toContain("encargado del tratamiento que actúa por nuestra cuenta");
    expect(text("es")).toContain("la supresión de sus datos (art. 17)");
    expect(text("it")).toContain("iméra è il titolare del trattamento dei Suoi dati personali.");
    expect(text("it")).toContain("responsabile del trattamento che agisce per nostro conto");
    expect(text("it")).toContain("3 anni dall'ultimo contatto");
  });

  it('shows what the shop wrote in French, marked lang="fr" in the HTML; the French notice marks nothing', () => {
    const de = buildNotice(input(), "de");
    const marked = de.sections.flatMap((s) =>
      [...s.paragraphs, ...s.items].flatMap((line) => lineRuns(line).filter((run) => run.lang)),
    );
    expect(new Set(marked.map((run) => run.lang))).toEqual(new Set(["fr"]));
    expect(de.sections.find((s) => s.id === "purposes-0")?.paragraphs).toEqual([
      [{ text: "Gestion des commandes et service client", lang: "fr" }],
    ]);
    const html = noticeHtml(de, "Version 1");
    expect(html).toContain('<p><span lang="fr">Gestion des commandes et service client</span></p>');
    expect(html).toContain(
      '<li><span lang="fr">Conservation des pièces comptables</span> — Rechtliche Verpflichtung (Art. 6(1)(c)) — <span lang="fr">Code de commerce art. L123-22</span></li>',
    );
    // The shop's English texts are the English reader's: nothing to mark.
    for (const locale of ["fr", "en"] as const)
      expect(noticeHtml(buildNotice(input(), locale), "V")).not.toContain("lang=");
    // The shop's English, when asked for, is marked as such.
    expect(buildNotice(input(), "de", "en").sections[1]?.paragraphs[0]).toEqual([
      { text: "Orders and customer service", lang: "en" },
    ]);
  });

  it("reads a version published in French and English only in French for the other languages", () => {
    const [fr, en, de] = (["fr", "en", "de"] as const).map((l) => buildNotice(input(), l));
    if (!fr || !en || !de) throw new Error("no notice");
    expect(noticeFor({ fr, en }, "de")).toEqual({ notice: fr, locale: "fr" });
    expect(noticeFor({ fr, en }, "en")).toEqual({ notice: en, locale: "en" });
    expect(noticeFor({ fr, en, de }, "de")).toEqual({ notice: de, locale: "de" });
  });
});

describe("diffLines", () => {
  it("keeps common lines and shows what was removed and added, in order", () => {
    expect(diffLines(["a", "b", "c", "d"], ["a", "c", "x", "d", "e"])).toEqual([
      { op: "same", text: "a" },
      { op: "removed", text: "b" },
      { op: "same", text: "c" },
      { op: "added", text: "x" },
      { op: "same", text: "d" },
      { op: "added", text: "e" },
    ]);
    expect(diffLines([], ["a"])).toEqual([{ op: "added", text: "a" }]);
    expect(diffLines(["a"], [])).toEqual([{ op: "removed", text: "a" }]);
  });
});
