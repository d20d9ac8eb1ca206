// Builds a Prisma client for a database URL: SQLite through better-sqlite3, PostgreSQL through
// pg. Both clients are generated from the same models (prisma/schema.prisma is the source of
// truth; docs/decisions/003-sqlite-default-postgres-option.md), so one type serves both.
import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { type Dialect, dialectOf } from "~/config.server";

export type Db = PrismaClient;
/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type Database = { db: Db; dialect: Dialect; url: string };

/**
 * The connection under a client, for the few statements that bypass Prisma: blobs, which its
 * driver adapters turn into one JavaScript number per byte, both ways (docs/decisions/023).
 */
export type RawDriver =
  | { dialect: "sqlite"; connection: BetterSqlite3.Database }
  | { dialect: "postgres"; pool: pg.Pool };

const drivers = new WeakMap<object, { dialect: Dialect; raw: () => Promise<RawDriver> }>();

function registered(db: Db | Tx) {
  const driver = drivers.get(db);
  if (!driver) throw new Error("not a client made by createDatabase");
  return driver;
}

/** The dialect a client speaks, for the few statements written in SQL. */
export function dialectOfClient(db: Db | Tx): Dialect {
  return registered(db).dialect;
}

/** The client's own connection (SQLite) or pool (PostgreSQL), connecting it if needed. */
export function rawDriverOf(db: Db): Promise<RawDriver> {
  return registered(db).raw();
}

/** Captures the better-sqlite3 connection Prisma opens, so raw statements share it (and its locks). */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  connection: BetterSqlite3.Database | null = null;

  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: unknown }).client;
    if (!(connection instanceof BetterSqlite3)) throw new Error("unexpected SQLite driver adapter");
    this.connection = connection;
    return adapter;
  }
}

export async function createDatabase(url: string): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    // better-sqlite3 waits up to `timeout` ms for another process's write lock (server + worker).
    const adapter = new SqliteAdapterFactory({ url, timeout: 10_000 });
    const db = new PrismaClient({ adapter });
    drivers.set(db, {
      dialect,
      raw: async () => {
        if (!adapter.connection?.open) await db.$connect();
        return { dialect, connection: adapter.connection as BetterSqlite3.Database };
      },
    });
    return { db, dialect, url };
  }
  // The PostgreSQL client is generated beside the SQLite one (scripts/db-generate.mjs). NOTE:
  // require(), not import: ".prisma/…" is not a valid ESM package name, and the server bundle
  // must leave this generated code external.
  const { PrismaClient: PostgresClient } = createRequire(import.meta.url)(".prisma/client-postgres") as {
    PrismaClient: typeof PrismaClient;
  };
  // Our pool, shared with raw statements; Prisma ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server dropped is replaced by the pool; queries report their own errors.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PostgresClient({ adapter });
  drivers.set(db, { dialect, raw: async () => ({ dialect, pool }) });
  return { db, dialect, url };
}
