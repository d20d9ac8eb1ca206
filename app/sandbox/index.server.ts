// The sandbox, as the app sees it: started by the composition root only when Shopify is not
// configured, from its own bundle (build/sandbox.js), so that production never loads the demo store
// nor the simulators. It reaches the app's database through the client it is given.

import type { Db } from "~/db/client.server";
import type { SandboxControls } from "~/server/app-context";
import { backfillAtInstall } from "~/services/backfill/backfill.server";
import { readTimeZoneFromShopify } from "~/services/shop-time-zone.server";
import type { Logger } from "~/utils/logger.server";
import { ensureDemoStore, recreateDemoStore } from "./demo-store.server";
import { startSandboxSystems } from "./sandbox-systems.server";
import {
  loadOrCreateSandboxSettings,
  removeSandboxServerFile,
  writeSandboxServerFile,
} from "./settings.server";
import { handleSandboxStorefront } from "./storefront.server";

export async function startSandbox(deps: {
  db: Db;
  dataDir: string;
  encryptionKey: Buffer;
  /** Imports the demo shop's customers and orders from the simulated Shopify, as an install does. */
  importAtStart: boolean;
  log: Logger;
}): Promise<SandboxControls> {
  const { db, dataDir, encryptionKey, log } = deps;
  // Once per demo shop (backfillAtInstall skips a shop that had one); the worker runs it.
  const importDemoShop = async () => {
    if (!deps.importAtStart) return;
    try {
      const started = await backfillAtInstall(db, settings.shop);
      log.info(started ? "demo shop import queued" : "demo shop already imported");
    } catch (error) {
      log.warn("the demo shop's import could not be queued; /app/backfill can start it", {
        error: (error as Error).message,
      });
    }
  };
  const settings = loadOrCreateSandboxSettings(dataDir);
  if (!(await ensureDemoStore(db, settings, encryptionKey))) {
    log.warn("the demo shop's data was deleted by shop/redact: /app offers to re-create it");
  }
  // The demo shop's time zone, as the simulated Shopify has it (docs/decisions/065).
  await readTimeZoneFromShopify(db, settings.shop);
  const systems = await startSandboxSystems(settings);
  log.info("sandbox systems", {
    shopify: systems.endpoints.shopify?.baseUrl,
    mailchimp: systems.endpoints.mailchimpBasePath,
    stripe: systems.endpoints.stripe,
  });
  return {
    settings,
    endpoints: systems.endpoints,
    handleStorefront: (request, response, port) =>
      handleSandboxStorefront(request, response, {
        db,
        settings,
        port,
        privacyPolicy: () => systems.shopPolicy(settings.shop, "PRIVACY_POLICY"),
      }),
    listening(port) {
      const url = `http://127.0.0.1:${port}`;
      systems.connectWebhooks(url);
      // Where `npm run sandbox:webhook` finds this sandbox; removed on shutdown.
      writeSandboxServerFile(dataDir, { port, url, pid: process.pid });
      // After the webhooks are connected: the import's end is announced by bulk_operations/finish.
      void importDemoShop();
    },
    recreateDemoShop: async () => {
      await recreateDemoStore(db, settings, encryptionKey);
      await importDemoShop();
    },
    async stop() {
      removeSandboxServerFile(dataDir);
      await systems.stop();
    },
  };
}
