// Short-lived, encrypted scratch files for building an export part. A system's records come once,
// in one pass, with sections interleaved, and a CSV table's header is known only at the end; so its
// rows wait on disk while the system's own entry streams. Memory stays flat whatever the export's
// size. Each part gets a fresh random key held only in memory, so a file left behind by a crash is
// unreadable, like the export parts staged in the database.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { concatPieces } from "~/utils/pieces";

const ALGORITHM = "aes-256-gcm";
/** Writes to disk in batches of this many bytes (before encryption). */
const BATCH_BYTES = 64 * 1024;

/** A private directory (mode 0700, from mkdtemp) holding the spools of one archive. */
export type SpoolDir = {
  /** Opens a new spool; files are numbered, never named after data. */
  open(): Promise<Spool>;
  /** Closes every open spool and deletes the directory; safe to call twice. */
  remove(): Promise<void>;
};

/**
 * Deletes scratch directories a killed process left behind (unreadable without their lost key, but
 * still disk space). Only old ones: another process on this machine may be writing a fresh one.
 */
export async function removeStaleSpoolDirs(
  parent: string = tmpdir(),
  olderThanMs = 86_400_000,
  now = Date.now(),
) {
  let removed = 0;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!/^vigie-export-[A-Za-z0-9]{6}$/.test(name)) continue; // mkdtemp's six random characters
    const dir = path.join(parent, name);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory() || now - info.mtimeMs < olderThanMs) continue;
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/**
 * The scratch directory under `parent` (the OS temporary directory by default), created only once
 * a spool outgrows memory.
 */
export async function createSpoolDir(parent: string = tmpdir()): Promise<SpoolDir> {
  let dir: Promise<string> | null = null;
  const key = randomBytes(32);
  const spools: Spool[] = [];
  return {
    async open() {
      const n = spools.length;
      const spool = new Spool(async () => {
        dir ??= mkdtemp(path.join(parent, "vigie-export-"));
        return path.join(await dir, `${n}.bin`);
      }, key);
      spools.push(spool);
      return spool;
    },
    async remove() {
      for (const spool of spools) spool.destroy();
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}

/**
 * An append-only encrypted file: written once, closed, then read back once, in order. What stays
 * under BATCH_BYTES in all is kept in memory and never reaches the disk.
 */
export class Spool {
  private file: WriteStream | null = null;
  private filePath: string | null = null;
  private readonly iv = randomBytes(12);
  private readonly cipher;
  /** Text waiting to be encrypted, encoded once per batch rather than once per piece. */
  private pending: string[] = [];
  private pendingBytes = 0;
  private closed = false;
  /** Everything written, when it never left memory. */
  private memory: Buffer | null = null;
  private tag: Buffer | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly createPath: () => Promise<string>,
    private readonly key: Buffer,
  ) {
    this.cipher = createCipheriv(ALGORITHM, key, this.iv);
  }

  /** Appends text; resolves once the disk can take more (backpressure). */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    // Characters, not bytes: only the size of a batch depends on it.
    this.pendingBytes += text.length;
    if (this.pendingBytes >= BATCH_BYTES) await this.flush();
  }

  /** Flushes and closes the file, if there is one; the spool can then be read. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.file) {
      this.memory = concatPieces(this.pending);
      this.pending = [];
      return;
    }
    await this.flush();
    if (this.failure) throw this.failure;
    const last = this.cipher.final();
    this.tag = this.cipher.getAuthTag();
    this.file.end(last);
    await once(this.file, "finish");
  }

  /** The plain bytes, in order, one disk chunk at a time. Throws if the file was altered. */
  async *read(): AsyncGenerator<Buffer> {
    if (!this.closed) throw new Error("spool read before close");
    if (this.memory) {
      if (this.memory.length > 0) yield this.memory;
      return;
    }
    const decipher = createDecipheriv(ALGORITHM, this.key, this.iv);
    decipher.setAuthTag(this.tag as Buffer);
    for await (const chunk of createReadStream(this.filePath as string)) {
      const plain = decipher.update(chunk as Buffer);
      if (plain.length > 0) yield plain;
    }
    const last = decipher.final();
    if (last.length > 0) yield last;
  }

  /** Stops writing (on failure or cleanup). */
  destroy() {
    this.file?.destroy();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pendingBytes === 0) return;
    if (!this.file) {
      this.filePath = await this.createPath();
      const file = createWriteStream(this.filePath, { mode: 0o600 });
      // Kept and rethrown by the next write or close: an 'error' nobody listens to would crash the process.
      file.on("error", (error) => {
        this.failure = error;
      });
      await once(file, "open");
      this.file = file;
    }
    const encrypted = this.cipher.update(concatPieces(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.file.write(encrypted)) await once(this.file, "drain");
  }
}
