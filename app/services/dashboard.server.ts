import type { Db } from "~/db/client.server";
import { countJobsByStatus } from "~/jobs/queue/flows.server";
import { FINISHED_JOB_DAYS } from "~/jobs/queue/prune.server";
import { lastAuditVerification } from "./audit-chain.server";
import { attentionItems } from "./dpo-digest.server";
import { requestCounts } from "./requests/request-queue.server";

const DAY_MS = 86_400_000;

/** The dashboard's figures for one shop, read in parallel. */
export async function getDashboard(db: Db, shop: { id: string; domain: string }, now = new Date()) {
  const [requests, subjects, auditEvents, webhooks7d, jobs, deadJobs, attention, auditChain] =
    await Promise.all([
      requestCounts(db, shop.id, now),
      db.subject.count({ where: { shopId: shop.id } }),
      db.auditEvent.count({ where: { shopId: shop.id } }),
      db.webhookReceipt.count({
        where: { shopDomain: shop.domain, receivedAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } },
      }),
      countJobsByStatus(db, shop.domain),
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
