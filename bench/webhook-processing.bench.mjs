// consent.orders_processed_per_s: signed orders/create deliveries with a ticked box, sent to the
// built server and turned by its worker into proof (the ledger event with its hash, the subject's
// consent state, the sync jobs), measured from the first request until every order's event is
// committed. As the README deploys a busy shop: on SQLite the web process with WORKER=off and one
// `npm run worker` process on the same file (the intake's process is then not the worker's too:
// 727–760 orders/s against 546–674 with the server's own worker, docs/decisions/091); on
// PostgreSQL (a database of its own on TEST_POSTGRES_URL, dropped afterwards) the web process with
// WORKER=off and two `npm run worker` processes. Issue 18's goal: 1 000 orders/s. The orders are
// signed before the clock starts and sent over keep-alive connections, and the run waits for a
// quiet machine first (docs/decisions/093). The load of the machine is reported beside each figure;
// how long the sending took, and how many orders were processed by then, goes to stderr.
// BENCH_SERVER_WORKS=on|off overrides where the first worker runs.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { benchDatabases, freePort, postgresDatabase, settle, spawnServer } from "./lib.mjs";
import { orderSender, signedOrders, vigieEnv } from "./orders.mjs";

const COUNT = Number(process.env.BENCH_ORDERS ?? 3000);
const GOAL = 1000;
// Requests in flight at once: each round waits for its slowest answer.
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);

/** Sends COUNT orders, IN_FLIGHT at a time, and waits until each is a ledger event; orders per second. */
async function run({ env, workers, serverWorks: byDefault, countEvents }) {
  const port = await freePort();
  const serverWorks = process.env.BENCH_SERVER_WORKS ? process.env.BENCH_SERVER_WORKS === "on" : byDefault;
  const processes = [
    await spawnServer(
      ["build/index.js"],
      { ...env(port), WORKER: serverWorks ? "on" : "off" },
      '"message":"listening"',
    ),
  ];
  for (let i = serverWorks ? 1 : 0; i < workers; i++) {
    processes.push(
      await spawnServer(["build/index.js", "--worker"], env(await freePort()), '"message":"worker started"'),
    );
  }
  const sender = await orderSender(
    `http://127.0.0.1:${port}/webhooks/orders/create`,
    signedOrders(COUNT, "bench"),
    {
      inFlight: IN_FLIGHT,
    },
  );
  console.error(`waited ${await settle()} s for a quiet machine`);
  const load = os.loadavg()[0];
  const started = performance.now();
  try {
    await sender.sendAll();
    const sent = performance.now();
    console.error(
      `sent ${COUNT} orders in ${Math.round(sent - started)} ms; ${await countEvents()} processed by then`,
    );
    while ((await countEvents()) < COUNT) {
      if (performance.now() - started > 600_000) throw new Error("orders were not processed in 10 minutes");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    return { perSecond: Math.round(COUNT / seconds), load: Math.max(load, os.loadavg()[0]) };
  } finally {
    sender.close();
    for (const p of processes.reverse()) await p.stop();
  }
}

const result = (name, database, { perSecond, load }, setup) => ({
  name,
  database,
  load: Math.round(load * 10) / 10,
  value: perSecond,
  unit: "orders/s",
  target: `>= ${GOAL} (${setup}; load ${load.toFixed(1)} on ${os.cpus().length} cores)`,
  met: perSecond >= GOAL,
});

const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-processing-"));
const results = [];
const databases = benchDatabases();
if (databases.includes("sqlite")) {
  const dataDir = path.join(dir, "sqlite");
  let db;
  const measured = await run({
    env: (port) => vigieEnv(dataDir, port, true),
    workers: 1,
    serverWorks: false,
    countEvents: () => {
      db ??= new Database(path.join(dataDir, "vigie.sqlite"), { readonly: true });
      return db.prepare(`SELECT count(*) AS n FROM "ConsentEvent"`).get().n;
    },
  });
  db?.close();
  results.push(
    result("consent.orders_processed_per_s", "sqlite", measured, "SQLite, web process + 1 worker process"),
  );
}
if (databases.includes("postgres")) {
  const database = await postgresDatabase("processing");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const measured = await run({
      env: (port) => ({ ...vigieEnv(path.join(dir, "postgres"), port, true), DATABASE_URL: database.url }),
      workers: 2,
      serverWorks: false,
      countEvents: async () =>
        Number(
          (await client.query(`SELECT count(*) AS n FROM "ConsentEvent"`).catch(() => ({ rows: [{ n: 0 }] })))
            .rows[0].n,
        ),
    });
    results.push(
      result(
        "consent.orders_processed_per_s",
        "postgres",
        measured,
        "PostgreSQL, web process + 2 worker processes",
      ),
    );
  } finally {
    await client.end();
    await database.drop();
  }
}
console.log(JSON.stringify(results));
