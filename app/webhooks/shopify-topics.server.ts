// The intake table: every Shopify topic Vigie accepts, served at /webhooks/<topic> by server.ts.
// shopify.app.toml subscribes to the same list.
import { appUninstalled } from "./topics/app-uninstalled.server";
import { customersDataRequest } from "./topics/customers-data-request.server";
import { customersRedact } from "./topics/customers-redact.server";
import { ordersCreate } from "./topics/orders-create.server";
import { shopRedact } from "./topics/shop-redact.server";
import type { TopicHandler } from "./topics/topic-handler";

export const SHOPIFY_TOPICS: TopicHandler[] = [
  customersDataRequest,
  customersRedact,
  shopRedact,
  ordersCreate,
  appUninstalled,
];

const byTopic = new Map(SHOPIFY_TOPICS.map((handler) => [handler.topic, handler]));

export function shopifyTopicHandler(topic: string): TopicHandler | undefined {
  return byTopic.get(topic);
}
