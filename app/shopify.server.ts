// The one place Shopify is configured. Built by the composition root only when credentials are
// set: the sandbox (no credentials) never constructs it.
import "@shopify/shopify-app-remix/adapters/node";
import type { Session } from "@shopify/shopify-api";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { ShopifyCredentials } from "~/config.server";
import type { ADMIN_API_VERSION } from "~/connectors/shopify/api-version";
import type { Db } from "~/db/client.server";
import { backfillAtInstall } from "~/services/backfill/backfill.server";
import { readTimeZoneFromShopify } from "~/services/shop-time-zone.server";
import { markShopInstalled } from "~/services/shops.server";

// Shopify's library and Vigie's own calls speak the same version.
export const API_VERSION = ApiVersion.October26 satisfies `${typeof ADMIN_API_VERSION}`;

/**
 * NOTE: the library retries a concurrent upsert (Prisma P2002) only when the error is an instance
 * of the SQLite client's error class; on PostgreSQL the class differs, so retry on the code here.
 */
class SessionStorage extends PrismaSessionStorage<Db> {
  override async storeSession(session: Session): Promise<boolean> {
    try {
      return await super.storeSession(session);
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return super.storeSession(session);
      throw error;
    }
  }
}

export function createShopifyApp(deps: { credentials: ShopifyCredentials; db: Db; encryptionKey: Buffer }) {
  const { credentials, db, encryptionKey } = deps;
  return shopifyApp({
    apiKey: credentials.apiKey,
    apiSecretKey: credentials.apiSecret,
    appUrl: credentials.appUrl,
    scopes: credentials.scopes,
    apiVersion: API_VERSION,
    authPathPrefix: "/auth",
    sessionStorage: new SessionStorage(db),
    distribution: AppDistribution.AppStore,
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    hooks: {
      afterAuth: async ({ session }) => {
        await markShopInstalled(db, encryptionKey, session.shop);
        // The shop's existing customers and orders, once (docs/decisions/046).
        await backfillAtInstall(db, session.shop);
        // The shop's time zone, from its Shopify settings (docs/decisions/065).
        await readTimeZoneFromShopify(db, session.shop);
      },
    },
  });
}

export type ShopifyApp = ReturnType<typeof createShopifyApp>;
