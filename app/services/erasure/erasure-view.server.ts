// The erasure of a request as the request page shows it: plan, progress, receipts and holds.
import type { ErasurePanelData } from "~/components/erasure-panel";
import type { Db } from "~/db/client.server";
import { isPlanStalled, parsePlan, stalledSystems, systemProgress } from "./erasure-runs.server";

export async function erasurePanelData(db: Db, requestId: string): Promise<ErasurePanelData | null> {
  const run = await db.erasureRun.findUnique({ where: { requestId }, include: { receipts: true } });
  if (!run) return null;
  const plan = parsePlan(run);
  const holds = await db.legalHold.findMany({
    where: { requestId, shopId: run.shopId },
    orderBy: { createdAt: "asc" },
  });
  return {
    id: run.id,
    status: run.status,
    channel: run.channel,
    error: run.error,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    plan,
    progress: systemProgress(plan, run.receipts),
    stalled: await stalledSystems(db, run),
    planStalled: await isPlanStalled(db, run),
    receipts: run.receipts.map((r) => ({
      stepId: r.stepId,
      outcome: r.outcome,
      vendorRef: r.vendorRef,
      detail: r.detail,
      at: r.at.toISOString(),
    })),
    holds: holds.map((h) => ({
      id: h.id,
      system: h.system,
      basis: h.basis,
      expiresAt: h.expiresAt.toISOString(),
      releasedAt: h.releasedAt?.toISOString() ?? null,
    })),
  };
}
