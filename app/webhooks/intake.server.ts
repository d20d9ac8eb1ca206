// The Shopify webhook intake, served by server.ts in front of Remix (it is the hot path: see
// DESIGN's throughput goal). Order of checks: route, method, size, HMAC over the raw bytes, then
// headers and JSON. Nothing is stored for a request that fails any of them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readRawBody } from "~/http/body.server";
import { sendText } from "~/http/respond.server";
import type { Logger } from "~/utils/logger.server";
import type { ReceiptStore } from "./receipts.server";
import { verifyShopifyWebhookHmac } from "./shopify-hmac";
import { shopifyTopicHandler } from "./shopify-topics.server";

export const SHOPIFY_WEBHOOK_PREFIX = "/webhooks/";
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export type IntakeDeps = { receipts: ReceiptStore; secret: () => string; log: Logger };

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Handles POST /webhooks/<topic>; returns false when the path is not a Shopify topic of ours. */
export async function handleShopifyWebhook(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  deps: IntakeDeps,
): Promise<boolean> {
  const topic = pathname.slice(SHOPIFY_WEBHOOK_PREFIX.length);
  const handler = shopifyTopicHandler(topic);
  if (!handler) return false;

  if (request.method !== "POST") {
    sendText(response, 405, "Method Not Allowed", { allow: "POST" });
    return true;
  }
  let body: Buffer;
  try {
    body = await readRawBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendText(response, 413, "Payload Too Large", {}, true);
      return true;
    }
    throw error;
  }
  // Shopify's app review wants 401 for a missing or wrong HMAC alike.
  if (!verifyShopifyWebhookHmac(body, header(request, "x-shopify-hmac-sha256"), deps.secret())) {
    sendText(response, 401, "Unauthorized");
    return true;
  }
  const topicHeader = header(request, "x-shopify-topic");
  const shopDomain = header(request, "x-shopify-shop-domain")?.toLowerCase();
  const webhookId = header(request, "x-shopify-webhook-id");
  if (topicHeader !== topic || !shopDomain || !SHOP_DOMAIN.test(shopDomain) || !webhookId) {
    sendText(
      response,
      400,
      "Bad Request: X-Shopify-Topic must match the path; X-Shopify-Shop-Domain and X-Shopify-Webhook-Id are required",
    );
    return true;
  }
  const text = body.toString("utf8");
  try {
    JSON.parse(text);
  } catch {
    sendText(response, 400, "Bad Request: body is not JSON");
    return true;
  }
  try {
    const stored = await deps.receipts.store(
      {
        source: "shopify",
        deliveryId: webhookId,
        shopDomain,
        topic,
        apiVersion: header(request, "x-shopify-api-version"),
        triggeredAt: header(request, "x-shopify-triggered-at"),
        eventId: header(request, "x-shopify-event-id"),
        body: text,
      },
      { priority: handler.priority },
    );
    sendText(response, 200, stored ? "OK" : "OK (duplicate)");
  } catch (error) {
    // 5xx makes Shopify retry: better than losing the delivery.
    deps.log.error("storing a webhook failed", { topic, error });
    sendText(response, 503, "Service Unavailable");
  }
  return true;
}
