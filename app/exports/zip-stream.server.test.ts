// The zip writer against Info-ZIP's unzip (an independent reader): UTF-8 names, contents, CRCs,
// timestamps, and a failing output.
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { tempDir, testZip, zipEntries, zipEntry } from "../../tests/fixtures/export-archives";
import { ZipStream } from "./zip-stream.server";

describe("ZipStream", () => {
  it("writes entries with UTF-8 names that unzip lists, checks and extracts byte for byte", async () => {
    const file = path.join(await tempDir(), "t.zip");
    const zip = new ZipStream();
    const done = pipeline(zip.outputStream, createWriteStream(file));
    const signal = new AbortController().signal;
    const big = Buffer.alloc(300_000, "é");
    // A date before 1980 cannot be written in DOS time: clamped, not thrown.
    const first = await zip.addEntry("données/été.json", ["{", '"a":1', "}"], { mtime: new Date(0), signal });
    await zip.addEntry("big.txt", [big, "fin"], { mtime: new Date("2026-11-26T10:00:00Z"), signal });
    await zip.end(signal);
    await done;
    expect(testZip(file)).toContain("No errors detected");
    expect(zipEntries(file)).toEqual(["données/été.json", "big.txt"]);
    expect(zipEntry(file, "données/été.json").toString()).toBe('{"a":1}');
    expect(zipEntry(file, "big.txt").equals(Buffer.concat([big, Buffer.from("fin")]))).toBe(true);
    expect(first).toMatchObject({ path: "données/été.json", bytes: 7 });
  });

  it("fails the entry when the output fails, instead of hanging", async () => {
    const zip = new ZipStream();
    const controller = new AbortController();
    const broken = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(new Error("disk full"));
      },
    });
    pipeline(zip.outputStream, broken).catch((error) => controller.abort(error));
    const pieces = Array.from({ length: 200 }, () => Buffer.alloc(64 * 1024, 1));
    await expect(
      zip.addEntry("x.bin", pieces, { mtime: new Date(), signal: controller.signal }),
    ).rejects.toThrow();
  });
});
