// The export jobs: one per system (its connector's records built into zip entries, staged sealed
// in the database), then one that assembles the zip from them once every part is done.

import type { RightsRequest, Shop } from "@prisma/client";
import { z } from "zod";
import type { Connector } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";
import { writeExportArchive } from "~/exports/archive-writer.server";
import { type PartSummary, PartSummarySchema, writeSystemPart } from "~/exports/system-part.server";
import { recordAudit } from "~/services/audit.server";
import { chunkSink, deleteChunks, deletePartChunks, partStaging } from "~/services/exports/chunks.server";
import {
  EXPORT_ASSEMBLE_JOB,
  EXPORT_SYSTEM_JOB,
  EXPORT_SYSTEMS,
  EXPORT_TTL_DAYS,
  type ExportSystem,
  rebuildStaleParts,
} from "~/services/exports/exports.server";
import { subjectRefForRequest } from "~/services/requests/subject-ref.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import { defineJob } from "../define-job";
import { enqueue, isSuperseded, nextAttempt, notifyEnqueued } from "../queue.server";

type ArchiveWithContext = { request: RightsRequest; shop: Shop };

/** Who the archive is about, as its every entry says. A Shopify data request has no requester
 * address: the archive names the customer's own. */
async function archiveSubject(db: Db, archive: ArchiveWithContext) {
  const subject = await subjectRefForRequest(db, archive.request, archive.shop.domain);
  return {
    ref: subject,
    header: {
      reference: archive.request.reference,
      email: archive.request.requesterEmail ?? subject.email,
      shopName: archive.shop.name ?? archive.shop.domain,
    },
  };
}

export const exportSystemJob = defineJob({
  id: EXPORT_SYSTEM_JOB,
  payloadSchema: z.object({ archiveId: z.string(), system: z.enum(EXPORT_SYSTEMS) }),
  async handler({ archiveId, system }, { db, connectors, log, secretKey: key, jobId, attempt }) {
    // Claim the part: a pending or failed one, or one this very job was building when its worker
    // died (this is the job's next attempt). A part another job holds is left to it: a staff retry
    // and an automatic one never build it at the same time.
    const { count } = await db.exportPart.updateMany({
      where: {
        archiveId,
        system,
        archive: { status: "building" },
        OR: [{ status: { in: ["pending", "failed"] } }, { status: "running", jobId }],
      },
      data: { status: "running", error: null, jobId },
    });
    if (count === 0) return;
    const archive = await db.exportArchive.findUniqueOrThrow({
      where: { id: archiveId },
      include: { request: true, shop: true },
    });
    const finish = (outcome: PartOutcome) => settlePart(db, archive, system, { jobId, attempt }, outcome);
    const connector: Connector | null = (await connectors(archive.shop.domain))[system];
    if (!connector) {
      await finish({ status: "not_connected", records: 0 });
      return;
    }
    await deletePartChunks(db, archiveId, system);
    let summary: PartSummary;
    try {
      const subject = await archiveSubject(db, archive);
      summary = await writeSystemPart({
        system,
        records: connector.exportSubject(subject.ref),
        subject: subject.header,
        generatedAt: archive.createdAt,
        staging: partStaging(db, key, archiveId, system),
        log,
      });
    } catch (error) {
      await finish({
        status: "failed",
        records: 0,
        error: error instanceof Error ? error.message.slice(0, 300) : "export failed",
      });
      log.warn("export part failed", { archiveId, system });
      throw error;
    }
    const records = summary.sections.reduce((n, section) => n + section.records, 0);
    await finish({ status: "done", records, summary });
  },
});

type PartOutcome = {
  status: "done" | "failed" | "not_connected";
  records: number;
  error?: string;
  summary?: PartSummary;
};

/**
 * Writes a part's outcome, its request task, and (once every part is settled) the assembly's job,
 * in one transaction: a crash leaves either all of it or none, and the job's next attempt redoes
 * the part. The archive's row is locked first, so that of two parts finishing at once exactly one
 * sees the other settled and queues the assembly. Nothing is written when another job holds the
 * part now (staff retried it after this job had stalled), or a later attempt of this one.
 */
async function settlePart(
  db: Db,
  archive: { id: string; requestId: string; shop: { domain: string } },
  system: ExportSystem,
  { jobId, attempt }: { jobId: string; attempt: number },
  { status, records, error, summary }: PartOutcome,
) {
  const queued = await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "ExportArchive" SET "id" = "id" WHERE "id" = ${archive.id}`;
    // A run that outlived its lease, while the job's next attempt builds the part again.
    if (await isSuperseded(tx, jobId, attempt)) return false;
    const { count } = await tx.exportPart.updateMany({
      where: { archiveId: archive.id, system, status: "running", jobId },
      data: { status, records, error: error ?? null, summary: summary ? JSON.stringify(summary) : null },
    });
    if (count === 0) return false;
    await tx.requestTask.updateMany({
      where: { requestId: archive.requestId, kind: "export", system },
      data: {
        status: status === "done" ? "done" : status === "failed" ? "failed" : "not_applicable",
        detail: status === "done" ? String(records) : (error ?? null),
      },
    });
    return status !== "failed" && (await queueAssemblyIfReady(tx, archive.id, archive.shop.domain));
  });
  if (queued) notifyEnqueued();
}

async function queueAssemblyIfReady(tx: Tx, archiveId: string, shopDomain: string) {
  const open = await tx.exportPart.count({
    where: { archiveId, status: { notIn: ["done", "not_connected"] } },
  });
  if (open > 0) return false;
  // One assembly per round: parts built again after an assembly (rebuildStaleParts) need another.
  const round = await nextAttempt(tx, `${EXPORT_ASSEMBLE_JOB}:${archiveId}:`);
  return (
    (await enqueue(tx, {
      type: EXPORT_ASSEMBLE_JOB,
      payload: { archiveId },
      jobKey: `${EXPORT_ASSEMBLE_JOB}:${archiveId}:${round}`,
      shopDomain,
      priority: 40,
    })) !== null
  );
}

export const exportAssembleJob = defineJob({
  id: EXPORT_ASSEMBLE_JOB,
  payloadSchema: z.object({ archiveId: z.string() }),
  async handler({ archiveId }, { db, secretKey: key }) {
    const archive = await db.exportArchive.findUnique({
      where: { id: archiveId },
      include: { parts: true, request: true, shop: true },
    });
    if (!archive || archive.status !== "building") return;
    if (archive.parts.some((p) => p.status !== "done" && p.status !== "not_connected")) return;
    // Their jobs assemble the archive again once they are built.
    if ((await rebuildStaleParts(db, archiveId, archive.shop.domain)) > 0) return;
    await deleteChunks(db, archiveId, "zip");
    const { sink } = chunkSink(db, key, archiveId, "zip");
    const settings = parseShopSettings(archive.shop.settings);
    const written = await writeExportArchive({
      subject: (await archiveSubject(db, archive)).header,
      locale: archive.locale === "en" ? "en" : "fr",
      generatedAt: archive.createdAt,
      parts: archive.parts
        .filter((p) => p.status === "done")
        .sort(
          (a, b) =>
            EXPORT_SYSTEMS.indexOf(a.system as ExportSystem) -
            EXPORT_SYSTEMS.indexOf(b.system as ExportSystem),
        )
        .map((p) => ({
          // Checked again: the stored summary decides which bytes are copied into the zip.
          summary: PartSummarySchema.parse(JSON.parse(p.summary ?? "null")),
          read: partStaging(db, key, archiveId, p.system).read,
        })),
      output: sink,
      retention: settings.retention,
      contactEmail: settings.dpoEmail ?? null,
    });
    const now = new Date();
    await db.$transaction(async (tx) => {
      // Completed once: an assembly that finishes second (a re-run of one the crash interrupted
      // after it committed) changes nothing and audits nothing.
      const { count } = await tx.exportArchive.updateMany({
        where: { id: archiveId, status: "building" },
        data: {
          status: "complete",
          size: written.bytes,
          sha256: written.sha256,
          completedAt: now,
          expiresAt: new Date(now.getTime() + EXPORT_TTL_DAYS * 86_400_000),
        },
      });
      if (count === 0) return;
      // The staging is no longer needed once the zip exists.
      await tx.exportChunk.deleteMany({ where: { archiveId, kind: { startsWith: "part:" } } });
      await recordAudit(tx, {
        shopId: archive.shopId,
        actorType: "system",
        action: "export.completed",
        targetType: "request",
        targetId: archive.requestId,
        data: { bytes: written.bytes },
      });
    });
  },
});
