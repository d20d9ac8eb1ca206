// Webhook deliveries of the simulator, made the way Shopify makes them: a JSON POST to
// `<url>/webhooks/<topic>` with the X-Shopify-* headers and a base64 HMAC-SHA256 of the raw body
// under the app's secret. Retries (when configured) keep the webhook id and the event id.

import { randomUUID } from "node:crypto";
import { ADMIN_API_VERSION } from "~/connectors/shopify/api-version";
import { shopifyWebhookHmac } from "~/webhooks/shopify-hmac";

export type WebhookConfig = {
  /** The app's base URL; deliveries go to `${url}/webhooks/<topic>`. */
  url: string;
  /** The app's client secret (the sandbox's `apiSecret`). */
  secret: string;
  apiVersion?: string;
  /** Delays before each retry of a delivery that failed (Shopify: 8 retries over 4 hours). */
  retryDelaysMs?: number[];
};

export type WebhookDelivery = {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  /** The raw body sent. */
  body: string;
  attempts: number;
  /** The app's last HTTP status, `error` when it could not be reached, `pending` while in flight. */
  status: number | "error" | "pending";
};

const KEPT_DELIVERIES = 200;

export type WebhookDispatcher = {
  configure(config: WebhookConfig | null): void;
  /** Queues a delivery (nothing happens when no webhook URL is configured). */
  emit(shop: string, topic: string, payload: unknown): void;
  /** Resolves once every delivery in flight has finished (including retries). */
  idle(): Promise<void>;
  /** The most recent deliveries, oldest first. */
  deliveries: WebhookDelivery[];
};

export function createWebhookDispatcher(
  now: () => number,
  counters: { delivered: number; failed: number },
): WebhookDispatcher {
  let config: WebhookConfig | null = null;
  const inFlight = new Set<Promise<void>>();
  const deliveries: WebhookDelivery[] = [];

  async function deliver(target: WebhookConfig, delivery: WebhookDelivery): Promise<void> {
    const url = `${target.url.replace(/\/+$/, "")}/webhooks/${delivery.topic}`;
    const delays = target.retryDelaysMs ?? [];
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, delays[attempt - 1]));
      delivery.attempts += 1;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Topic": delivery.topic,
            "X-Shopify-Shop-Domain": delivery.shop,
            "X-Shopify-API-Version": target.apiVersion ?? ADMIN_API_VERSION,
            "X-Shopify-Webhook-Id": delivery.webhookId,
            "X-Shopify-Event-Id": delivery.eventId,
            "X-Shopify-Triggered-At": new Date(now()).toISOString(),
            "X-Shopify-Hmac-Sha256": shopifyWebhookHmac(delivery.body, target.secret),
          },
          body: delivery.body,
          signal: AbortSignal.timeout(5_000),
        });
        await response.text().catch(() => "");
        delivery.status = response.status;
        if (response.ok) {
          counters.delivered += 1;
          return;
        }
      } catch {
        delivery.status = "error";
      }
    }
    counters.failed += 1;
  }

  return {
    deliveries,
    configure(next) {
      config = next;
    },
    emit(shop, topic, payload) {
      const target = config;
      if (!target) return;
      const delivery: WebhookDelivery = {
        webhookId: randomUUID(),
        eventId: randomUUID(),
        topic,
        shop,
        body: JSON.stringify(payload),
        attempts: 0,
        status: "pending",
      };
      deliveries.push(delivery);
      if (deliveries.length > KEPT_DELIVERIES) deliveries.shift();
      // Like Shopify, after the API call has answered: never inside the mutation's response.
      const running = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => deliver(target, delivery))
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
