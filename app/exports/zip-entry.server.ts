// Feeds one zip entry from an async source, chunk by chunk, at the pace the zip output is read:
// every write that fills the entry's buffer waits for `drain`. The entry's SHA-256 and size are
// computed on the way, over the uncompressed bytes the shopper will get when unzipping.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import type { ZipFile } from "yazl";
import type { ManifestEntry } from "./schema";

/** Small pieces (one record's JSON) are gathered into writes of about this size. */
const WRITE_BYTES = 64 * 1024;

/**
 * Adds `path` to `zip` and streams `source` into it; resolves when the whole source has been
 * handed to the entry (yazl writes entries in order, so the next entry may be added then).
 * `signal` aborts a wait for `drain` when the archive failed elsewhere (output error).
 */
export async function addStreamedEntry(
  zip: ZipFile,
  path: string,
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options: { mtime: Date; signal: AbortSignal },
): Promise<ManifestEntry> {
  const input = new PassThrough({ highWaterMark: WRITE_BYTES });
  // yazl pipes the entry without an error listener: ours keeps a destroyed entry from crashing the process.
  input.on("error", () => {});
  zip.addReadStream(input, path, { mtime: options.mtime, compress: true });
  const hash = createHash("sha256");
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (!input.write(chunk)) await once(input, "drain", { signal: options.signal });
  };

  try {
    for await (const piece of source) {
      const chunk = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
      if (chunk.length === 0) continue;
      hash.update(chunk);
      bytes += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_BYTES) await flush();
    }
    await flush();
    input.end();
  } catch (error) {
    input.destroy(error as Error);
    throw error;
  }
  return { path, bytes, sha256: hash.digest("hex") };
}
