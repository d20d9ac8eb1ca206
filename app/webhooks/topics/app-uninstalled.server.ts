// app/uninstalled: the shop removed Vigie. Sessions go now; the data goes on shop/redact (48 h later).
import { recordAudit } from "~/services/audit.server";
import { AppUninstalledSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const appUninstalled = defineTopic({
  topic: "app/uninstalled",
  priority: 20,
  payloadSchema: AppUninstalledSchema,
  async process(tx, { shopDomain, receiptId }) {
    // May arrive twice, or after the data is already gone: every step tolerates that.
    await tx.session.deleteMany({ where: { shop: shopDomain } });
    const shop = await tx.shop.findUnique({
      where: { domain: shopDomain },
      select: { id: true, state: true },
    });
    if (!shop || shop.state === "uninstalled") return;
    await tx.shop.update({
      where: { id: shop.id },
      data: { state: "uninstalled", uninstalledAt: new Date() },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "shopify",
      action: "app.uninstalled",
      data: { receiptId },
    });
  },
});
