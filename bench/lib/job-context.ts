// The job context a benchmark runs a service with, as the worker builds it: a quiet log, e-mails kept
// in the outbox, links signed with a fixed key.
import type { Dialect } from "~/config.server";
import type { Db } from "~/db/client.server";
import type { JobContext } from "~/jobs/handler";
import { createTransport } from "~/mail/transport.server";
import type { Logger } from "~/utils/logger.server";

export const quietLog: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => quietLog,
};

export function benchJobContext(options: {
  db: Db;
  dialect: Dialect;
  shopDomain: string;
  connectors: JobContext["connectors"];
  secretKey?: Buffer;
}): JobContext {
  const secretKey = options.secretKey ?? Buffer.alloc(32, 7);
  return {
    db: options.db,
    dialect: options.dialect,
    jobId: "bench",
    attempt: 1,
    maxAttempts: 10,
    shopDomain: options.shopDomain,
    log: quietLog,
    links: (shopDomain) => ({
      shopDomain,
      proxyPrefix: "/apps/privacy",
      secret: secretKey,
      sandboxUrl: null,
      appUrl: "https://vigie.test",
    }),
    mail: createTransport({ from: "Vigie <bench@vigie.test>" }),
    signal: new AbortController().signal,
    secretKey,
    connectors: options.connectors,
  };
}
