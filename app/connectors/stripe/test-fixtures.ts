// Shared by the Stripe connector's tests: a simulator, a connector on it through the unchanged SDK
// (fast 429 retries, fast redaction polling), a logger that keeps its lines so tests can check that
// no personal data is written, and subjects.
import type { SubjectRef } from "~/connectors/connector";
import {
  type StripeSimulator,
  type StripeSimulatorOptions,
  startStripeSimulator,
} from "~/sandbox/simulators/stripe.server";
import type { Logger } from "~/utils/logger.server";
import {
  createStripeConnector,
  type StripeConnectorOptions,
  type StripeSubjectRef,
} from "./connector.server";

/** A Logger that records JSON lines instead of printing them. */
export function captureLog(lines: string[] = []): Logger & { lines: string[] } {
  const write = (level: string, module: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, module, message, ...fields }));
  };
  const make = (module: string): Logger => ({
    debug: write("debug", module),
    info: write("info", module),
    warn: write("warn", module),
    error: write("error", module),
    child: (sub) => make(`${module}.${sub}`),
  });
  return Object.assign(make("test"), { lines });
}

/** 429 retries in milliseconds instead of seconds. */
export const FAST_RETRY = { retries: 6, baseDelayMs: 5, maxDelayMs: 40, budgetMs: 2_000 };

export const EMAIL = "Camille.Martin@example.fr";

export function subject(email: string | null, extra: Partial<StripeSubjectRef> = {}): StripeSubjectRef {
  return {
    shopDomain: "imera-paris.myshopify.com",
    subjectId: "subj_1",
    email,
    shopifyCustomerId: null,
    ...extra,
  } satisfies SubjectRef;
}

export type Testbed = {
  sim: StripeSimulator;
  connector: ReturnType<typeof createStripeConnector>;
  log: ReturnType<typeof captureLog>;
  endpoint: { host: string; port: number; protocol: "http" };
};

const beds: StripeSimulator[] = [];

/** Stops every simulator started by startTestbed (call in afterEach). */
export async function stopTestbeds() {
  await Promise.all(beds.splice(0).map((sim) => sim.stop()));
}

/**
 * Starts a simulator (no rate limit unless asked, quick redaction jobs) and a connector on it.
 * `redactionJobs` goes into the credentials.
 */
export async function startTestbed(
  simOptions: StripeSimulatorOptions = {},
  connectorOptions: Partial<Omit<StripeConnectorOptions, "credentials">> & { redactionJobs?: boolean } = {},
): Promise<Testbed> {
  const sim = await startStripeSimulator({
    rateLimitPerSecond: 0,
    redaction: { validationMs: 10, redactionMs: 10 },
    ...simOptions,
  });
  beds.push(sim);
  const log = captureLog();
  const { redactionJobs, ...rest } = connectorOptions;
  const endpoint = { host: sim.host, port: sim.port, protocol: sim.protocol };
  const connector = createStripeConnector({
    credentials: { secretKey: sim.apiKey, ...(redactionJobs === undefined ? {} : { redactionJobs }) },
    endpoint,
    log,
    retry: FAST_RETRY,
    redactionPolling: { intervalMs: 5, maxWaitMs: 2_000 },
    ...rest,
  });
  return { sim, connector, log, endpoint };
}

/** Every record of an export, in order. */
export async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
