// webhook.intake / consent.orders_intake: signed orders/create deliveries (carrying the checkout
// consent attributes) through the built server — verify, store the receipt with its job, answer —
// against a bare node:http server doing the same HMAC check and one SQLite insert, side by side in
// one run. DESIGN's goal: at least half the bare server's throughput. The worker's side of the same
// orders: webhook-processing.bench.mjs.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, load, spawnServer } from "./lib.mjs";
import { headers, order, SECRET, vigieEnv } from "./orders.mjs";

async function intake(dir) {
  const body = JSON.stringify(order(0));
  const basePort = await freePort();
  const baseline = await spawnServer(
    ["bench/baseline-server.mjs", path.join(dir, "baseline.sqlite"), SECRET, String(basePort)],
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
    vigieEnv(path.join(dir, "intake"), port, false),
    '"message":"listening"',
  );
  const ours = await load({
    url: `http://127.0.0.1:${port}/webhooks/orders/create`,
    headers: headers(body),
    body,
  });
  await vigie.stop();
  if (ours.non2xx + ours.errors > 0)
    throw new Error(`intake answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
  const ratio = ours.requests.average / bare.requests.average;
  const perSecond = Math.round(ours.requests.average);
  const half = `>= ${Math.round(bare.requests.average / 2)} (half the bare server)`;
  return [
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
}

const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-"));
console.log(JSON.stringify(await intake(dir)));
