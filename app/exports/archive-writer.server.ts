// Writes the zip a shopper receives for an access or portability request (GDPR art. 15 and 20),
// streaming: records flow from each system's iterable into the zip as they come, the zip flows
// into `output` at the pace `output` takes it, and no system, section or file is ever held whole
// in memory. Layout and reasons: docs/export-schema.md, docs/decisions/019-export-archive.md.
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ExportRecord } from "~/connectors/connector";
import { ArchiveViews } from "./archive-views.server";
import { buildReadme } from "./readme";
import {
  ArchiveHeaderSchema,
  type ArchiveSystem,
  ENTRY,
  EXPORT_SCHEMA_VERSION,
  type Manifest,
  type ManifestEntry,
} from "./schema";
import { createSpoolDir } from "./spool.server";
import { ZipStream } from "./zip-stream.server";

export { ExportRecordError } from "./archive-views.server";

/** One subject's export: who, in which language, and one record stream per system. */
export type WriteExportArchiveOptions = {
  subject: { reference: string; email: string | null; shopName: string };
  locale: "fr" | "en";
  generatedAt: Date;
  /** Written in this order; each system at most once. Each iterable is read once. */
  systems: { system: ArchiveSystem; records: AsyncIterable<ExportRecord> }[];
  /** Receives the zip; ended when the archive is complete, destroyed if it fails. */
  output: NodeJS.WritableStream;
  /** The shop's retention settings (policy §4), printed in the README; default 10 and 3 years. */
  retention?: { customerYearsAfterLastOrder: number; prospectYears: number };
  /** Where the shopper exercises their rights (the DPO contact), printed in the README. */
  contactEmail?: string | null;
  /** Parent of the encrypted scratch directory (default: the OS temporary directory). */
  spoolDir?: string;
};

/** What the orchestrator stores about the finished zip. */
export type ExportArchiveResult = {
  /** Size of the zip written to `output`. */
  bytes: number;
  /** SHA-256 of the zip written to `output`, hex. */
  sha256: string;
  /** Records per system, then per section. */
  counts: Record<string, Record<string, number>>;
};

/**
 * Streams the export archive of one subject into `output` and resolves once `output` has finished.
 * Entries, in order: `<system>.json` per system, `csv/<system>-<section>.csv` per tabular section,
 * `portability.json`, `README.html`, `manifest.json`. The same inputs give the same bytes.
 * Rejects (and destroys `output`) if a record iterable throws, a record is malformed
 * (`ExportRecordError`) or `output` fails; the scratch directory is removed in every case.
 */
export async function writeExportArchive(options: WriteExportArchiveOptions): Promise<ExportArchiveResult> {
  const header = ArchiveHeaderSchema.parse({
    subject: options.subject,
    locale: options.locale,
    generatedAt: options.generatedAt,
    systems: options.systems.map(({ system }) => system),
    retention: options.retention,
    contactEmail: options.contactEmail ?? null,
  });
  const spools = await createSpoolDir(options.spoolDir);
  const views = new ArchiveViews(spools, header.subject, header.generatedAt);
  const zip = new ZipStream();
  const controller = new AbortController();
  const fail = (error: unknown) => {
    if (!controller.signal.aborted) controller.abort(error);
  };

  const digest = createHash("sha256");
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      digest.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Never rejects, so no rejection is left unobserved while entries stream: a failure aborts instead.
  const piping = pipeline(zip.outputStream, meter, options.output).catch(fail);

  const add = (path: string, source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>) =>
    zip.addEntry(path, source, { mtime: header.generatedAt, signal: controller.signal });

  try {
    const entries: ManifestEntry[] = [];
    for (const { system, records } of options.systems) {
      entries.push(await add(ENTRY.system(system), views.systemEntry(system, records)));
    }
    const tables = views.csvTables();
    for (const table of tables) entries.push(await add(table.path, views.csvEntry(table)));
    entries.push(await add(ENTRY.portability, views.portabilityEntry(header.systems)));

    const systems = header.systems.map((system) => ({
      system,
      file: ENTRY.system(system),
      sections: [...(views.counts.get(system) ?? new Map())].map(([section, count]) => ({
        section,
        ...count,
      })),
      csv: tables.filter((table) => table.system === system),
    }));
    const readme = buildReadme({ ...header, systems });
    entries.push(await add(ENTRY.readme, [readme]));

    const manifest: Manifest = {
      schema: EXPORT_SCHEMA_VERSION,
      kind: "manifest",
      generatedAt: header.generatedAt.toISOString(),
      locale: header.locale,
      subject: header.subject,
      systems: Object.fromEntries(
        systems.map(({ system, file, sections }) => [
          system,
          { file, sections: Object.fromEntries(sections.map(({ section, ...count }) => [section, count])) },
        ]),
      ),
      csv: tables.map(({ path, system, section, rows }) => ({ path, system, section, rows })),
      entries,
    };
    await add(ENTRY.manifest, [`${JSON.stringify(manifest, null, 2)}\n`]);
    await zip.end(controller.signal);
  } catch (error) {
    // The first failure wins (an output error surfaces here as an aborted wait for drain).
    fail(error);
    zip.outputStream.destroy();
  }
  // The pipeline settles either way: finished, or torn down by the destroy above (output destroyed too).
  await piping;
  await spools.remove();
  if (controller.signal.aborted) throw controller.signal.reason;

  const counts: Record<string, Record<string, number>> = {};
  for (const system of header.systems) {
    counts[system] = Object.fromEntries(
      [...(views.counts.get(system) ?? [])].map(([s, c]) => [s, c.records]),
    );
  }
  return { bytes, sha256: digest.digest("hex"), counts };
}
