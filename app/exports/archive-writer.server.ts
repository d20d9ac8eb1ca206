// Writes the zip a shopper receives for an access or portability request (GDPR art. 15 and 20)
// from the parts each system's export job built (system-part.server.ts): their entries are copied
// as they were compressed, `portability.json` joins their provided records, and the README and
// manifest are written from their counts. It streams into `output` at the pace `output` takes it;
// nothing is held whole in memory. Layout and reasons: docs/export-schema.md,
// docs/decisions/019-export-archive.md and 023-prebuilt-export-parts.md.
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { buildReadme } from "./readme";
import {
  ArchiveHeaderSchema,
  type ArchiveLocale,
  ENTRY,
  EXPORT_SCHEMA_VERSION,
  type Manifest,
  type ManifestEntry,
} from "./schema";
import { entryContext, type PartSummary, SCHEMA_HEAD, STAGED } from "./system-part.server";
import { ZipStream } from "./zip-stream.server";

/** A part as its system's job left it: its summary, and its staged streams by name. */
export type StagedPart = { summary: PartSummary; read(name: string): AsyncIterable<Buffer> };

/** One subject's export: who, in which language, and one built part per system. */
export type WriteExportArchiveOptions = {
  subject: { reference: string; email: string | null; shopName: string };
  locale: ArchiveLocale;
  /** When the export began: the parts were built with the same date. */
  generatedAt: Date;
  /** Written in this order; each system at most once. Each staged stream is read once. */
  parts: StagedPart[];
  /** Receives the zip; ended when the archive is complete, destroyed if it fails. */
  output: NodeJS.WritableStream;
  /** The shop's retention settings (policy §4), printed in the README; default 10 and 3 years. */
  retention?: { customerYearsAfterLastOrder: number; prospectYears: number };
  /** Where the shopper exercises their rights (the DPO contact), printed in the README. */
  contactEmail?: string | null;
  /** Shopify let the shop read only the last 60 days of orders: the README says so. */
  shopifyOrdersRecentOnly?: boolean;
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
 * `portability.json`, `README.html`, `manifest.json`. The same parts give the same bytes.
 * Rejects (and destroys `output`) if a staged stream fails or does not match its summary, or if
 * `output` fails.
 */
export async function writeExportArchive(options: WriteExportArchiveOptions): Promise<ExportArchiveResult> {
  const header = ArchiveHeaderSchema.parse({
    subject: options.subject,
    locale: options.locale,
    generatedAt: options.generatedAt,
    systems: options.parts.map(({ summary }) => summary.system),
    retention: options.retention,
    contactEmail: options.contactEmail ?? null,
    shopifyOrdersRecentOnly: options.shopifyOrdersRecentOnly ?? false,
  });
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
  const entryOptions = { mtime: header.generatedAt, signal: controller.signal };

  try {
    const entries: ManifestEntry[] = [];
    for (const { summary, read } of options.parts) {
      const path = ENTRY.system(summary.system);
      entries.push(await zip.addDeflated(path, summary.entry, read(STAGED.system), entryOptions));
    }
    const tables = options.parts.flatMap(({ summary, read }) =>
      summary.tables.map((table, i) => ({
        ...table,
        system: summary.system,
        path: ENTRY.csv(summary.system, table.section),
        read: () => read(STAGED.csv(i)),
      })),
    );
    for (const table of tables) {
      entries.push(await zip.addDeflated(table.path, table.entry, table.read(), entryOptions));
    }
    entries.push(
      await zip.addEntry(ENTRY.portability, portabilityEntry(header, options.parts), entryOptions),
    );

    const systems = options.parts.map(({ summary }) => ({
      system: summary.system,
      file: ENTRY.system(summary.system),
      sections: summary.sections,
      csv: tables.filter((table) => table.system === summary.system),
    }));
    const readme = buildReadme({ ...header, systems });
    entries.push(await zip.addEntry(ENTRY.readme, [readme], entryOptions));

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
    await zip.addEntry(ENTRY.manifest, [`${JSON.stringify(manifest, null, 2)}\n`], entryOptions);
    await zip.end(controller.signal);
  } catch (error) {
    // The first failure wins (an output error surfaces here as an aborted wait for drain).
    fail(error);
    zip.outputStream.destroy();
  }
  // The pipeline settles either way: finished, or torn down by the destroy above (output destroyed too).
  await piping;
  if (controller.signal.aborted) throw controller.signal.reason;

  const counts = Object.fromEntries(
    options.parts.map(({ summary }) => [
      summary.system,
      Object.fromEntries(summary.sections.map(({ section, records }) => [section, records])),
    ]),
  );
  return { bytes, sha256: digest.digest("hex"), counts };
}

/** `portability.json`: the provided records, by system then section, as the parts staged them. */
async function* portabilityEntry(
  header: { generatedAt: Date; subject: WriteExportArchiveOptions["subject"] },
  parts: readonly StagedPart[],
): AsyncGenerator<string | Buffer> {
  yield `{${SCHEMA_HEAD},"kind":"portability",${entryContext(header)},"systems":{`;
  for (const [i, { summary, read }] of parts.entries()) {
    yield `${i === 0 ? "" : ","}\n${JSON.stringify(summary.system)}:{`;
    for (const [j, { section }] of summary.portable.entries()) {
      yield `${j === 0 ? "" : ","}\n${JSON.stringify(section)}:[`;
      yield* read(STAGED.portable(j));
      yield "\n]";
    }
    yield "}";
  }
  yield "\n}}\n";
}
