// consent.lookup_ms: the current newsletter state of one shopper, found by e-mail, in a shop whose
// ledger holds BENCH_EVENTS (10 000 000) events (a tenth as many shoppers), through the same queries
// the app runs, on SQLite and on PostgreSQL (a database of its own on TEST_POSTGRES_URL). Rows are
// written straight with the driver for speed; their hashes are not meaningful here (the lookup
// never reads the chain: it reads the derived, indexed state). Both are filled set-based (INSERT …
// SELECT over a count), their secondary indexes dropped meanwhile and built again from their own
// definitions: row by row took 463 s on PostgreSQL. Ids are zero-padded so that their text order is
// the order written: each primary key then grows at its right edge, instead of touching a random page
// of a multi-gigabyte index per row. BENCH_EVENTS sizes the ledger.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { currentConsent } from "~/services/consent-ledger.server";
import { type BenchDatabase, benchDatabases, loadNow, postgresDatabase } from "./lib.mjs";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const SUBJECTS = EVENTS / 10;
const LOOKUPS = 2000;
const WORDING = "Je souhaite recevoir les actualités de iméra par e-mail";

/** Seconds since `t0`, logged with `step` (stderr): where the fill spends its time. */
function step(database: string, what: string, t0: number) {
  console.error(`consent bench (${database}): ${what} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * A million events per statement, from a recursive count (SQLite has no generate_series), its
 * secondary indexes dropped meanwhile and built again from their own definitions.
 */
function fillSqlite(file: string) {
  const raw = new Database(file);
  raw.pragma("synchronous = OFF");
  raw.pragma("journal_mode = MEMORY");
  const t0 = performance.now();
  const now = `strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')`;
  const indexes = raw
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('Subject', 'ConsentEvent', 'ConsentState')`,
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) raw.exec(`DROP INDEX "${name}"`);
  raw.exec(`INSERT INTO "Shop" ("id", "domain", "updatedAt") VALUES ('shop', 'bench.myshopify.com', ${now})`);
  const count = (from: string, to: string) =>
    `WITH RECURSIVE n(g) AS (SELECT ${from} UNION ALL SELECT g + 1 FROM n WHERE g < ${to})`;
  raw
    .prepare(
      `${count("0", "? - 1")}
       INSERT INTO "Subject" ("id", "shopId", "email", "shopifyCustomerId", "updatedAt")
       SELECT 'subject-' || printf('%09d', g), 'shop', 'shopper' || g || '@example.com', CAST(100000 + g AS TEXT), ${now} FROM n`,
    )
    .run(SUBJECTS);
  const events = raw.prepare(
    `${count("?", "?")}
     INSERT INTO "ConsentEvent" ("id", "shopId", "seq", "kind", "purpose", "lawfulBasis", "source", "occurredAt",
       "recordedAt", "commitment", "prevHash", "hash", "salt", "subjectId", "email", "wording", "noticeVersion", "wordingLocale")
     SELECT 'event-' || printf('%09d', g), 'shop', g, CASE WHEN (g - 1) % 2 = 0 THEN 'granted' ELSE 'withdrawn' END,
            'newsletter', 'consent', 'checkout', at, at, h, h, h, h,
            'subject-' || printf('%09d', (g - 1) / 10), 'shopper' || ((g - 1) / 10) || '@example.com', ?, '2022-10-31', 'fr'
       FROM (SELECT g, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-' || (10 - (g - 1) % 10) || ' days') AS at,
                    lower(hex(randomblob(32))) AS h FROM n)`,
  );
  for (let from = 1; from <= EVENTS; from += 1_000_000)
    events.run(from, Math.min(EVENTS, from + 999_999), WORDING);
  raw
    .prepare(
      `${count("0", "? - 1")}
       INSERT INTO "ConsentState" ("subjectId", "shopId", "purpose", "status", "lawfulBasis", "since", "lastEventId", "updatedAt")
       SELECT 'subject-' || printf('%09d', g), 'shop', 'newsletter', 'unsubscribed', 'consent', ${now}, 'event-' || printf('%09d', g * 10 + 10), ${now} FROM n`,
    )
    .run(SUBJECTS);
  step("sqlite", "rows written", t0);
  for (const { sql } of indexes) raw.exec(sql);
  raw.exec("ANALYZE");
  step("sqlite", "indexes built", t0);
  raw.close();
}

/** The same rows as fillSqlite, set-based, a million events per statement. */
async function fillPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = `'Subject', 'ConsentEvent', 'ConsentState'`;
  const t0 = performance.now();
  try {
    // Bulk-load settings of this session only: the foreign-key triggers off (the rows are made
    // consistent here), no wait for the WAL's flush, room to sort while building the indexes.
    await client.query("SET session_replication_role = replica");
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename IN (${tables})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    const now = `(now() AT TIME ZONE 'UTC')`;
    await client.query(
      `INSERT INTO "Shop" ("id", "domain", "updatedAt") VALUES ('shop', 'bench.myshopify.com', ${now})`,
    );
    await client.query(
      `INSERT INTO "Subject" ("id", "shopId", "email", "shopifyCustomerId", "updatedAt")
       SELECT 'subject-' || lpad(s::text, 9, '0'), 'shop', 'shopper' || s || '@example.com', (100000 + s)::text, ${now}
         FROM generate_series(0, $1::int - 1) s`,
      [SUBJECTS],
    );
    for (let from = 1; from <= EVENTS; from += 1_000_000) {
      const to = Math.min(EVENTS, from + 999_999);
      await client.query(
        `INSERT INTO "ConsentEvent" ("id", "shopId", "seq", "kind", "purpose", "lawfulBasis", "source", "occurredAt",
           "recordedAt", "commitment", "prevHash", "hash", "salt", "subjectId", "email", "wording", "noticeVersion", "wordingLocale")
         SELECT 'event-' || lpad(g::text, 9, '0'), 'shop', g, CASE WHEN (g - 1) % 2 = 0 THEN 'granted' ELSE 'withdrawn' END,
                'newsletter', 'consent', 'checkout', at, at, h, h, h, h,
                'subject-' || lpad(((g - 1) / 10)::text, 9, '0'), 'shopper' || ((g - 1) / 10) || '@example.com', $3, '2022-10-31', 'fr'
           FROM generate_series($1::int, $2::int) g,
                LATERAL (SELECT ${now} - (10 - (g - 1) % 10) * interval '1 day' AS at,
                                md5(g::text) || md5(g::text) AS h) x`,
        [from, to, WORDING],
      );
    }
    await client.query(
      `INSERT INTO "ConsentState" ("subjectId", "shopId", "purpose", "status", "lawfulBasis", "since", "lastEventId", "updatedAt")
       SELECT 'subject-' || lpad(s::text, 9, '0'), 'shop', 'newsletter', 'unsubscribed', 'consent', ${now}, 'event-' || lpad((s * 10 + 10)::text, 9, '0'), ${now}
         FROM generate_series(0, $1::int - 1) s`,
      [SUBJECTS],
    );
    step("postgres", "rows written", t0);
    for (const { definition } of indexes) await client.query(definition);
    await client.query(`ANALYZE "Subject", "ConsentEvent", "ConsentState"`);
    step("postgres", "indexes built", t0);
  } finally {
    await client.end();
  }
}

async function measure(database: BenchDatabase) {
  let url: string;
  let drop = async () => {};
  if (database === "sqlite") {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigie-bench-ledger-")), "ledger.sqlite");
    url = `file:${file}`;
    await migrate(url);
    const started = performance.now();
    fillSqlite(file);
    return { url, drop, fillSeconds: (performance.now() - started) / 1000 };
  }
  ({ url, drop } = await postgresDatabase("consent"));
  await migrate(url);
  const started = performance.now();
  await fillPostgres(url);
  return { url, drop, fillSeconds: (performance.now() - started) / 1000 };
}

async function lookups(database: BenchDatabase) {
  const { url, drop, fillSeconds } = await measure(database);
  try {
    const { db } = await createDatabase(url);
    /** What the admin and the privacy centre do: e-mail → subject → stored state. */
    async function lookup(email: string) {
      const subject = await db.subject.findFirst({ where: { shopId: "shop", email }, select: { id: true } });
      return subject ? currentConsent(db, subject.id) : null;
    }
    for (let i = 0; i < 200; i++) await lookup(`shopper${i}@example.com`); // warm-up
    const timings: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const s = Math.floor(Math.random() * SUBJECTS);
      const t0 = performance.now();
      const state = await lookup(`shopper${s}@example.com`);
      timings.push(performance.now() - t0);
      if (state?.status !== "unsubscribed") throw new Error("lookup returned the wrong state");
    }
    await db.$disconnect();
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)] as number;
    const p99 = timings[Math.floor(timings.length * 0.99)] as number;

    const load = loadNow();
    return [
      {
        name: "consent.lookup_ms",
        value: Number(median.toFixed(3)),
        unit: "ms",
        target: "< 5",
        met: median < 5,
      },
      {
        name: "consent.lookup_p99_ms",
        value: Number(p99.toFixed(3)),
        unit: "ms",
        target: "< 20",
        met: p99 < 20,
      },
      {
        name: "consent.ledger_events",
        value: EVENTS,
        unit: "events",
        target: "10 000 000",
        met: EVENTS >= 10_000_000,
      },
      {
        name: "consent.ledger_fill_s",
        value: Number(fillSeconds.toFixed(1)),
        unit: "s",
        target: "setup only",
        met: true,
      },
    ].map((figure) => ({ ...figure, database, load }));
  } finally {
    await drop();
  }
}

const results = [];
for (const database of benchDatabases()) results.push(...(await lookups(database)));
console.log(JSON.stringify(results));
