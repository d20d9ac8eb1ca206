// Boot: configuration, migrations, database, and the sandbox when Shopify is not configured.
import { type Config, getConfig } from "~/config.server";
import type { Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { openDatabase } from "~/db.server";
import { ensureDemoStore } from "~/sandbox/demo-store.server";
import {
  loadOrCreateLocalEncryptionKey,
  loadOrCreateSandboxSettings,
  type SandboxSettings,
} from "~/sandbox/settings.server";
import { logger } from "~/utils/logger.server";

export type Runtime = {
  config: Config;
  database: Database;
  /** Set in the sandbox only. */
  sandbox: SandboxSettings | null;
  /** The secret Shopify webhooks and app-proxy requests are signed with. */
  shopifySecret: string;
  encryptionKey: Buffer;
};

let runtime: Runtime | undefined;

export async function boot(): Promise<Runtime> {
  if (runtime) return runtime;
  const config = getConfig();
  const applied = await migrate(config.databaseUrl);
  if (applied.length > 0) logger.info("migrations applied", { applied });
  const database = await openDatabase(config.databaseUrl);
  const sandbox = config.shopify ? null : loadOrCreateSandboxSettings(config.dataDir);
  if (sandbox) await ensureDemoStore(database.db, sandbox.shop);
  const key = config.encryptionKey ?? loadOrCreateLocalEncryptionKey(config.dataDir);
  runtime = {
    config,
    database,
    sandbox,
    shopifySecret: config.shopify?.apiSecret ?? (sandbox as SandboxSettings).apiSecret,
    encryptionKey: Buffer.from(key, "base64"),
  };
  return runtime;
}

/** The booted runtime. NOTE: call inside loaders/handlers, never at module import. */
export function getRuntime(): Runtime {
  if (!runtime) throw new Error("Vigie has not booted (boot() runs in server.ts)");
  return runtime;
}
