// Writes prisma/postgres/schema.prisma from prisma/schema.prisma, then generates both Prisma
// clients (SQLite → @prisma/client, PostgreSQL → @vigie/prisma-client-postgres). Runs on install.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  derivePostgresSchema,
  POSTGRES_SCHEMA,
  readSqliteSchema,
  SQLITE_SCHEMA,
} from "./lib/postgres-schema.mjs";

const derived = derivePostgresSchema(readSqliteSchema());
mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
if (!existsSync(POSTGRES_SCHEMA) || readFileSync(POSTGRES_SCHEMA, "utf8") !== derived) {
  writeFileSync(POSTGRES_SCHEMA, derived);
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}

const prisma = path.join("node_modules", "prisma", "build", "index.js");
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  execFileSync(process.execPath, [prisma, "generate", "--no-hints"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, VIGIE_PRISMA_SCHEMA: schema, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("generated Prisma clients for SQLite and PostgreSQL");
