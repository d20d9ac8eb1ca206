// cluster.orders_processed_per_s: the deployment of several machines (docs/decisions/087), on one
// machine: nginx (TLS) in front of two web processes (WORKER=off), two `npm run worker` processes,
// one PostgreSQL database of its own on TEST_POSTGRES_URL (dropped afterwards). Signed orders/create
// deliveries with a ticked box go through nginx; measured from the first request until every
// order's ledger event is committed. Skipped (no result) without PostgreSQL or nginx, or when
// BENCH_DATABASES leaves postgres out. How many batches fell back to running their jobs alone goes to
// stderr: the sign of one shop's batches waiting on each other.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { nginxMissing, startNginx } from "../scripts/lib/nginx.mjs";
import { benchDatabases, freePort, postgresDatabase, settle, spawnServer } from "./lib.mjs";
import { orderSender, signedOrders, vigieEnv } from "./orders.mjs";

const COUNT = Number(process.env.BENCH_ORDERS ?? 3000);
const GOAL = 1000;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 50);

function skip(why) {
  console.error(`cluster bench skipped: ${why}`);
  console.log("[]");
  process.exit(0);
}

if (!benchDatabases().includes("postgres")) skip("no PostgreSQL (BENCH_DATABASES or TEST_POSTGRES_URL)");
const missing = nginxMissing();
if (missing) skip(missing);

const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-cluster-"));
const database = await postgresDatabase("cluster");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const processes = [];
let nginx;
let sender;
try {
  const env = (port, worker) => ({
    ...vigieEnv(path.join(dir, String(port)), port, worker),
    DATABASE_URL: database.url,
  });
  const webPorts = [await freePort(), await freePort()];
  // One at a time: each applies pending migrations at start (serialised by an advisory lock anyway).
  for (const port of webPorts) {
    processes.push(await spawnServer(["build/index.js"], env(port, false), '"message":"listening"'));
  }
  const workers = [];
  for (let i = 0; i < 2; i++) {
    const worker = await spawnServer(
      ["build/index.js", "--worker"],
      env(await freePort(), true),
      '"message":"worker started"',
    );
    processes.push(worker);
    workers.push(worker);
  }
  const fellBack = [];
  for (const worker of workers) {
    worker.child.stdout.on("data", (chunk) => {
      for (const line of String(chunk).split("\n")) if (line.includes("batch failed")) fellBack.push(line);
    });
  }
  nginx = await startNginx({ upstreams: webPorts });
  const countEvents = async () =>
    Number((await client.query(`SELECT count(*) AS n FROM "ConsentEvent"`)).rows[0].n);
  sender = await orderSender(`${nginx.url}/webhooks/orders/create`, signedOrders(COUNT, "bench-cluster"), {
    ca: nginx.ca,
    inFlight: IN_FLIGHT,
  });
  console.error(`waited ${await settle()} s for a quiet machine`);
  const load = os.loadavg()[0];
  const started = performance.now();
  await sender.sendAll();
  console.error(
    `sent ${COUNT} orders through nginx in ${Math.round(performance.now() - started)} ms; ${await countEvents()} processed by then`,
  );
  while ((await countEvents()) < COUNT) {
    if (performance.now() - started > 600_000) throw new Error("orders were not processed in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const perSecond = Math.round(COUNT / ((performance.now() - started) / 1000));
  // Their reasons (messages only, no personal data): what made one shop's batches fail.
  console.error(`batches that fell back to running their jobs alone: ${fellBack.length}`);
  for (const line of fellBack.slice(0, 3)) console.error(`  ${line.slice(0, 400)}`);
  const peak = Math.max(load, os.loadavg()[0]);
  console.log(
    JSON.stringify([
      {
        name: "cluster.orders_processed_per_s",
        database: "postgres",
        value: perSecond,
        unit: "orders/s",
        target: `>= ${GOAL} (nginx → 2 web → PostgreSQL ← 2 workers; load ${peak.toFixed(1)} on ${os.cpus().length} cores)`,
        met: perSecond >= GOAL,
      },
    ]),
  );
} finally {
  sender?.close();
  await nginx?.stop();
  for (const p of processes.reverse()) await p.stop();
  await client.end();
  await database.drop();
}
