// Boot: configuration, migrations, database, and the sandbox when Shopify is not configured.
import { type Config, getConfig } from "~/config.server";
import { type ConnectorEndpoints, connectorsForShop } from "~/connectors/registry.server";
import type { Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { openDatabase } from "~/db.server";
import { createTransport, setMailTransport } from "~/mail/transport.server";
import { ensureDemoStore } from "~/sandbox/demo-store.server";
import { type SandboxSystems, startSandboxSystems } from "~/sandbox/sandbox-systems.server";
import {
  loadOrCreateLocalEncryptionKey,
  loadOrCreateSandboxSettings,
  type SandboxSettings,
} from "~/sandbox/settings.server";
import {
  DEFAULT_PROXY_PREFIX,
  type LinkContext,
  SANDBOX_PROXY_PREFIX,
} from "~/services/requests/request-links.server";
import { logger } from "~/utils/logger.server";

export type Runtime = {
  config: Config;
  database: Database;
  /** Set in the sandbox only. */
  sandbox: SandboxSettings | null;
  /** The secret Shopify webhooks and app-proxy requests are signed with. */
  shopifySecret: string;
  encryptionKey: Buffer;
  /** Where the outside systems are (the simulators, in the sandbox). */
  endpoints: ConnectorEndpoints | undefined;
  /** The URL shoppers and Shopify reach this app at (links in e-mails). Set once listening. */
  publicUrl: string;
  /** The sandbox's simulated Shopify and Mailchimp; null outside the sandbox. */
  sandboxSystems: SandboxSystems | null;
};

let runtime: Runtime | undefined;

export async function boot(): Promise<Runtime> {
  if (runtime) return runtime;
  const config = getConfig();
  const applied = await migrate(config.databaseUrl);
  if (applied.length > 0) logger.info("migrations applied", { applied });
  const database = await openDatabase(config.databaseUrl);
  const sandbox = config.shopify ? null : loadOrCreateSandboxSettings(config.dataDir);
  const key = config.encryptionKey ?? loadOrCreateLocalEncryptionKey(config.dataDir);
  if (sandbox && !(await ensureDemoStore(database.db, sandbox, Buffer.from(key, "base64")))) {
    logger.warn("the demo shop's data was deleted by shop/redact: /app offers to re-create it");
  }
  const sandboxSystems = sandbox ? await startSandboxSystems(sandbox) : null;
  setMailTransport(createTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom }));
  if (sandboxSystems)
    logger.info("sandbox systems", {
      shopify: sandboxSystems.endpoints.shopify?.baseUrl,
      mailchimp: sandboxSystems.endpoints.mailchimpBasePath,
      stripe: sandboxSystems.endpoints.stripe,
    });
  runtime = {
    config,
    database,
    sandbox,
    shopifySecret: config.shopify?.apiSecret ?? (sandbox as SandboxSettings).apiSecret,
    encryptionKey: Buffer.from(key, "base64"),
    endpoints: sandboxSystems?.endpoints,
    sandboxSystems,
    publicUrl: config.shopify?.appUrl ?? `http://localhost:${config.port}`,
  };
  return runtime;
}

/** The booted runtime. NOTE: call inside loaders/handlers, never at module import. */
export function getRuntime(): Runtime {
  if (!runtime) throw new Error("Vigie has not booted (boot() runs in server.ts)");
  return runtime;
}

/** What links sent to a shop's requesters are built from (storefront proxy, or the sandbox's). */
export function requestLinks(shopDomain: string, proxyPrefix?: string): LinkContext {
  const runtime = getRuntime();
  return {
    shopDomain,
    proxyPrefix: proxyPrefix ?? (runtime.sandbox ? SANDBOX_PROXY_PREFIX : DEFAULT_PROXY_PREFIX),
    secret: runtime.encryptionKey,
    sandboxUrl: runtime.sandbox ? runtime.publicUrl : null,
    appUrl: runtime.publicUrl,
  };
}

/** The connectors of one shop, as this process reaches them. */
export function shopConnectors(shopDomain: string) {
  const { database, encryptionKey, endpoints } = getRuntime();
  return connectorsForShop({ db: database.db, secretKey: encryptionKey, endpoints }, shopDomain);
}
