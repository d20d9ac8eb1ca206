// Builds a Prisma client for a database URL: SQLite through better-sqlite3, PostgreSQL through
// pg. Both clients are generated from the same models (prisma/schema.prisma is the source of
// truth; docs/decisions/003-sqlite-default-postgres-option.md), so one type serves both.
import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { type Dialect, dialectOf } from "~/config.server";

export type Db = PrismaClient;
/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type Database = { db: Db; dialect: Dialect; url: string };

export async function createDatabase(url: string): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    // better-sqlite3 waits up to `timeout` ms for another process's write lock (server + worker).
    const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
    return { db: new PrismaClient({ adapter }), dialect, url };
  }
  // The PostgreSQL client is generated beside the SQLite one (scripts/db-generate.mjs). NOTE:
  // require(), not import: ".prisma/…" is not a valid ESM package name, and the server bundle
  // must leave this generated code external.
  const { PrismaClient: PostgresClient } = createRequire(import.meta.url)(".prisma/client-postgres") as {
    PrismaClient: typeof PrismaClient;
  };
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return { db: new PostgresClient({ adapter }), dialect, url };
}
