// Builds the connectors one shop has: Shopify (its offline session, or the sandbox's simulator)
// and Mailchimp (its stored, encrypted credentials). A system that is not connected is null.
import type { Db } from "~/db/client.server";
import type { SystemName } from "~/domain/systems";
import { logger } from "~/utils/logger.server";
import { openSecret } from "~/utils/secret-box.server";
import type { Connector } from "./connector";
import { createMailchimpClient } from "./mailchimp/client.server";
import { createMailchimpConnector, parseMailchimpCredentials } from "./mailchimp/connector.server";
import { createMailchimpEngagement, type MailchimpEngagement } from "./mailchimp/engagement.server";
import { createShopifyAdminClient } from "./shopify/admin-client.server";
import { createShopifyBulk, type ShopifyBulk } from "./shopify/bulk-customers";
import { createShopifyConnector } from "./shopify/connector.server";
import { ORDER_FOR_CONSENT_API_VERSION } from "./shopify/operations";
import { createShopifyOrders, type ShopifyOrders } from "./shopify/orders.server";
import { createShopifyShopProfile, type ShopifyShopProfile } from "./shopify/shop-profile";
import { createShopifyStorePolicy, type ShopifyStorePolicy } from "./shopify/store-policy";
import { createStripeConnector, parseStripeCredentials } from "./stripe/connector.server";
import { createStripePayments, type StripePayments } from "./stripe/payment-contact.server";
import { createVigieConnector } from "./vigie/connector.server";

/** A connector per system (Vigie's own records: null only for an unknown shop), null when not connected. */
export type ShopConnectors = Record<SystemName, Connector | null> & {
  /** Stripe-only lookups the generic interface has no verb for (payment checks). */
  stripePayments?: StripePayments | null;
  /** Shopify-only order reads (the thank-you page's consent); null when Shopify is not reachable. */
  shopifyOrders?: ShopifyOrders | null;
  /** Shopify bulk query operations (the backfill); null when Shopify is not reachable. */
  shopifyBulk?: ShopifyBulk | null;
  /** The store's legal policies (the privacy notice as its privacy policy); null when not reachable. */
  shopifyStorePolicy?: ShopifyStorePolicy | null;
  /** Mailchimp members' opens and clicks (the re-permission); null when Mailchimp is not connected. */
  mailchimpEngagement?: MailchimpEngagement | null;
  /** The shop's own settings (its time zone); null when Shopify is not reachable. */
  shopifyShop?: ShopifyShopProfile | null;
};

/** Where the outside systems are: Shopify and Mailchimp themselves, or the sandbox's simulators. */
export type ConnectorEndpoints = {
  /** Sandbox: the Shopify Admin simulator's base URL and its access token for the shop. */
  shopify?: { baseUrl: string; accessToken: (shop: string) => string };
  /** Sandbox: the Mailchimp simulator's base path. */
  mailchimpBasePath?: string;
  /** Sandbox: the Stripe simulator. */
  stripe?: { host: string; port: number; protocol: "http" };
};

export type ConnectorDeps = { db: Db; secretKey: Buffer; endpoints?: ConnectorEndpoints };

export async function connectorsForShop(deps: ConnectorDeps, shopDomain: string): Promise<ShopConnectors> {
  const { db, secretKey, endpoints } = deps;
  const shop = await db.shop.findUnique({
    where: { domain: shopDomain },
    select: { id: true, state: true, connectors: { where: { enabled: true } } },
  });
  if (!shop) return { shopify: null, mailchimp: null, stripe: null, vigie: null };

  let shopifyAccess: { accessToken: string; baseUrl?: string } | null = null;
  if (endpoints?.shopify) {
    shopifyAccess = {
      accessToken: endpoints.shopify.accessToken(shopDomain),
      baseUrl: endpoints.shopify.baseUrl,
    };
  } else if (shop.state === "installed") {
    const session = await db.session.findUnique({
      where: { id: `offline_${shopDomain}` },
      select: { accessToken: true },
    });
    if (session) shopifyAccess = { accessToken: session.accessToken };
  }
  const shopify = shopifyAccess
    ? createShopifyConnector({ client: createShopifyAdminClient({ shop: shopDomain, ...shopifyAccess }) })
    : null;
  const shopifyOrders = shopifyAccess
    ? createShopifyOrders(
        createShopifyAdminClient({
          shop: shopDomain,
          ...shopifyAccess,
          apiVersion: ORDER_FOR_CONSENT_API_VERSION,
        }),
      )
    : null;

  const shopifyBulk = shopifyAccess
    ? createShopifyBulk(createShopifyAdminClient({ shop: shopDomain, ...shopifyAccess }))
    : null;

  const shopifyStorePolicy = shopifyAccess
    ? createShopifyStorePolicy(createShopifyAdminClient({ shop: shopDomain, ...shopifyAccess }))
    : null;

  const shopifyShop = shopifyAccess
    ? createShopifyShopProfile(createShopifyAdminClient({ shop: shopDomain, ...shopifyAccess }))
    : null;

  let mailchimp: Connector | null = null;
  let mailchimpEngagement: MailchimpEngagement | null = null;
  const mailchimpSetting = shop.connectors.find((c) => c.connector === "mailchimp");
  if (mailchimpSetting?.secrets) {
    const credentials = JSON.parse(openSecret(secretKey, mailchimpSetting.secrets));
    mailchimp = createMailchimpConnector({ credentials, basePath: endpoints?.mailchimpBasePath });
    mailchimpEngagement = createMailchimpEngagement(
      createMailchimpClient({
        credentials: parseMailchimpCredentials(credentials),
        basePath: endpoints?.mailchimpBasePath,
        log: logger.child("mailchimp"),
      }),
    );
  }
  const stripeSetting = shop.connectors.find((c) => c.connector === "stripe");
  const stripeCredentials = stripeSetting?.secrets
    ? parseStripeCredentials(JSON.parse(openSecret(secretKey, stripeSetting.secrets)))
    : null;
  const stripe = stripeCredentials
    ? createStripeConnector({ credentials: stripeCredentials, endpoint: endpoints?.stripe })
    : null;
  const stripePayments = stripeCredentials
    ? createStripePayments({
        credentials: stripeCredentials,
        endpoint: endpoints?.stripe,
        log: logger.child("stripe"),
      })
    : null;
  return {
    shopify,
    mailchimp,
    stripe,
    vigie: createVigieConnector({ db, shopId: shop.id }),
    stripePayments,
    shopifyOrders,
    shopifyBulk,
    shopifyStorePolicy,
    mailchimpEngagement,
    shopifyShop,
  };
}
