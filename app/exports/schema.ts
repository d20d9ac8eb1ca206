// The archive's machine-readable contract, documented in docs/export-schema.md: entry names and the
// shape of every JSON entry. The writer builds to it and the tests read the archive back through it,
// so the document, the code and the files a shopper receives cannot drift apart unnoticed.
import { z } from "zod";
import { SYSTEMS, type SystemName } from "~/domain/systems";
import { SHOPPER_LOCALES } from "~/i18n/locale";

/** Written in every JSON entry; bumped only with a new decision record. */
export const EXPORT_SCHEMA_VERSION = "vigie.export.v1";

/** The systems an archive can hold, one `<system>.json` each. */
export const ArchiveSystemSchema = z.enum(SYSTEMS);

/** The README's languages: every shopper language (docs/decisions/061). */
export const ARCHIVE_LOCALES = SHOPPER_LOCALES;
export const ArchiveLocaleSchema = z.enum(ARCHIVE_LOCALES);
export type ArchiveLocale = z.infer<typeof ArchiveLocaleSchema>;

/**
 * A section name as connectors emit it ("orders", "payment_intents"). It becomes part of entry
 * names (`csv/stripe-charges.csv`), so it is held to a safe alphabet: no path tricks, no spaces.
 */
export const SectionNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);

/** Entry names inside the zip. */
export const ENTRY = {
  readme: "README.html",
  manifest: "manifest.json",
  portability: "portability.json",
  system: (system: SystemName) => `${system}.json`,
  csv: (system: SystemName, section: string) => `csv/${system}-${section}.csv`,
} as const;

/** Who the archive is about, as written at the top of every JSON entry. */
export const ArchiveSubjectSchema = z.strictObject({
  /** The rights request's reference, which the shopper can quote when writing back. */
  reference: z.string().min(1),
  email: z.string().nullable(),
  shopName: z.string().min(1),
});
export type ArchiveSubject = z.infer<typeof ArchiveSubjectSchema>;

/** An object that is not an array: what a record's `data` must be. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const PlainObjectSchema = z.custom<Record<string, unknown>>(isPlainObject, { message: "expected an object" });

/** One record as a connector streams it (`ExportRecord`), checked as it enters the writer. */
export const IncomingRecordSchema = z.object({
  section: SectionNameSchema,
  data: PlainObjectSchema,
  provided: z.boolean(),
});

/** How many records a section holds, and how many of them the shopper provided (art. 20). */
export const SectionCountSchema = z.strictObject({
  records: z.number().int().nonnegative(),
  provided: z.number().int().nonnegative(),
});
export type SectionCount = z.infer<typeof SectionCountSchema>;

const IsoDateTimeSchema = z.iso.datetime();

/** `<system>.json`: everything one system holds (art. 15), records in the order the system gave them. */
export const SystemFileSchema = z.strictObject({
  schema: z.literal(EXPORT_SCHEMA_VERSION),
  kind: z.literal("system"),
  system: ArchiveSystemSchema,
  generatedAt: IsoDateTimeSchema,
  subject: ArchiveSubjectSchema,
  records: z.array(
    z.strictObject({
      section: SectionNameSchema,
      provided: z.boolean(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  counts: z.record(SectionNameSchema, SectionCountSchema),
});
export type SystemFile = z.infer<typeof SystemFileSchema>;

/** `portability.json`: only what the shopper provided (art. 20), by system, then by section. */
export const PortabilityFileSchema = z.strictObject({
  schema: z.literal(EXPORT_SCHEMA_VERSION),
  kind: z.literal("portability"),
  generatedAt: IsoDateTimeSchema,
  subject: ArchiveSubjectSchema,
  systems: z.partialRecord(
    ArchiveSystemSchema,
    z.record(SectionNameSchema, z.array(z.record(z.string(), z.unknown()))),
  ),
});
export type PortabilityFile = z.infer<typeof PortabilityFileSchema>;

/** One entry of the archive with the SHA-256 of its (uncompressed) bytes, computed while streaming. */
export const ManifestEntrySchema = z.strictObject({
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** `manifest.json`: the last entry; it lists every other entry, never itself. */
export const ManifestSchema = z.strictObject({
  schema: z.literal(EXPORT_SCHEMA_VERSION),
  kind: z.literal("manifest"),
  generatedAt: IsoDateTimeSchema,
  locale: ArchiveLocaleSchema,
  subject: ArchiveSubjectSchema,
  systems: z.partialRecord(
    ArchiveSystemSchema,
    z.strictObject({
      file: z.string().min(1),
      sections: z.record(SectionNameSchema, SectionCountSchema),
    }),
  ),
  csv: z.array(
    z.strictObject({
      path: z.string().min(1),
      system: ArchiveSystemSchema,
      section: SectionNameSchema,
      rows: z.number().int().nonnegative(),
    }),
  ),
  entries: z.array(ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The writer's scalar options, checked before anything is written. */
export const ArchiveHeaderSchema = z.object({
  subject: ArchiveSubjectSchema,
  locale: ArchiveLocaleSchema,
  generatedAt: z.date().refine((date) => !Number.isNaN(date.getTime()), "invalid date"),
  systems: z
    .array(ArchiveSystemSchema)
    .refine((systems) => new Set(systems).size === systems.length, "each system at most once"),
  retention: z
    .strictObject({
      customerYearsAfterLastOrder: z.number().int().min(1).max(30),
      prospectYears: z.number().int().min(1).max(10),
    })
    .default({ customerYearsAfterLastOrder: 10, prospectYears: 3 }),
  contactEmail: z.string().min(1).nullable().default(null),
  /** Shopify let the shop read only the last 60 days of orders (no read_all_orders): the README says so. */
  shopifyOrdersRecentOnly: z.boolean().default(false),
});
export type ArchiveHeader = z.infer<typeof ArchiveHeaderSchema>;
