import { randomBytes } from "node:crypto";
import { rm, truncate } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExportRecord, SystemName } from "~/domain/systems";
import { fileStaging, GENERATED_AT, SUBJECT, tempDir } from "../../tests/fixtures/export-archives";
import { type StagedPart, writeExportArchive } from "./archive-writer.server";
import { ExportRecordError, type PartStaging, writeSystemPart } from "./system-part.server";

/** A one-pass stream of `total` incompressible records, counting how many were pulled. */
function counted(total: number, failAfter?: number) {
  const state = { pulled: 0 };
  async function* records(): AsyncGenerator<ExportRecord> {
    for (let i = 0; i < total; i++) {
      if (failAfter !== undefined && i === failAfter) throw new Error("Stripe answered 503");
      state.pulled += 1;
      yield { section: "activity", provided: false, data: { i, blob: randomBytes(450).toString("base64") } };
    }
  }
  return { state, records: records() };
}

/** A sink that swallows the zip. */
const discard = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

async function settled(read: () => number): Promise<number> {
  let last = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = read();
    if (now === last) return now;
    last = now;
  }
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const base = { subject: SUBJECT, generatedAt: GENERATED_AT };

/** A part built into plain files, as the jobs build one into the database. */
async function builtPart(system: SystemName, records: AsyncIterable<ExportRecord>): Promise<StagedPart> {
  const staging = fileStaging(dir, system);
  const summary = await writeSystemPart({ ...base, system, records, staging });
  return { summary, read: staging.read };
}

/** Staging whose writers all behave like `writer`. */
const stagingOf = (writer: () => Writable): PartStaging => ({ writer });

describe("writeSystemPart", () => {
  it("pulls records only as fast as the staging takes them", async () => {
    const { state, records } = counted(50_000);
    let open = false;
    const held: (() => void)[] = [];
    const staging = stagingOf(
      () =>
        new Writable({
          write(_chunk, _encoding, callback) {
            if (open) callback();
            else held.push(() => callback());
          },
        }),
    );

    const writing = writeSystemPart({
      ...base,
      system: "mailchimp",
      records,
      staging,
    });
    // The staging takes nothing: the writer must stop once the buffers between the records and the
    // staging are full (a few hundred kilobytes), whatever the export's size.
    const pausedAt = await settled(() => state.pulled);
    expect(pausedAt).toBeGreaterThan(0);
    expect(pausedAt).toBeLessThan(4_000);

    open = true;
    for (const release of held.splice(0)) release();
    const summary = await writing;
    expect(state.pulled).toBe(50_000);
    expect(summary.sections).toEqual([{ section: "activity", records: 50_000, provided: 0 }]);
  });

  it("rejects with the records' own error, and destroys what it staged", async () => {
    const { records } = counted(1_000, 500);
    const writers: Writable[] = [];
    const staging = stagingOf(() => {
      const writer = discard();
      writers.push(writer);
      return writer;
    });

    await expect(writeSystemPart({ ...base, system: "stripe", records, staging })).rejects.toThrow(
      "Stripe answered 503",
    );
    expect(writers.length).toBeGreaterThan(0);
    expect(writers.every((writer) => writer.destroyed)).toBe(true);
  });

  it("rejects when the staging fails, without reading the rest of the records", async () => {
    const { state, records } = counted(1_000_000);
    const staging = stagingOf(
      () =>
        new Writable({
          write(_chunk, _encoding, callback) {
            callback(new Error("disk full"));
          },
        }),
    );

    await expect(writeSystemPart({ ...base, system: "mailchimp", records, staging })).rejects.toThrow(
      "disk full",
    );
    expect(state.pulled).toBeLessThan(10_000);
  });

  it("rejects a record whose section could leave its file name, without quoting any value", async () => {
    async function* records(): AsyncGenerator<ExportRecord> {
      yield { section: "customer", provided: true, data: { email: "secret@example.fr" } };
      yield { section: "../../etc/passwd", provided: true, data: { email: "secret@example.fr" } };
    }

    const failure = await writeSystemPart({
      ...base,
      system: "shopify",
      records: records(),
      staging: stagingOf(discard),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportRecordError);
    expect((failure as Error).message).toMatch(/^shopify: invalid export record \(section: /);
    expect((failure as Error).message).not.toMatch(/secret|passwd/);
  });

  it("tells the log, once per table and by key name only, of keys its CSV has no column for", async () => {
    async function* records(): AsyncGenerator<ExportRecord> {
      for (const id of ["ch_1", "ch_2"]) {
        yield {
          section: "charges",
          provided: false,
          data: { id, amount: 5900, cardHolder: "Camille Martin" },
        };
      }
    }
    const warnings: unknown[][] = [];

    const summary = await writeSystemPart({
      ...base,
      system: "stripe",
      records: records(),
      staging: stagingOf(discard),
      log: { warn: (...args: unknown[]) => warnings.push(args) },
    });

    expect(summary.tables).toEqual([expect.objectContaining({ section: "charges", rows: 2 })]);
    expect(warnings).toEqual([
      [
        "export record keys without a CSV column",
        { system: "stripe", section: "charges", undeclared: ["cardHolder"] },
      ],
    ]);
    expect(JSON.stringify(warnings)).not.toContain("Camille");
  });

  it("rejects a record whose data is not an object", async () => {
    async function* records(): AsyncGenerator<ExportRecord> {
      yield {
        section: "customer",
        provided: true,
        data: ["not", "an", "object"] as unknown as Record<string, unknown>,
      };
    }

    await expect(
      writeSystemPart({ ...base, system: "shopify", records: records(), staging: stagingOf(discard) }),
    ).rejects.toThrow(/^shopify: invalid export record \(data: custom\)$/);
  });

  it("checks every record, not only the first of its section", async () => {
    const bad = [
      { data: ["an", "array"] as unknown as Record<string, unknown>, provided: true },
      { data: null as unknown as Record<string, unknown>, provided: true },
      { data: {}, provided: "yes" as unknown as boolean },
    ];
    for (const [i, { data, provided }] of bad.entries()) {
      async function* records(): AsyncGenerator<ExportRecord> {
        yield { section: "customer", provided: true, data: { email: "a@example.fr" } };
        yield { section: "customer", provided: false, data: { email: "b@example.fr" } };
        yield { section: "customer", provided, data };
      }
      const failure = await writeSystemPart({
        ...base,
        system: "shopify",
        records: records(),
        staging: stagingOf(discard),
      }).catch((error: unknown) => error);
      expect(failure, `bad record ${i}`).toBeInstanceOf(ExportRecordError);
    }
  });
});

describe("writeExportArchive", () => {
  it("rejects when the output fails, and destroys it", async () => {
    const part = await builtPart("mailchimp", counted(20_000).records);
    const output = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error("disk full"));
      },
    });

    await expect(writeExportArchive({ ...base, locale: "en", parts: [part], output })).rejects.toThrow(
      "disk full",
    );
    expect(output.destroyed).toBe(true);
  });

  it("rejects a staged entry that is not the one its summary describes", async () => {
    const part = await builtPart("stripe", counted(2_000).records);
    await truncate(path.join(dir, "stripe-system.part"), part.summary.entry.compressed - 10);
    const output = discard();

    await expect(writeExportArchive({ ...base, locale: "en", parts: [part], output })).rejects.toThrow(
      "stripe.json: staged data does not match its entry",
    );
    expect(output.destroyed).toBe(true);
  });

  it("refuses a system listed twice before writing anything", async () => {
    const part = await builtPart("stripe", counted(1).records);
    const output = discard();
    let written = 0;
    output.on("pipe", () => {
      written += 1;
    });

    await expect(writeExportArchive({ ...base, locale: "en", parts: [part, part], output })).rejects.toThrow(
      "each system at most once",
    );
    expect(written).toBe(0);
  });
});
