// Access and portability exports (GDPR art. 15, 20; Shopify customers/data_request): one part per
// system, built from its connector into encrypted staging; once every part is done, one zip.
// A system that fails is retried by its job; after that staff can retry that system alone. A
// partial export is never assembled, so never sent as complete.
import type { ExportPart, RightsRequest } from "@prisma/client";
import type { Db, Tx } from "~/db/client.server";
import { SYSTEMS, type SystemName } from "~/domain/systems";
import { ExportSystemJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { hasLiveJob, isLive, nextAttempt } from "~/jobs/queue/flows.server";
import { recordAudit } from "../audit.server";

/** How long a finished export can be downloaded. */
export const EXPORT_TTL_DAYS = 30;

const partJobPrefix = (archiveId: string, system: string) => `${ExportSystemJob.id}:${archiveId}:${system}:`;

/** Queues a part's job (a new job key per attempt) and records it on the part, pending. */
async function queuePart(tx: Tx, archiveId: string, system: SystemName, shopDomain: string) {
  const prefix = partJobPrefix(archiveId, system);
  const key = `${prefix}${await nextAttempt(tx, prefix)}`;
  const job = await enqueue(tx, ExportSystemJob, { archiveId, system }, { key, shopDomain });
  await tx.exportPart.update({
    where: { archiveId_system: { archiveId, system } },
    data: { status: "pending", error: null, jobId: job?.id ?? null },
  });
}

/**
 * A part waiting or being built whose job will never run again (dead after its last attempt,
 * or gone): nothing will move it any more, and staff may set it going again.
 */
export async function isPartStalled(
  db: Db | Tx,
  part: Pick<ExportPart, "archiveId" | "system" | "status" | "jobId">,
  now = new Date(),
) {
  if (part.status !== "pending" && part.status !== "running") return false;
  if (!part.jobId) return !(await hasLiveJob(db, partJobPrefix(part.archiveId, part.system), now));
  const job = await db.job.findUnique({
    where: { id: part.jobId },
    select: { status: true, lockedUntil: true, attempts: true, maxAttempts: true },
  });
  return !job || !isLive(now)(job);
}

/**
 * Parts a version before ADR 023 staged as JSON Lines (done, with no summary) are built again: the
 * assembly only copies built parts. Returns how many were queued.
 */
export function rebuildStaleParts(db: Db, archiveId: string, shopDomain: string) {
  return db.$transaction(async (tx) => {
    const stale = await tx.exportPart.findMany({ where: { archiveId, status: "done", summary: null } });
    for (const { system } of stale) await queuePart(tx, archiveId, system as SystemName, shopDomain);
    return stale.length;
  });
}

/** Starts the export of a request, in the caller's transaction (one job per system). */
export async function startExport(tx: Tx, request: RightsRequest, shopDomain: string) {
  const existing = await tx.exportArchive.findFirst({
    where: { requestId: request.id, status: { in: ["building", "complete"] } },
  });
  if (existing) return existing;
  const archive = await tx.exportArchive.create({
    data: {
      shopId: request.shopId,
      requestId: request.id,
      locale: request.locale,
      parts: { create: SYSTEMS.map((system) => ({ system })) },
    },
  });
  for (const system of SYSTEMS) await queuePart(tx, archive.id, system, shopDomain);
  await tx.requestTask.updateMany({
    where: { requestId: request.id, kind: "export" },
    data: { status: "running", detail: null },
  });
  await recordAudit(tx, {
    shopId: request.shopId,
    actorType: "system",
    action: "export.started",
    targetType: "request",
    targetId: request.id,
  });
  return archive;
}

/** Staff retry of one system whose part failed, or stalled (its job ended without settling it). */
export async function retryExportSystem(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  archiveId: string,
  system: SystemName,
) {
  return db.$transaction(async (tx) => {
    const part = await tx.exportPart.findFirst({
      where: {
        archiveId,
        system,
        status: { in: ["failed", "pending", "running"] },
        archive: { shopId: shop.id },
      },
      include: { archive: true },
    });
    if (!part) return false;
    if (part.status !== "failed" && (part.archive.status !== "building" || !(await isPartStalled(tx, part))))
      return false;
    await queuePart(tx, archiveId, system, shop.domain);
    await tx.exportArchive.update({ where: { id: archiveId }, data: { status: "building" } });
    await tx.requestTask.updateMany({
      where: { requestId: part.archive.requestId, kind: "export", system },
      data: { status: "running", detail: null },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "export.retried",
      targetType: "request",
      targetId: part.archive.requestId,
      data: { system },
    });
    return true;
  });
}
