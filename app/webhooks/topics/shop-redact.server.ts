// shop/redact: 48 h after uninstall, Shopify asks for everything held for the shop to go (Shopify's
// mandatory compliance webhooks; GDPR art. 17). Everything goes except legal holds.
import type { Tx } from "~/db/client.server";
import { recordAudit } from "~/services/audit.server";
import { markShopPurged } from "~/services/shops.server";
import { ShopRedactSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

/**
 * True when the shop came back after its last uninstall: installed again later than the last
 * uninstall on record. The Shop row alone cannot tell (a reinstall clears `uninstalledAt`, and a
 * shop first seen through a webhook reads "installed"), so the app/uninstalled receipts count too;
 * they also cover an app/uninstalled still queued behind this job (priority 20 after 10). No
 * uninstall on record: Shopify sends shop/redact only after one, so the shop did not come back.
 */
async function reinstalled(
  tx: Tx,
  shop: { state: string; installedAt: Date; uninstalledAt: Date | null },
  shopDomain: string,
) {
  if (shop.state !== "installed") return false;
  const receipt = await tx.webhookReceipt.findFirst({
    where: { source: "shopify", shopDomain, topic: "app/uninstalled" },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true },
  });
  const lastUninstall = Math.max(shop.uninstalledAt?.getTime() ?? 0, receipt?.receivedAt.getTime() ?? 0);
  return lastUninstall > 0 && shop.installedAt.getTime() > lastUninstall;
}

export const shopRedact = defineTopic({
  topic: "shop/redact",
  priority: 10,
  payloadSchema: ShopRedactSchema,
  async process(tx, { shopDomain, receiptId }, { jobId, log, secretKey }) {
    const shop = await tx.shop.findUnique({
      where: { domain: shopDomain },
      select: { id: true, state: true, installedAt: true, uninstalledAt: true, _count: true },
    });
    if (shop && (await reinstalled(tx, shop, shopDomain))) {
      // The merchant came back before the purge ran: their data is in use again, keep it.
      await recordAudit(tx, {
        shopId: shop.id,
        actorType: "shopify",
        action: "shop.purge_cancelled",
        data: { receiptId },
      });
      log.info("shop purge cancelled: the shop reinstalled", { jobId });
      return;
    }
    // Legal holds (LegalHold) are deliberately left alone: they carry shopId/shopDomain without a
    // foreign key so that what the law requires keeping outlives the shop (Code de commerce L123-22).
    // ConsentState.shopId is not a foreign key (the row cascades through Subject): delete by it too.
    const consentStates = shop
      ? await tx.consentState.deleteMany({ where: { shopId: shop.id } })
      : { count: 0 };
    // Every other shop-owned table cascades from the Shop row (ON DELETE CASCADE).
    const shops = await tx.shop.deleteMany({ where: { domain: shopDomain } });
    // Tables keyed by the shop's domain, not by a foreign key.
    const sessions = await tx.session.deleteMany({ where: { shop: shopDomain } });
    const receipts = await tx.webhookReceipt.deleteMany({ where: { shopDomain } });
    // This job's own row stays, as the record that the purge ran; it holds no personal data.
    const jobs = await tx.job.deleteMany({ where: { shopDomain, id: { not: jobId } } });
    // So that a delivery arriving late does not bring the shop back (process-webhook drops it).
    await markShopPurged(tx, secretKey, shopDomain);
    // Counts only: no identifier of the shop or of its shoppers.
    log.info("shop data deleted", {
      jobId,
      shops: shops.count,
      ...(shop && { cascaded: shop._count }),
      consentStates: consentStates.count,
      sessions: sessions.count,
      receipts: receipts.count,
      jobs: jobs.count,
    });
  },
});
