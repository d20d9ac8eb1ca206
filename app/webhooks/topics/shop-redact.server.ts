// shop/redact: 48 h after uninstall, Shopify asks for everything held for the shop to go.
import { ShopRedactSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const shopRedact = defineTopic({
  topic: "shop/redact",
  priority: 10,
  payloadSchema: ShopRedactSchema,
  async process(tx, { shopDomain }, { jobId, log }) {
    // Subjects, audit events and every other shop-owned row go with the Shop row (ON DELETE CASCADE).
    const shops = await tx.shop.deleteMany({ where: { domain: shopDomain } });
    const sessions = await tx.session.deleteMany({ where: { shop: shopDomain } });
    const receipts = await tx.webhookReceipt.deleteMany({ where: { shopDomain } });
    // This job's own row stays, as the record that the purge ran; it holds no personal data.
    const jobs = await tx.job.deleteMany({ where: { shopDomain, id: { not: jobId } } });
    log.info("shop data deleted", {
      jobId,
      shops: shops.count,
      sessions: sessions.count,
      receipts: receipts.count,
      jobs: jobs.count,
    });
  },
});
