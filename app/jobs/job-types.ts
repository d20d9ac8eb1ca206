// Every job Vigie runs, as a contract: its stored id, its payload (ids only, never personal data)
// and its defaults. Services enqueue against these (`enqueue(tx, ExportSystemJob, { … })`, checked
// against the schema); app/jobs/registry.server.ts binds each to its handler, which parses the
// payload and calls one service. NOTE: an id with rows in the queue must never change.
import { z } from "zod";
import { SYSTEMS } from "~/domain/systems";
import { defineJobType } from "./queue/job-type";

const EMPTY = z.object({});

/** A stored webhook delivery, processed by its topic's handler (priority: the topic's). */
export const ProcessWebhookJob = defineJobType({
  id: "webhook.process",
  payload: z.object({ receiptId: z.string().min(1) }),
  // A burst of one shop's orders is processed together, in one transaction (docs/decisions/080).
  batch: 200,
  lingerMs: 25,
});

/** How many ledger events one consent sync job carries at most: what one batch of orders records. */
export const SYNC_EVENTS_PER_JOB = 200;

/** Carries the current consent of ledger events' subjects to Shopify and Mailchimp. */
export const ConsentSyncJob = defineJobType({
  id: "consent.sync",
  // The events one transaction recorded, in one job (docs/decisions/099); one queued before, one event.
  payload: z.union([
    z.object({ eventIds: z.array(z.string().min(1)).min(1).max(SYNC_EVENTS_PER_JOB) }),
    z.object({ eventId: z.string().min(1) }).transform(({ eventId }) => ({ eventIds: [eventId] })),
  ]),
  priority: 30,
  // One read of 200 events and their subjects instead of 200 (docs/decisions/088).
  batch: 200,
  lingerMs: 25,
});

/**
 * Re-verifies a shop's whole consent chain and audit log chain (staff asked for it, or the daily
 * check below); each result is stored on its chain's head and shown to staff.
 */
export const VerifyLedgerJob = defineJobType({
  id: "consent.verify-ledger",
  payload: z.object({ shopId: z.string().min(1) }),
  priority: 60,
});

/** Daily: queues VerifyLedgerJob for every installed shop (docs/decisions/053). */
export const VerifyShopsJob = defineJobType({
  id: "integrity.verify-shops",
  payload: EMPTY,
  priority: 90,
});

/** Daily: double opt-in requests left unconfirmed past their window lapse. */
export const ConsentLapseJob = defineJobType({
  id: "consent.lapse-confirmations",
  payload: EMPTY,
  priority: 90,
});

/** Daily: queues the re-permission's first batch for every installed shop (docs/decisions/069). */
export const RepermissionShopsJob = defineJobType({
  id: "retention.repermission-shops",
  payload: EMPTY,
  priority: 90,
});

/**
 * Asks one batch of a shop's newsletter-only contacts near the end of their period whether to
 * stay, then queues the next batch after `after` (a subject id) until none is left.
 */
export const RepermissionBatchJob = defineJobType({
  id: "retention.repermission",
  payload: z.object({ shopId: z.string().min(1), run: z.string().min(1), after: z.string().optional() }),
  priority: 70,
});

/** Sends one stored e-mail, or leaves it in the outbox. */
export const SendEmailJob = defineJobType({
  id: "mail.send",
  payload: z.object({ emailId: z.string().min(1) }),
  // Before webhooks' follow-ups, after their intake: an identity code is awaited by a person.
  priority: 20,
});

/** Builds one system's part of an access export. */
export const ExportSystemJob = defineJobType({
  id: "export.system",
  payload: z.object({ archiveId: z.string().min(1), system: z.enum(SYSTEMS) }),
  priority: 40,
  // Five tries span about four minutes of backoff; then staff see the failure and can retry it.
  maxAttempts: 5,
});

/** Assembles an export's zip once every part is built. */
export const ExportAssembleJob = defineJobType({
  id: "export.assemble",
  payload: z.object({ archiveId: z.string().min(1) }),
  priority: 40,
});

/** Asks every connected system what an erasure would do (the dry run). */
export const ErasurePlanJob = defineJobType({
  id: "erasure.plan",
  payload: z.object({ runId: z.string().min(1) }),
  priority: 30,
});

/** Executes one system's steps of an approved erasure. */
export const ErasureSystemJob = defineJobType({
  id: "erasure.system",
  payload: z.object({ runId: z.string().min(1), system: z.enum(SYSTEMS) }),
  priority: 30,
  maxAttempts: 6,
});

/** Reads what every connected system holds of the fields to rectify (the diff staff review; GDPR art. 16). */
export const RectificationPlanJob = defineJobType({
  id: "rectification.plan",
  payload: z.object({ runId: z.string().min(1) }),
  priority: 30,
});

/** Writes an approved rectification in one system. */
export const RectificationSystemJob = defineJobType({
  id: "rectification.system",
  payload: z.object({ runId: z.string().min(1), system: z.enum(SYSTEMS) }),
  priority: 30,
  maxAttempts: 6,
});

/** Tells Shopify and Mailchimp of a granted restriction (GDPR art. 18, 19): marketing set to not subscribed. */
export const RestrictionNoticeJob = defineJobType({
  id: "restriction.notify",
  payload: z.object({ restrictionId: z.string().min(1) }),
  priority: 30,
  maxAttempts: 6,
});

/** One step of a shop's backfill from Shopify (start, status check, import of the file). */
export const BackfillJob = defineJobType({
  id: "backfill.shopify",
  payload: z.object({ backfillId: z.string().min(1) }),
  priority: 90,
});

/** Writes a published notice version as the store's Shopify privacy policy (staff asked for it). */
export const StorePolicyJob = defineJobType({
  id: "notice.store-policy",
  payload: z.object({ shopId: z.string().min(1), version: z.number().int().positive() }),
  priority: 60,
});

/** Reads the shop's time zone from Shopify and stores it (install, sandbox start; docs/decisions/065). */
export const ShopTimeZoneJob = defineJobType({
  id: "shop.time-zone",
  payload: z.object({ shopId: z.string().min(1) }),
  priority: 30,
});

/** Daily: releases the legal holds whose period has ended. */
export const LegalHoldsExpireJob = defineJobType({ id: "legal-holds.expire", payload: EMPTY, priority: 90 });

/** Daily: deletes finished jobs past their keeping period. */
export const PruneJobsJob = defineJobType({ id: "jobs.prune", payload: EMPTY, priority: 90 });

/**
 * Hourly: each shop whose local digest hour has come gets its DPO's daily digest, once per day of
 * its calendar (docs/decisions/056).
 */
export const DpoDigestJob = defineJobType({ id: "dpo.digest", payload: EMPTY, priority: 90 });
/** Queues the next batch of a breach's notice to the people affected (GDPR art. 34). */
export const BreachNoticeJob = defineJobType({
  id: "breach.notice",
  payload: z.object({ breachId: z.string().min(1) }),
  priority: 50,
});
