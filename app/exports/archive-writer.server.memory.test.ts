// Its own file, so it runs in a fresh worker with nothing else on the heap.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { Writable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { ExportRecord } from "~/domain/systems";
import { fileStaging, GENERATED_AT, SUBJECT, tempDir } from "../../tests/fixtures/export-archives";
import { type StagedPart, writeExportArchive } from "./archive-writer.server";
import { writeSystemPart } from "./system-part.server";

// A full collection before each reading, so the figures are live memory, not garbage not yet collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
const RECORDS_PER_SYSTEM = 100_000;
/** Generous: a few MB were measured; holding the CSV or portability views alone would take over 100 MB. */
const HEAP_BOUND = 60 * MB;

describe("writeSystemPart and writeExportArchive", () => {
  it("stream 200 000 records (every entry kind) with memory growth bounded far below the archive's size", async () => {
    const samples: number[] = [];
    // Buffers live outside the JS heap (arrayBuffers): both count, or buffered bytes would go unseen.
    const sample = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      samples.push(heapUsed + arrayBuffers);
    };

    // Incompressible payloads (~700 bytes a record), so the zip is as big as what went through.
    async function* shopify(): AsyncGenerator<ExportRecord> {
      for (let i = 0; i < RECORDS_PER_SYSTEM; i++) {
        if (i % 25_000 === 0) sample();
        const blob = randomBytes(450).toString("base64");
        // Orders go to a CSV table too, order inputs to portability.json too: every view is exercised.
        yield i % 2 === 0
          ? { section: "orders", provided: false, data: { orderId: `o${i}`, name: `#${i}`, lineItems: blob } }
          : { section: "order_inputs", provided: true, data: { orderId: `o${i - 1}`, note: blob } };
      }
    }
    async function* mailchimp(): AsyncGenerator<ExportRecord> {
      for (let i = 0; i < RECORDS_PER_SYSTEM; i++) {
        if (i % 25_000 === 0) sample();
        yield {
          section: "activity",
          provided: false,
          data: { i, blob: randomBytes(450).toString("base64") },
        };
      }
    }
    let received = 0;
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        // Sampled while the staged entries and provided records are copied into the zip too.
        if (received % (16 * MB) < chunk.length) sample();
        callback();
      },
    });

    sample();
    const before = samples[0] as number;
    const dir = await tempDir();
    const parts: StagedPart[] = [];
    for (const [system, records] of [
      ["shopify", shopify()],
      ["mailchimp", mailchimp()],
    ] as const) {
      const staging = fileStaging(dir, system);
      const summary = await writeSystemPart({
        system,
        records,
        subject: SUBJECT,
        generatedAt: GENERATED_AT,
        staging,
      });
      parts.push({ summary, read: staging.read });
    }
    const result = await writeExportArchive({
      subject: SUBJECT,
      locale: "fr",
      generatedAt: GENERATED_AT,
      parts,
      output,
    });
    sample();
    await rm(dir, { recursive: true, force: true });

    expect(result.counts).toEqual({
      shopify: { orders: RECORDS_PER_SYSTEM / 2, order_inputs: RECORDS_PER_SYSTEM / 2 },
      mailchimp: { activity: RECORDS_PER_SYSTEM },
    });
    expect(received).toBe(result.bytes);
    // The archive is over twice the bound: holding any system, section or file whole would break it.
    expect(result.bytes).toBeGreaterThan(2 * HEAP_BOUND);
    expect(samples.length).toBeGreaterThan(15);
    expect(Math.max(...samples) - before).toBeLessThan(HEAP_BOUND);
    expect((samples.at(-1) as number) - before).toBeLessThan(HEAP_BOUND);
  }, 180_000);
});
