// The Stripe connector: one shop's Stripe account seen through the Connector interface. A shopper
// is found by e-mail (customers, and guest Checkout sessions) and by stored customer ids; the
// export streams their payment history; the erasure cancels, detaches, clears and deletes what
// Stripe lets go, redacts payments when the shop opted in to Redaction Jobs, and keeps invoices
// (see docs/decisions/018-stripe-connector.md). Stripe holds no marketing consent.
import type { ApplyConsentResult, Connector, ReadConsentResult } from "~/connectors/connector";
import { ConnectorError } from "~/connectors/connector";
import type { ErasureReceipt, ErasureStep, ExportRecord } from "~/domain/systems";
import { type Logger, logger } from "~/utils/logger.server";
import { createStripeClient, type StripeRetryOptions } from "./client.server";
import { planStripeErasure } from "./erasure-plan.server";
import { executeStripeStep, type StepContext } from "./erasure-steps.server";
import { StripeConnectorError } from "./errors";
import { DEFAULT_PAGE_SIZE, exportStripeSubject } from "./export.server";
import { findCustomers, guestCheckoutSessions, type StripeSubjectRef } from "./lookup.server";
import { readStripeProfile, rectifyStripe } from "./rectification.server";
import { type StripeCredentials, stripeCredentialsSchema, stripeEndpointSchema } from "./schemas";

export type { StripeSubjectRef } from "./lookup.server";

/** What createStripeConnector takes: the shop's stored credentials and, in the sandbox and tests, the simulator. */
export type StripeConnectorOptions = {
  /** Unvalidated: checked here against stripeCredentialsSchema. */
  credentials: unknown;
  /** The simulator (`{ host, port, protocol: "http" }`, loopback only); api.stripe.com otherwise. */
  endpoint?: { host: string; port: number; protocol: "http" | "https" };
  log?: Logger;
  now?: () => Date;
  retry?: StripeRetryOptions;
  timeoutMs?: number;
  /** Page size of every list (1–100, default 100). */
  pageSize?: number;
  /** How a redaction step waits for Stripe (default: every 1 s, at most 20 s per phase). */
  redactionPolling?: { intervalMs?: number; maxWaitMs?: number };
  /** Waiting between retries and polls (tests). */
  sleep?: (ms: number) => Promise<void>;
};

/** Credentials that do not pass stripeCredentialsSchema; names the fields, never their values. */
export class StripeCredentialsError extends ConnectorError {
  constructor(readonly fields: string[]) {
    super("stripe", `Invalid Stripe credentials: ${fields.join(", ")}`, false);
    this.name = "StripeCredentialsError";
  }
}

/** Validates credentials; throws StripeCredentialsError naming the bad fields. */
export function parseStripeCredentials(input: unknown): StripeCredentials {
  const parsed = stripeCredentialsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(credentials)"))];
  throw new StripeCredentialsError(fields);
}

/** How a failure reads for staff: status, Stripe's error type and code; no personal data. */
function describe(error: unknown): string {
  if (error instanceof StripeConnectorError) {
    if (error.kind === "authentication") return "Stripe rejected the API key (401).";
    if (error.kind === "permission") return "The restricted key lacks a permission Vigie needs (403).";
    return error.message;
  }
  return error instanceof Error ? error.name : "Unknown error";
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A Connector for one shop's Stripe account. Throws StripeCredentialsError for invalid
 * credentials, and a ConnectorError for an endpoint that is not Stripe's nor a loopback simulator.
 */
export function createStripeConnector(options: StripeConnectorOptions): Connector {
  const credentials = parseStripeCredentials(options.credentials);
  let endpoint: StripeConnectorOptions["endpoint"];
  if (options.endpoint) {
    const parsed = stripeEndpointSchema.safeParse(options.endpoint);
    if (!parsed.success)
      throw new ConnectorError("stripe", "Invalid Stripe endpoint: plain http off loopback", false);
    endpoint = parsed.data;
  }
  const log = (options.log ?? logger).child("stripe");
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? sleepFor;
  const client = createStripeClient({
    credentials,
    endpoint,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    log,
    sleep,
  });
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE));
  const redactionJobs = credentials.redactionJobs === true;

  const context = (subject: StripeSubjectRef): StepContext => ({
    client,
    subject,
    redactionJobs,
    pageSize,
    now,
    log,
    polling: {
      intervalMs: options.redactionPolling?.intervalMs ?? 1_000,
      maxWaitMs: options.redactionPolling?.maxWaitMs ?? 20_000,
      sleep,
    },
  });

  return {
    name: "stripe",

    async testConnection() {
      try {
        // Customers are what Vigie reads; a restricted key may well lack the balance permission.
        await client.call("customers.list", (sdk) => sdk.customers.list({ limit: 1 }));
        return {
          ok: true,
          detail: `Stripe ${credentials.secretKey.includes("_live_") ? "live" : "test"} mode reachable.`,
        };
      } catch (error) {
        log.warn("stripe connection test failed", { error: describe(error) });
        return { ok: false, detail: describe(error) };
      }
    },

    async locate(subject: StripeSubjectRef) {
      const customers = await findCustomers(client, subject, pageSize);
      const refs = customers.map((c) => c.id);
      const ids = new Set(refs);
      for await (const session of guestCheckoutSessions(client, subject, ids, pageSize))
        refs.push(session.id);
      return { found: refs.length > 0, refs };
    },

    exportSubject(subject: StripeSubjectRef): AsyncIterable<ExportRecord> {
      return exportStripeSubject(client, subject, pageSize);
    },

    planErasure(subject: StripeSubjectRef): Promise<ErasureStep[]> {
      return planStripeErasure(client, subject, { redactionJobs, now: now(), pageSize });
    },

    executeErasureStep(subject: StripeSubjectRef, step: ErasureStep): Promise<ErasureReceipt> {
      return executeStripeStep(context(subject), step);
    },

    // Stripe holds no marketing consent: newsletter consent lives in Shopify and Mailchimp.
    async readConsent(): Promise<ReadConsentResult> {
      return { status: "not_supported" };
    },

    async applyConsent(): Promise<ApplyConsentResult> {
      return { outcome: "not_supported", detail: "Stripe holds no marketing consent." };
    },

    readProfile(subject: StripeSubjectRef) {
      return readStripeProfile(client, subject, pageSize);
    },

    rectify(subject: StripeSubjectRef, changes) {
      return rectifyStripe(client, subject, changes, pageSize);
    },
  };
}
