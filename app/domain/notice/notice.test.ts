import { describe, expect, it } from "vitest";
import { PROCESSOR_DRAFTS } from "~/domain/processing/processors";
import { ACTIVITY_DRAFTS } from "~/domain/processing/register";
import { diffLines } from "./diff";
import { buildNotice, type NoticeInput, noticeLines } from "./notice";

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
const text = (locale: "fr" | "en", overrides?: Partial<NoticeInput>) =>
  noticeLines(buildNotice(input(overrides), locale)).join("\n");
const section = (locale: "fr" | "en", id: string) =>
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
