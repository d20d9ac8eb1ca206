// `npm run db:migration -- <name>`: writes the SQL that takes the database from the schema of the
// last migration (prisma/migrations/schema.lock.prisma) to prisma/schema.prisma, for SQLite and
// for PostgreSQL, under the same migration name; then moves the lock forward.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivePostgresSchema, readSqliteSchema, SQLITE_SCHEMA } from "./lib/postgres-schema.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}
const LOCK = path.join("prisma", "migrations", "schema.lock.prisma");
const current = readSqliteSchema();
const previous = existsSync(LOCK) ? readFileSync(LOCK, "utf8") : null;
if (previous === current) {
  console.log("prisma/schema.prisma has not changed since the last migration: nothing to do");
  process.exit(0);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "vigie-migration-"));
const prisma = path.join("node_modules", "prisma", "build", "index.js");
function diff(fromSchema, toSchema) {
  const to = path.join(tmp, `to-${Math.random().toString(36).slice(2)}.prisma`);
  writeFileSync(to, toSchema);
  const from = ["--from-empty"];
  if (fromSchema) {
    const file = path.join(tmp, `from-${Math.random().toString(36).slice(2)}.prisma`);
    writeFileSync(file, fromSchema);
    from.splice(0, 1, "--from-schema-datamodel", file);
  }
  return execFileSync(
    process.execPath,
    [prisma, "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const outputs = [
  [path.join("prisma", "migrations", folder), diff(previous, current)],
  [
    path.join("prisma", "postgres", "migrations", folder),
    diff(previous && derivePostgresSchema(previous), derivePostgresSchema(current)),
  ],
];
for (const [dir, sql] of outputs) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}
copyFileSync(SQLITE_SCHEMA, LOCK);
