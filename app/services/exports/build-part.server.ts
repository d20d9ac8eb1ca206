// Building one system's part of an access export (GDPR art. 15, 20): its connector's records
// written into zip entries as they arrive, staged sealed in the database (ADR 023, 027); the part
// settled with its task, and the assembly queued once every part is.
import type { RightsRequest, Shop } from "@prisma/client";
import type { Connector } from "~/connectors/connector";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db, Tx } from "~/db/client.server";
import type { SystemName } from "~/domain/systems";
import { type PartSummary, writeSystemPart } from "~/exports/system-part.server";
import { ExportAssembleJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { nextAttempt } from "~/jobs/queue/flows.server";
import { isSuperseded } from "~/jobs/queue/leases.server";
import type { Logger } from "~/utils/logger.server";
import { subjectRefForRequest } from "../requests/subject-ref.server";
import { deletePartChunks, partStaging } from "./chunks.server";

type ArchiveWithContext = { request: RightsRequest; shop: Shop };

/** Who the archive is about, as its every entry says. A Shopify data request has no requester
 * address: the archive names the customer's own. */
export async function archiveSubject(db: Db, archive: ArchiveWithContext) {
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

/** What building a part needs from the job running it. */
export type PartJob = {
  db: Db;
  connectors: (shopDomain: string) => Promise<ShopConnectors>;
  secretKey: Buffer;
  log: Logger;
  /** The job building it, and its attempt: a part remembers who builds it (ADR 030). */
  jobId: string;
  attempt: number;
};

/**
 * Builds one system's part of an export from its connector into sealed staging, then settles it
 * and, once every part is settled, queues the assembly. Re-run after a crash, the same job takes
 * its part back and builds it again.
 */
export async function buildExportPart(
  { db, connectors, log, secretKey: key, jobId, attempt }: PartJob,
  { archiveId, system }: { archiveId: string; system: SystemName },
) {
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
}

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
  system: SystemName,
  { jobId, attempt }: { jobId: string; attempt: number },
  { status, records, error, summary }: PartOutcome,
) {
  await db.$transaction(async (tx) => {
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
    if (status !== "failed") await queueAssemblyIfReady(tx, archive.id, archive.shop.domain);
  });
}

async function queueAssemblyIfReady(tx: Tx, archiveId: string, shopDomain: string) {
  const open = await tx.exportPart.count({
    where: { archiveId, status: { notIn: ["done", "not_connected"] } },
  });
  if (open > 0) return;
  // One assembly per round: parts built again after an assembly (rebuildStaleParts) need another.
  const prefix = `${ExportAssembleJob.id}:${archiveId}:`;
  const round = await nextAttempt(tx, prefix);
  await enqueue(tx, ExportAssembleJob, { archiveId }, { key: `${prefix}${round}`, shopDomain });
}
