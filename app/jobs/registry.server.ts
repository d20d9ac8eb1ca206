// Every job the worker can run. A job type with rows in the queue must stay listed here.
import { CONSENT_LAPSE_JOB } from "~/services/consent-confirmation.server";
import { LEGAL_HOLD_EXPIRY_JOB } from "~/services/erasure/legal-holds.server";
import type { JobDefinition } from "./define-job";
import { consentLapseJob } from "./definitions/consent-lapse.server";
import { consentSync } from "./definitions/consent-sync.server";
import { erasurePlanJob, erasureSystemJob } from "./definitions/erasure-jobs.server";
import { exportAssembleJob, exportSystemJob } from "./definitions/export-jobs.server";
import { legalHoldsExpireJob } from "./definitions/legal-holds.server";
import { processWebhook } from "./definitions/process-webhook.server";
import { PRUNE_JOBS_JOB, pruneJobsJob } from "./definitions/prune-jobs.server";
import { sendEmailJob } from "./definitions/send-email.server";
import { verifyLedgerJob } from "./definitions/verify-ledger.server";
import type { Schedule } from "./schedules.server";

export const JOBS: JobDefinition[] = [
  processWebhook,
  consentSync,
  verifyLedgerJob,
  sendEmailJob,
  exportSystemJob,
  exportAssembleJob,
  erasurePlanJob,
  erasureSystemJob,
  legalHoldsExpireJob,
  pruneJobsJob,
  consentLapseJob,
] as JobDefinition[];

/** Recurring jobs: one run per period, whatever the number of workers. */
export const SCHEDULES: Schedule[] = [
  { type: LEGAL_HOLD_EXPIRY_JOB, everyMs: 86_400_000 },
  { type: PRUNE_JOBS_JOB, everyMs: 86_400_000 },
  { type: CONSENT_LAPSE_JOB, everyMs: 86_400_000 },
];
