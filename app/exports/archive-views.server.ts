// The archive's entries as async sources of text, fed one record at a time. A system's own entry is
// written as its records arrive; while it streams, the two derived views (the CSV tables and the
// portability file) are appended to encrypted spools, because a zip takes one entry at a time and
// the records come only once. Counts are kept as they go; nothing grows with the export but them.
import { StringDecoder } from "node:string_decoder";
import type { ExportRecord } from "~/connectors/connector";
import { CSV_BOM, CsvColumns, jsonReplacer } from "./csv";
import {
  type ArchiveSubject,
  type ArchiveSystem,
  ENTRY,
  EXPORT_SCHEMA_VERSION,
  IncomingRecordSchema,
  type SectionCount,
} from "./schema";
import { sectionInfo } from "./section-info";
import type { Spool, SpoolDir } from "./spool.server";

/** A record that does not fit `ExportRecord` (bad section name, data not an object). */
export class ExportRecordError extends Error {
  constructor(
    readonly system: ArchiveSystem,
    detail: string,
  ) {
    // Paths and codes only: the record's values are personal data and stay out of messages.
    super(`${system}: invalid export record (${detail})`);
    this.name = "ExportRecordError";
  }
}

type Table = { system: ArchiveSystem; section: string; columns: CsvColumns; spool: Spool; rows: number };
type Portable = { spool: Spool; count: number };

/** What one archive has seen so far, and the spools its derived views wait in. */
export class ArchiveViews {
  /** Per system, per section in order of first appearance. */
  readonly counts = new Map<ArchiveSystem, Map<string, SectionCount>>();
  readonly tables = new Map<string, Table>();
  private readonly portable = new Map<ArchiveSystem, Map<string, Portable>>();
  private readonly head: string;

  constructor(
    private readonly spools: SpoolDir,
    private readonly subject: ArchiveSubject,
    private readonly generatedAt: Date,
  ) {
    this.head = `"schema":${JSON.stringify(EXPORT_SCHEMA_VERSION)}`;
  }

  /** `<system>.json`, written as the records arrive (art. 15(1): everything the system holds). */
  async *systemEntry(system: ArchiveSystem, records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
    const counts = new Map<string, SectionCount>();
    this.counts.set(system, counts);
    this.portable.set(system, new Map());
    yield `{${this.head},"kind":"system","system":${JSON.stringify(system)},${this.common()},"records":[`;
    let first = true;
    try {
      for await (const incoming of records) {
        const parsed = IncomingRecordSchema.safeParse(incoming);
        if (!parsed.success) {
          throw new ExportRecordError(
            system,
            parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`).join("; "),
          );
        }
        const { section, provided, data } = parsed.data;
        const count = counts.get(section) ?? { records: 0, provided: 0 };
        counts.set(section, count);
        count.records += 1;
        if (provided) count.provided += 1;
        const dataJson = JSON.stringify(data, jsonReplacer);
        yield `${first ? "\n" : ",\n"}{"section":${JSON.stringify(section)},"provided":${provided},"data":${dataJson}}`;
        first = false;
        // Art. 20(1): what the shopper provided also goes to the portability file.
        if (provided) await this.addPortable(system, section, dataJson);
        if (sectionInfo(system, section).tabular) await this.addRow(system, section, data, provided);
      }
    } finally {
      // Closed even on failure, so the spool directory can be removed.
      await this.closeSpools(system);
    }
    yield `\n],"counts":${JSON.stringify(Object.fromEntries(counts))}}\n`;
  }

  /** `portability.json`: the provided records, by system then section, read back from the spools. */
  async *portabilityEntry(systems: readonly ArchiveSystem[]): AsyncGenerator<string | Buffer> {
    yield `{${this.head},"kind":"portability",${this.common()},"systems":{`;
    for (const [i, system] of systems.entries()) {
      yield `${i === 0 ? "" : ","}\n${JSON.stringify(system)}:{`;
      let j = 0;
      for (const [section, { spool }] of this.portable.get(system) ?? []) {
        yield `${j++ === 0 ? "" : ","}\n${JSON.stringify(section)}:[`;
        yield* spool.read();
        yield "\n]";
      }
      yield "}";
    }
    yield "\n}}\n";
  }

  /** `csv/<system>-<section>.csv`: a header from every column seen, then the spooled rows padded to it. */
  async *csvEntry(table: Table): AsyncGenerator<string> {
    yield CSV_BOM + table.columns.header();
    // Rows are JSON arrays, one per line (JSON escapes newlines); chunks may cut a line or a character.
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for await (const chunk of table.spool.read()) {
      const lines = (rest + decoder.write(chunk)).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line) yield table.columns.line(JSON.parse(line) as string[]);
    }
    rest += decoder.end();
    if (rest) yield table.columns.line(JSON.parse(rest) as string[]);
  }

  /** Entry name of each CSV table, in the order the tables were first seen. */
  csvTables(): (Table & { path: string })[] {
    return [...this.tables.values()].map((table) => ({
      ...table,
      path: ENTRY.csv(table.system, table.section),
    }));
  }

  private common(): string {
    return `"generatedAt":${JSON.stringify(this.generatedAt.toISOString())},"subject":${JSON.stringify(this.subject)}`;
  }

  private async addPortable(system: ArchiveSystem, section: string, dataJson: string) {
    const sections = this.portable.get(system) as Map<string, Portable>;
    let entry = sections.get(section);
    if (!entry) {
      entry = { spool: await this.spools.open(), count: 0 };
      sections.set(section, entry);
    }
    await entry.spool.write(`${entry.count === 0 ? "" : ","}\n${dataJson}`);
    entry.count += 1;
  }

  private async addRow(
    system: ArchiveSystem,
    section: string,
    data: Record<string, unknown>,
    provided: boolean,
  ) {
    const key = `${system}/${section}`;
    let table = this.tables.get(key);
    if (!table) {
      table = { system, section, columns: new CsvColumns(), spool: await this.spools.open(), rows: 0 };
      this.tables.set(key, table);
    }
    await table.spool.write(`${JSON.stringify(table.columns.row(data, provided))}\n`);
    table.rows += 1;
  }

  private async closeSpools(system: ArchiveSystem) {
    for (const { spool } of this.portable.get(system)?.values() ?? []) await spool.close();
    for (const table of this.tables.values()) if (table.system === system) await table.spool.close();
  }
}
