// prisma/schema.prisma is the single source of truth: the PostgreSQL schema is derived from it,
// and both migration folders must build exactly the database it describes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Dialect } from "~/config.server";
import { migrate } from "~/db/migrate.server";
import {
  derivePostgresSchema,
  POSTGRES_SCHEMA,
  readSqliteSchema,
} from "../../scripts/lib/postgres-schema.mjs";
import { createEmptyDatabase, testDialects } from "../support/databases";

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

function fromEmptySql(dialect: Dialect): string {
  const schema = dialect === "sqlite" ? readSqliteSchema() : derivePostgresSchema(readSqliteSchema());
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigie-schema-")), "schema.prisma");
  writeFileSync(file, schema);
  return execFileSync(
    process.execPath,
    [
      "node_modules/prisma/build/index.js",
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      file,
      "--script",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
}

/** Tables, columns and indexes as the database reports them (not as the SQL was written). */
async function catalog(dialect: Dialect, url: string) {
  if (dialect === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""));
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_vigie_migrations' ORDER BY name`,
      )
      .all() as { name: string }[];
    const result = tables.map(({ name }) => ({
      name,
      // By name, without position: ALTER TABLE adds columns at the end, which changes nothing.
      columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; cid?: number }[])
        .map(({ cid: _position, ...column }) => column)
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
      // Positions (`seq` of an index in the list, `cid` of a column in its table) depend on the order
      // tables were altered in; names, uniqueness and each index's columns in order do not.
      indexes: (
        db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; seq?: number }[]
      )
        .map(({ seq: _position, ...index }) => ({
          ...index,
          columns: (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { cid?: number }[]).map(
            ({ cid: _column, ...column }) => column,
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
    db.close();
    return result;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_vigie_migrations' ORDER BY table_name, column_name`,
  );
  const indexes = await client.query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_vigie_migrations' ORDER BY indexname`,
  );
  const constraints = await client.query(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '_vigie%' ORDER BY conname`,
  );
  await client.end();
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
}

describe("schema sources", () => {
  it("prisma/postgres/schema.prisma is exactly what scripts/db-generate.mjs derives (run npm run db:generate)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readSqliteSchema()));
  });

  it("every change to prisma/schema.prisma has its migration (run npm run db:migration -- <name>)", () => {
    expect(readFileSync("prisma/migrations/schema.lock.prisma", "utf8")).toBe(readSqliteSchema());
  });

  it("both migration folders hold the same migrations", () => {
    const names = (dir: string) =>
      execFileSync("ls", [dir], { encoding: "utf8" })
        .split("\n")
        .filter((n) => /^\d{14}_/.test(n));
    expect(names("prisma/postgres/migrations")).toEqual(names("prisma/migrations"));
  });
});

describe.each(testDialects())("migrations on %s", (dialect) => {
  it("build the same database as the schema does from scratch", async () => {
    const viaMigrations = await createEmptyDatabase(dialect);
    const fromSchema = await createEmptyDatabase(dialect);
    drops.push(viaMigrations.drop, fromSchema.drop);
    await migrate(viaMigrations.url);
    const sql = fromEmptySql(dialect);
    if (dialect === "sqlite") {
      const db = new Database(fromSchema.url.replace(/^file:/, ""));
      db.exec(sql);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query(sql);
      await client.end();
    }
    expect(await catalog(dialect, viaMigrations.url)).toEqual(await catalog(dialect, fromSchema.url));
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const empty = await createEmptyDatabase(dialect);
    drops.push(empty.drop);
    await migrate(empty.url);
    const root = mkdtempSync(path.join(os.tmpdir(), "vigie-edited-"));
    const dir = dialect === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations";
    execFileSync("mkdir", ["-p", path.join(root, path.dirname(dir))]);
    execFileSync("cp", ["-r", dir, path.join(root, dir)]);
    const first = execFileSync("ls", [path.join(root, dir)], { encoding: "utf8" })
      .split("\n")
      .find((n) => /^\d{14}_/.test(n));
    const file = path.join(root, dir, first as string, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited\n`);
    await expect(migrate(empty.url, root)).rejects.toThrow(/was changed after it was applied/);
  });
});
