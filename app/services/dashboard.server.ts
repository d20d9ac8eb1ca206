import type { Db } from "~/db/client.server";
import { direct } from "~/db/direct.server";
import { COUNT_CAP, WEBHOOKS_COUNT_CAP } from "~/i18n/format-count";
import { JOB_STATUSES, type JobStatus } from "~/jobs/queue/job-status";
import { FINISHED_JOB_DAYS } from "~/jobs/queue/prune.server";
import { lastAuditVerification } from "./audit-chain.server";
import { cappedCount } from "./capped-count.server";
import { attentionItems } from "./dpo-digest.server";
import { openRequestCount } from "./requests/request-queue.server";

const DAY_MS = 86_400_000;

/**
 * The shop's jobs per status, each counted on the (shopDomain, status) index and capped, in one
 * statement: five model counts cost the page five round trips and five compilations.
 */
async function jobCounts(db: Db, shopDomain: string): Promise<Record<JobStatus, number>> {
  const count = `(SELECT count(*) FROM (SELECT 1 FROM "Job" WHERE "shopDomain" = ? AND "status" = ? LIMIT ?) AS capped)`;
  const sql = `SELECT ${JOB_STATUSES.map((status) => `${count} AS "${status}"`).join(", ")}`;
  const values = JOB_STATUSES.flatMap((status) => [shopDomain, status, COUNT_CAP + 1]);
  const [row] = await (await direct(db)).all<Record<JobStatus, number>>(sql, values);
  return Object.fromEntries(JOB_STATUSES.map((status) => [status, Number(row?.[status] ?? 0)])) as Record<
    JobStatus,
    number
  >;
}

/**
 * The dashboard's figures for one shop, read in parallel; the counts are capped (a shop of a million
 * customers reads "10 000+", docs/decisions/086; its webhooks "1 000+", docs/decisions/092). The
 * requests due this week and overdue are the "Attention" card's own totals: one count each.
 */
export async function getDashboard(db: Db, shop: { id: string; domain: string }, now = new Date()) {
  const [open, subjects, auditEvents, webhooks7d, jobs, deadJobs, attention, auditChain] = await Promise.all([
    openRequestCount(db, shop.id),
    cappedCount((cap) =>
      db.subject.count({ where: { shopId: shop.id }, orderBy: { shopId: "asc" }, ...cap }),
    ),
    cappedCount((cap) =>
      db.auditEvent.count({ where: { shopId: shop.id }, orderBy: { shopId: "asc" }, ...cap }),
    ),
    cappedCount(
      (cap) =>
        db.webhookReceipt.count({
          where: { shopDomain: shop.domain, receivedAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } },
          orderBy: { shopDomain: "asc" },
          ...cap,
        }),
      WEBHOOKS_COUNT_CAP,
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
  const total = (id: string) => attention.find((section) => section.id === id)?.total ?? 0;
  return {
    requests: { open, dueThisWeek: total("due_soon"), overdue: total("overdue") },
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
