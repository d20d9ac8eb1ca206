// Derives the PostgreSQL Prisma schema from the SQLite one (the single source of truth).
// Used by db-generate.mjs and db-migration.mjs, and checked by tests/db/schema-drift.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");
/**
 * Where the PostgreSQL client is generated: beside Prisma's default `.prisma/client` (the SQLite
 * one), a folder npm leaves alone when it prunes node_modules. Loaded with require() by
 * app/db/client.server.ts.
 */
export const POSTGRES_CLIENT_DIR = ".prisma/client-postgres";

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/db-generate.mjs. Do not edit:
// change prisma/schema.prisma and run \`npm run db:generate\`.
`;

/** @param {string} sqliteSchema */
export function derivePostgresSchema(sqliteSchema) {
  const generator = /generator client \{[^}]*\}/;
  const datasource = /datasource db \{[^}]*\}/;
  if (!generator.test(sqliteSchema) || !datasource.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma must have one `generator client` and one `datasource db` block");
  }
  if (/@db\.|provider\s*=\s*"(?!sqlite|prisma-client-js)/.test(sqliteSchema)) {
    throw new Error("prisma/schema.prisma must stay portable: no native @db.* types or other providers");
  }
  return (
    HEADER +
    sqliteSchema
      .replace(
        generator,
        `generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n  output     = "../../node_modules/${POSTGRES_CLIENT_DIR}"\n}`,
      )
      .replace(
        datasource,
        `datasource db {\n  provider = "postgresql"\n  url      = "postgresql://postgres@127.0.0.1:5432/vigie"\n}`,
      )
  );
}

export function readSqliteSchema() {
  return readFileSync(SQLITE_SCHEMA, "utf8");
}
