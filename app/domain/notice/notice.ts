// The privacy notice shoppers read (GDPR art. 13–14), written from the record of processing and the
// processors register rather than typed: each section is the information an article asks for, in
// every shopper language (docs/decisions/083). Vigie's own sentences come from the catalogues'
// `privacyNotice` section; what the shop wrote in its register (French and English) is shown in the
// reader's language when the shop wrote it, else in the shop's, French, marked as such.
// Objection is shown apart from the other rights (art. 21(4)).
import type { ProcessorContent } from "~/domain/processing/processors";
import type { ActivityContent, Text } from "~/domain/processing/record";
import { basisLabel, formatPeriod } from "~/domain/processing/register";
import { LOCALES, type Locale, type ShopperLocale } from "~/i18n/locale";
import type { Messages } from "~/i18n/messages/en";
import { SHOPPER_CATALOGUES } from "~/i18n/translate";

/** A stretch of a line in another language than the notice's (`lang`), e.g. French in a German notice. */
export type NoticeRun = { text: string; lang?: ShopperLocale };
/** A line: plain text, or runs when part of it is in another language. */
export type NoticeLine = string | NoticeRun[];
export type NoticeSection = { id: string; heading: string; paragraphs: NoticeLine[]; items: NoticeLine[] };
export type Notice = { title: string; sections: NoticeSection[] };
/** A published version's notice per language; versions published before record 083 hold only fr and en. */
export type NoticeContent = Record<Locale, Notice> & Partial<Record<ShopperLocale, Notice>>;

export type NoticeInput = {
  shopName: string;
  /** The DPO's or privacy contact's address (art. 13(1)(a)–(b)). */
  contactEmail: string | null;
  /** The privacy centre's address on the storefront, where requests are filed. */
  privacyCentreUrl: string;
  activities: { content: ActivityContent }[];
  processors: { content: ProcessorContent; confirmed: boolean }[];
};

/** The shop's own language, shown where the shop wrote nothing in the reader's. */
const SHOP_LANGUAGE: Locale = "fr";

/** The language of the shop's register texts for a reader: theirs when the shop wrote it, else French. */
export function entryLocaleFor(locale: ShopperLocale): Locale {
  return (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : SHOP_LANGUAGE;
}

/** The notice a shopper reads from a version, and its language: theirs, else the shop's French (older versions). */
export function noticeFor(
  content: NoticeContent,
  locale: ShopperLocale,
): { notice: Notice; locale: ShopperLocale } {
  const notice = content[locale];
  return notice ? { notice, locale } : { notice: content[SHOP_LANGUAGE], locale: SHOP_LANGUAGE };
}

type NoticeTexts = Messages["privacyNotice"];
type Sentence = { [K in keyof NoticeTexts]: NoticeTexts[K] extends string ? K : never }[keyof NoticeTexts];
type Part = string | NoticeRun;

/** One line from parts: adjacent texts of one language merged; plain text when none is marked. */
function line(parts: Part[]): NoticeLine {
  const runs: NoticeRun[] = [];
  for (const part of parts) {
    const run = typeof part === "string" ? { text: part } : part;
    if (run.text === "") continue;
    const last = runs.at(-1);
    if (last && last.lang === run.lang) last.text += run.text;
    else runs.push({ ...run });
  }
  if (runs.every((run) => run.lang === undefined)) return runs.map((run) => run.text).join("");
  return runs.map((run) => (run.lang === undefined ? { text: run.text } : run));
}

/** `parts` lists joined by `separator`. */
const joined = (lists: Part[][], separator: string): Part[] =>
  lists.flatMap((parts, index) => (index === 0 ? parts : [separator, ...parts]));

/**
 * The notice in one language. Pure: the same record and registers give the same notice.
 * `entryLocale`: which of the shop's texts (French or English) to show (see entryLocaleFor).
 */
export function buildNotice(
  input: NoticeInput,
  locale: ShopperLocale,
  entryLocale: Locale = entryLocaleFor(locale),
): Notice {
  const t = SHOPPER_CATALOGUES[locale].privacyNotice;
  // What the shop wrote, marked with its language when it is not the reader's.
  // Company names are proper names, as typed: left unmarked.
  const e = (text: Text): Part =>
    entryLocale === locale ? text[entryLocale] : { text: text[entryLocale], lang: entryLocale };
  const fill = (key: Sentence, vars: Record<string, Part[]>): Part[] =>
    t[key]
      .split(/(\{\w+\})/)
      .flatMap((piece) => (/^\{\w+\}$/.test(piece) && vars[piece.slice(1, -1)]) || [piece]);
  const s = (key: Sentence, vars: Record<string, Part[]> = {}) => line(fill(key, vars));
  const section = (
    id: string,
    heading: string,
    paragraphs: NoticeLine[],
    items: NoticeLine[] = [],
  ): NoticeSection => ({ id, heading, paragraphs, items });
  // French typography: a no-break space before « : » and « ; ».
  const colon = locale === "fr" ? "\u00a0: " : ": ";
  const semicolon = locale === "fr" ? "\u00a0; " : "; ";
  const activities = input.activities.map(({ content }) => content);
  const purposes = activities.flatMap((activity) => activity.purposes);
  const interests = purposes.filter((purpose) => purpose.basis === "legitimate_interests");
  const transfers = input.processors.flatMap(({ content, confirmed }) =>
    content.transfers.map((transfer) => ({ transfer, company: e(content.name), confirmed })),
  );
  const automated = activities.filter((activity) => activity.automatedDecision[entryLocale].trim() !== "");
  const detail = (text: Text): Part[] => (text[entryLocale] ? [" — ", e(text)] : []);
  const sections: NoticeSection[] = [
    // Art. 13(1)(a)–(b).
    section("controller", t.controller, [
      s("controllerText", { shop: [input.shopName] }),
      input.contactEmail
        ? s("contact", { email: [input.contactEmail] })
        : s("noContact", { url: [input.privacyCentreUrl] }),
    ]),
    // Art. 13(1)(c).
    ...activities.map((activity, index) =>
      section(
        `purposes-${index}`,
        index === 0 ? t.purposes : "",
        [line([e(activity.name)])],
        activity.purposes.map((purpose) =>
          line([
            e(purpose.purpose),
            " — ",
            basisLabel(purpose.basis, locale),
            ...detail(purpose.basisDetail),
          ]),
        ),
      ),
    ),
    // Art. 13(1)(d).
    ...(interests.length > 0
      ? [
          section(
            "legitimate-interests",
            t.interests,
            [s("interestsIntro")],
            interests.map((purpose) => line([e(purpose.purpose), colon, e(purpose.legitimateInterest)])),
          ),
        ]
      : []),
    // Art. 13(1)(e).
    section(
      "recipients",
      t.recipients,
      [s("recipientsIntro")],
      input.processors.map(({ content }) =>
        line([e(content.name), ` (${t.roles[content.role]})`, colon, e(content.service)]),
      ),
    ),
    // Art. 13(1)(f): each transfer and its safeguard; one not yet confirmed says so.
    transfers.length === 0
      ? section("transfers", t.transfers, [s("noTransfers")])
      : section(
          "transfers",
          t.transfers,
          [s("transfersCopy")],
          transfers.map(({ transfer, company, confirmed }) =>
            line([
              e(transfer.destination),
              ", ",
              company,
              colon,
              ...(transfer.mechanism === "unknown"
                ? [t.mechanisms.unknown]
                : [
                    t.mechanisms[transfer.mechanism],
                    ...detail(transfer.detail),
                    confirmed ? "" : ` (${t.beingConfirmed})`,
                  ]),
            ]),
          ),
        ),
    // Art. 13(2)(a).
    section(
      "retention",
      t.retention,
      [],
      activities.map((activity) =>
        line([
          e(activity.name),
          colon,
          ...joined(
            activity.retention.map((entry) => [
              formatPeriod(entry, locale),
              ...(entry.note[entryLocale] ? [" (", e(entry.note), ")"] : []),
            ]),
            semicolon,
          ),
        ]),
      ),
    ),
    // Art. 13(2)(b): every right; objection apart (art. 21(4)).
    section(
      "rights",
      t.rights,
      [s("rightsIntro")],
      [s("access"), s("rectification"), s("erasure"), s("restriction"), s("portability")],
    ),
    section("objection", t.objection, [
      ...(interests.length > 0
        ? [
            s("objectionInterests", {
              purposes: joined(
                interests.map((purpose) => [e(purpose.purpose)]),
                semicolon,
              ),
            }),
          ]
        : []),
      s("objectionMarketing"),
    ]),
    // Art. 13(2)(c), 7(3).
    section("withdrawal", t.withdrawal, [s("withdrawalText")]),
    // Art. 13(2)(f), 22.
    ...(automated.length > 0
      ? [
          section("automated", t.automated, [
            ...automated.map((activity) => line([e(activity.name), colon, e(activity.automatedDecision)])),
            s("automatedSafeguards"),
          ]),
        ]
      : []),
    // Loi Informatique et Libertés art. 85.
    section("post-mortem", t.postMortem, [s("postMortemText")]),
    // Art. 13(2)(e).
    section("required", t.required, [s("requiredText")]),
    section("exercise", t.exercise, [
      s("exerciseText", {
        url: [input.privacyCentreUrl],
        email: input.contactEmail ? fill("exerciseEmail", { email: [input.contactEmail] }) : [],
      }),
    ]),
    // Art. 13(2)(d), 77.
    section("complaint", t.complaint, [s("complaintText")]),
  ];
  return { title: t.title, sections };
}

/** A line as plain text (what versions are compared on). */
export function lineText(text: NoticeLine): string {
  return typeof text === "string" ? text : text.map((run) => run.text).join("");
}

/** A line as runs, for those who write it out (a plain line is one run in the notice's language). */
export function lineRuns(text: NoticeLine): NoticeRun[] {
  return typeof text === "string" ? [{ text }] : text;
}

/** The notice as plain text, one line per heading, paragraph or item: what versions are compared on. */
export function noticeLines(notice: Notice): string[] {
  return [
    notice.title,
    ...notice.sections.flatMap((section) => [
      ...(section.heading ? [`## ${section.heading}`] : []),
      ...section.paragraphs.map(lineText),
      ...section.items.map((item) => `- ${lineText(item)}`),
    ]),
  ];
}
