// Assembling an access export's zip once every system's part is built (ADR 019, 023).
import type { Db } from "~/db/client.server";
import { SYSTEMS, type SystemName } from "~/domain/systems";
import { writeExportArchive } from "~/exports/archive-writer.server";
import { PartSummarySchema } from "~/exports/system-part.server";
import { resolveShopperLocale } from "~/i18n/locale";
import { recordAudit } from "../audit.server";
import { parseShopSettings } from "../shop-settings.server";
import { archiveSubject } from "./build-part.server";
import { chunkSink, deleteChunks, partStaging } from "./chunks.server";
import { EXPORT_TTL_DAYS, rebuildStaleParts } from "./exports.server";

/**
 * Writes an export's zip from its built parts (copied, not rebuilt), completes the archive and
 * audits it, once: an assembly that finishes second changes nothing. Parts staged by a version
 * before ADR 023 are rebuilt first; their jobs queue the assembly again.
 */
export async function assembleExport(
  { db, secretKey: key }: { db: Db; secretKey: Buffer },
  archiveId: string,
) {
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
    // The request's language, as the storefront gave it; French when Vigie does not write it.
    locale: resolveShopperLocale(archive.locale),
    generatedAt: archive.createdAt,
    parts: archive.parts
      .filter((p) => p.status === "done")
      .sort((a, b) => SYSTEMS.indexOf(a.system as SystemName) - SYSTEMS.indexOf(b.system as SystemName))
      .map((p) => ({
        // Checked again: the stored summary decides which bytes are copied into the zip.
        summary: PartSummarySchema.parse(JSON.parse(p.summary ?? "null")),
        read: partStaging(db, key, archiveId, p.system).read,
      })),
    output: sink,
    // The README states the durations; the shop's other retention settings are not the shopper's.
    retention: {
      customerYearsAfterLastOrder: settings.retention.customerYearsAfterLastOrder,
      prospectYears: settings.retention.prospectYears,
    },
    contactEmail: settings.dpoEmail ?? null,
    shopifyOrdersRecentOnly: archive.shop.ordersAccess === "recent",
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
}
