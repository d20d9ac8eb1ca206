// Builds a Prisma client for a database URL: SQLite through better-sqlite3, PostgreSQL through
// pg. Both clients are generated from the same models (prisma/schema.prisma is the source of
// truth; docs/decisions/003-sqlite-default-postgres-option.md), so one type serves both.
import { randomUUID } from "node:crypto";
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

// The callbacks each open transaction runs once it has committed, keyed by its client. On
// globalThis: a module bundled twice (the sandbox's own bundle) still reaches the same ones.
const AFTER_COMMIT = Symbol.for("vigie.db.afterCommit");
const globals = globalThis as { [AFTER_COMMIT]?: WeakMap<object, (() => void)[]> };
globals[AFTER_COMMIT] ??= new WeakMap();
const pendingAfterCommit = globals[AFTER_COMMIT];

/**
 * Runs `callback` once what `client` wrote is committed: at once for a client outside a
 * transaction, after the commit for one inside `db.$transaction(async (tx) => …)`, never when that
 * transaction rolls back. How the job queue wakes workers for what a transaction enqueued.
 */
export function afterCommit(client: Db | Tx, callback: () => void) {
  const pending = pendingAfterCommit.get(client);
  if (pending) pending.push(callback);
  else queueMicrotask(callback);
}

// The work each open transaction does last, just before it commits, keyed by its client.
const BEFORE_COMMIT = Symbol.for("vigie.db.beforeCommit");
const lastGlobals = globalThis as { [BEFORE_COMMIT]?: WeakMap<object, (() => Promise<unknown>)[]> };
lastGlobals[BEFORE_COMMIT] ??= new WeakMap();
const pendingBeforeCommit = lastGlobals[BEFORE_COMMIT];

/**
 * Runs `task` in the transaction `client` is, after the rest of its work and just before it
 * commits (tasks in the order given); false, and nothing done, for a client outside one. How an
 * audit append holds its shop's chain lock only for the end of its transaction.
 */
export function beforeCommit(client: Db | Tx, task: () => Promise<unknown>): boolean {
  const pending = pendingBeforeCommit.get(client);
  if (!pending) return false;
  pending.push(task);
  return true;
}

/**
 * Makes `db.$transaction(fn)` run the tasks `beforeCommit` registered in it last, and the callbacks
 * `afterCommit` registered in it once committed.
 */
function runAfterCommitCallbacks(db: Db) {
  const transaction = db.$transaction.bind(db) as (arg: unknown, options?: unknown) => Promise<unknown>;
  (db as { $transaction: unknown }).$transaction = async (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return transaction(arg, options);
    const callbacks: (() => void)[] = [];
    const result = await transaction(async (tx: Tx) => {
      transactionsOf.set(tx, db);
      pendingAfterCommit.set(tx, callbacks);
      const tasks: (() => Promise<unknown>)[] = [];
      pendingBeforeCommit.set(tx, tasks);
      const value = await (arg as (tx: Tx) => unknown)(tx);
      // A task may register another: run until none is left.
      for (let i = 0; i < tasks.length; i++) await (tasks[i] as () => Promise<unknown>)();
      return value;
    }, options);
    for (const callback of callbacks) callback();
    return result;
  };
}

/**
 * The connection under a client, for the few statements that bypass Prisma: blobs, which its
 * driver adapters turn into one JavaScript number per byte, both ways (docs/decisions/023).
 */
export type RawDriver =
  | { dialect: "sqlite"; connection: BetterSqlite3.Database }
  | { dialect: "postgres"; pool: pg.Pool };

type Driver = {
  dialect: Dialect;
  raw: () => Promise<RawDriver>;
  lock?: { run<T>(fn: () => T): Promise<T> };
  /** PostgreSQL: the pool connection a transaction's statements run on, while it is open. */
  transactionConnection?: (tx: Tx) => Promise<{ connection: pg.PoolClient; open(): boolean }>;
  /** SQLite: counts transactions begun and ended; unchanged while one stays open. */
  transactions?: () => number;
};
// On globalThis, as the commit callbacks above: the sandbox's own bundle reaches the same clients.
const DRIVERS = Symbol.for("vigie.db.drivers");
const TRANSACTIONS = Symbol.for("vigie.db.transactions");
const driverGlobals = globalThis as {
  [DRIVERS]?: WeakMap<object, Driver>;
  [TRANSACTIONS]?: WeakMap<object, Db>;
};
driverGlobals[DRIVERS] ??= new WeakMap();
driverGlobals[TRANSACTIONS] ??= new WeakMap();
const drivers = driverGlobals[DRIVERS];
// The client each open transaction's client belongs to.
const transactionsOf = driverGlobals[TRANSACTIONS];

function registered(db: Db | Tx) {
  const driver = drivers.get(db);
  if (!driver) throw new Error("not a client made by createDatabase");
  return driver;
}

/** The driver under a client or a transaction's client (app/db/direct.server.ts). */
export function driverOf(client: Db | Tx): Driver & { inTransaction: boolean } {
  const parent = transactionsOf.get(client);
  return { ...registered(parent ?? client), inTransaction: parent !== undefined };
}

// A statement no connection sends: it tells which pool connection a transaction holds.
const CONNECTION_MARKER = "SELECT /* vigie: this transaction's connection */ ";

/**
 * Finds a Prisma transaction's pool connection: the transaction sends a marker statement with a
 * token, which the connection answers itself (no round trip) while noting the token.
 */
function transactionConnections(pool: pg.Pool) {
  const byToken = new Map<string, pg.PoolClient>();
  // A transaction ends by handing its connection back (Prisma's commit, rollback or timeout).
  const releases = new WeakMap<object, number>();
  pool.on("release", (_error, client) => releases.set(client, (releases.get(client) ?? 0) + 1));
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const config = args[0] as { text?: unknown; values?: unknown[] } | undefined;
      if (typeof config?.text === "string" && config.text.startsWith(CONNECTION_MARKER)) {
        const values = (Array.isArray(args[1]) ? args[1] : config.values) ?? [];
        byToken.set(String(values[0]), client as pg.PoolClient);
        return Promise.resolve({ command: "SELECT", rowCount: 0, rows: [], fields: [] });
      }
      return query(...args);
    };
  });
  return async (tx: Tx) => {
    const token = randomUUID();
    await tx.$executeRawUnsafe(`${CONNECTION_MARKER}$1`, token);
    const connection = byToken.get(token);
    byToken.delete(token);
    if (!connection) throw new Error("the transaction's connection was not found");
    const released = releases.get(connection) ?? 0;
    return { connection, open: () => (releases.get(connection) ?? 0) === released };
  };
}

/** The client's own connection (SQLite) or pool (PostgreSQL), connecting it if needed. */
export function rawDriverOf(db: Db): Promise<RawDriver> {
  return registered(db).raw();
}

/**
 * Runs `fn` on the client's SQLite connection when no transaction is open on it (see
 * SqliteAdapterFactory): a raw statement then commits on its own, never inside another's.
 */
export async function withSqliteConnection<T>(
  db: Db,
  fn: (connection: BetterSqlite3.Database) => T,
): Promise<T> {
  const driver = registered(db);
  if (!driver.lock) throw new Error("not a SQLite client");
  const raw = await driver.raw();
  if (raw.dialect !== "sqlite") throw new Error("not a SQLite client");
  return driver.lock.run(() => fn(raw.connection));
}

/** A FIFO lock: `run(fn)` runs fn once every earlier holder has released. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

type AdapterMethods = {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<unknown>;
  startTransaction(level?: unknown): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
};

/**
 * Captures the better-sqlite3 connection Prisma opens, so raw statements share it, and gives the
 * connection to one user at a time. Every Prisma client of a process talks to SQLite through this
 * one connection; the adapter only serialises transactions, so a statement sent outside a
 * transaction while another job's transaction was open ran inside it: rolled back with it (an
 * error) or lost with it (a crash) after its caller had gone on as if it were stored. Here a
 * statement outside a transaction waits until the open one commits or rolls back.
 */
class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  connection: BetterSqlite3.Database | null = null;
  readonly lock = new Lock();
  /** Transactions begun plus ended: unchanged while one stays open. */
  transactions = 0;

  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: unknown }).client;
    if (!(connection instanceof BetterSqlite3)) throw new Error("unexpected SQLite driver adapter");
    this.connection = connection;
    // Prisma begins its transactions DEFERRED: one that reads, then writes, fails at once
    // (SQLITE_BUSY) when another process (a worker, a script) committed in between, its snapshot
    // being stale. IMMEDIATE takes the write lock at BEGIN, waiting for another process's as long
    // as the busy timeout allows. Within this process the lock below serialises them anyway.
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((source: string) =>
      prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof connection.prepare;
    const methods = adapter as unknown as AdapterMethods;
    const { lock } = this;
    const counted = () => {
      this.transactions++;
    };
    const queryRaw = methods.queryRaw.bind(adapter);
    const executeRaw = methods.executeRaw.bind(adapter);
    const startTransaction = methods.startTransaction.bind(adapter);
    methods.queryRaw = (query) => lock.run(() => queryRaw(query));
    methods.executeRaw = (query) => lock.run(() => executeRaw(query));
    methods.startTransaction = async (level) => {
      const release = await lock.acquire();
      try {
        const transaction = await startTransaction(level);
        counted();
        const commit = transaction.commit.bind(transaction);
        const rollback = transaction.rollback.bind(transaction);
        // Prisma sends COMMIT or ROLLBACK through the transaction, then calls these.
        transaction.commit = () => commit().finally(counted).finally(release);
        transaction.rollback = () => rollback().finally(counted).finally(release);
        return transaction;
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  }
}

/** The session setting every PostgreSQL connection of the app starts with (docs/decisions/092). */
const NO_PARALLEL_PLANS = "-c max_parallel_workers_per_gather=0";

export async function createDatabase(url: string): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === "sqlite") {
    // better-sqlite3 waits up to `timeout` ms for another process's write lock (server + worker).
    const adapter = new SqliteAdapterFactory({ url, timeout: 10_000 });
    const db = new PrismaClient({ adapter });
    runAfterCommitCallbacks(db);
    drivers.set(db, {
      dialect,
      raw: async () => {
        if (!adapter.connection?.open) await db.$connect();
        return { dialect, connection: adapter.connection as BetterSqlite3.Database };
      },
      lock: adapter.lock,
      transactions: () => adapter.transactions,
    });
    return { db, dialect, url };
  }
  // The PostgreSQL client is generated beside the SQLite one (scripts/db-generate.mjs). NOTE:
  // require(), not import: ".prisma/…" is not a valid ESM package name, and the server bundle
  // must leave this generated code external.
  const { PrismaClient: PostgresClient } = createRequire(import.meta.url)(".prisma/client-postgres") as {
    PrismaClient: typeof PrismaClient;
  };
  // Our pool, shared with raw statements; Prisma ends it on $disconnect. No parallel plans: for the
  // capped counts and short walks the pages run, PostgreSQL's parallel workers cost more than they
  // save, and they take the cores the intake needs (docs/decisions/092).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: NO_PARALLEL_PLANS });
  // An idle connection the server dropped is replaced by the pool; queries report their own errors.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PostgresClient({ adapter });
  runAfterCommitCallbacks(db);
  drivers.set(db, {
    dialect,
    raw: async () => ({ dialect, pool }),
    transactionConnection: transactionConnections(pool),
  });
  return { db, dialect, url };
}
