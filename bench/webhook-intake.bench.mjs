// webhook.intake / consent.orders_intake: signed orders/create deliveries (carrying the checkout
// consent attributes) through the built server — verify, store the receipt with its job, answer —
// against a bare node:http server doing the same HMAC check and one insert into the same database,
// side by side in one run: on SQLite (a file each), then on PostgreSQL (a database each on
// TEST_POSTGRES_URL; the bare server with a pg Pool of 10, as Vigie's intake). DESIGN's goal: at
// least half the bare server's throughput. The worker's side of the same orders:
// webhook-processing.bench.mjs.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabases, freePort, load, loadNow, postgresDatabase, spawnServer } from "./lib.mjs";
import { headers, order, SECRET, vigieEnv } from "./orders.mjs";

/** `baselineDb`: the bare server's file or URL; `env`: Vigie's DATABASE_URL, if not its DATA_DIR's. */
async function intake(dir, database, baselineDb, env) {
  const body = JSON.stringify(order(0));
  const basePort = await freePort();
  const baseline = await spawnServer(
    ["bench/baseline-server.mjs", baselineDb, SECRET, String(basePort)],
    {},
    "listening",
  );
  const bare = await load({
    url: `http://127.0.0.1:${basePort}/webhooks/orders/create`,
    headers: headers(body),
    body,
  });
  await baseline.stop();
  const port = await freePort();
  const vigie = await spawnServer(
    ["build/index.js"],
    { ...vigieEnv(path.join(dir, "intake"), port, false), ...env },
    '"message":"listening"',
  );
  const ours = await load({
    url: `http://127.0.0.1:${port}/webhooks/orders/create`,
    headers: headers(body),
    body,
  });
  await vigie.stop();
  const at = loadNow();
  if (bare.non2xx + bare.errors > 0)
    throw new Error(`the bare server answered ${bare.non2xx} non-2xx and ${bare.errors} errors`);
  if (ours.non2xx + ours.errors > 0)
    throw new Error(`intake answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
  const ratio = ours.requests.average / bare.requests.average;
  const perSecond = Math.round(ours.requests.average);
  const half = `>= ${Math.round(bare.requests.average / 2)} (half the bare server)`;
  const figures = [
    { name: "webhook.intake_per_s", value: perSecond, unit: "req/s", target: half, met: ratio >= 0.5 },
    { name: "consent.orders_intake_per_s", value: perSecond, unit: "req/s", target: half, met: ratio >= 0.5 },
    {
      name: "webhook.intake_p99_ms",
      value: ours.latency.p99,
      unit: "ms",
      target: "< 5000 (Shopify's timeout)",
      met: ours.latency.p99 < 5000,
    },
    {
      name: "webhook.baseline_per_s",
      value: Math.round(bare.requests.average),
      unit: "req/s",
      target: "baseline",
      met: true,
    },
    {
      name: "webhook.intake_vs_baseline_pct",
      value: Math.round(ratio * 100),
      unit: "%",
      target: ">= 50",
      met: ratio >= 0.5,
    },
  ];
  return figures.map((figure) => ({ ...figure, database, load: at }));
}

const results = [];
for (const database of benchDatabases()) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `vigie-bench-intake-${database}-`));
  if (database === "sqlite") {
    results.push(...(await intake(dir, database, path.join(dir, "baseline.sqlite"), {})));
    continue;
  }
  const [bare, vigie] = [await postgresDatabase("intake_bare"), await postgresDatabase("intake")];
  try {
    results.push(...(await intake(dir, database, bare.url, { DATABASE_URL: vigie.url })));
  } finally {
    await Promise.all([bare.drop(), vigie.drop()]);
  }
}
console.log(JSON.stringify(results));
