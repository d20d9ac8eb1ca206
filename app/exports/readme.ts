// README.html: the page a shopper opens first. Pure: it gets the counts and file names the writer
// saw, never record data, and escapes every value (shop name, reference, e-mail) it prints. A
// Content-Security-Policy forbids scripts and outside resources, so the page stays inert offline.
import type { LocalDate } from "~/domain/deadlines/local-date";
import type { SystemName } from "~/domain/systems";
import { spellLocalDate } from "~/i18n/format-date";
import { escapeHtml } from "~/mail/format";
import { README_LABELS as LABELS } from "./readme-labels";
import { type ArchiveLocale, type ArchiveSubject, ENTRY, type SectionCount } from "./schema";
import { sectionInfo } from "./section-info";
import { SYSTEM_INFO, type Text } from "./system-info";

/** What the README describes: one block per system, in archive order. */
export type ReadmeInput = {
  locale: ArchiveLocale;
  subject: ArchiveSubject;
  generatedAt: Date;
  retention: { customerYearsAfterLastOrder: number; prospectYears: number };
  /** Where the shopper exercises their rights (the DPO contact); omitted when unknown. */
  contactEmail: string | null;
  /** Orders older than 60 days could not be read from Shopify (docs/decisions/047). */
  shopifyOrdersRecentOnly?: boolean;
  systems: {
    system: SystemName;
    file: string;
    sections: ({ section: string } & SectionCount)[];
    csv: { section: string; path: string }[];
  }[];
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right}code{font-size:.95em}.meta{color:#555}`;

/** Builds the self-contained README page in the requested language. */
export function buildReadme(input: ReadmeInput): string {
  const { locale } = input;
  const labels = LABELS;
  const vars: Record<string, string> = {
    shop: input.subject.shopName,
    customerYears: String(input.retention.customerYearsAfterLastOrder),
    prospectYears: String(input.retention.prospectYears),
  };
  // Texts are filled first, then escaped as a whole: no template holds markup. Values inserted in
  // a text are filled too (a system's name names the shop); raw values go through escapeHtml alone.
  const t = (text: Text, extra: Record<string, string> = {}) => {
    const values = { ...vars };
    for (const [key, value] of Object.entries(extra)) values[key] = fill(value, vars);
    return escapeHtml(fill(text[locale], values));
  };
  const colon = labels.colon[locale];
  const iso = input.generatedAt.toISOString();
  const when = `${spellLocalDate(iso.slice(0, 10) as LocalDate, locale)}, ${iso.slice(11, 16)} UTC`;

  const meta = [
    `${t(labels.reference)}${colon}${escapeHtml(input.subject.reference)}`,
    input.subject.email ? `${t(labels.email)}${colon}${escapeHtml(input.subject.email)}` : null,
    `${t(labels.generatedAt)}${colon}${escapeHtml(when)}`,
  ].filter((line) => line !== null);

  const files: [string, string][] = [
    [ENTRY.readme, t(labels.files.readme)],
    ...input.systems.flatMap(({ system, file, csv }): [string, string][] => [
      [file, t(labels.files.system, { system: SYSTEM_INFO[system].name[locale] })],
      ...csv.map(({ section, path }): [string, string] => [
        path,
        t(labels.files.csv, { section, system: SYSTEM_INFO[system].name[locale] }),
      ]),
    ]),
    [ENTRY.portability, t(labels.files.portability)],
    [ENTRY.manifest, t(labels.files.manifest)],
  ];

  const systemBlocks = input.systems.map(({ system, sections, file }) => {
    const info = SYSTEM_INFO[system];
    const rows = sections.map(({ section, records, provided }) => {
      const sources = [
        provided > 0 ? `${t(labels.you)}${colon}${provided}` : null,
        records > provided ? `${t(info.recordedBy)}${colon}${records - provided}` : null,
      ].filter((source) => source !== null);
      return `<tr><td><code>${escapeHtml(section)}</code></td><td>${t(sectionInfo(system, section).description)}</td><td class="n">${records}</td><td class="n">${provided}</td><td>${sources.join("<br>")}</td></tr>`;
    });
    const table =
      rows.length === 0
        ? `<p>${t(labels.nothingHeld)}</p>`
        : `<table><thead><tr>${labels.sectionColumns.map((c) => `<th>${t(c)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
    const purposes = info.purposes
      .map(({ purpose, basis }) => `<li>${t(purpose)}. <em>${t(basis)}</em>.</li>`)
      .join("");
    return [
      `<section id="system-${system}">`,
      `<h2>${t(info.name)}</h2>`,
      `<p>${t(info.holds)} ${t(labels.seeFile)} <code>${escapeHtml(file)}</code>.</p>`,
      ...(system === "shopify" && input.shopifyOrdersRecentOnly
        ? [`<p id="older-orders-unread"><strong>${t(labels.olderOrdersUnread)}</strong></p>`]
        : []),
      table,
      // GDPR art. 15(1)(a) purposes, (c) recipients, (d) retention, (g) source, (h) automated decisions.
      `<h3>${t(labels.purposes)}</h3><ul>${purposes}</ul>`,
      `<h3>${t(labels.retention)}</h3><p>${t(info.retention)}</p>`,
      `<h3>${t(labels.recipients)}</h3><p>${t(info.recipients)}</p>`,
      `<h3>${t(labels.sources)}</h3><p>${t(info.sources)}</p>`,
      info.automatedDecision
        ? `<h3>${t(labels.automatedDecision)}</h3><p>${t(info.automatedDecision)}</p>`
        : "",
      "</section>",
    ].join("\n");
  });

  const contact = input.contactEmail
    ? t(labels.rights.contact, { contact: input.contactEmail })
    : t(labels.rights.contactShop);

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${t(labels.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${t(labels.title)}</h1>
<p class="meta">${meta.join("<br>")}</p>
<p>${t(labels.intro)}</p>
<p>${t(labels.portability)}</p>
<p>${t(labels.spreadsheets)}</p>
<h2>${t(labels.contents)}</h2>
<table><thead><tr><th>${t(labels.fileColumn)}</th><th>${t(labels.contentColumn)}</th></tr></thead><tbody>
${files.map(([path, text]) => `<tr><td><code>${escapeHtml(path)}</code></td><td>${text}</td></tr>`).join("\n")}
</tbody></table>
${systemBlocks.join("\n")}
<h2>${t(labels.rights.title)}</h2>
<p>${t(labels.rights.text)}</p>
<p>${contact}</p>
<p>${t(labels.rights.complaint)}</p>
</main>
</body>
</html>
`;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => vars[name] ?? match);
}
