import { createHmac, timingSafeEqual } from "node:crypto";

/** Base64 HMAC-SHA256 of the raw body with the app secret: what Shopify puts in X-Shopify-Hmac-Sha256. */
export function shopifyWebhookHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

/** Constant-time check of a webhook signature over the raw bytes (never over re-serialised JSON). */
export function verifyShopifyWebhookHmac(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(shopifyWebhookHmac(rawBody, secret), "base64");
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
