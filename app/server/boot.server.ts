// The composition root: from the validated configuration, the one place that builds what Vigie
// runs on (database, keys, Shopify or the sandbox, mail, connectors, links) and hands it on as one
// AppContext. See docs/decisions/041-one-shape.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Config } from "~/config.server";
import { connectorsForShop } from "~/connectors/registry.server";
import { createDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { createShopifyVerifier } from "~/http/shopify-api.server";
import { createTransport } from "~/mail/transport.server";
import { chainLegacyAuditEvents } from "~/services/audit-chain.server";
import { recomputeLegacyPauses } from "~/services/requests/recompute-pauses.server";
import { DEFAULT_PROXY_PREFIX, SANDBOX_PROXY_PREFIX } from "~/services/requests/request-links.server";
import { createShopifyApp } from "~/shopify.server";
import type { Logger } from "~/utils/logger.server";
import type { AppContext, SandboxControls } from "./app-context";
import { loadOrCreateLocalEncryptionKey } from "./local-key.server";

type SandboxModule = typeof import("~/sandbox/index.server");

/**
 * The sandbox's own bundle, beside this one: a path the bundler cannot follow, so that the app's
 * bundle never contains the demo store or the simulators.
 */
async function loadSandbox(deps: Parameters<SandboxModule["startSandbox"]>[0]): Promise<SandboxControls> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "sandbox.js");
  if (!existsSync(file)) throw new Error(`the sandbox's bundle is missing (${file}): run npm run build`);
  const sandbox = (await import(pathToFileURL(file).href)) as SandboxModule;
  return sandbox.startSandbox(deps);
}

export type BootedApp = {
  context: AppContext;
  /** Once the server listens: the sandbox's public URL is where it listens. */
  listening(port: number): void;
  close(): Promise<void>;
};

export async function bootApp(config: Config, log: Logger): Promise<BootedApp> {
  const applied = await migrate(config.databaseUrl);
  if (applied.length > 0) log.info("migrations applied", { applied });
  const { db } = await createDatabase(config.databaseUrl);
  // Once: open requests paused before docs/decisions/036 get the corrected clock (audited).
  await recomputeLegacyPauses(db, log);
  // Once: audit rows written before docs/decisions/053 are chained, so an upgraded shop verifies.
  await chainLegacyAuditEvents(db, log);
  const encryptionKey = Buffer.from(
    config.encryptionKey ?? loadOrCreateLocalEncryptionKey(config.dataDir),
    "base64",
  );
  const sandbox = config.shopify
    ? null
    : await loadSandbox({
        db,
        dataDir: config.dataDir,
        encryptionKey,
        importAtStart: config.sandboxImport,
        log: log.child("sandbox"),
      });
  const shopify = config.shopify
    ? createShopifyApp({ credentials: config.shopify, db, encryptionKey })
    : null;
  const credentials = config.shopify ?? (sandbox as SandboxControls).settings;
  let publicUrl = config.shopify?.appUrl ?? `http://localhost:${config.port}`;
  const context: AppContext = {
    config,
    db,
    encryptionKey,
    apiKey: credentials.apiKey,
    shopifySecret: credentials.apiSecret,
    shopifyApi: createShopifyVerifier({
      apiKey: credentials.apiKey,
      apiSecret: credentials.apiSecret,
      appUrl: config.shopify?.appUrl,
      log,
    }),
    shopify,
    sandbox,
    mail: createTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
    publicUrl: () => publicUrl,
    links: (shopDomain, proxyPrefix) => ({
      shopDomain,
      proxyPrefix: proxyPrefix ?? (sandbox ? SANDBOX_PROXY_PREFIX : DEFAULT_PROXY_PREFIX),
      secret: encryptionKey,
      sandboxUrl: sandbox ? publicUrl : null,
      appUrl: publicUrl,
    }),
    connectors: (shopDomain) =>
      connectorsForShop({ db, secretKey: encryptionKey, endpoints: sandbox?.endpoints }, shopDomain),
  };
  return {
    context,
    listening(port) {
      if (!sandbox) return;
      publicUrl = `http://localhost:${port}`;
      sandbox.listening(port);
    },
    async close() {
      await context.mail.close();
      await sandbox?.stop();
      await db.$disconnect();
    },
  };
}
