// Serving a finished export: the zip's encrypted chunks, decrypted one at a time into the response.
import type { Db } from "~/db/client.server";
import { recordAudit } from "../audit.server";
import { readChunks } from "./chunks.server";

export function zipResponse(
  db: Db,
  key: Buffer,
  archive: { id: string; size: number | null },
  filename: string,
) {
  const chunks = readChunks(db, key, archive.id, "zip");
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      ...(archive.size ? { "content-length": String(archive.size) } : {}),
    },
  });
}

export type ShopperDownload =
  | { ok: true; archive: { id: string; size: number | null; requestReference: string }; locale: string }
  | { ok: false; reason: "unknown" | "expired" | "used" };

/**
 * The shopper's single download: taken atomically (a second use, even concurrent, is refused), and
 * audited. Staff can still download it from the admin.
 */
export async function takeShopperDownload(
  db: Db,
  archiveId: string,
  shopId: string,
  now = new Date(),
): Promise<ShopperDownload> {
  const archive = await db.exportArchive.findFirst({
    where: { id: archiveId, shopId },
    include: { request: { select: { reference: true, locale: true } } },
  });
  if (!archive || archive.status !== "complete") return { ok: false, reason: "unknown" };
  if (!archive.expiresAt || archive.expiresAt < now) return { ok: false, reason: "expired" };
  const { count } = await db.exportArchive.updateMany({
    where: { id: archiveId, downloadedAt: null },
    data: { downloadedAt: now, downloadedBy: "shopper" },
  });
  if (count === 0) return { ok: false, reason: "used" };
  await recordAudit(db, {
    shopId,
    actorType: "shopper",
    action: "export.downloaded",
    targetType: "request",
    targetId: archive.requestId,
  });
  return {
    ok: true,
    archive: { id: archive.id, size: archive.size, requestReference: archive.request.reference },
    locale: archive.request.locale,
  };
}

/** Staff's download of a shop's finished export, audited; null when the shop has none by that id. */
export async function staffDownload(db: Db, key: Buffer, shopId: string, staffId: string, archiveId: string) {
  const archive = await db.exportArchive.findFirst({
    where: { id: archiveId, shopId, status: "complete" },
    include: { request: { select: { reference: true } } },
  });
  if (!archive) return null;
  await recordAudit(db, {
    shopId,
    actorType: "staff",
    actorId: staffId,
    action: "export.downloaded",
    targetType: "request",
    targetId: archive.requestId,
  });
  return zipResponse(db, key, archive, `export-${archive.request.reference}.zip`);
}
