import { randomBytes } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ExportRecord } from "~/connectors/connector";
import { ExportRecordError, writeExportArchive } from "./archive-writer.server";
import { GENERATED_AT, SUBJECT, tempDir } from "./test-fixtures";

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

let spoolParent: string;
beforeEach(async () => {
  spoolParent = await tempDir();
});
afterEach(async () => {
  await rm(spoolParent, { recursive: true, force: true });
});

const base = { subject: SUBJECT, locale: "en" as const, generatedAt: GENERATED_AT };

describe("writeExportArchive", () => {
  it("pulls records only as fast as the output takes the zip", async () => {
    const { state, records } = counted(50_000);
    let open = false;
    const held: (() => void)[] = [];
    const output = new Writable({
      write(_chunk, _encoding, callback) {
        if (open) callback();
        else held.push(() => callback());
      },
    });

    const writing = writeExportArchive({
      ...base,
      systems: [{ system: "mailchimp", records }],
      output,
      spoolDir: spoolParent,
    });
    // The output takes nothing: the writer must stop once the buffers between the records and the
    // output are full (about a megabyte, a chunk per stream stage), whatever the export's size.
    const pausedAt = await settled(() => state.pulled);
    expect(pausedAt).toBeGreaterThan(0);
    expect(pausedAt).toBeLessThan(4_000);

    open = true;
    for (const release of held.splice(0)) release();
    const result = await writing;
    expect(state.pulled).toBe(50_000);
    expect(result.counts).toEqual({ mailchimp: { activity: 50_000 } });
    expect(await readdir(spoolParent)).toEqual([]);
  });

  it("rejects with the records' own error, destroys the output and removes its scratch files", async () => {
    const { records } = counted(1_000, 500);
    const output = discard();

    await expect(
      writeExportArchive({
        ...base,
        systems: [{ system: "stripe", records }],
        output,
        spoolDir: spoolParent,
      }),
    ).rejects.toThrow("Stripe answered 503");
    expect(output.destroyed).toBe(true);
    expect(await readdir(spoolParent)).toEqual([]);
  });

  it("rejects when the output fails, without reading the rest of the records", async () => {
    const { state, records } = counted(1_000_000);
    const output = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error("disk full"));
      },
    });

    await expect(
      writeExportArchive({
        ...base,
        systems: [{ system: "mailchimp", records }],
        output,
        spoolDir: spoolParent,
      }),
    ).rejects.toThrow("disk full");
    expect(state.pulled).toBeLessThan(10_000);
    expect(await readdir(spoolParent)).toEqual([]);
  });

  it("rejects a record whose section could leave its file name, without quoting any value", async () => {
    async function* records(): AsyncGenerator<ExportRecord> {
      yield { section: "customer", provided: true, data: { email: "secret@example.fr" } };
      yield { section: "../../etc/passwd", provided: true, data: { email: "secret@example.fr" } };
    }

    const failure = await writeExportArchive({
      ...base,
      systems: [{ system: "shopify", records: records() }],
      output: discard(),
      spoolDir: spoolParent,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExportRecordError);
    expect((failure as Error).message).toMatch(/^shopify: invalid export record \(section: /);
    expect((failure as Error).message).not.toMatch(/secret|passwd/);
    expect(await readdir(spoolParent)).toEqual([]);
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
      writeExportArchive({
        ...base,
        systems: [{ system: "shopify", records: records() }],
        output: discard(),
      }),
    ).rejects.toThrow(/^shopify: invalid export record \(data: custom\)$/);
  });

  it("refuses a system listed twice before writing anything", async () => {
    const output = discard();
    let written = 0;
    output.on("pipe", () => {
      written += 1;
    });

    await expect(
      writeExportArchive({
        ...base,
        systems: [
          { system: "stripe", records: counted(1).records },
          { system: "stripe", records: counted(1).records },
        ],
        output,
        spoolDir: spoolParent,
      }),
    ).rejects.toThrow("each system at most once");
    expect(written).toBe(0);
    expect(await readdir(spoolParent)).toEqual([]);
  });
});
