// Shopify's own library (@shopify/shopify-api) set up for what Vigie asks of it outside Remix: verifying
// the session tokens of the checkout extension and the app proxy's signatures. Built by the composition
// root from the app's key and secret, or the sandbox's (the sandbox signs as Shopify does, with its
// own secret), so it needs no Shopify account. See docs/decisions/042-ecosystem-libraries.md.
import "@shopify/shopify-api/adapters/node";
import { LogSeverity, type Shopify, shopifyApi } from "@shopify/shopify-api";
import { API_VERSION } from "~/shopify.server";
import type { Logger } from "~/utils/logger.server";

/** What Vigie uses of the library: `session.decodeSessionToken`, `utils.validateHmac` and the key. */
export type ShopifyVerifier = Pick<Shopify, "session" | "utils" | "config">;

export type ShopifyVerifierOptions = {
  /** The app's API key (client id): session tokens' audience. */
  apiKey: string;
  /** The app's API secret: what session tokens and proxy queries are signed with. */
  apiSecret: string;
  /** Where the app is reached (the library wants a host name; verification does not use it). */
  appUrl?: string;
  log: Logger;
};

export function createShopifyVerifier(options: ShopifyVerifierOptions): ShopifyVerifier {
  const log = options.log.child("shopify-api");
  return shopifyApi({
    apiKey: options.apiKey,
    apiSecretKey: options.apiSecret,
    hostName: options.appUrl ? new URL(options.appUrl).host : "localhost",
    apiVersion: API_VERSION,
    isEmbeddedApp: true,
    // The library's own lines (its version at start-up, deprecations) go to Vigie's log, warnings up.
    logger: {
      level: LogSeverity.Warning,
      log: async (severity, message) => {
        if (severity === LogSeverity.Error) log.error(message);
        else log.warn(message);
      },
    },
  });
}
