// The intake tables: every webhook topic Vigie accepts, by source. Shopify topics are served at
// /webhooks/<topic> by server.ts (shopify.app.toml subscribes to the same list); Mailchimp's at
// /webhooks/mailchimp/<secret>.
import { appUninstalled } from "./topics/app-uninstalled.server";
import { bannerChoice } from "./topics/banner-choice.server";
import { bulkOperationsFinish } from "./topics/bulk-operations-finish.server";
import { CHECKOUT_TOPIC_HANDLERS } from "./topics/checkout-consent.server";
import { customersDataRequest } from "./topics/customers-data-request.server";
import { customersEmailMarketingConsentUpdate } from "./topics/customers-email-marketing-consent-update.server";
import { customersRedact } from "./topics/customers-redact.server";
import { customersCreate, customersUpdate } from "./topics/customers-upsert.server";
import { MAILCHIMP_TOPIC_HANDLERS } from "./topics/mailchimp-audience.server";
import { ordersCreate } from "./topics/orders-create.server";
import { shopRedact } from "./topics/shop-redact.server";
import { shopUpdate } from "./topics/shop-update.server";
import { STRIPE_TOPIC_HANDLERS } from "./topics/stripe-payment-checks.server";
import type { TopicHandler } from "./topics/topic-handler";

export const SHOPIFY_TOPICS = [
  customersDataRequest,
  customersRedact,
  shopRedact,
  ordersCreate,
  appUninstalled,
  customersEmailMarketingConsentUpdate,
  customersCreate,
  customersUpdate,
  bulkOperationsFinish,
  shopUpdate,
] as TopicHandler[];

const HANDLERS = new Map<string, TopicHandler>([
  ...SHOPIFY_TOPICS.map((handler) => [`shopify:${handler.topic}`, handler] as const),
  ...MAILCHIMP_TOPIC_HANDLERS.map((handler) => [`mailchimp:${handler.topic}`, handler] as const),
  ...STRIPE_TOPIC_HANDLERS.map((handler) => [`stripe:${handler.topic}`, handler] as const),
  ...CHECKOUT_TOPIC_HANDLERS.map((handler) => [`checkout:${handler.topic}`, handler] as const),
  [`banner:${bannerChoice.topic}`, bannerChoice as TopicHandler],
]);

export function shopifyTopicHandler(topic: string): TopicHandler | undefined {
  return HANDLERS.get(`shopify:${topic}`);
}

export function webhookHandler(source: string, topic: string): TopicHandler | undefined {
  return HANDLERS.get(`${source}:${topic}`);
}
