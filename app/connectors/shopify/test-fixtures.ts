// Test support: a Shopify Admin simulator on a manual clock, and clients whose `sleep` records each
// wait and advances that clock, so the bucket refills exactly as it would have in real time.
import {
  type ShopifyAdminSimulator,
  type ShopifyAdminSimulatorOptions,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import type { CustomerSeed } from "~/sandbox/simulators/shopify-admin-store";
import { createShopifyAdminClient, type ShopifyAdminClientOptions } from "./admin-client.server";

export const SHOP = "test-shop.myshopify.com";
export const OTHER_SHOP = "other-shop.myshopify.com";
export const REFERENCE_TIMESTAMP = Date.parse("2026-11-20T10:00:00.000Z");

export type Harness = {
  sim: ShopifyAdminSimulator;
  clock: { now: () => number; advance(ms: number): void };
  /** A client for `shop` with recorded waits; options override the defaults. */
  client(options?: Partial<ShopifyAdminClientOptions>): {
    client: ReturnType<typeof createShopifyAdminClient>;
    waits: number[];
  };
};

export const CAMILLE: CustomerSeed = {
  id: 7001,
  firstName: "Camille",
  lastName: "Martin",
  email: "camille.martin@example.fr",
  phone: "+33600000001",
  emailMarketing: {
    state: "SUBSCRIBED",
    optInLevel: "SINGLE_OPT_IN",
    consentUpdatedAt: "2026-10-01T08:00:00.000Z",
  },
  addresses: [
    { firstName: "Camille", lastName: "Martin", address1: "12 rue Oberkampf", city: "Paris", zip: "75011" },
  ],
};

export async function startHarness(options: ShopifyAdminSimulatorOptions = {}): Promise<Harness> {
  let time = REFERENCE_TIMESTAMP;
  const clock = {
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
  };
  const sim = await startShopifyAdminSimulator({
    now: clock.now,
    seed: { shops: [{ domain: SHOP, name: "Test shop", customers: [CAMILLE] }, { domain: OTHER_SHOP }] },
    ...options,
  });
  return {
    sim,
    clock,
    client(overrides = {}) {
      const waits: number[] = [];
      const client = createShopifyAdminClient({
        shop: SHOP,
        accessToken: sim.accessTokenFor(SHOP),
        baseUrl: sim.baseUrl,
        now: clock.now,
        random: () => 0,
        sleep: async (ms) => {
          waits.push(ms);
          clock.advance(ms);
        },
        ...overrides,
      });
      return { client, waits };
    },
  };
}
