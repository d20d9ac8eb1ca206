// The shop's time zone comes from Shopify (Settings → General there): read at install and at the
// sandbox's start (ShopTimeZoneJob), then followed through `shop/update` (docs/decisions/065).
// Requests already filed keep the zone they were filed under (docs/decisions/037).
import type { Db, Tx } from "~/db/client.server";
import { isTimeZone } from "~/domain/deadlines/local-date";
import type { JobContext } from "~/jobs/handler";
import { ShopTimeZoneJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { recordAudit } from "./audit.server";
import { parseShopSettings, ShopSettingsSchema } from "./shop-settings.server";

/**
 * Stores the zone Shopify gave for the shop; an unknown zone is ignored (the current one stays).
 * Returns true when the stored zone changed. Audited when it does.
 */
export async function applyShopifyTimeZone(
  tx: Tx,
  shopId: string,
  timeZone: string,
  actor: "shopify" | "system",
  now = new Date(),
): Promise<boolean> {
  if (!isTimeZone(timeZone)) return false;
  const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { settings: true } });
  if (!shop) return false;
  const previous = parseShopSettings(shop.settings);
  const changed = previous.timeZone !== timeZone;
  const next = ShopSettingsSchema.parse({
    ...previous,
    timeZone,
    timeZoneFromShopifyAt: now.toISOString(),
  });
  await tx.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify(next) } });
  if (changed) {
    await recordAudit(tx, {
      shopId,
      actorType: actor,
      action: "settings.time_zone_from_shopify",
      data: { from: previous.timeZone, to: timeZone },
    });
  }
  return changed;
}

/** Queues a read of the shop's zone from Shopify (after each authentication, at the sandbox's start). */
export async function readTimeZoneFromShopify(db: Db, domain: string) {
  const shop = await db.shop.findUnique({ where: { domain }, select: { id: true } });
  if (!shop) return null;
  return enqueue(db, ShopTimeZoneJob, { shopId: shop.id });
}

/** The job: reads `shop { ianaTimezone }` through the Shopify connector and stores it. */
export async function syncShopTimeZone(context: JobContext, shopId: string): Promise<void> {
  const shop = await context.db.shop.findUnique({ where: { id: shopId }, select: { domain: true } });
  if (!shop) return;
  const profile = (await context.connectors(shop.domain)).shopifyShop;
  if (!profile) return; // not connected (uninstalled): the stored zone stays
  const timeZone = await profile.timeZone();
  if (!isTimeZone(timeZone)) {
    context.log.warn("Shopify gave a time zone this runtime does not know", { shopId });
    return;
  }
  await context.db.$transaction((tx) => applyShopifyTimeZone(tx, shopId, timeZone, "system"));
}
