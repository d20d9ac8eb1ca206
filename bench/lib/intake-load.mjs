// Signed orders/create deliveries at a steady rate (default 1 000 a second) to a running server,
// until SIGTERM; prints one JSON line with what was sent and answered. A process of its own, so that
// the load it generates does not share an event loop with the timings it disturbs.
// Usage: node bench/lib/intake-load.mjs <url> <secret> <shop> [rate]
import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import { order } from "../orders.mjs";

const [url, secret, shop, rate = "1000"] = process.argv.slice(2);
const body = JSON.stringify(order(0));
let n = 0;
const instance = autocannon({
  url: `${url}/webhooks/orders/create`,
  // Enough connections that the rate holds while the pages slow the intake's answers (20 connections
  // held 1 000 a second only while each answer took under 20 ms).
  connections: 64,
  overallRate: Number(rate),
  duration: 3600,
  method: "POST",
  body,
  headers: {
    "content-type": "application/json",
    "x-shopify-topic": "orders/create",
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2025-10",
    "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
  },
  requests: [
    {
      setupRequest(request) {
        request.headers = { ...request.headers, "x-shopify-webhook-id": `admin-bench-${process.pid}-${++n}` };
        return request;
      },
    },
  ],
});
instance.on("done", (result) => {
  const { requests, non2xx, errors, latency, duration } = result;
  console.log(
    JSON.stringify({
      // What was sent over the whole run: autocannon's average of per-second samples dips with the
      // last, partial second.
      perSecond: Math.round(requests.total / duration),
      sent: requests.total,
      non2xx,
      errors,
      p99: latency.p99,
      duration,
    }),
  );
  process.exit(0);
});
process.on("SIGTERM", () => instance.stop());
console.log("loading");
