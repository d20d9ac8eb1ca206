// Every job the worker can run: each job type (app/jobs/job-types.ts) bound to its handler, which
// calls one service. A job type with rows in the queue must stay listed here.

import { sendQueuedEmail } from "~/mail/send-email.server";
import { enqueueDailyVerifications, verifyShopChains } from "~/services/audit-chain.server";
import { runBackfill } from "~/services/backfill/backfill.server";
import { sendBreachNoticeBatch } from "~/services/breaches/breach-notice.server";
import { lapseUnconfirmedConsents } from "~/services/consent-confirmation.server";
import { syncConsentEvents, syncConsentEventsOrThrow } from "~/services/consent-sync.server";
import { sendDueDigests } from "~/services/dpo-digest.server";
import { executeErasureSystem } from "~/services/erasure/execute-erasure.server";
import { expireErasedContactKeys, releaseExpiredHolds } from "~/services/erasure/legal-holds.server";
import { planErasureRun } from "~/services/erasure/plan-erasure.server";
import { assembleExport } from "~/services/exports/assemble.server";
import { buildExportPart } from "~/services/exports/build-part.server";
import {
  executeRectificationSystem,
  planRectificationRun,
} from "~/services/rectification/rectification-runs.server";
import { queueDailyRepermissions, runRepermissionBatch } from "~/services/repermission.server";
import { notifyRestriction } from "~/services/restriction/restrictions.server";
import { syncShopTimeZone } from "~/services/shop-time-zone.server";
import { publishStorePolicy } from "~/services/store-policy.server";
import { processDeliveries, processDelivery } from "~/webhooks/process-delivery.server";
import { handle, type JobHandler } from "./handler";
import {
  BackfillJob,
  BreachNoticeJob,
  ConsentLapseJob,
  ConsentSyncJob,
  DpoDigestJob,
  ErasurePlanJob,
  ErasureSystemJob,
  ExportAssembleJob,
  ExportSystemJob,
  LegalHoldsExpireJob,
  ProcessWebhookJob,
  PruneJobsJob,
  RectificationPlanJob,
  RectificationSystemJob,
  RepermissionBatchJob,
  RepermissionShopsJob,
  RestrictionNoticeJob,
  SendEmailJob,
  ShopTimeZoneJob,
  StorePolicyJob,
  VerifyLedgerJob,
  VerifyShopsJob,
} from "./job-types";
import { pruneFinishedJobs } from "./queue/prune.server";
import type { Schedule } from "./queue/schedules.server";

export const JOB_HANDLERS: JobHandler[] = [
  handle(
    ProcessWebhookJob,
    ({ receiptId }, context) => processDelivery(context, receiptId),
    (jobs, context) =>
      processDeliveries(
        context,
        jobs.map(({ jobId, payload }) => ({ jobId, receiptId: payload.receiptId })),
      ),
  ),
  handle(
    ConsentSyncJob,
    ({ eventIds }, context) => syncConsentEventsOrThrow(context, eventIds),
    async (jobs, context) => {
      const retry = await syncConsentEvents(
        context,
        jobs.flatMap(({ payload }) => payload.eventIds),
      );
      // A job with an event a vendor asked to retry runs alone, and fails there with a single
      // run's backoff; what its other events did is stored, and not done again.
      return jobs
        .filter(({ payload }) => !payload.eventIds.some((eventId) => retry.has(eventId)))
        .map(({ jobId }) => jobId);
    },
  ),
  handle(VerifyLedgerJob, async ({ shopId }, { db, log }) => {
    const { ledger, audit } = await verifyShopChains(db, shopId);
    if (!ledger.ok) log.warn("consent ledger verification failed", { shopId, brokenAt: ledger.brokenAt });
    if (!audit.ok) log.warn("audit log verification failed", { shopId, brokenAt: audit.brokenAt });
  }),
  handle(VerifyShopsJob, async (_payload, { db, log }) => {
    const queued = await enqueueDailyVerifications(db);
    if (queued > 0) log.info("daily chain verifications queued", { queued });
  }),
  handle(ConsentLapseJob, async (_payload, { db, log }) => {
    const lapsed = await lapseUnconfirmedConsents(db);
    if (lapsed > 0) log.info("unconfirmed consents lapsed", { lapsed });
  }),
  handle(RepermissionShopsJob, async (_payload, { db, log }) => {
    const queued = await queueDailyRepermissions(db);
    if (queued > 0) log.info("re-permission runs queued", { queued });
  }),
  handle(RepermissionBatchJob, async (payload, context) => {
    await runRepermissionBatch(context, payload);
  }),
  handle(SendEmailJob, ({ emailId }, context) => sendQueuedEmail(context, emailId)),
  handle(ExportSystemJob, (part, context) => buildExportPart(context, part)),
  handle(ExportAssembleJob, ({ archiveId }, context) => assembleExport(context, archiveId)),
  handle(ErasurePlanJob, ({ runId }, context) => planErasureRun(context, runId)),
  handle(ErasureSystemJob, (system, context) => executeErasureSystem(context, system)),
  handle(RectificationPlanJob, ({ runId }, context) => planRectificationRun(context, runId)),
  handle(RectificationSystemJob, (system, context) => executeRectificationSystem(context, system)),
  handle(RestrictionNoticeJob, ({ restrictionId }, context) => notifyRestriction(context, restrictionId)),
  handle(BackfillJob, ({ backfillId }, context) => runBackfill(context, backfillId)),
  handle(StorePolicyJob, ({ shopId, version }, context) => publishStorePolicy(context, shopId, version)),
  handle(ShopTimeZoneJob, ({ shopId }, context) => syncShopTimeZone(context, shopId)),
  handle(BreachNoticeJob, async ({ breachId }, context) => {
    await sendBreachNoticeBatch(context, breachId);
  }),
  handle(LegalHoldsExpireJob, async (_payload, { db, log }) => {
    const released = await releaseExpiredHolds(db);
    if (released > 0) log.info("legal holds released", { released });
    const keys = await expireErasedContactKeys(db);
    if (keys > 0) log.info("erased contacts' keys expired", { keys });
  }),
  handle(PruneJobsJob, async (_payload, { db, log }) => {
    const pruned = await pruneFinishedJobs(db);
    if (pruned > 0) log.info("finished jobs pruned", { pruned });
  }),
  handle(DpoDigestJob, async (_payload, { db, links, log }) => {
    const outcomes = await sendDueDigests(db, links);
    if (outcomes.sent > 0) log.info("DPO digests queued", outcomes);
  }),
] as JobHandler[];

/** Recurring jobs: one run per period, whatever the number of workers. */
export const SCHEDULES: Schedule[] = [
  { type: LegalHoldsExpireJob, everyMs: 86_400_000 },
  { type: PruneJobsJob, everyMs: 86_400_000 },
  { type: ConsentLapseJob, everyMs: 86_400_000 },
  // Hourly, so that each shop's digest leaves at its own local hour (once a day: DpoDigest).
  { type: DpoDigestJob, everyMs: 3_600_000 },
  { type: VerifyShopsJob, everyMs: 86_400_000 },
  { type: RepermissionShopsJob, everyMs: 86_400_000 },
];
