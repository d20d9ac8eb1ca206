// Shared by the connector's tests: a simulator, a connector pointed at it (fast retries), a logger
// that keeps its lines so tests can check that no personal data is written, and subjects.
import type { SubjectRef } from "~/connectors/connector";
import {
  type MailchimpSimulator,
  type MailchimpSimulatorOptions,
  startMailchimpSimulator,
} from "~/sandbox/simulators/mailchimp.server";
import type { Logger } from "~/utils/logger.server";
import { createMailchimpConnector, type MailchimpConnectorOptions } from "./connector.server";

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

export const FAST_RETRY = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

export function subject(email: string | null, subjectId = "subj_1"): SubjectRef {
  return { shopDomain: "imera-paris.myshopify.com", subjectId, email, shopifyCustomerId: null };
}

export type Testbed = {
  sim: MailchimpSimulator;
  connector: ReturnType<typeof createMailchimpConnector>;
  log: ReturnType<typeof captureLog>;
  credentials: { apiKey: string; serverPrefix: string; audienceId: string; archiveInsteadOfDelete?: boolean };
  /** Requests the simulator received for this path suffix (e.g. "/events"), in order. */
  callsTo(suffix: string, method?: string): MailchimpSimulator["stats"]["calls"];
};

/** Starts a simulator and a connector on it; call `sim.stop()` when done. */
export async function startTestbed(
  simOptions: MailchimpSimulatorOptions = {},
  connectorOptions: Partial<Omit<MailchimpConnectorOptions, "credentials">> & {
    archiveInsteadOfDelete?: boolean;
  } = {},
): Promise<Testbed> {
  const sim = await startMailchimpSimulator(simOptions);
  const log = captureLog();
  const { archiveInsteadOfDelete, ...rest } = connectorOptions;
  const credentials = {
    apiKey: sim.apiKey,
    serverPrefix: sim.serverPrefix,
    audienceId: sim.audienceId,
    ...(archiveInsteadOfDelete === undefined ? {} : { archiveInsteadOfDelete }),
  };
  const connector = createMailchimpConnector({
    credentials,
    basePath: sim.basePath,
    log,
    retry: FAST_RETRY,
    ...rest,
  });
  const callsTo = (suffix: string, method?: string) =>
    sim.stats.calls.filter((c) => c.path.endsWith(suffix) && (method === undefined || c.method === method));
  return { sim, connector, log, credentials, callsTo };
}
