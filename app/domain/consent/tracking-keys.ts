// Shopify's Customer Privacy API purposes, apart from the banner's rules so that the record of
// processing (read by admin pages in the browser) can name them without pulling node:crypto.

/** Shopify's Customer Privacy API purposes (setTrackingConsent's keys), in the banner's order. */
export const SHOPIFY_TRACKING_KEYS = ["analytics", "marketing", "preferences", "sale_of_data"] as const;
export type ShopifyTrackingKey = (typeof SHOPIFY_TRACKING_KEYS)[number];
