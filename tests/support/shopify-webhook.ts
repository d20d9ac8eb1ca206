// Builds webhook deliveries exactly as Shopify sends them: JSON body, X-Shopify-* headers, and a
// base64 HMAC-SHA256 of the raw body with the app secret.
import { createHmac, randomUUID } from "node:crypto";

export type Delivery = { url: string; init: RequestInit; webhookId: string };

export function shopifyDelivery(
  baseUrl: string,
  topic: string,
  payload: unknown,
  secret: string,
  options: {
    shop?: string;
    webhookId?: string;
    headers?: Record<string, string | undefined>;
    rawBody?: string;
  } = {},
): Delivery {
  const body = options.rawBody ?? JSON.stringify(payload);
  const webhookId = options.webhookId ?? randomUUID();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": options.shop ?? "imera-paris.myshopify.com",
    "x-shopify-api-version": "2026-10",
    "x-shopify-webhook-id": webhookId,
    "x-shopify-triggered-at": new Date().toISOString(),
    "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { url: `${baseUrl}/webhooks/${topic}`, init: { method: "POST", headers, body }, webhookId };
}

/** Sample bodies with the field shapes Shopify documents (numeric ids). */
export const samplePayloads = {
  dataRequest: (shop: string, customerId = 191167, email = "shopper@example.com") => ({
    shop_id: 954889,
    shop_domain: shop,
    orders_requested: [299938, 280263, 220458],
    customer: { id: customerId, email, phone: "+33 6 12 34 56 78" },
    data_request: { id: 9999 },
  }),
  redact: (shop: string, customerId = 191167, email = "shopper@example.com") => ({
    shop_id: 954889,
    shop_domain: shop,
    customer: { id: customerId, email, phone: null },
    orders_to_redact: [299938, 280263],
  }),
  shopRedact: (shop: string) => ({ shop_id: 954889, shop_domain: shop }),
  /** An order placed a minute ago: the demo store's history is relative to today, so must this be. */
  order: (customerId = 191167, email = "shopper@example.com", createdAt = new Date(Date.now() - 60_000)) => ({
    id: 820982911946154,
    created_at: createdAt.toISOString(),
    email,
    customer_locale: "fr",
    note_attributes: [],
    customer: { id: customerId, email, phone: null, locale: "fr" },
  }),
  uninstalled: (shop: string) => ({ id: 954889, myshopify_domain: shop, domain: shop }),
};
