// Applies the SQL migrations in prisma/migrations (SQLite) or prisma/postgres/migrations
// (PostgreSQL), in name order, each in its own transaction, recording what it applied in
// _vigie_migrations. Several processes may start at once: SQLite serialises them with
// BEGIN IMMEDIATE, PostgreSQL with an advisory lock. See docs/decisions/003-sqlite-default-postgres-option.md.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type Dialect, dialectOf } from "~/config.server";

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

const MIGRATIONS_TABLE = "_vigie_migrations";
// Any constant works; it only has to be the same in every Vigie process.
const PG_ADVISORY_LOCK_KEY = 7_301_990_211;

export function migrationsDir(dialect: Dialect, root = process.cwd()) {
  return dialect === "sqlite"
    ? path.join(root, "prisma", "migrations")
    : path.join(root, "prisma", "postgres", "migrations");
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const known = all.find((m) => m.name === name);
    if (!known) throw new MigrationError(`database has migration ${name}, which this version does not know`);
    if (known.checksum !== checksum) {
      throw new MigrationError(
        `migration ${name} was changed after it was applied; write a new migration instead`,
      );
    }
  }
  return all.filter((m) => !applied.has(m.name));
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets the web process read while the worker writes; the setting persists in the file.
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
    );
    db.exec("BEGIN IMMEDIATE");
    try {
      const rows = db.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`).all() as {
        name: string;
        checksum: string;
      }[];
      const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
      const record = db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" VALUES (?, ?, ?)`);
      for (const m of todo) {
        db.exec(m.sql);
        record.run(m.name, m.checksum, new Date().toISOString());
      }
      db.exec("COMMIT");
      return todo.map((m) => m.name);
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_ADVISORY_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`,
    );
    const todo = pending(migrations, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql); // simple query protocol: several statements at once
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" VALUES ($1, $2, now())`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** Applies pending migrations to the database at `url`; returns the names it applied. */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const dialect = dialectOf(url);
  const migrations = readMigrations(migrationsDir(dialect, root));
  return dialect === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
