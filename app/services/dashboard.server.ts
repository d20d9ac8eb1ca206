import type { Db } from "~/db/client.server";
import { JOB_STATUSES, type JobStatus } from "~/jobs/queue/job-status";
import { FINISHED_JOB_DAYS } from "~/jobs/queue/prune.server";
import { lastAuditVerification } from "./audit-chain.server";
import { cappedCount } from "./capped-count.server";
import { attentionItems } from "./dpo-digest.server";
import { requestCounts } from "./requests/request-queue.server";

const DAY_MS = 86_400_000;

/** The shop's jobs per status, each counted on the (shopDomain, status) index and capped. */
async function jobCounts(db: Db, shopDomain: string): Promise<Record<JobStatus, number>> {
  const counts = await Promise.all(
    JOB_STATUSES.map((status) =>
      cappedCount((cap) =>
        db.job.count({
          where: { shopDomain, status },
          orderBy: [{ shopDomain: "asc" }, { status: "asc" }],
          ...cap,
        }),
      ),
    ),
  );
  return Object.fromEntries(JOB_STATUSES.map((status, i) => [status, counts[i] ?? 0])) as Record<
    JobStatus,
    number
  >;
}

/**
 * The dashboard's figures for one shop, read in parallel; the counts are capped (a shop of a million
 * customers reads "10 000+", docs/decisions/086).
 */
export async function getDashboard(db: Db, shop: { id: string; domain: string }, now = new Date()) {
  const [requests, subjects, auditEvents, webhooks7d, jobs, deadJobs, attention, auditChain] =
    await Promise.all([
      requestCounts(db, shop.id, now),
      cappedCount((cap) =>
        db.subject.count({ where: { shopId: shop.id }, orderBy: { shopId: "asc" }, ...cap }),
      ),
      cappedCount((cap) =>
        db.auditEvent.count({ where: { shopId: shop.id }, orderBy: { shopId: "asc" }, ...cap }),
      ),
      cappedCount((cap) =>
        db.webhookReceipt.count({
          where: { shopDomain: shop.domain, receivedAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } },
          orderBy: { shopDomain: "asc" },
          ...cap,
        }),
      ),
      jobCounts(db, shop.domain),
      db.job.findMany({
        where: { shopDomain: shop.domain, status: "dead" },
        select: { id: true, type: true, attempts: true, lastError: true, finishedAt: true },
        orderBy: { finishedAt: "desc" },
        take: 20,
      }),
      // What the DPO's daily digest would say now (docs/decisions/056).
      attentionItems(db, shop, now),
      lastAuditVerification(db, shop.id),
    ]);
  return {
    requests,
    subjects,
    auditEvents,
    webhooks7d,
    jobs,
    deadJobs,
    attention,
    jobsKeptDays: FINISHED_JOB_DAYS,
    auditChain: {
      verifiedAt: auditChain.verifiedAt?.toISOString() ?? null,
      result: auditChain.result,
    },
  };
}
