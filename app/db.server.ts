// The process's database client, opened once at boot by app/runtime.server.ts.
import type { Dialect } from "~/config.server";
import { createDatabase, type Database, type Db } from "~/db/client.server";

let database: Database | undefined;

export async function openDatabase(url: string): Promise<Database> {
  database ??= await createDatabase(url);
  return database;
}

/** The shared client. NOTE: throws before boot; route modules call it inside loaders, not at import. */
export function getDb(): Db {
  if (!database) throw new Error("the database is not open yet (openDatabase runs at boot)");
  return database.db;
}

export function getDialect(): Dialect {
  if (!database) throw new Error("the database is not open yet (openDatabase runs at boot)");
  return database.dialect;
}

export async function closeDatabase() {
  await database?.db.$disconnect();
  database = undefined;
}
