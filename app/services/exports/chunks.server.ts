// Encrypted, chunked blobs in the database (export parts and zips): written as a stream, read back
// as a stream, never whole in memory, readable by any web or worker process.
import { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { Db } from "~/db/client.server";
import { openBytes, sealBytes } from "~/utils/secret-box.server";

export const CHUNK_BYTES = 1024 * 1024;

/** A writable that seals and stores every CHUNK_BYTES it receives as the next chunk of `kind`. */
export function chunkSink(db: Db, key: Buffer, archiveId: string, kind: string) {
  let pending: Buffer[] = [];
  let size = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    if (size === 0) return;
    const data = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await db.exportChunk.create({
      data: { archiveId, kind, seq: seq++, data: new Uint8Array(sealBytes(key, data)) },
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
    yield openBytes(key, Buffer.from(chunk.data));
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
