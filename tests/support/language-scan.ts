// One language per screen (docs/decisions/054): finds, in a text a French or English reader is
// shown, the other language's tell-tale words, raw identifiers (field names, codes, database ids)
// and, in French, the missing no-break space before « : ; ! ? ». Used on every admin page in
// Chromium (tests/e2e/dashboard.e2e.test.ts) and on every e-mail (tests/integration/language.test.ts).
import type { Locale } from "~/i18n/locale";

export type Finding = { rule: string; match: string; context: string };

// Words that only the other language uses, chosen so that names and numbers never match them.
const TELLS: Record<Locale, { rule: string; pattern: RegExp }[]> = {
  // Shown on French screens, these are English.
  fr: [
    { rule: "english", pattern: /\b(the|and|of|with|your|this|is|are|was|not|from)\b/g },
    {
      rule: "english",
      pattern:
        /\b(years?|months?|days?|request|requests|applied|failed|pending|done|skipped|erased|deleted|kept|error|GDPR|not met|unknown|none|yes|no)\b/g,
    },
  ],
  // Shown on English screens, these are French.
  en: [
    { rule: "french", pattern: /\b(et|les|des|du|une|pour|avec|vous|votre|nous|sont|est|été)\b/g },
    { rule: "french", pattern: /\b(ans|mois|jours|demandes?|données|appliqué|échec|effacé|RGPD)\b/g },
  ],
};

// Proper nouns and names of laws that stay in their language on both screens.
const ALLOWED = [
  /Code de commerce/g,
  /Loi (n° 78-17 du 6 janvier 1978 )?Informatique et Libertés/g,
  /décret 2019-536/g,
  /Journal officiel/g,
  /Commission nationale de l'informatique et des libertés/g,
  /\bDR-\d{4}-\d{4,}\b/g,
];

// Raw identifiers: camelCase field names, snake_case codes, dotted codes, database ids.
const RAW: { rule: string; pattern: RegExp }[] = [
  { rule: "camelCase", pattern: /\b[a-z]+(?:[A-Z][a-z0-9]+)+\b/g },
  { rule: "snake_case", pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { rule: "dotted code", pattern: /\b[a-z]{2,}(?:\.[a-z_-]{2,})+\b(?![@/])/g },
  { rule: "database id", pattern: /\bc[a-z0-9]{20,31}\b/g },
];
// Tokens that look like identifiers but are words or names people use.
const RAW_ALLOWED = new Set(["iPhone", "eBay", "myshopify.com", "example.com", "example.fr", "shopify.com"]);

/** Addresses, links and file names, which keep their own spelling. */
function withoutAddresses(text: string): string {
  return text
    .replace(/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, " ")
    .replace(/\bhttps?:\/\/\S+/g, " ")
    .replace(/\b(?:[\w-]+\.)+(?:com|fr|gov|org|eu|io|net|csv|zip|json|pdf|png|jpg)\b/g, " ");
}

function around(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 40), index + length + 40)
    .replace(/\s+/g, " ")
    .trim();
}

/** Everything in `text` that a reader of `locale` should not meet. */
export function scanText(text: string, locale: Locale): Finding[] {
  let clean = withoutAddresses(text);
  for (const allowed of ALLOWED) clean = clean.replace(allowed, " ");
  const findings: Finding[] = [];
  for (const { rule, pattern } of TELLS[locale]) {
    for (const m of clean.matchAll(pattern)) {
      findings.push({ rule, match: m[0], context: around(clean, m.index ?? 0, m[0].length) });
    }
  }
  for (const { rule, pattern } of RAW) {
    for (const m of clean.matchAll(pattern)) {
      if (RAW_ALLOWED.has(m[0])) continue;
      findings.push({ rule, match: m[0], context: around(clean, m.index ?? 0, m[0].length) });
    }
  }
  if (locale === "fr") {
    // A plain space, or none, before a high punctuation mark; a plain space inside « ».
    for (const m of clean.matchAll(/(?:\p{L}|\)| )[;:!?](?=\s|$)|« | »/gu)) {
      findings.push({ rule: "typography", match: m[0], context: around(clean, m.index ?? 0, m[0].length) });
    }
    // "de iméra" is "d'iméra".
    for (const m of clean.matchAll(/(?<![\p{L}'’-])(de|le|que) [aeiouyàâéèêîïôûœ]/giu)) {
      findings.push({ rule: "elision", match: m[0], context: around(clean, m.index ?? 0, m[0].length) });
    }
  }
  return findings;
}

/** The findings as lines, for a readable assertion message. */
export function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}: «${f.match}» in “${f.context}”`);
}
