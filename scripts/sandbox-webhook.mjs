// `npm run sandbox:webhook -- <topic>`: sends a signed sample delivery of a Shopify topic to the
// running sandbox, signed with data/sandbox.json's secret exactly as Shopify signs with an app's.
// Options: --port 3000 (default $PORT or 3000), --customer <id>, --email <address>.
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    customer: { type: "string", default: "7001" },
    email: { type: "string", default: "camille.martin@example.fr" },
  },
});
const topic = positionals[0];
const settingsFile = path.join(process.env.DATA_DIR ?? "data", "sandbox.json");
if (!existsSync(settingsFile)) {
  console.error(`${settingsFile} not found: start the sandbox first (npm start).`);
  process.exit(2);
}
const { shop, apiSecret } = JSON.parse(readFileSync(settingsFile, "utf8"));
const shopId = 954889;
const customer = { id: Number(values.customer), email: values.email, phone: null };
const now = new Date().toISOString();

// Shapes as Shopify documents them (REST-style bodies, numeric ids).
const SAMPLES = {
  "customers/data_request": {
    shop_id: shopId,
    shop_domain: shop,
    orders_requested: [299938, 280263, 220458],
    customer,
    data_request: { id: 9999 },
  },
  "customers/redact": { shop_id: shopId, shop_domain: shop, customer, orders_to_redact: [299938, 280263] },
  "shop/redact": { shop_id: shopId, shop_domain: shop },
  "orders/create": {
    id: 820982911946154500,
    admin_graphql_api_id: "gid://shopify/Order/820982911946154508",
    created_at: now,
    email: customer.email,
    contact_email: customer.email,
    customer_locale: "fr",
    buyer_accepts_marketing: false,
    note_attributes: [],
    customer: { id: customer.id, email: customer.email, phone: null, locale: "fr" },
  },
  "app/uninstalled": { id: shopId, name: "iméra", myshopify_domain: shop, domain: shop },
};

const payload = SAMPLES[topic];
if (!payload) {
  console.error(`usage: npm run sandbox:webhook -- <topic>\ntopics: ${Object.keys(SAMPLES).join(", ")}`);
  process.exit(2);
}
const body = JSON.stringify(payload);
const url = `http://127.0.0.1:${values.port}/webhooks/${topic}`;
const response = await fetch(url, {
  method: "POST",
  headers: {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2025-10",
    "x-shopify-webhook-id": randomUUID(),
    "x-shopify-triggered-at": now,
    "x-shopify-hmac-sha256": createHmac("sha256", apiSecret).update(body).digest("base64"),
  },
  body,
}).catch((error) => {
  console.error(`could not reach the sandbox at ${url}: ${error.cause?.code ?? error.message}`);
  process.exit(1);
});
console.log(`${topic} → ${response.status} ${await response.text()}`);
process.exit(response.ok ? 0 : 1);
