/**
 * The Admin API version every call and webhook subscription uses: the newest stable one
 * @shopify/shopify-api knows (docs/decisions/058). shopify.app.toml's [webhooks] api_version must
 * equal it (tests/build/extension-contract.test.ts checks).
 */
export const ADMIN_API_VERSION = "2026-10";
