// Chunked, encrypted storage of export parts and zips, on real databases.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../../../tests/support/databases";
import { CHUNK_BYTES, chunkSink, deletePartChunks, partStaging, readChunks } from "./chunks.server";

const KEY = randomBytes(32);

async function collect(chunks: AsyncIterable<Buffer>) {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

describe.each(testDialects())("export chunks on %s", (dialect) => {
  let t: TestDatabase;
  let archiveId: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const shop = await t.db.shop.create({ data: { domain: `chunks-${dialect}.myshopify.com` } });
    const request = await t.db.rightsRequest.create({
      data: {
        shopId: shop.id,
        reference: "R-2026-CHUNK",
        type: "access",
        channel: "staff",
        state: "in_progress",
        receivedAt: new Date(),
        details: "{}",
        identityLevel: "verified",
      },
    });
    archiveId = (
      await t.db.exportArchive.create({ data: { shopId: shop.id, requestId: request.id, locale: "fr" } })
    ).id;
  });
  afterAll(() => t.drop());

  async function write(kind: string, pieces: (string | Buffer)[]) {
    const { sink, bytes } = chunkSink(t.db, KEY, archiveId, kind);
    for (const piece of pieces) if (!sink.write(piece)) await once(sink, "drain");
    sink.end();
    await once(sink, "finish");
    return bytes();
  }

  it("gives back a part's portability text, multi-byte characters split across chunks included, from compressed sealed chunks", async () => {
    // Items of 3-byte characters: the 1 MiB chunk boundaries fall inside characters.
    const items = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ i, note: `€${"é".repeat(i % 97)}—${"☃".repeat(40)}` }),
    );
    const text = items.join(",\n");
    const staging = partStaging(t.db, KEY, archiveId, "shopify");
    const sink = staging.writer("portable:0");
    for (const item of items) if (!sink.write(`${item},\n`)) await once(sink, "drain");
    sink.end();
    await once(sink, "finish");
    const written = Buffer.byteLength(items.map((item) => `${item},\n`).join(""));
    expect(written).toBeGreaterThan(CHUNK_BYTES);
    const back = Buffer.concat(await collect(staging.read("portable:0"))).toString("utf8");
    expect(back).toBe(`${text},\n`);
    const stored = await t.db.exportChunk.findMany({
      where: { archiveId, kind: "part:shopify:portable:0" },
      orderBy: { seq: "asc" },
    });
    expect(stored.length).toBeGreaterThan(1);
    // Compressed: the repetitive text shrinks; sealed: none of it is readable at rest.
    expect(stored.reduce((n, c) => n + c.data.length, 0)).toBeLessThan(written / 3);
    for (const chunk of stored) expect(Buffer.from(chunk.data).includes(Buffer.from("☃☃☃"))).toBe(false);
  });

  it("stores a part's zip entries as they are, and deletes one system's streams only", async () => {
    const entry = randomBytes(5_000);
    for (const system of ["stripe", "mailchimp"]) {
      const sink = partStaging(t.db, KEY, archiveId, system).writer("system");
      sink.end(entry);
      await once(sink, "finish");
    }
    const [stored] = await t.db.exportChunk.findMany({ where: { archiveId, kind: "part:stripe:system" } });
    // Already deflated: stored at its own size plus the seal's nonce and tag, not gzipped again.
    expect(stored?.data.length).toBe(entry.length + 28);
    const back = Buffer.concat(await collect(partStaging(t.db, KEY, archiveId, "stripe").read("system")));
    expect(back.equals(entry)).toBe(true);

    await deletePartChunks(t.db, archiveId, "stripe");
    expect(await collect(partStaging(t.db, KEY, archiveId, "stripe").read("system"))).toEqual([]);
    const kept = await collect(partStaging(t.db, KEY, archiveId, "mailchimp").read("system"));
    expect(Buffer.concat(kept).equals(entry)).toBe(true);
  });

  it("stores a zip as it is (already compressed), byte for byte, and refuses another key", async () => {
    const zip = randomBytes(CHUNK_BYTES + 12_345);
    await write("zip", [zip.subarray(0, 1000), zip.subarray(1000)]);
    const back = Buffer.concat(await collect(readChunks(t.db, KEY, archiveId, "zip")));
    expect(back.equals(zip)).toBe(true);
    await expect(collect(readChunks(t.db, randomBytes(32), archiveId, "zip"))).rejects.toThrow();
  });
});
