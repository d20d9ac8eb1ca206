// Planning an erasure run (GDPR art. 17): every connected system says what it would delete, mask,
// archive or keep, and why; the dry run staff approve (customers/redact runs without review).
import { ConnectorError } from "~/connectors/connector";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db } from "~/db/client.server";
import { buildErasurePlan, type SystemPlan } from "~/domain/erasure/erasure-plan";
import { SYSTEMS } from "~/domain/systems";
import { recordAudit } from "../audit.server";
import { subjectRefForRequest } from "../requests/subject-ref.server";
import { describeErasureError } from "./describe-error";
import { enqueueExecution, openSubject, sealSubject } from "./erasure-runs.server";

/** Plans run `runId` once (a planning run only); throws for a vendor error worth retrying. */
export async function planErasureRun(
  {
    db,
    connectors,
    secretKey,
  }: { db: Db; connectors: (shopDomain: string) => Promise<ShopConnectors>; secretKey: Buffer },
  runId: string,
) {
  const run = await db.erasureRun.findUnique({
    where: { id: runId },
    include: { request: true, shop: true },
  });
  if (!run || run.status !== "planning") return;
  // Sealed once, at the first plan: a later re-plan may find Vigie's own copy already gone.
  const subject = run.subject
    ? openSubject(secretKey, run)
    : {
        ref: await subjectRefForRequest(db, run.request, run.shop.domain),
        answerTo: run.request.requesterEmail,
      };
  const systems = await connectors(run.shop.domain);
  const plans: SystemPlan[] = [];
  for (const system of SYSTEMS) {
    const connector = systems[system];
    if (!connector) {
      plans.push({ system, steps: [], skipped: "not_connected" });
      continue;
    }
    try {
      plans.push({ system, steps: await connector.planErasure(subject.ref) });
    } catch (error) {
      await db.erasureRun.update({
        where: { id: runId },
        data: { error: `${system}: ${describeErasureError(error)}` },
      });
      if (error instanceof ConnectorError && !error.retryable) {
        await db.erasureRun.update({ where: { id: runId }, data: { status: "failed" } });
        return;
      }
      throw error;
    }
  }
  const plan = buildErasurePlan(plans, {
    channel: run.channel as "shopify" | "staff" | "privacy_centre" | "retention",
  });
  // customers/redact: Shopify already decided; nobody reviews a dry run.
  const automatic = run.channel === "shopify";
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.erasureRun.updateMany({
      where: { id: runId, status: "planning" },
      data: {
        status: automatic ? "running" : "planned",
        plan: JSON.stringify(plan),
        subject: sealSubject(secretKey, subject),
        error: null,
        ...(automatic && { approvedBy: "shopify", approvedAt: now, startedAt: now }),
      },
    });
    if (count === 0) return;
    for (const system of plan.filter((p) => p.steps.length === 0)) {
      await tx.requestTask.updateMany({
        where: { requestId: run.requestId, kind: "erasure", system: system.system },
        data: { status: "not_applicable", detail: system.skipped ?? null },
      });
    }
    await recordAudit(tx, {
      shopId: run.shopId,
      actorType: "system",
      action: "erasure.planned",
      targetType: "request",
      targetId: run.requestId,
      data: { steps: plan.reduce((n, p) => n + p.steps.length, 0) },
    });
    if (automatic) await enqueueExecution(tx, { id: runId, plan: JSON.stringify(plan) }, run.shop.domain);
  });
}
