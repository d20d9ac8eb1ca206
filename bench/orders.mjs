// Signed Shopify orders/create deliveries carrying the checkout consent attributes, and the built
// server's environment, shared by the webhook benches (and the cluster test's orders).
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";

export const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
export const SHOP = "bench-shop.myshopify.com";

/** Order `n` of a distinct customer, with the newsletter box ticked at checkout. */
export function order(n, { createdAt = new Date() } = {}) {
  return {
    id: 820982911946154 + n,
    created_at: createdAt.toISOString(),
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

export function headers(body) {
  return {
    "content-type": "application/json",
    "x-shopify-topic": "orders/create",
    "x-shopify-shop-domain": SHOP,
    "x-shopify-api-version": "2025-10",
    "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
  };
}

/**
 * Orders 1..count as signed deliveries, built before the clock starts: Shopify serialises and signs
 * on its own machines, so the sender's share of this machine's 2 cores is kept small (fetch spent
 * 0.35–0.44 ms of CPU an order, about half the worker's own, docs/decisions/093).
 */
export function signedOrders(count, idPrefix) {
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify(order(i + 1));
    return {
      body,
      headers: {
        ...headers(body),
        "content-length": String(Buffer.byteLength(body)),
        "x-shopify-webhook-id": `${idPrefix}-${i}`,
      },
    };
  });
}

/** POSTs one signed delivery through `agent` (keep-alive, http or https); resolves to its status. */
export function postDelivery(agent, url, { body, headers }) {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method: "POST", agent, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("error", reject);
    request.end(body);
  });
}

export const vigieEnv = (dir, port, worker) => ({
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
