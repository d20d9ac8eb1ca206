// One system's share of an export archive, built while its records arrive (in the system's own
// export job): `<system>.json` and the system's CSV tables already compressed as zip entries, and
// the records the shopper provided as JSON text for `portability.json`. Assembling the zip later is
// then a copy (docs/decisions/023-prebuilt-export-parts.md). Records come once, sections
// interleaved: each goes to every entry it belongs to as it arrives (CSV columns are declared).
import { once } from "node:events";
import type { Writable } from "node:stream";
import { z } from "zod";
import type { ExportRecord, SystemName } from "~/domain/systems";
import type { Logger } from "~/utils/logger.server";
import { readAhead } from "~/utils/read-ahead";
import { CSV_BOM, CsvTable, exportJson } from "./csv";
import {
  type ArchiveSubject,
  ArchiveSystemSchema,
  EXPORT_SCHEMA_VERSION,
  IncomingRecordSchema,
  isPlainObject,
  type SectionCount,
  SectionCountSchema,
  SectionNameSchema,
} from "./schema";
import { sectionInfo } from "./section-info";
import { type DeflatedEntry, EntryDeflater } from "./zip-stream.server";

/**
 * Records pulled ahead of the writing (a few pages of a vendor's lists): the next page is fetched
 * while this one is written.
 */
const READ_AHEAD = 500;

/** A record that does not fit `ExportRecord` (bad section name, data not an object). */
export class ExportRecordError extends Error {
  constructor(
    readonly system: SystemName,
    detail: string,
  ) {
    // Paths and codes only: the record's values are personal data and stay out of messages.
    super(`${system}: invalid export record (${detail})`);
    this.name = "ExportRecordError";
  }
}

const DeflatedEntrySchema = z.strictObject({
  crc: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  compressed: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * What a built part holds, stored beside its staged bytes and checked again when the zip is
 * assembled. Staged streams are named: `system` (the `<system>.json` entry), `csv:<i>` (the entry
 * of `tables[i]`) and `portable:<i>` (the provided records of `portable[i]`, comma-separated JSON).
 */
export const PartSummarySchema = z.strictObject({
  system: ArchiveSystemSchema,
  /** Per section, in order of first appearance. */
  sections: z.array(SectionCountSchema.extend({ section: SectionNameSchema })),
  entry: DeflatedEntrySchema,
  tables: z.array(
    z.strictObject({
      section: SectionNameSchema,
      rows: z.number().int().nonnegative(),
      entry: DeflatedEntrySchema,
    }),
  ),
  portable: z.array(z.strictObject({ section: SectionNameSchema, count: z.number().int().positive() })),
});
export type PartSummary = z.infer<typeof PartSummarySchema>;

/** Where a part's streams go: a fresh writable per name, ended by the writer. */
export type PartStaging = { writer(name: string): Writable };

export const STAGED = {
  system: "system",
  csv: (i: number) => `csv:${i}`,
  portable: (i: number) => `portable:${i}`,
} as const;

export type WriteSystemPartOptions = {
  system: SystemName;
  /** Read once, as fast as the staging takes what it gives. */
  records: AsyncIterable<ExportRecord>;
  subject: ArchiveSubject;
  /** Written in the entry's head: when the export began. */
  generatedAt: Date;
  staging: PartStaging;
  /** Told, once per section, of record keys a CSV table has no column for (names only). */
  log?: Pick<Logger, "warn">;
};

/** An entry being compressed into a staged stream. */
type StagedEntry = { writer: Writable; deflater: EntryDeflater };

/**
 * Writes `<system>.json` with `"records": […]` in arrival order and, at the same time, every CSV
 * table and the provided records; then closes them all.
 */
export async function writeSystemPart(options: WriteSystemPartOptions): Promise<PartSummary> {
  const { system, staging } = options;
  const open: Writable[] = [];
  const deflaters: EntryDeflater[] = [];
  const stage = (name: string) => {
    const writer = staging.writer(name);
    open.push(writer);
    return writer;
  };
  const stageEntry = (name: string): StagedEntry => {
    const writer = stage(name);
    const deflater = new EntryDeflater((chunk) => write(writer, chunk));
    deflaters.push(deflater);
    return { writer, deflater };
  };
  try {
    const counts = new Map<string, SectionCount>();
    // Every record of an export passes here: one that has the types the schema wants and a section
    // name the schema has already accepted needs no second look; any other goes through the schema.
    const accepted = new Set<string>();
    const checked = (incoming: ExportRecord): ExportRecord => {
      if (
        accepted.has(incoming.section) &&
        typeof incoming.provided === "boolean" &&
        isPlainObject(incoming.data)
      ) {
        return incoming;
      }
      const parsed = IncomingRecordSchema.safeParse(incoming);
      if (!parsed.success) {
        throw new ExportRecordError(
          system,
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`).join("; "),
        );
      }
      accepted.add(parsed.data.section);
      return parsed.data;
    };
    type Table = StagedEntry & { csv: CsvTable; rows: number; warned: boolean };
    // Per section: its table, or null for a section that has none.
    const tables = new Map<string, Table | null>();
    const newTable = async (section: string): Promise<Table | null> => {
      const columns = sectionInfo(system, section).columns;
      let table: Table | null = null;
      if (columns) {
        const index = [...tables.values()].filter(Boolean).length;
        table = { ...stageEntry(STAGED.csv(index)), csv: new CsvTable(columns), rows: 0, warned: false };
        await table.deflater.add(CSV_BOM + table.csv.header);
      }
      tables.set(section, table);
      return table;
    };
    const portable = new Map<string, { writer: Writable; count: number }>();

    const json = stageEntry(STAGED.system);
    await json.deflater.add(
      `{${SCHEMA_HEAD},"kind":"system","system":${JSON.stringify(system)},${entryContext(options)},"records":[`,
    );
    let first = true;
    for await (const incoming of readAhead(options.records, READ_AHEAD)) {
      const { section, provided, data } = checked(incoming);
      let count = counts.get(section);
      if (!count) {
        count = { records: 0, provided: 0 };
        counts.set(section, count);
      }
      count.records += 1;
      if (provided) count.provided += 1;
      const dataJson = exportJson(data);
      await json.deflater.add(
        `${first ? "\n" : ",\n"}{"section":${JSON.stringify(section)},"provided":${provided},"data":${dataJson}}`,
      );
      first = false;
      // Art. 20(1): what the shopper provided also goes to the portability file.
      if (provided) {
        let items = portable.get(section);
        if (!items) {
          items = { writer: stage(STAGED.portable(portable.size)), count: 0 };
          portable.set(section, items);
        }
        await write(items.writer, `${items.count === 0 ? "" : ","}\n${dataJson}`);
        items.count += 1;
      }
      let table = tables.get(section);
      if (table === undefined) table = await newTable(section);
      if (table) {
        if (!table.warned) {
          const undeclared = table.csv.undeclared(data);
          if (undeclared.length > 0) {
            // A connector's record gained a key its table does not declare: the JSON file has it.
            options.log?.warn("export record keys without a CSV column", { system, section, undeclared });
            table.warned = true;
          }
        }
        await table.deflater.add(table.csv.line(data, provided));
        table.rows += 1;
      }
    }
    await json.deflater.add(`\n],"counts":${JSON.stringify(Object.fromEntries(counts))}}\n`);

    const entry = await finishEntry(json);
    for (const { writer } of portable.values()) await finish(writer);
    const tableSummaries: PartSummary["tables"] = [];
    for (const [section, table] of tables) {
      if (table) tableSummaries.push({ section, rows: table.rows, entry: await finishEntry(table) });
    }
    return {
      system,
      sections: [...counts].map(([section, count]) => ({ section, ...count })),
      entry,
      tables: tableSummaries,
      portable: [...portable].map(([section, { count }]) => ({ section, count })),
    };
  } catch (error) {
    for (const deflater of deflaters) deflater.destroy();
    for (const writer of open) writer.destroy();
    throw error;
  }
}

/** The `"schema":…` every JSON entry starts with. */
export const SCHEMA_HEAD = `"schema":${JSON.stringify(EXPORT_SCHEMA_VERSION)}`;

/** When and about whom, as every JSON entry says it. */
export function entryContext(options: { generatedAt: Date; subject: ArchiveSubject }): string {
  return `"generatedAt":${JSON.stringify(options.generatedAt.toISOString())},"subject":${JSON.stringify(options.subject)}`;
}

async function finishEntry({ writer, deflater }: StagedEntry): Promise<DeflatedEntry> {
  const entry = await deflater.end();
  await finish(writer);
  return entry;
}

/** Writes and waits while `writer` is full; a failed writer rejects instead of hanging. */
async function write(writer: Writable, chunk: string | Buffer) {
  if (writer.errored) throw writer.errored;
  if (!writer.write(chunk)) await once(writer, "drain");
}

async function finish(writer: Writable) {
  if (writer.errored) throw writer.errored;
  writer.end();
  await once(writer, "finish");
}
