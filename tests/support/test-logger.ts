import type { JobContext } from "~/jobs/handler";
import { createTransport } from "~/mail/transport.server";
import { DEFAULT_PROXY_PREFIX, type LinkContext } from "~/services/requests/request-links.server";
import type { Logger } from "~/utils/logger.server";

/** A logger that keeps records in memory, for assertions (and a quiet test run). */
export function memoryLogger(
  records: { level: string; message: string; fields?: Record<string, unknown> }[] = [],
) {
  const make = (): Logger => ({
    debug: (message, fields) => records.push({ level: "debug", message, fields }),
    info: (message, fields) => records.push({ level: "info", message, fields }),
    warn: (message, fields) => records.push({ level: "warn", message, fields }),
    error: (message, fields) => records.push({ level: "error", message, fields }),
    child: () => make(),
  });
  return Object.assign(make(), { records });
}

/** For jobs under test that reach no outside system. */
export const noConnectors = async () => ({ shopify: null, mailchimp: null, stripe: null, vigie: null });

/** The key tests seal with (export staging, credentials). */
export const TEST_SECRET_KEY = Buffer.alloc(32, 7);

/** Links as a shop's storefront proxy would carry them, signed with the test key. */
export function testLinks(shopDomain: string, proxyPrefix = DEFAULT_PROXY_PREFIX): LinkContext {
  return { shopDomain, proxyPrefix, secret: TEST_SECRET_KEY, sandboxUrl: null, appUrl: "https://vigie.test" };
}

/** A job context as the worker builds it, for running one handler directly. */
export function testJobContext(
  context: Pick<JobContext, "db" | "dialect"> & Partial<JobContext>,
): JobContext {
  return {
    jobId: "test",
    attempt: 1,
    maxAttempts: 10,
    shopDomain: null,
    log: memoryLogger(),
    signal: new AbortController().signal,
    connectors: noConnectors,
    secretKey: TEST_SECRET_KEY,
    links: testLinks,
    // E-mails stay in the outbox unless a test gives an SMTP transport.
    mail: createTransport({ from: "Vigie <vigie@mail.example>" }),
    ...context,
  };
}
