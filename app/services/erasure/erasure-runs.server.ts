// Erasure runs (GDPR art. 17; Shopify customers/redact): plan every connected system (the dry run
// staff read), execute once approved, one job per system, Vigie's own records last, then answer
// with per-system receipts and the legal holds. See docs/decisions/021-erasure-runs.md.
import type { ErasureRun, RightsRequest } from "@prisma/client";
import type { SubjectRef } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";
import { erasureComplete, type SystemPlan } from "~/domain/erasure/erasure-plan";
import { AppError } from "~/domain/errors";
import { type ErasureReceipt, firstSystemsOfRun, type SystemName } from "~/domain/systems";
import { ErasurePlanJob, ErasureSystemJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { hasLiveJob, nextAttempt } from "~/jobs/queue/flows.server";
import { openBytes, sealBytes } from "~/utils/secret-box.server";
import { recordAudit } from "../audit.server";
import { isSubjectRestricted } from "../restriction/restrictions.server";

/** What a run must remember after Vigie erased its own copy: who, and where the answer goes. */
export type SealedSubject = { ref: SubjectRef; answerTo: string | null };

export function sealSubject(key: Buffer, subject: SealedSubject): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sealBytes(key, Buffer.from(JSON.stringify(subject))));
}

export function openSubject(key: Buffer, run: Pick<ErasureRun, "subject">): SealedSubject {
  if (!run.subject) throw new Error("erasure run has no sealed subject");
  return JSON.parse(openBytes(key, Buffer.from(run.subject)).toString("utf8")) as SealedSubject;
}

export function parsePlan(run: Pick<ErasureRun, "plan">): SystemPlan[] {
  return run.plan ? (JSON.parse(run.plan) as SystemPlan[]) : [];
}

const planJobPrefix = (runId: string) => `${ErasurePlanJob.id}:${runId}:`;
const systemJobPrefix = (runId: string, system?: SystemName) =>
  `${ErasureSystemJob.id}:${runId}:${system ? `${system}:` : ""}`;

/** Queues the plan of a run, as the next attempt of its flow. */
async function queuePlan(tx: Tx, runId: string, shopDomain: string) {
  const prefix = planJobPrefix(runId);
  const key = `${prefix}${await nextAttempt(tx, prefix)}`;
  await enqueue(tx, ErasurePlanJob, { runId }, { key, shopDomain });
}

/**
 * Queues one system's execution (a settled step is not redone): as attempt `attempt` of its flow,
 * so that two callers asking at once queue one job, or as the next attempt (a staff retry).
 */
export async function queueSystem(
  tx: Db | Tx,
  runId: string,
  system: SystemName,
  shopDomain: string,
  attempt?: number,
) {
  const prefix = systemJobPrefix(runId, system);
  const key = `${prefix}${attempt ?? (await nextAttempt(tx, prefix))}`;
  return enqueue(tx, ErasureSystemJob, { runId, system }, { key, shopDomain });
}

/** Starts planning the erasure of a request, in the caller's transaction. */
export async function startErasure(tx: Tx, request: RightsRequest, shopDomain: string) {
  const existing = await tx.erasureRun.findUnique({ where: { requestId: request.id } });
  if (existing) return existing;
  const run = await tx.erasureRun.create({
    data: { shopId: request.shopId, requestId: request.id, channel: request.channel },
  });
  await queuePlan(tx, run.id, shopDomain);
  await recordAudit(tx, {
    shopId: request.shopId,
    actorType: "system",
    action: "erasure.planning",
    targetType: "request",
    targetId: request.id,
  });
  return run;
}

/** The systems that have work to do, outside systems first; Vigie runs once they are settled. */
export function systemsToRun(plan: SystemPlan[]): SystemName[] {
  return plan.filter((p) => p.steps.length > 0).map((p) => p.system);
}

/** Enqueues the first wave: every outside system with steps, or Vigie at once if there are none. */
export async function enqueueExecution(tx: Tx, run: Pick<ErasureRun, "id" | "plan">, shopDomain: string) {
  for (const system of firstSystemsOfRun(systemsToRun(parsePlan(run))))
    await queueSystem(tx, run.id, system, shopDomain, 0);
}

/** Staff approve the dry run: execution starts. Only a planned run can be approved, once. */
export async function approveErasure(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  runId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    // The write comes first: it takes SQLite's write lock before any read (a read-then-write
    // transaction can fail with "database is locked" when another writer got in between).
    const { count } = await tx.erasureRun.updateMany({
      where: { id: runId, shopId: shop.id, status: "planned" },
      data: { status: "running", approvedBy: staffId, approvedAt: now, startedAt: now },
    });
    if (count === 0) return false;
    const run = await tx.erasureRun.findUniqueOrThrow({
      where: { id: runId },
      include: { request: { select: { subjectId: true } } },
    });
    // GDPR art. 18(2): the shop's own retention erasure waits while the person's processing is
    // restricted (thrown, the approval above rolls back).
    if (
      run.channel === "retention" &&
      run.request.subjectId &&
      (await isSubjectRestricted(tx, run.request.subjectId))
    )
      throw new AppError("SUBJECT_RESTRICTED", "restricted: the retention erasure waits");
    await enqueueExecution(tx, run, shop.domain);
    await tx.requestTask.updateMany({
      where: { requestId: run.requestId, kind: "erasure", status: "pending" },
      data: { status: "running" },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "erasure.approved",
      targetType: "request",
      targetId: run.requestId,
    });
    return true;
  });
}

/** A run still planning whose plan job will never run again (dead, or gone): it stopped moving. */
export async function isPlanStalled(db: Db | Tx, run: Pick<ErasureRun, "id" | "status">, now = new Date()) {
  return run.status === "planning" && !(await hasLiveJob(db, planJobPrefix(run.id), now));
}

/**
 * The systems of a running erasure that stopped moving: work left (or, for Vigie, the answer left
 * to write) and no job of theirs that will run again. Vigie's turn comes once every outside system
 * is settled; before that it is waiting, not stalled.
 */
export async function stalledSystems(
  db: Db | Tx,
  run: Pick<ErasureRun, "id" | "status" | "plan"> & { receipts: { stepId: string; outcome: string }[] },
  now = new Date(),
): Promise<SystemName[]> {
  if (run.status !== "running") return [];
  const plan = parsePlan(run);
  const receipts = receiptMap(run.receipts);
  const outside = plan.filter((p) => p.system !== "vigie");
  const waiting: SystemName[] = outside
    .filter((p) => p.steps.length > 0 && !erasureComplete([p], receipts) && !hasFailed(p, receipts))
    .map((p) => p.system);
  // Every outside system settled: Vigie's job erases its records, then answers and closes the run.
  const vigie = plan.find((p) => p.system === "vigie");
  if (erasureComplete(outside, receipts) && (!vigie || !hasFailed(vigie, receipts))) waiting.push("vigie");
  const stalled: SystemName[] = [];
  for (const system of waiting) {
    // Vigie's job is queued by the last outside system's: only once no job of the run will run.
    const prefix = systemJobPrefix(run.id, system === "vigie" ? undefined : system);
    if (!(await hasLiveJob(db, prefix, now))) stalled.push(system);
  }
  return stalled;
}

const hasFailed = (plan: SystemPlan, receipts: ReturnType<typeof receiptMap>) =>
  plan.steps.some((step) => receipts.get(step.id)?.outcome === "failed");

/**
 * Plans again (a system came back, settings changed, planning failed, or its job stopped without
 * a plan); only before execution.
 */
export async function replanErasure(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  runId: string,
) {
  return db.$transaction(async (tx) => {
    const run = await tx.erasureRun.findFirst({
      where: {
        id: runId,
        shopId: shop.id,
        status: { in: ["planned", "failed", "planning"] },
        startedAt: null,
      },
    });
    if (!run || (run.status === "planning" && !(await isPlanStalled(tx, run)))) return false;
    await tx.erasureRun.update({
      where: { id: runId },
      data: { status: "planning", plan: null, error: null },
    });
    await queuePlan(tx, runId, shop.domain);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "erasure.replanned",
      targetType: "request",
      targetId: run.requestId,
    });
    return true;
  });
}

/**
 * Staff retry of a system whose step failed, or that stalled (see stalledSystems); its settled
 * steps are not redone.
 */
export async function retryErasureSystem(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  runId: string,
  system: SystemName,
) {
  return db.$transaction(async (tx) => {
    const run = await tx.erasureRun.findFirst({
      where: { id: runId, shopId: shop.id, status: { in: ["running", "failed"] } },
      include: { receipts: { select: { stepId: true, system: true, outcome: true } } },
    });
    if (!run) return false;
    const failed = run.receipts.some((r) => r.system === system && r.outcome === "failed");
    if (!failed && !(await stalledSystems(tx, run)).includes(system)) return false;
    await tx.erasureRun.update({ where: { id: runId }, data: { status: "running", error: null } });
    await queueSystem(tx, runId, system, shop.domain);
    await tx.requestTask.updateMany({
      where: { requestId: run.requestId, kind: "erasure", system },
      data: { status: "running", detail: null },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "erasure.retried",
      targetType: "request",
      targetId: run.requestId,
      data: { system },
    });
    return true;
  });
}

export type SystemProgress = {
  system: SystemName;
  state: "skipped" | "pending" | "done" | "failed";
  skipped?: SystemPlan["skipped"];
};

/** Each system's state, from the plan and the receipts stored so far. */
export function systemProgress(
  plan: SystemPlan[],
  receipts: { stepId: string; outcome: string }[],
): SystemProgress[] {
  const outcome = receiptMap(receipts);
  return plan.map((p) => {
    if (p.steps.length === 0) return { system: p.system, state: "skipped", skipped: p.skipped };
    if (p.steps.some((s) => outcome.get(s.id)?.outcome === "failed"))
      return { system: p.system, state: "failed" };
    const settled = erasureComplete([p], outcome);
    return {
      system: p.system,
      state: settled ? "done" : "pending",
      ...(p.skipped && { skipped: p.skipped }),
    };
  });
}

/** Receipts by step id, as the domain reads them. */
export function receiptMap(receipts: { stepId: string; outcome: string }[]) {
  return new Map(receipts.map((r) => [r.stepId, { outcome: r.outcome as ErasureReceipt["outcome"] }]));
}
