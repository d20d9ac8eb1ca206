// Statements sent to the database driver itself, inside a Prisma transaction or outside one, for
// the hot paths Prisma makes slow: its client compiles every query in WebAssembly and maps every
// row in JavaScript, 1.5 to 3 ms of CPU for a read of 200 rows where the driver takes 0.8
// (docs/decisions/095). Values are stored, and rows read back, exactly as Prisma stores and reads
// them, so both kinds of statement see the same data.
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { Dialect } from "~/config.server";
import { type Db, driverOf, type Tx, withSqliteConnection } from "./client.server";
import { placeholders, questionMarks } from "./sql";

export type Row = Record<string, unknown>;

/** Statements written once with `?` placeholders, on either database. */
export type Direct = {
  dialect: Dialect;
  /** The rows a statement returns: instants as Dates, booleans as booleans, as Prisma gives them. */
  all<T extends Row = Row>(sql: string, values?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, values?: readonly unknown[]): Promise<number>;
};

/** Instants as the text Prisma stores: SQLite ISO 8601 with an offset, PostgreSQL UTC without one. */
export const sqliteTime = (at: Date) => at.toISOString().replace("Z", "+00:00");
export const postgresTime = (at: Date) => at.toISOString().replace("Z", "");

function bind(dialect: Dialect, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return dialect === "sqlite" ? sqliteTime(value) : postgresTime(value);
  if (typeof value === "boolean" && dialect === "sqlite") return value ? 1 : 0;
  return value;
}

/**
 * A stored SQLite instant as Prisma reads it: its own ISO 8601 text, else SQLite's
 * `CURRENT_TIMESTAMP` text (UTC without a zone), else milliseconds.
 */
function sqliteInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  return new Date(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(" ", "T")}Z` : text,
  );
}

// PostgreSQL `timestamp` (without zone) holds UTC, as Prisma writes it; `bigint` counts as numbers.
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const parsers = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === INT8_OID) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};

// Statements numbered for PostgreSQL, by their text: a batch's are the same few, run again and again.
const numbered = new Map<string, string>();
function numberedOnce(sql: string) {
  let text = numbered.get(sql);
  if (text === undefined) {
    text = placeholders("postgres", sql);
    if (numbered.size >= 500) numbered.clear();
    numbered.set(sql, text);
  }
  return text;
}

// Prisma closes a transaction that outlives its timeout while the code that opened it runs on: a
// statement sent after that would run outside it, or inside another's on the pooled connection.
const closed = () => new Error("Transaction already closed: its statements can no longer run");

function postgresDirect(queryable: pg.Pool | pg.PoolClient, open = () => true): Direct {
  const query = async (sql: string, values: readonly unknown[]) => {
    if (!open()) throw closed();
    return queryable.query({
      text: numberedOnce(sql),
      values: values.map((value) => bind("postgres", value)),
      types: parsers,
    });
  };
  return {
    dialect: "postgres",
    all: async <T extends Row>(sql: string, values: readonly unknown[] = []) =>
      (await query(sql, values)).rows as T[],
    run: async (sql, values = []) => (await query(sql, values)).rowCount ?? 0,
  };
}

type Prepared = { statement: BetterSqlite3.Statement; dates: string[]; booleans: string[] };
const preparedOf = new WeakMap<BetterSqlite3.Database, Map<string, Prepared>>();

function prepare(connection: BetterSqlite3.Database, sql: string): Prepared {
  const cache = preparedOf.get(connection) ?? new Map<string, Prepared>();
  preparedOf.set(connection, cache);
  let prepared = cache.get(sql);
  if (!prepared) {
    // Integers as numbers, as Prisma gives them (its adapter sets the connection to BigInts).
    const statement = connection.prepare(sql).safeIntegers(false);
    // Decoded by the columns' declared types, as Prisma's adapter decodes them.
    const columns = statement.reader ? statement.columns() : [];
    const typed = (type: string) =>
      columns.filter((column) => column.type?.toUpperCase() === type).map((column) => column.name);
    prepared = { statement, dates: typed("DATETIME"), booleans: typed("BOOLEAN") };
    // Statements differ by the length of their IN lists: a bounded cache.
    if (cache.size >= 500) cache.clear();
    cache.set(sql, prepared);
  }
  return prepared;
}

function sqliteDirect(run: <T>(fn: (connection: BetterSqlite3.Database) => T) => Promise<T>): Direct {
  const args = (values: readonly unknown[]) => values.map((value) => bind("sqlite", value));
  return {
    dialect: "sqlite",
    all: <T extends Row>(sql: string, values: readonly unknown[] = []) =>
      run((connection) => {
        const { statement, dates, booleans } = prepare(connection, sql);
        if (!statement.reader) {
          statement.run(...args(values));
          return [] as T[];
        }
        const rows = statement.all(...args(values)) as Row[];
        for (const row of rows) {
          for (const name of dates) row[name] = sqliteInstant(row[name]);
          for (const name of booleans) if (row[name] !== null) row[name] = Boolean(row[name]);
        }
        return rows as T[];
      }),
    run: (sql, values = []) =>
      run((connection) => prepare(connection, sql).statement.run(...args(values)).changes),
  };
}

const directOf = new WeakMap<object, Promise<Direct>>();

/**
 * The driver under `client`: inside a transaction, its own connection (its statements are part
 * of it); outside one, the pool (PostgreSQL) or the connection once no transaction holds it (SQLite).
 */
export function direct(client: Db | Tx): Promise<Direct> {
  let found = directOf.get(client);
  if (!found) {
    found = open(client);
    directOf.set(client, found);
  }
  return found;
}

async function open(client: Db | Tx): Promise<Direct> {
  const driver = driverOf(client);
  const raw = await driver.raw();
  if (raw.dialect === "sqlite") {
    if (!driver.inTransaction) return sqliteDirect((fn) => withSqliteConnection(client as Db, fn));
    const { transactions } = driver;
    if (!transactions) throw new Error("not a SQLite client");
    // A transaction holds the one connection until it ends: its statements run at once.
    const begun = transactions();
    return sqliteDirect(async (fn) => {
      if (transactions() !== begun) throw closed();
      return fn(raw.connection);
    });
  }
  if (!driver.inTransaction) return postgresDirect(raw.pool);
  const find = driver.transactionConnection;
  if (!find) throw new Error("not a PostgreSQL client");
  const { connection, open } = await find(client as Tx);
  return postgresDirect(connection, open);
}

/**
 * Inserts rows (all with the same columns, in the table's own names) in as few statements as the
 * drivers' parameter limits allow, in the caller's transaction; `suffix` ends each statement (a
 * conflict clause, RETURNING), whose rows are returned. Prisma's createMany compiles every call
 * anew, about 1.5 ms a row for the ledger's columns (docs/decisions/080). `table`, the columns
 * and `suffix` come from code.
 */
export async function insertRows<T extends Row = Row>(
  client: Db | Tx,
  table: string,
  rows: Record<string, unknown>[],
  suffix = "",
): Promise<T[]> {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) return [];
  const sql = await direct(client);
  const into = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  const row = `(${questionMarks(columns.length)})`;
  // SQLite allows 32 766 parameters a statement, PostgreSQL 65 535.
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const returned: T[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.flatMap((item) => columns.map((column) => item[column]));
    const statement = `${into}${Array.from(chunk, () => row).join(", ")} ${suffix}`;
    if (suffix.includes("RETURNING")) returned.push(...(await sql.all<T>(statement, values)));
    else await sql.run(statement, values);
  }
  return returned;
}
