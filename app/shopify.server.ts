// The one place Shopify is configured. Built on first use, only when credentials are set: the
// sandbox (no credentials) never constructs it.
import "@shopify/shopify-app-remix/adapters/node";
import type { Session } from "@shopify/shopify-api";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { getConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { getRuntime } from "~/runtime.server";
import { markShopInstalled } from "~/services/shops.server";

export const API_VERSION = ApiVersion.October25;

/**
 * NOTE: the library retries a concurrent upsert (Prisma P2002) only when the error is an instance
 * of the SQLite client's error class; on PostgreSQL the class differs, so retry on the code here.
 */
class SessionStorage extends PrismaSessionStorage<ReturnType<typeof getDb>> {
  override async storeSession(session: Session): Promise<boolean> {
    try {
      return await super.storeSession(session);
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return super.storeSession(session);
      throw error;
    }
  }
}

function build() {
  const credentials = getConfig().shopify;
  if (!credentials) throw new Error("Shopify is not configured: this process runs the sandbox");
  return shopifyApp({
    apiKey: credentials.apiKey,
    apiSecretKey: credentials.apiSecret,
    appUrl: credentials.appUrl,
    scopes: credentials.scopes,
    apiVersion: API_VERSION,
    authPathPrefix: "/auth",
    sessionStorage: new SessionStorage(getDb()),
    distribution: AppDistribution.AppStore,
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    hooks: {
      afterAuth: async ({ session }) => {
        await markShopInstalled(getDb(), getRuntime().encryptionKey, session.shop);
      },
    },
  });
}

let app: ReturnType<typeof build> | undefined;

export function getShopify() {
  app ??= build();
  return app;
}
