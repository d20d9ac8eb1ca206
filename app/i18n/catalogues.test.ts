// Every catalogue of every language is complete (docs/decisions/061): the staff catalogues in
// French and English, the shoppers' part in each shopper language, and the locale files of both
// Shopify extensions. A key missing or left empty in any of them fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "./locale";
import { en } from "./messages/en";
import { SHOPPER_SECTIONS } from "./messages/shopper";
import { SHOPPER_CATALOGUES } from "./translate";

function leaves(node: unknown, prefix = ""): [string, unknown][] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? leaves(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/** The {name} (app) or {{name}} (Shopify) placeholders of a text, sorted. */
const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{\{?\s*(\w+)\s*\}?\}/g)].map((m) => m[1]).sort();

/** Reports every key of `reference` missing, empty or with other placeholders in `other`. */
function gaps(reference: unknown, other: unknown): string[] {
  const found = new Map(leaves(other));
  const expected = leaves(reference);
  const problems = expected.flatMap(([key, text]) => {
    const value = found.get(key);
    if (typeof value !== "string") return [`${key}: missing`];
    if (value.trim() === "") return [`${key}: empty`];
    const [want, got] = [placeholders(text), placeholders(value)];
    return want.join() === got.join() ? [] : [`${key}: placeholders ${got.join()} instead of ${want.join()}`];
  });
  const known = new Set(expected.map(([key]) => key));
  return [
    ...problems,
    ...[...found.keys()].filter((key) => !known.has(key)).map((key) => `${key}: not in English`),
  ];
}

describe("the shoppers' catalogues", () => {
  const reference = Object.fromEntries(SHOPPER_SECTIONS.map((section) => [section, en[section]]));
  it.each(SHOPPER_LOCALES)("%s has every shopper key, none empty, with the same placeholders", (locale) => {
    const catalogue = Object.fromEntries(
      SHOPPER_SECTIONS.map((section) => [section, SHOPPER_CATALOGUES[locale][section]]),
    );
    expect(gaps(reference, catalogue)).toEqual([]);
  });

  it("catches a key left out or empty", () => {
    const broken = structuredClone(reference) as unknown as { shopper: { mail: Record<string, unknown> } };
    delete broken.shopper.mail.greeting;
    broken.shopper.mail.signOff = " ";
    expect(gaps(reference, broken)).toEqual([
      "shopper.mail.greeting: missing",
      "shopper.mail.signOff: empty",
    ]);
  });
});

const EXTENSIONS = join(__dirname, "../../extensions");

// The checkout box and the theme blocks speak every shopper language (docs/decisions/061).
describe.each([
  ["newsletter-consent", SHOPPER_LOCALES],
  ["privacy-center", SHOPPER_LOCALES],
] as const)("the %s extension's locale files", (extension, required) => {
  const folder = join(EXTENSIONS, extension, "locales");
  const files = readdirSync(folder);
  const read = (file: string) => JSON.parse(readFileSync(join(folder, file), "utf8"));
  const languages = files.filter((f) => !f.includes(".schema.")).map((f) => f.split(".")[0] as string);

  it("exist for each language they must speak, and only for shopper languages", () => {
    expect(languages.filter((l) => (required as readonly string[]).includes(l)).sort()).toEqual(
      [...required].sort(),
    );
    for (const language of languages) expect(SHOPPER_LOCALES as readonly string[]).toContain(language);
  });

  it.each(languages.filter((l) => l !== "en"))("%s has every key of English, none empty", (locale) => {
    for (const kind of ["", ".schema"]) {
      const reference = `en.default${kind}.json`;
      // The theme editor's strings (*.schema.json) are the merchant's: French and English only.
      const own = `${locale}${kind}.json`;
      if (!files.includes(reference) || (kind === ".schema" && !["fr", "en"].includes(locale))) continue;
      expect(gaps(read(reference), read(own)), own).toEqual([]);
    }
  });
});
