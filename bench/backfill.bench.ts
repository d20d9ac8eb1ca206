// backfill.customers_per_s and backfill.rss_growth_pct (issue 13): a shop's history imported through
// a bulk operation, from the simulator's JSONL (a customer line, then its orders with __parentId,
// as Shopify writes it) into a SQLite database, with the service the worker runs (runBackfill).
// Two sizes: 100 000 customers and 1 000 000 (each with 2 orders: 3 000 000 lines); the figure is
// the larger one's, from the first step to the backfill's end; memory is the importing process's
// peak RSS, which must stay flat from the smaller shop to the larger (the file is streamed). Each
// import runs in a fresh process, and the simulator in one of its own, so that neither the file it
// serves nor an earlier import counts (docs/decisions/096). On SQLite and
// on PostgreSQL (a database of its own on TEST_POSTGRES_URL per import), each figure with its
// `database`; BENCH_BACKFILL_POSTGRES_CUSTOMERS sizes the PostgreSQL side (100 000: at its few hundred
// customers a second a million would take most of an hour, docs/decisions/085).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { ConnectorError } from "~/connectors/connector";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { createShopifyBulk } from "~/connectors/shopify/bulk-customers";
import { createDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { customerLine } from "~/sandbox/simulators/shopify-admin-bulk";
import type { SimCustomer } from "~/sandbox/simulators/shopify-admin-store";
import { runBackfill, startBackfill } from "~/services/backfill/backfill.server";
import { benchJobContext } from "./lib/job-context";
import { type BenchDatabase, benchDatabases, loadNow, postgresDatabase } from "./lib.mjs";

const LARGE = Number(process.env.BENCH_BACKFILL_CUSTOMERS ?? 1_000_000);
const POSTGRES_LARGE = Math.min(LARGE, 100_000);
const ORDERS_PER_CUSTOMER = 2;
const SHOP = "backfill-bench.myshopify.com";
const YEAR = 365 * 86_400_000;
const TEN_MINUTES_S = 600;

/** Writes the customers' result of a shop of `customers`, spread over ten years; its line count. */
async function writeShop(file: string, customers: number): Promise<number> {
  const out = createWriteStream(file);
  const now = Date.now();
  const base: Omit<SimCustomer, "id" | "email" | "createdAt" | "emailMarketing"> = {
    firstName: null,
    lastName: null,
    phone: null,
    locale: "fr",
    note: null,
    tags: [],
    state: "ENABLED",
    verifiedEmail: true,
    dataSaleOptOut: false,
    updatedAt: new Date(now).toISOString(),
    smsMarketing: null,
    addresses: [],
    erasureRequestedAt: null,
  };
  let lines = 0;
  let chunk: string[] = [];
  for (let i = 0; i < customers; i++) {
    const id = 10_000_000_000 + i;
    const createdAt = new Date(now - ((i * 7919) % (10 * YEAR))).toISOString();
    const customer: SimCustomer = {
      ...base,
      id,
      email: `client.${i}@bench.example`,
      createdAt,
      // One in three subscribed, as Shopify reports it: imported, never proof of consent.
      emailMarketing:
        i % 3 === 0
          ? { state: "SUBSCRIBED", optInLevel: "SINGLE_OPT_IN", consentUpdatedAt: createdAt }
          : { state: "NOT_SUBSCRIBED", optInLevel: "SINGLE_OPT_IN", consentUpdatedAt: null },
    };
    chunk.push(JSON.stringify(customerLine(customer, ORDERS_PER_CUSTOMER)));
    for (let k = 0; k < ORDERS_PER_CUSTOMER; k++) {
      const orderAt = new Date(Date.parse(createdAt) + (k + 1) * 86_400_000).toISOString();
      chunk.push(
        JSON.stringify({
          id: `gid://shopify/Order/${20_000_000_000 + i * ORDERS_PER_CUSTOMER + k}`,
          createdAt: orderAt,
          __parentId: `gid://shopify/Customer/${id}`,
        }),
      );
    }
    lines += 1 + ORDERS_PER_CUSTOMER;
    if (chunk.length >= 30_000) {
      if (!out.write(`${chunk.join("\n")}\n`)) await once(out, "drain");
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join("\n")}\n`);
  out.end();
  await once(out, "finish");
  return lines;
}

async function startSimulator(file: string, objects: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join("bench", "lib", "backfill-simulator.ts")],
    {
      env: {
        ...process.env,
        BENCH_BACKFILL_FILE: file,
        BENCH_BACKFILL_OBJECTS: String(objects),
        BENCH_BACKFILL_SHOP: SHOP,
      },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  const { baseUrl, token } = JSON.parse(line) as { baseUrl: string; token: string };
  return {
    baseUrl,
    token,
    async stop() {
      child.stdin.end();
      await once(child, "exit");
    },
  };
}

/**
 * Imports a shop of `customers`: the file is written and served, and the database made, by this
 * process; the import itself runs in a fresh one, whose peak RSS is then the import's alone (not the
 * file's writing, nor an earlier import's heap that V8 kept: docs/decisions/096).
 */
async function importShop(customers: number, database: BenchDatabase) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-backfill-"));
  const file = path.join(dir, "customers.jsonl");
  const objects = await writeShop(file, customers);
  const sim = await startSimulator(file, objects);
  const postgres = database === "postgres" ? await postgresDatabase("backfill") : null;
  const url = postgres?.url ?? `file:${path.join(dir, "vigie.sqlite")}`;
  try {
    await migrate(url);
    const run = await importChild({ url, customers, baseUrl: sim.baseUrl, token: sim.token });
    console.error(
      `backfill (${database}): ${customers} customers, ${objects} lines in ${run.seconds.toFixed(1)} s; ` +
        `peak RSS ${run.peakMb.toFixed(0)} MB (${run.startMb.toFixed(0)} MB at the start, JS heap ` +
        `${run.heapMb.toFixed(0)} MB at most)`,
    );
    return run;
  } finally {
    await sim.stop();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type ImportRun = { seconds: number; peakMb: number; startMb: number; heapMb: number };
type ImportJob = { url: string; customers: number; baseUrl: string; token: string };

function importChild(job: ImportJob): Promise<ImportRun> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child"], {
    env: { ...process.env, BENCH_BACKFILL_JOB: JSON.stringify(job) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{")) reject(new Error(`backfill import failed (exit ${code})`));
      else resolve(JSON.parse(last));
    });
  });
}

/** The child: one import, as the worker runs it, from the first step to the backfill's end. */
async function runImport({ url, customers, baseUrl, token }: ImportJob): Promise<ImportRun> {
  const { db, dialect } = await createDatabase(url);
  const bulk = createShopifyBulk(createShopifyAdminClient({ shop: SHOP, accessToken: token, baseUrl }));
  const context = benchJobContext({
    db,
    dialect,
    shopDomain: SHOP,
    connectors: async () => ({
      shopify: null,
      mailchimp: null,
      stripe: null,
      vigie: null,
      shopifyBulk: bulk,
    }),
  });
  try {
    const shop = await db.shop.create({ data: { domain: SHOP }, select: { id: true, domain: true } });
    const startMb = process.memoryUsage().rss / 2 ** 20;
    let heap = 0;
    const sampler = setInterval(() => {
      heap = Math.max(heap, process.memoryUsage().heapUsed);
    }, 100);
    const started = performance.now();
    const { id } = await startBackfill(db, shop, "install");
    let interruptions = 0;
    for (;;) {
      try {
        await runBackfill(context, id);
      } catch (error) {
        // As the job queue would, without its backoff: a retryable failure (the result's download
        // broken off mid-file) is run again, and reads on from the committed offset (record 089).
        if (!(error instanceof ConnectorError && error.retryable) || ++interruptions > 5) throw error;
        console.error(`backfill: ${error.message}; resumed (${interruptions})`);
      }
      const row = await db.backfill.findUniqueOrThrow({ where: { id } });
      if (row.status === "failed") throw new Error(`backfill failed: ${row.error}`);
      if (row.status === "done") {
        if (row.customers !== customers)
          throw new Error(`imported ${row.customers} of ${customers} customers`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const subjects = await db.subject.count({ where: { shopId: shop.id } });
    if (subjects !== customers) throw new Error(`${subjects} subjects for ${customers} customers`);
    // The kernel's own peak, not a sample that could fall between two of the garbage collector's.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    return { seconds, peakMb, startMb, heapMb: heap / 2 ** 20 };
  } finally {
    await db.$disconnect();
  }
}

async function measure(database: BenchDatabase) {
  const large =
    database === "postgres" ? Number(process.env.BENCH_BACKFILL_POSTGRES_CUSTOMERS ?? POSTGRES_LARGE) : LARGE;
  const smallShop = await importShop(Math.max(1, Math.round(large / 10)), database);
  const largeShop = await importShop(large, database);
  const perSecond = Math.round(large / largeShop.seconds);
  const growth = Math.round(((largeShop.peakMb - smallShop.peakMb) / smallShop.peakMb) * 1000) / 10;
  const load = loadNow();
  return [
    {
      name: "backfill.customers_per_s",
      value: perSecond,
      unit: "customers/s",
      // The whole shop in under ten minutes.
      target: `>= ${Math.ceil(large / TEN_MINUTES_S)} (${large} customers, ${large * ORDERS_PER_CUSTOMER} orders in 10 min)`,
      met: largeShop.seconds < TEN_MINUTES_S,
    },
    {
      name: "backfill.rss_growth_pct",
      value: growth,
      unit: "% peak RSS",
      target: `< 25 (${Math.round(large / 10)} → ${large} customers: ${smallShop.peakMb.toFixed(0)} → ${largeShop.peakMb.toFixed(0)} MB)`,
      met: growth < 25,
    },
  ].map((figure) => ({ ...figure, database, load }));
}

if (process.argv.includes("--child")) {
  console.log(JSON.stringify(await runImport(JSON.parse(process.env.BENCH_BACKFILL_JOB ?? "{}"))));
} else {
  const results = [];
  for (const database of benchDatabases()) results.push(...(await measure(database as BenchDatabase)));
  console.log(JSON.stringify(results));
}
