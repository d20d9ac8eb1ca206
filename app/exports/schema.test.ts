import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ArchiveSubjectSchema,
  ENTRY,
  EXPORT_SCHEMA_VERSION,
  ManifestEntrySchema,
  ManifestSchema,
  PortabilityFileSchema,
  SectionCountSchema,
  SectionNameSchema,
  SystemFileSchema,
} from "./schema";
import { SECTION_INFO } from "./section-info";

const DOC = readFileSync(path.resolve(__dirname, "../../docs/export-schema.md"), "utf8");

describe("the export schema", () => {
  it("has every JSON field named in docs/export-schema.md", () => {
    const shapes = [
      SystemFileSchema.shape,
      SystemFileSchema.shape.records.element.shape,
      PortabilityFileSchema.shape,
      ManifestSchema.shape,
      ManifestSchema.shape.systems.valueType.shape,
      ManifestSchema.shape.csv.element.shape,
      ArchiveSubjectSchema.shape,
      SectionCountSchema.shape,
      ManifestEntrySchema.shape,
    ];
    const fields = [...new Set(shapes.flatMap((shape) => Object.keys(shape)))];

    expect(fields.length).toBeGreaterThan(15);
    expect(fields.filter((field) => !DOC.includes(`"${field}"`))).toEqual([]);
    expect(DOC).toContain(`"${EXPORT_SCHEMA_VERSION}"`);
  });

  it("has every entry name in docs/export-schema.md", () => {
    const names = [
      ENTRY.readme,
      ENTRY.manifest,
      ENTRY.portability,
      ENTRY.system("<system>" as "shopify"),
      ENTRY.csv("<system>" as "shopify", "<section>"),
    ];

    expect(names.filter((name) => !DOC.includes(`\`${name}\``))).toEqual([]);
  });

  it("documents exactly the known sections, with their CSV flag", () => {
    const documented = [...DOC.matchAll(/^\| (\w+) \| `(\w+)` \| (yes|no) \|/gm)].map(
      ([, system, section, csv]) => `${system}/${section}/${csv}`,
    );
    const known = Object.entries(SECTION_INFO).flatMap(([system, sections]) =>
      Object.entries(sections).map(
        ([section, info]) => `${system}/${section}/${info.columns ? "yes" : "no"}`,
      ),
    );

    expect(documented).toEqual(known);
    expect(known.every((key) => SectionNameSchema.safeParse(key.split("/")[1]).success)).toBe(true);
  });

  it("documents every CSV table's columns, in their order", () => {
    const documented = [...DOC.matchAll(/^\| `csv\/(\w+)-(\w+)\.csv` \| (.+) \|$/gm)].map(
      ([, system, section, columns]) => `${system}/${section}: ${columns?.replaceAll("`", "")}`,
    );
    const known = Object.entries(SECTION_INFO).flatMap(([system, sections]) =>
      Object.entries(sections).flatMap(([section, info]) =>
        info.columns ? [`${system}/${section}: ${info.columns.join(", ")}`] : [],
      ),
    );

    expect(known).toHaveLength(8);
    expect(documented).toEqual(known);
  });
});
