// Written by `npm run extension:url` (scripts/extension-app-url.mjs) from shopify.app.toml's
// application_url, before `shopify app deploy`: the deployed app the extension calls.
export const DEPLOYED_APP_URL = "https://vigie.example.com";
