// backfill.customers_per_s and backfill.rss_growth_pct (issue 13): a shop's history imported through
// a bulk operation, from the simulator's JSONL (a customer line, then its orders with __parentId,
// as Shopify writes it) into a SQLite database, with the service the worker runs (runBackfill).
// Two sizes: 100 000 customers and 1 000 000 (each with 2 orders: 3 000 000 lines); the figure is
// the larger one's, from the first step to the backfill's end; memory is the importing process's
// peak RSS, which must stay flat from the smaller shop to the larger (the file is streamed). The
// simulator runs in a process of its own so that the file it serves is not counted.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { createShopifyBulk } from "~/connectors/shopify/bulk-customers";
import { createDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { customerLine } from "~/sandbox/simulators/shopify-admin-bulk";
import type { SimCustomer } from "~/sandbox/simulators/shopify-admin-store";
import { runBackfill, startBackfill } from "~/services/backfill/backfill.server";
import { benchJobContext } from "./lib/job-context";

const LARGE = Number(process.env.BENCH_BACKFILL_CUSTOMERS ?? 1_000_000);
const SMALL = Math.max(1, Math.round(LARGE / 10));
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

/** Imports a shop of `customers`: seconds taken and the peak RSS (MB) of this process meanwhile. */
async function importShop(customers: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-backfill-"));
  const file = path.join(dir, "customers.jsonl");
  const objects = await writeShop(file, customers);
  const sim = await startSimulator(file, objects);
  const url = `file:${path.join(dir, "vigie.sqlite")}`;
  await migrate(url);
  const { db, dialect } = await createDatabase(url);
  const bulk = createShopifyBulk(
    createShopifyAdminClient({ shop: SHOP, accessToken: sim.token, baseUrl: sim.baseUrl }),
  );
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
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 100);
    const started = performance.now();
    const { id } = await startBackfill(db, shop, "install");
    for (;;) {
      await runBackfill(context, id);
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
    console.error(
      `backfill: ${customers} customers, ${objects} lines in ${seconds.toFixed(1)} s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
    );
    return { seconds, peakMb: peak / 2 ** 20 };
  } finally {
    await db.$disconnect();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const small = await importShop(SMALL);
const large = await importShop(LARGE);
const perSecond = Math.round(LARGE / large.seconds);
const growth = Math.round(((large.peakMb - small.peakMb) / small.peakMb) * 1000) / 10;
const machine = `load ${os.loadavg()[0]?.toFixed(1)}`;
console.log(
  JSON.stringify([
    {
      name: "backfill.customers_per_s",
      value: perSecond,
      unit: `customers/s (${LARGE} customers, ${LARGE * ORDERS_PER_CUSTOMER} orders, SQLite; ${machine})`,
      // The whole shop in under ten minutes.
      target: Math.ceil(LARGE / TEN_MINUTES_S),
      met: large.seconds < TEN_MINUTES_S,
    },
    {
      name: "backfill.rss_growth_pct",
      value: growth,
      unit: `% peak RSS from ${SMALL} to ${LARGE} customers (${small.peakMb.toFixed(0)} → ${large.peakMb.toFixed(0)} MB)`,
      target: 25,
      met: growth < 25,
    },
  ]),
);
