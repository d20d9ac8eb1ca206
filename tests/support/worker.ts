// The real worker with every job, on a test database, with the connectors a test chooses (fakes for
// the outside systems, the real Vigie connector for the shop's own records).
import type { Connector } from "~/connectors/connector";
import { createVigieConnector } from "~/connectors/vigie/connector.server";
import { JOB_HANDLERS } from "~/jobs/registry.server";
import { startWorker, type WorkerOptions } from "~/jobs/worker.server";
import { createTransport } from "~/mail/transport.server";
import type { TestDatabase } from "./databases";
import { memoryLogger, TEST_SECRET_KEY, testLinks } from "./test-logger";

export function startTestWorker(
  t: TestDatabase,
  outside:
    | { shopify: Connector | null; stripe: Connector | null; mailchimp: Connector | null }
    // Or the connectors whole, for a test that replaces more than the outside systems.
    | WorkerOptions["connectors"],
) {
  return startWorker({
    db: t.db,
    dialect: t.dialect,
    handlers: JOB_HANDLERS,
    log: memoryLogger(),
    pollMs: 50,
    secretKey: TEST_SECRET_KEY,
    links: testLinks,
    mail: createTransport({ from: "Vigie <vigie@mail.example>" }),
    connectors:
      typeof outside === "function"
        ? outside
        : async (domain) => {
            const shop = await t.db.shop.findUniqueOrThrow({ where: { domain } });
            return { ...outside, vigie: createVigieConnector({ db: t.db, shopId: shop.id }) };
          },
  });
}
