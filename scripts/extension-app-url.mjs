// Writes the checkout extension's backend URL (extensions/newsletter-consent/src/app-url.ts) from
// shopify.app.toml's application_url, or from SHOPIFY_APP_URL when set. Run before `shopify app
// deploy` (`npm run deploy` does): Shopify's CLI gives an extension its app URL only under
// `shopify app dev`. Usage: node scripts/extension-app-url.mjs [toml] [out]
import { readFileSync, writeFileSync } from "node:fs";

const [tomlPath = "shopify.app.toml", outPath = "extensions/newsletter-consent/src/app-url.ts"] =
  process.argv.slice(2);
const fromToml = /^application_url\s*=\s*"([^"]+)"\s*$/m.exec(readFileSync(tomlPath, "utf8"))?.[1];
const url = (process.env.SHOPIFY_APP_URL || fromToml || "").replace(/\/+$/, "");
let parsed;
try {
  parsed = new URL(url);
} catch {
  parsed = null;
}
if (parsed?.protocol !== "https:" || parsed.pathname !== "/" || parsed.search || parsed.hash) {
  console.error(`extension:url needs an https:// origin (application_url or SHOPIFY_APP_URL), got "${url}"`);
  process.exit(1);
}
writeFileSync(
  outPath,
  `// Written by \`npm run extension:url\` (scripts/extension-app-url.mjs) from shopify.app.toml's
// application_url, before \`shopify app deploy\`: the deployed app the extension calls.
export const DEPLOYED_APP_URL = ${JSON.stringify(parsed.origin)};
`,
);
console.log(`the checkout extension calls ${parsed.origin}`);
