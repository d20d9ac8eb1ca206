// The shop's time zone from Shopify, on real databases against the Shopify simulator over HTTP:
// read as `shop { ianaTimezone }` by the job queued at install, then followed through the
// `shop/update` webhook the simulator sends when the merchant changes it (docs/decisions/065).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorsForShop } from "~/connectors/registry.server";
import { ShopTimeZoneJob } from "~/jobs/job-types";
import {
  type ShopifyAdminSimulator,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import { parseShopSettings, shopTimeZone } from "~/services/shop-settings.server";
import { readTimeZoneFromShopify, syncShopTimeZone } from "~/services/shop-time-zone.server";
import { ensureShop } from "~/services/shops.server";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { TEST_SECRET_KEY, testJobContext } from "../support/test-logger";

describe.each(testDialects())("the shop's time zone from Shopify on %s", (dialect) => {
  const domain = `zone-${dialect}.myshopify.com`;
  let t: TestDatabase;
  let sim: ShopifyAdminSimulator;
  let receipts: ReceiptStore;
  let shopId: string;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
    sim = await startShopifyAdminSimulator({
      seed: { shops: [{ domain, ianaTimezone: "Pacific/Auckland" }] },
    });
    // Deliveries are recorded by the simulator; the test stores and processes them itself.
    sim.onWebhook({ url: "http://127.0.0.1:9", secret: "test", retryDelaysMs: [] });
    shopId = (await t.db.$transaction((tx) => ensureShop(tx, domain))).id;
  });
  afterAll(async () => {
    await sim.stop();
    await receipts.close();
    await t.drop();
  });

  const context = () =>
    testJobContext({
      db: t.db,
      dialect: t.dialect,
      connectors: (shop) =>
        connectorsForShop(
          {
            db: t.db,
            secretKey: TEST_SECRET_KEY,
            endpoints: { shopify: { baseUrl: sim.baseUrl, accessToken: (s) => sim.accessTokenFor(s) } },
          },
          shop,
        ),
    });
  const settings = async () =>
    parseShopSettings((await t.db.shop.findUniqueOrThrow({ where: { id: shopId } })).settings);

  it("is Europe/Paris until Shopify is read, then the zone Shopify has, audited once", async () => {
    expect(await shopTimeZone(t.db, shopId)).toBe("Europe/Paris");
    expect((await settings()).timeZoneFromShopifyAt).toBeUndefined();

    const queued = await readTimeZoneFromShopify(t.db, domain);
    const job = await t.db.job.findUniqueOrThrow({ where: { id: queued?.id } });
    expect(job.type).toBe(ShopTimeZoneJob.id);
    expect(JSON.parse(job.payload)).toEqual({ shopId });

    await syncShopTimeZone(context(), shopId);
    expect(await shopTimeZone(t.db, shopId)).toBe("Pacific/Auckland");
    expect((await settings()).timeZoneFromShopifyAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(sim.stats.operations.VigieShopTimeZone).toBe(1);

    // Read again (a new authentication): same zone, no second audit entry.
    await syncShopTimeZone(context(), shopId);
    const audits = await t.db.auditEvent.findMany({
      where: { shopId, action: "settings.time_zone_from_shopify" },
    });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]?.data ?? "{}")).toEqual({ from: "Europe/Paris", to: "Pacific/Auckland" });
  });

  it("follows the merchant's change through shop/update, and ignores a zone it does not know", async () => {
    sim.simulateTimeZoneChange(domain, "America/Los_Angeles");
    await sim.webhooksIdle();
    const delivery = sim.webhookDeliveries.find((d) => d.topic === "shop/update" && d.shop === domain);
    expect(JSON.parse(delivery?.body ?? "{}").iana_timezone).toBe("America/Los_Angeles");

    const deliver = async (deliveryId: string, body: string) => {
      await receipts.store(
        { source: "shopify", deliveryId, shopDomain: domain, topic: "shop/update", body },
        { priority: 40 },
      );
      const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
      await processDelivery(context(), receipt.id);
    };
    await deliver("zone-1", delivery?.body ?? "");
    expect(await shopTimeZone(t.db, shopId)).toBe("America/Los_Angeles");

    await deliver("zone-2", JSON.stringify({ id: 1, iana_timezone: "Mars/Olympus" }));
    expect(await shopTimeZone(t.db, shopId)).toBe("America/Los_Angeles");
    expect(
      await t.db.auditEvent.count({ where: { shopId, action: "settings.time_zone_from_shopify" } }),
    ).toBe(2);
  });
});
