// The sandbox's outside world: a simulated Shopify Admin API and Mailchimp on loopback, seeded
// with the demo store's shoppers, which call the sandbox back with signed webhooks like the real
// systems do. Production never starts these.
import { createHmac } from "node:crypto";
import type { ConnectorEndpoints } from "~/connectors/registry.server";
import type { SandboxSettings } from "./settings.server";
import { startMailchimpSimulator } from "./simulators/mailchimp.server";
import { startShopifyAdminSimulator } from "./simulators/shopify-admin.server";
import { demoShopifySeed } from "./simulators/shopify-demo-seed";
import { startStripeSimulator } from "./simulators/stripe.server";
import { seedStripeDemo } from "./simulators/stripe-seed";

export type SandboxSystems = {
  endpoints: ConnectorEndpoints;
  /** Points the simulators' webhooks at the running sandbox. */
  connectWebhooks(publicUrl: string): void;
  /** The HTML body of one of a shop's legal policies in the Shopify simulator (its storefront shows it). */
  shopPolicy(shop: string, type: "PRIVACY_POLICY"): string | null;
  stop(): Promise<void>;
};

const derive = (settings: SandboxSettings, label: string) =>
  createHmac("sha256", settings.apiSecret).update(`vigie-sandbox:${label}`).digest("hex");

/** The demo shop's Shopify access token in the simulator: derived, so tests can compute it. */
export function sandboxShopifyToken(settings: SandboxSettings) {
  return `shpat_sandbox_${settings.apiKey}`;
}

/** The demo shop's Mailchimp credentials: derived from data/sandbox.json, stable across restarts. */
export function sandboxMailchimpCredentials(settings: SandboxSettings) {
  return {
    apiKey: `${derive(settings, "mailchimp-key").slice(0, 32)}-us21`,
    serverPrefix: "us21",
    audienceId: "imera2022",
  };
}

/** The demo shop's Stripe keys: a test-mode secret key and a webhook endpoint secret. */
export function sandboxStripeCredentials(settings: SandboxSettings) {
  return {
    secretKey: `sk_test_${derive(settings, "stripe-key").slice(0, 40)}`,
    webhookSecret: `whsec_${derive(settings, "stripe-webhook").slice(0, 32)}`,
  };
}

/** The secret in the demo shop's Mailchimp webhook URL. */
export function sandboxMailchimpWebhookSecret(settings: SandboxSettings) {
  return Buffer.from(derive(settings, "mailchimp-webhook"), "hex").toString("base64url");
}

const DAY = 86_400_000;

export async function startSandboxSystems(
  settings: SandboxSettings,
  now = new Date(),
): Promise<SandboxSystems> {
  const shopify = await startShopifyAdminSimulator({
    seed: demoShopifySeed(settings.shop, now, sandboxShopifyToken(settings)),
  });
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const mailchimpCredentials = sandboxMailchimpCredentials(settings);
  const mailchimp = await startMailchimpSimulator({
    ...mailchimpCredentials,
    audienceName: "iméra",
    gdpr: true,
    members: [
      {
        email: "camille.martin@example.fr",
        status: "subscribed",
        mergeFields: { FNAME: "Camille", LNAME: "Martin" },
        tags: ["checkout"],
        events: [
          {
            name: "opened_campaign",
            occurred_at: ago(12).toISOString(),
            properties: { campaign: "Automne" },
          },
        ],
      },
      { email: "newsletter.only@example.fr", status: "subscribed" },
      { email: "emma.thomas@example.com", status: "unsubscribed", unsubscribedBy: "self" },
    ],
    now: () => new Date(),
  });
  const stripe = await startStripeSimulator({
    apiKey: sandboxStripeCredentials(settings).secretKey,
    rateLimitPerSecond: 25,
  });
  seedStripeDemo(stripe.state);
  return {
    shopPolicy: (shop, type) => shopify.state.shop(shop).policies.get(type)?.body ?? null,
    endpoints: {
      shopify: { baseUrl: shopify.baseUrl, accessToken: shopify.accessTokenFor },
      mailchimpBasePath: mailchimp.basePath,
      stripe: { host: stripe.host, port: stripe.port, protocol: "http" },
    },
    connectWebhooks(publicUrl) {
      shopify.onWebhook({ url: publicUrl, secret: settings.apiSecret });
    },
    async stop() {
      await Promise.all([shopify.stop(), mailchimp.stop(), stripe.stop()]);
    },
  };
}
