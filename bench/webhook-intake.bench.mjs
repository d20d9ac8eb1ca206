// webhook.intake / consent.orders_intake: signed orders/create deliveries (carrying the checkout
// consent attributes) through the built server — verify, store the receipt with its job, answer —
// against a bare node:http server doing the same HMAC check and one SQLite insert, side by side in
// one run. DESIGN's goal: at least half the bare server's throughput.
// consent.orders_processed_per_s: the same orders turned into ledger events by the worker.
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { freePort, load, spawnServer } from "./lib.mjs";

const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const SHOP = "bench-shop.myshopify.com";

function order(n) {
  return {
    id: 820982911946154 + n,
    created_at: new Date().toISOString(),
    email: `shopper${n}@example.com`,
    customer_locale: "fr",
    browser_ip: "203.0.113.7",
    note_attributes: [
      { name: "_vigie_consent", value: "granted" },
      { name: "_vigie_notice_version", value: "2022-10-31" },
      { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
      { name: "_vigie_wording_locale", value: "fr" },
      { name: "_vigie_wording", value: "Je souhaite recevoir les actualités de iméra par e-mail" },
    ],
    customer: { id: 191167 + n, email: `shopper${n}@example.com`, phone: null },
    line_items: Array.from({ length: 3 }, (_, i) => ({
      id: i,
      title: `Article ${i}`,
      quantity: 1,
      price: "39.00",
    })),
  };
}

function headers(body) {
  return {
    "content-type": "application/json",
    "x-shopify-topic": "orders/create",
    "x-shopify-shop-domain": SHOP,
    "x-shopify-api-version": "2025-10",
    "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
  };
}

const vigieEnv = (dir, port, worker) => ({
  PORT: String(port),
  DATA_DIR: dir,
  SHOPIFY_API_KEY: "bench",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://bench.example.com",
  SCOPES: "read_orders",
  WORKER: worker ? "on" : "off",
  LOG_LEVEL: "info",
  NODE_ENV: "production",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
});

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

/** Orders with a ticked box through intake and worker, until every one is a ledger event. */
async function processing(dir, count = 2000) {
  const port = await freePort();
  const dataDir = path.join(dir, "processing");
  const vigie = await spawnServer(["build/index.js"], vigieEnv(dataDir, port, true), '"message":"listening"');
  const started = performance.now();
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, k) => {
        const body = JSON.stringify(order(i + k + 1));
        const h = { ...headers(body), "x-shopify-webhook-id": `bench-${i + k}` };
        return fetch(`http://127.0.0.1:${port}/webhooks/orders/create`, { method: "POST", headers: h, body });
      }),
    );
  }
  const db = new Database(path.join(dataDir, "vigie.sqlite"), { readonly: true });
  const events = db.prepare(`SELECT count(*) AS n FROM "ConsentEvent"`);
  while (events.get().n < count) {
    if (performance.now() - started > 300_000) throw new Error("orders were not processed in 5 minutes");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  await vigie.stop();
  return [
    {
      name: "consent.orders_processed_per_s",
      value: Math.round(count / seconds),
      unit: "orders/s",
      target: "> 50 (a flash sale)",
      met: count / seconds > 50,
    },
  ];
}

const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-"));
console.log(JSON.stringify([...(await intake(dir)), ...(await processing(dir))]));
