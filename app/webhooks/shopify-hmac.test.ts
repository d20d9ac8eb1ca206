import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { shopifyWebhookHmac, verifyShopifyWebhookHmac } from "./shopify-hmac";

const SECRET = "hush";
const BODY = Buffer.from('{"shop_id":954889,"shop_domain":"x.myshopify.com"}');

describe("verifyShopifyWebhookHmac", () => {
  it("accepts the base64 HMAC-SHA256 of the raw body", () => {
    const header = createHmac("sha256", SECRET).update(BODY).digest("base64");
    expect(shopifyWebhookHmac(BODY, SECRET)).toBe(header);
    expect(verifyShopifyWebhookHmac(BODY, header, SECRET)).toBe(true);
  });

  it("rejects a missing header, another secret, and a re-serialised body", () => {
    expect(verifyShopifyWebhookHmac(BODY, undefined, SECRET)).toBe(false);
    expect(verifyShopifyWebhookHmac(BODY, shopifyWebhookHmac(BODY, "other"), SECRET)).toBe(false);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY.toString()), null, 1));
    expect(verifyShopifyWebhookHmac(reserialised, shopifyWebhookHmac(BODY, SECRET), SECRET)).toBe(false);
  });

  it("rejects a truncated or garbage signature without throwing", () => {
    const header = shopifyWebhookHmac(BODY, SECRET);
    expect(verifyShopifyWebhookHmac(BODY, header.slice(0, 20), SECRET)).toBe(false);
    expect(verifyShopifyWebhookHmac(BODY, "not base64 !!", SECRET)).toBe(false);
  });
});
