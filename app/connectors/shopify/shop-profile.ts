// The shop's own settings Vigie follows: its time zone (Settings → General in Shopify's admin),
// read as `Shop.ianaTimezone`. No scope needed.
import { z } from "zod";
import type { ShopifyAdminClient } from "./admin-client.server";

const TIME_ZONE = `#graphql
  query VigieShopTimeZone { shop { ianaTimezone } }`;

const TimeZoneSchema = z.object({ shop: z.object({ ianaTimezone: z.string().min(1) }) });

export type ShopifyShopProfile = {
  /** The shop's IANA time zone as Shopify has it (e.g. "Europe/Paris"). */
  timeZone(): Promise<string>;
};

export function createShopifyShopProfile(client: ShopifyAdminClient): ShopifyShopProfile {
  return {
    async timeZone() {
      const data = await client.graphql(TIME_ZONE, {}, { schema: TimeZoneSchema });
      return data.shop.ianaTimezone;
    },
  };
}
