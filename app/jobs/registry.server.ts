// Every job the worker can run. A job type with rows in the queue must stay listed here.
import type { JobDefinition } from "./define-job";
import { consentSync } from "./definitions/consent-sync.server";
import { exportAssembleJob, exportSystemJob } from "./definitions/export-jobs.server";
import { processWebhook } from "./definitions/process-webhook.server";
import { sendEmailJob } from "./definitions/send-email.server";
import { verifyLedgerJob } from "./definitions/verify-ledger.server";

export const JOBS: JobDefinition[] = [
  processWebhook,
  consentSync,
  verifyLedgerJob,
  sendEmailJob,
  exportSystemJob,
  exportAssembleJob,
] as JobDefinition[];
