// Encrypted, chunked blobs in the database (export parts and zips): written as a stream, read back
// as a stream, never whole in memory, readable by any web or worker process.
import { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { promisify } from "node:util";
import { createGunzip, gzip as gzipCallback } from "node:zlib";
import type { Db } from "~/db/client.server";
import { openBytes, sealBytes } from "~/utils/secret-box.server";

export const CHUNK_BYTES = 1024 * 1024;

const gzip = promisify(gzipCallback);

/**
 * Export parts (`part:<system>`, JSON Lines) are gzipped before they are sealed: every stored byte
 * crosses Prisma's driver adapter as an array of numbers (tens of milliseconds and megabytes of
 * garbage per MiB, both ways), and JSON Lines shrink five to ten times. A zip is stored as it is.
 */
const compressed = (kind: string) => kind.startsWith("part:");

/** A writable that seals and stores every CHUNK_BYTES it receives as the next chunk of `kind`. */
export function chunkSink(db: Db, key: Buffer, archiveId: string, kind: string) {
  let pending: Buffer[] = [];
  let size = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    if (size === 0) return;
    const plain = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    const data = compressed(kind) ? await gzip(plain, { level: 1 }) : plain;
    // `select`: without it the insert returns the row, and the driver adapter hands the 1 MiB blob
    // back as an array of numbers (about 100 ms per chunk, three times the insert itself).
    await db.exportChunk.create({
      data: { archiveId, kind, seq: seq++, data: new Uint8Array(sealBytes(key, data)) },
      select: { seq: true },
    });
  };
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      size += chunk.length;
      total += chunk.length;
      if (size < CHUNK_BYTES) return callback();
      flush().then(() => callback(), callback);
    },
    final(callback) {
      flush().then(() => callback(), callback);
    },
  });
  return { sink, bytes: () => total };
}

/** The decrypted chunks of `kind`, in order, one at a time. */
export async function* readChunks(
  db: Db,
  key: Buffer,
  archiveId: string,
  kind: string,
): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.exportChunk.findUnique({
      where: { archiveId_kind_seq: { archiveId, kind, seq } },
    });
    if (!chunk) return;
    const data = openBytes(key, Buffer.from(chunk.data));
    if (compressed(kind)) {
      // Inflated in 64 KiB pieces: short-lived, each is collected young (a whole MiB would outlive
      // its records' processing and pile up in the old generation until a full collection).
      yield* createGunzip({ chunkSize: 64 * 1024 }).end(data) as AsyncIterable<Buffer>;
    } else yield data;
  }
}

/** JSON Lines from chunked storage, one parsed value at a time (lines may span chunks). */
export async function* readJsonLines<T>(chunks: AsyncIterable<Buffer>): AsyncGenerator<T> {
  // A chunk boundary can split a multi-byte character: the decoder carries it over.
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of chunks) {
    const lines = (rest + decoder.write(chunk)).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) if (line) yield JSON.parse(line) as T;
  }
  rest += decoder.end();
  if (rest) yield JSON.parse(rest) as T;
}

export async function deleteChunks(db: Db, archiveId: string, kind: string) {
  await db.exportChunk.deleteMany({ where: { archiveId, kind } });
}
