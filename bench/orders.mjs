// Signed Shopify orders/create deliveries carrying the checkout consent attributes, and the built
// server's environment, shared by the webhook benches (and the cluster test's orders).
import { createHmac } from "node:crypto";

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
