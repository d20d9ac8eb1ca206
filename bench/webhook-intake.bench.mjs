// webhook.intake: signed orders/create deliveries through the built server (verify, store the
// receipt with its job, answer), against a bare node:http server doing the same HMAC check and
// one SQLite insert, measured side by side in one run. Goal (DESIGN): at least half its throughput.
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, load, spawnServer } from "./lib.mjs";

const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

function delivery(topic, shop) {
  const body = JSON.stringify({
    id: 820982911946154,
    created_at: new Date().toISOString(),
    email: "bench@example.com",
    note_attributes: [{ name: "_vigie_consent", value: "granted" }],
    customer: { id: 191167, email: "bench@example.com", phone: null },
    line_items: Array.from({ length: 3 }, (_, i) => ({
      id: i,
      title: `Article ${i}`,
      quantity: 1,
      price: "39.00",
    })),
  });
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2025-10",
      "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
    },
  };
}

export async function run({ duration = 10 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigie-bench-"));
  const results = [];
  const { body, headers } = delivery("orders/create", "bench-shop.myshopify.com");

  const basePort = await freePort();
  const baseline = await spawnServer(
    ["bench/baseline-server.mjs", path.join(dir, "baseline.sqlite"), SECRET, String(basePort)],
    {},
    "listening",
  );
  const bare = await load({
    url: `http://127.0.0.1:${basePort}/webhooks/orders/create`,
    headers,
    body,
    duration,
  });
  await baseline.stop();

  const port = await freePort();
  const vigie = await spawnServer(
    ["build/index.js"],
    {
      PORT: String(port),
      DATA_DIR: path.join(dir, "vigie"),
      SHOPIFY_API_KEY: "bench",
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_APP_URL: "https://bench.example.com",
      SCOPES: "read_orders",
      WORKER: "off",
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    },
    '"message":"listening"',
  );
  const ours = await load({
    url: `http://127.0.0.1:${port}/webhooks/orders/create`,
    headers,
    body,
    duration,
  });
  await vigie.stop();

  const failed = ours.non2xx + ours.errors;
  if (failed > 0) throw new Error(`intake answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
  const ratio = ours.requests.average / bare.requests.average;
  results.push(
    {
      name: "webhook.intake_per_s",
      value: Math.round(ours.requests.average),
      unit: "req/s",
      target: `>= ${Math.round(bare.requests.average / 2)} (half the bare server)`,
      met: ratio >= 0.5,
    },
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
  );
  return results;
}
