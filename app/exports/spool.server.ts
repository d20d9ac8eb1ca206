// Short-lived, encrypted scratch files for the archive writer. A zip is written one entry at a time,
// and a system's records come once, in one pass, with sections interleaved; so the derived views
// (CSV tables, the portability file) must wait on disk while the system's own entry streams. Memory
// stays flat whatever the export's size. Each archive gets a fresh random key held only in memory,
// so a file left behind by a crash is unreadable, like the export parts staged in the database.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

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

/** Creates the scratch directory under `parent` (the OS temporary directory by default). */
export async function createSpoolDir(parent: string = tmpdir()): Promise<SpoolDir> {
  const dir = await mkdtemp(path.join(parent, "vigie-export-"));
  const key = randomBytes(32);
  const spools: Spool[] = [];
  return {
    async open() {
      const spool = new Spool(path.join(dir, `${spools.length}.bin`), key);
      spools.push(spool);
      await once(spool.file, "open");
      return spool;
    },
    async remove() {
      for (const spool of spools) spool.file.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** An append-only encrypted file: written once, closed, then read back once, in order. */
export class Spool {
  readonly file: WriteStream;
  private readonly iv = randomBytes(12);
  private readonly cipher;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private tag: Buffer | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly filePath: string,
    private readonly key: Buffer,
  ) {
    this.file = createWriteStream(filePath, { mode: 0o600 });
    this.cipher = createCipheriv(ALGORITHM, key, this.iv);
    // Kept and rethrown by the next write or close: an 'error' nobody listens to would crash the process.
    this.file.on("error", (error) => {
      this.failure = error;
    });
  }

  /** Appends text; resolves once the disk can take more (backpressure). */
  async write(text: string): Promise<void> {
    const bytes = Buffer.from(text, "utf8");
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= BATCH_BYTES) await this.flush();
  }

  /** Flushes and closes the file; the spool can then be read. */
  async close(): Promise<void> {
    if (this.tag) return;
    await this.flush();
    if (this.failure) throw this.failure;
    const last = this.cipher.final();
    this.tag = this.cipher.getAuthTag();
    this.file.end(last);
    await once(this.file, "finish");
  }

  /** The plain bytes, in order, one disk chunk at a time. Throws if the file was altered. */
  async *read(): AsyncGenerator<Buffer> {
    if (!this.tag) throw new Error("spool read before close");
    const decipher = createDecipheriv(ALGORITHM, this.key, this.iv);
    decipher.setAuthTag(this.tag);
    for await (const chunk of createReadStream(this.filePath)) {
      const plain = decipher.update(chunk as Buffer);
      if (plain.length > 0) yield plain;
    }
    const last = decipher.final();
    if (last.length > 0) yield last;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pendingBytes === 0) return;
    const encrypted = this.cipher.update(Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.file.write(encrypted)) await once(this.file, "drain");
  }
}
