// `npm run sandbox:webhook -- <topic>`: sends a signed sample delivery of a Shopify topic to the
// running sandbox, signed with data/sandbox.json's secret exactly as Shopify signs with an app's.
// Finds the sandbox where it says it listens (data/sandbox-server.json, written by `npm start`).
// Options: --url http://localhost:4000 or --port 4000 (else $SANDBOX_URL or $PORT) to aim
// elsewhere, --customer <id>, --email <address>.
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    port: { type: "string" },
    customer: { type: "string", default: "7001" },
    email: { type: "string", default: "camille.martin@example.fr" },
  },
});
const topic = positionals[0];
const dataDir = process.env.DATA_DIR ?? "data";
const settingsFile = path.join(dataDir, "sandbox.json");
if (!existsSync(settingsFile)) {
  console.error(`${settingsFile} not found: start the sandbox first (npm start).`);
  process.exit(2);
}
const { shop, apiSecret } = JSON.parse(readFileSync(settingsFile, "utf8"));

/** The running sandbox's base URL: an explicit one, else what the running sandbox wrote. */
function sandboxUrl() {
  const explicit = values.url ?? process.env.SANDBOX_URL;
  if (explicit) return explicit.replace(/\/+$/, "");
  const port = values.port ?? process.env.PORT;
  if (port) return `http://127.0.0.1:${port}`;
  const serverFile = path.join(dataDir, "sandbox-server.json");
  const running = existsSync(serverFile) ? JSON.parse(readFileSync(serverFile, "utf8")) : null;
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  };
  if (!running?.url || !alive(running.pid)) {
    console.error(`No sandbox is running for ${dataDir}: start it with npm start (or give --url / --port).`);
    process.exit(2);
  }
  return running.url;
}
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
    // Shopify's sample order id is beyond 2^53: written into the body as digits, below.
    id: "<order id>",
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
const body = JSON.stringify(payload).replace('"<order id>"', "820982911946154508");
const url = `${sandboxUrl()}/webhooks/${topic}`;
const response = await fetch(url, {
  method: "POST",
  headers: {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2026-10",
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
if (topic === "shop/redact" && response.ok) {
  console.log(
    `The demo shop's data is being deleted, as Shopify asks 48 h after an uninstall: ${url.replace(/\/webhooks\/.*$/, "/app")} then offers to re-create it.`,
  );
}
process.exit(response.ok ? 0 : 1);
