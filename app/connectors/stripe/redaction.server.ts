// Stripe Redaction Jobs (public preview, not in the SDK's types: reached with `rawRequest`). A job
// names customers or Checkout sessions; Stripe validates it (`validating` → `ready`, or `failed`
// with validation errors such as an attached card or a payment younger than 90 days), and once
// run (`redacting` → `succeeded`) the personal fields of those objects and of everything pointing
// at them read "[redacted]", for good. Creating and running carry deterministic idempotency keys,
// so an erasure step re-run within Stripe's 24 h key window finds the same job instead of a second.
import type { StripeClient } from "./client.server";
import { StripeConnectorError } from "./errors";
import { type RedactionJob, redactionJobSchema, redactionValidationErrorsSchema } from "./schemas";

export type RedactionObjects = { customers?: string[]; checkout_sessions?: string[] };

/** How the step waits for Stripe: poll every `intervalMs`, for at most `maxWaitMs` per phase. */
export type RedactionPolling = {
  intervalMs: number;
  maxWaitMs: number;
  sleep: (ms: number) => Promise<void>;
};

export type RedactionOutcome =
  | { outcome: "succeeded"; jobId: string }
  | { outcome: "failed"; jobId: string; codes: string[] }
  | { outcome: "canceled"; jobId: string };

const BASE = "/v1/privacy/redaction_jobs";

function parseJob(body: unknown, operation: string): RedactionJob & { replayed: boolean } {
  const parsed = redactionJobSchema.safeParse(body);
  if (!parsed.success) {
    throw new StripeConnectorError({ operation, kind: "unexpected_response", retryable: false });
  }
  const headers = (body as { lastResponse?: { headers?: Record<string, string> } }).lastResponse?.headers;
  return { ...parsed.data, replayed: headers?.["idempotent-replayed"] === "true" };
}

async function fetchJob(client: StripeClient, id: string) {
  const body = await client.call("redactionJobs.retrieve", (sdk) => sdk.rawRequest("GET", `${BASE}/${id}`));
  return parseJob(body, "redactionJobs.retrieve");
}

/** Polls while the job is in `from`; throws a retryable error if Stripe is still busy at the end. */
async function waitWhile(client: StripeClient, job: RedactionJob, from: string[], polling: RedactionPolling) {
  let current = job;
  const deadline = Date.now() + polling.maxWaitMs;
  while (from.includes(current.status)) {
    if (Date.now() >= deadline) {
      // The job goes on at Stripe; the job queue retries the step, which finds it again by its key.
      throw new StripeConnectorError({
        operation: `redactionJob.${current.status}`,
        kind: "api",
        code: "still_running",
        retryable: true,
      });
    }
    await polling.sleep(polling.intervalMs);
    current = await fetchJob(client, current.id);
  }
  return current;
}

async function validationCodes(client: StripeClient, id: string): Promise<string[]> {
  const body = await client.call("redactionJobs.validationErrors", (sdk) =>
    sdk.rawRequest("GET", `${BASE}/${id}/validation_errors?limit=100`),
  );
  const parsed = redactionValidationErrorsSchema.safeParse(body);
  if (!parsed.success) return ["unreadable_validation_errors"];
  return [...new Set(parsed.data.data.map((e) => e.code))];
}

/**
 * Creates (or finds again, by its idempotency key) a redaction job for these objects, waits for
 * validation, runs it and waits for the redaction. A job that failed validation earlier (the
 * replayed answer of a previous attempt) is validated again once: the blockers may be gone since.
 */
export async function runRedactionJob(
  client: StripeClient,
  objects: RedactionObjects,
  idempotencyKey: string,
  polling: RedactionPolling,
): Promise<RedactionOutcome> {
  const created = parseJob(
    await client.call("redactionJobs.create", (sdk) =>
      sdk.rawRequest("POST", BASE, { objects, validation_behavior: "error" }, { idempotencyKey }),
    ),
    "redactionJobs.create",
  );
  let job: RedactionJob = created.replayed ? await fetchJob(client, created.id) : created;
  job = await waitWhile(client, job, ["validating"], polling);
  if (job.status === "failed" && created.replayed) {
    const revalidated = await client.call("redactionJobs.validate", (sdk) =>
      sdk.rawRequest(
        "POST",
        `${BASE}/${job.id}/validate`,
        {},
        { idempotencyKey: `${idempotencyKey}-revalidate` },
      ),
    );
    job = await waitWhile(client, parseJob(revalidated, "redactionJobs.validate"), ["validating"], polling);
  }
  if (job.status === "failed")
    return { outcome: "failed", jobId: job.id, codes: await validationCodes(client, job.id) };
  if (job.status === "canceled") return { outcome: "canceled", jobId: job.id };
  if (job.status === "ready") {
    const ran = await client.call("redactionJobs.run", (sdk) =>
      sdk.rawRequest("POST", `${BASE}/${job.id}/run`, {}, { idempotencyKey: `${idempotencyKey}-run` }),
    );
    job = parseJob(ran, "redactionJobs.run");
    if (job.status === "ready" || job.status === "redacting") job = await fetchJob(client, job.id);
  }
  job = await waitWhile(client, job, ["redacting", "validated"], polling);
  if (job.status === "succeeded") return { outcome: "succeeded", jobId: job.id };
  if (job.status === "canceled") return { outcome: "canceled", jobId: job.id };
  throw new StripeConnectorError({
    operation: "redactionJob",
    kind: "unexpected_response",
    code: `status_${job.status}`,
    retryable: false,
  });
}
