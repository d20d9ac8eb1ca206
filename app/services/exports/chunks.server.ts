// Encrypted, chunked blobs in the database (export parts and zips): written as a stream, read back
// as a stream, never whole in memory, readable by any web or worker process. The rows go through
// the client's own connection, not through Prisma, whose driver adapters turn every byte of a blob
// into a JavaScript number both ways (four times slower, megabytes of garbage per MiB; ADR 023).
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { createGunzip, gzip as gzipCallback } from "node:zlib";
import type BetterSqlite3 from "better-sqlite3";
import { type Db, rawDriverOf, withSqliteConnection } from "~/db/client.server";
import type { StagedPart } from "~/exports/archive-writer.server";
import type { PartStaging } from "~/exports/system-part.server";
import { concatPieces } from "~/utils/pieces";
import { openBytes, sealBytes } from "~/utils/secret-box.server";

export const CHUNK_BYTES = 1024 * 1024;

const gzip = promisify(gzipCallback);

/**
 * A part's portability text (`part:<system>:portable:<i>`) is gzipped before it is sealed: JSON
 * shrinks five to ten times. Zip entries and the zip are already compressed and stored as they are.
 */
const compressed = (kind: string) => /^part:[a-z]+:portable:/.test(kind);

const partKind = (system: string, name = "") => `part:${system}:${name}`;

/** Where a system's export job stages its part, and where the assembly reads it back. */
export function partStaging(
  db: Db,
  key: Buffer,
  archiveId: string,
  system: string,
): PartStaging & Pick<StagedPart, "read"> {
  return {
    writer: (name) => chunkSink(db, key, archiveId, partKind(system, name)).sink,
    read: (name) => readChunks(db, key, archiveId, partKind(system, name)),
  };
}

/** Removes what a system's part staged (before a rebuild): every stream of it. */
export async function deletePartChunks(db: Db, archiveId: string, system: string) {
  await db.exportChunk.deleteMany({ where: { archiveId, kind: { startsWith: partKind(system) } } });
}

/**
 * A writable that seals and stores what it receives as the next chunk of `kind`, about every
 * CHUNK_BYTES (counted in characters for text: up to three times that in bytes).
 */
export function chunkSink(db: Db, key: Buffer, archiveId: string, kind: string) {
  // Text (a part's portability items) is kept as text and encoded once per chunk.
  let pending: (string | Buffer)[] = [];
  let size = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    if (size === 0) return;
    const plain = concatPieces(pending);
    pending = [];
    size = 0;
    total += plain.length;
    const data = compressed(kind) ? await gzip(plain, { level: 1 }) : plain;
    await insertChunk(db, archiveId, kind, seq++, sealBytes(key, data));
  };
  const sink = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, callback) {
      pending.push(chunk);
      // Characters for text: only the size of a chunk depends on it.
      size += chunk.length;
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
    const sealed = await selectChunk(db, archiveId, kind, seq);
    if (!sealed) return;
    const data = openBytes(key, sealed);
    if (compressed(kind)) {
      // Inflated in 64 KiB pieces: short-lived, each is collected young (a whole MiB would outlive
      // its records' processing and pile up in the old generation until a full collection).
      yield* createGunzip({ chunkSize: 64 * 1024 }).end(data) as AsyncIterable<Buffer>;
    } else yield data;
  }
}

export async function deleteChunks(db: Db, archiveId: string, kind: string) {
  await db.exportChunk.deleteMany({ where: { archiveId, kind } });
}

const INSERT = `INSERT INTO "ExportChunk" ("archiveId", "kind", "seq", "data")`;
const SELECT = `SELECT "data" FROM "ExportChunk" WHERE "archiveId"`;
const statements = new WeakMap<
  BetterSqlite3.Database,
  { insert: BetterSqlite3.Statement; select: BetterSqlite3.Statement }
>();

function sqliteStatements(connection: BetterSqlite3.Database) {
  let prepared = statements.get(connection);
  if (!prepared) {
    prepared = {
      insert: connection.prepare(`${INSERT} VALUES (?, ?, ?, ?)`),
      select: connection.prepare(`${SELECT} = ? AND "kind" = ? AND "seq" = ?`).pluck(),
    };
    statements.set(connection, prepared);
  }
  return prepared;
}

async function insertChunk(db: Db, archiveId: string, kind: string, seq: number, data: Buffer) {
  const driver = await rawDriverOf(db);
  if (driver.dialect === "sqlite") {
    await withSqliteConnection(db, (connection) =>
      sqliteStatements(connection).insert.run(archiveId, kind, seq, data),
    );
  } else await driver.pool.query(`${INSERT} VALUES ($1, $2, $3, $4)`, [archiveId, kind, seq, data]);
}

async function selectChunk(db: Db, archiveId: string, kind: string, seq: number): Promise<Buffer | null> {
  const driver = await rawDriverOf(db);
  if (driver.dialect === "sqlite") {
    return withSqliteConnection(
      db,
      (connection) =>
        (sqliteStatements(connection).select.get(archiveId, kind, seq) as Buffer | undefined) ?? null,
    );
  }
  const { rows } = await driver.pool.query<{ data: Buffer }>(
    `${SELECT} = $1 AND "kind" = $2 AND "seq" = $3`,
    [archiveId, kind, seq],
  );
  return rows[0]?.data ?? null;
}
