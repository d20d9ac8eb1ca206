// Signed orders/create deliveries at a steady rate (default 1 000 a second) to a running server,
// until SIGTERM; prints one JSON line with what was sent and answered. A process of its own, so that
// the load it generates does not share an event loop with the timings it disturbs.
// Open loop, as Shopify delivers: a few requests every 10 ms whatever the answers, rather than
// autocannon's per-connection quota, which sent each second's requests in one burst at its start
// and lost those a slow second could not finish (882 a second were sent for 1 000 asked).
// Usage: node bench/lib/intake-load.mjs <url> <secret> <shop> [rate]
import { createHmac } from "node:crypto";
import http from "node:http";
import { order } from "../orders.mjs";

const [url, secret, shop, rate = "1000"] = process.argv.slice(2);
const RATE = Number(rate);
const TICK_MS = 10;
const body = JSON.stringify(order(0));
const target = new URL(`${url}/webhooks/orders/create`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const headers = {
  "content-type": "application/json",
  "content-length": Buffer.byteLength(body),
  "x-shopify-topic": "orders/create",
  "x-shopify-shop-domain": shop,
  "x-shopify-api-version": "2025-10",
  "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
};

let sent = 0;
let ok = 0;
let non2xx = 0;
let errors = 0;
const latencies = [];

function send() {
  const started = performance.now();
  const request = http.request(
    target,
    {
      method: "POST",
      agent,
      headers: { ...headers, "x-shopify-webhook-id": `admin-bench-${process.pid}-${++sent}` },
    },
    (response) => {
      response.resume();
      response.on("end", () => {
        latencies.push(performance.now() - started);
        if (response.statusCode >= 200 && response.statusCode < 300) ok++;
        else non2xx++;
      });
    },
  );
  request.on("error", () => errors++);
  request.end(body);
}

const began = performance.now();
// Each tick sends what the rate owes since the start: a late tick catches up instead of losing its share.
const timer = setInterval(() => {
  const owed = Math.floor(((performance.now() - began) / 1000) * RATE) - sent;
  for (let i = 0; i < owed; i++) send();
}, TICK_MS);

process.on("SIGTERM", () => {
  clearInterval(timer);
  const duration = (performance.now() - began) / 1000;
  // Answers still in flight are given a moment, then counted as they stand.
  setTimeout(() => {
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
    console.log(
      JSON.stringify({
        perSecond: Math.round(sent / duration),
        answeredPerSecond: Math.round(ok / duration),
        sent,
        non2xx,
        errors,
        p99: Math.round(p99),
        duration: Math.round(duration * 100) / 100,
      }),
    );
    process.exit(0);
  }, 1_000);
});
console.log("loading");
