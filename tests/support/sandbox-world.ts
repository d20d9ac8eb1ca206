// The sandbox's outside world for tests that run workers in their own processes: the simulated
// Shopify Admin API, Stripe and Mailchimp on loopback, seeded with the demo store's shoppers (and
// any extra ones a test asks for), an SMTP sink, and the demo shop in the test's database with its
// connectors, as `npm start` sets them up. Unlike app/sandbox/sandbox-systems.server.ts, the
// simulators themselves are handed to the test, which reads their state.
import type { Db } from "~/db/client.server";
import { ensureDemoStore } from "~/sandbox/demo-store.server";
import {
  sandboxMailchimpCredentials,
  sandboxShopifyToken,
  sandboxStripeCredentials,
} from "~/sandbox/sandbox-systems.server";
import type { SandboxSettings } from "~/sandbox/settings.server";
import { type MailchimpSimulator, startMailchimpSimulator } from "~/sandbox/simulators/mailchimp.server";
import {
  type ShopifyAdminSimulator,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import { demoShopifySeed } from "~/sandbox/simulators/shopify-demo-seed";
import {
  type StripeSimulator,
  seedStripeShopper,
  startStripeSimulator,
} from "~/sandbox/simulators/stripe.server";
import { seedStripeDemo } from "~/sandbox/simulators/stripe-seed";
import { upsertSubject } from "~/services/subjects.server";
import type { AppWorkerEnv } from "./app-worker";
import { type SmtpSink, startSmtpSink } from "./smtp-sink";
import { TEST_SECRET_KEY } from "./test-logger";

const DAY = 86_400_000;

/** A shopper every system knows: a Shopify customer with orders, a Stripe customer, a subscriber. */
export type WorldShopper = { customerId: number; email: string; firstName: string; lastName: string };

export type World = {
  settings: SandboxSettings;
  shopify: ShopifyAdminSimulator;
  stripe: StripeSimulator;
  mailchimp: MailchimpSimulator;
  smtp: SmtpSink;
  /** What a worker process needs to reach them. */
  workerEnv: Pick<AppWorkerEnv, "endpoints" | "smtpUrl">;
  stop(): Promise<void>;
};

export async function startWorld(
  options: { shoppers?: WorldShopper[]; stripeLatencyMs?: number; now?: Date } = {},
): Promise<World> {
  const now = options.now ?? new Date();
  const settings: SandboxSettings = {
    shop: "imera-paris.myshopify.com",
    apiKey: "crash-test-key",
    apiSecret: "crash-test-secret-0123456789",
  };
  const shoppers = options.shoppers ?? [];
  const seed = demoShopifySeed(settings.shop, now, sandboxShopifyToken(settings));
  const shop = seed.shops[0] as NonNullable<(typeof seed.shops)[0]>;
  for (const [i, s] of shoppers.entries()) {
    const address = { firstName: s.firstName, lastName: s.lastName, address1: `${i + 1} rue de la Paix` };
    shop.customers?.push({
      id: s.customerId,
      firstName: s.firstName,
      lastName: s.lastName,
      email: s.email,
      locale: "fr",
      createdAt: new Date(now.getTime() - 90 * DAY).toISOString(),
      emailMarketing: {
        state: "SUBSCRIBED",
        optInLevel: "SINGLE_OPT_IN",
        consentUpdatedAt: new Date(now.getTime() - 60 * DAY).toISOString(),
      },
      addresses: [{ ...address, city: "Paris", country: "France", countryCodeV2: "FR", zip: "75002" }],
    });
    for (let n = 0; n < 3; n++) {
      shop.orders?.push({
        customerId: s.customerId,
        createdAt: new Date(now.getTime() - (20 + n * 7) * DAY).toISOString(),
        lineItems: [{ title: "Bougie parfumée Figuier", quantity: 1 + n, price: "34.00", sku: "BG-FIG" }],
        billingAddress: address,
        shippingAddress: address,
      });
    }
  }
  // No throttling: the tests are about crashes, not Shopify's bucket.
  const shopify = await startShopifyAdminSimulator({
    seed,
    throttle: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
  });
  const stripe = await startStripeSimulator({
    apiKey: sandboxStripeCredentials(settings).secretKey,
    rateLimitPerSecond: 10_000,
    latencyMs: options.stripeLatencyMs,
  });
  seedStripeDemo(stripe.state);
  for (const s of shoppers) {
    seedStripeShopper(stripe.state, {
      email: s.email,
      name: `${s.firstName} ${s.lastName}`,
      charges: 2,
      newestChargeDaysAgo: 20,
      subscriptions: { active: 0, canceled: 0 },
    });
  }
  const mailchimp = await startMailchimpSimulator({
    ...sandboxMailchimpCredentials(settings),
    audienceName: "iméra",
    gdpr: true,
    members: [
      { email: "camille.martin@example.fr", status: "subscribed", tags: ["checkout"] },
      { email: "newsletter.only@example.fr", status: "subscribed" },
      { email: "emma.thomas@example.com", status: "unsubscribed", unsubscribedBy: "self" },
      ...shoppers.map((s) => ({ email: s.email, status: "subscribed" as const })),
    ],
  });
  const smtp = await startSmtpSink();
  return {
    settings,
    shopify,
    stripe,
    mailchimp,
    smtp,
    workerEnv: {
      endpoints: {
        shopify: { baseUrl: shopify.baseUrl, token: sandboxShopifyToken(settings) },
        mailchimpBasePath: mailchimp.basePath,
        stripe: { host: stripe.host, port: stripe.port },
      },
      smtpUrl: smtp.url,
    },
    async stop() {
      await Promise.all([shopify.stop(), stripe.stop(), mailchimp.stop(), smtp.close()]);
    },
  };
}

/** The demo shop in `db` (connected to Stripe and Mailchimp), with the world's extra shoppers. */
export async function seedWorldShop(db: Db, world: World, shoppers: WorldShopper[] = []) {
  const shop = await ensureDemoStore(db, world.settings, TEST_SECRET_KEY);
  if (!shop) throw new Error("the demo shop was purged in this test database");
  const row = await db.shop.findUniqueOrThrow({ where: { id: shop.id } });
  for (const s of shoppers) {
    await db.$transaction((tx) =>
      upsertSubject(tx, shop.id, {
        customerId: s.customerId,
        email: s.email,
        locale: "fr",
        orderedAt: new Date(Date.now() - 20 * DAY),
      }),
    );
  }
  return { id: row.id, domain: row.domain, name: row.name };
}
