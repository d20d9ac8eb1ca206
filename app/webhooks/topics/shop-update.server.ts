// shop/update: the merchant changed the shop's settings in Shopify; Vigie follows its time zone
// (docs/decisions/065). Other fields are not read.
import { applyShopifyTimeZone } from "~/services/shop-time-zone.server";
import { ShopUpdateSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const shopUpdate = defineTopic({
  topic: "shop/update",
  priority: 40,
  payloadSchema: ShopUpdateSchema,
  async process(tx, { shopDomain, payload }) {
    if (!payload.iana_timezone) return;
    const shop = await tx.shop.findUnique({ where: { domain: shopDomain }, select: { id: true } });
    if (!shop) return;
    await applyShopifyTimeZone(tx, shop.id, payload.iana_timezone, "shopify");
  },
});
