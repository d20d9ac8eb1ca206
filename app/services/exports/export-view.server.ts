// What the request page shows of a request's latest export: its status, download window and the
// parts staff can retry (failed, or stalled after a crash).
import type { Db } from "~/db/client.server";
import { isPartStalled } from "./exports.server";

export async function exportPanelData(db: Db, requestId: string) {
  const archive = await db.exportArchive.findFirst({
    where: { requestId },
    orderBy: { createdAt: "desc" },
    include: { parts: true },
  });
  if (!archive) return null;
  return {
    id: archive.id,
    status: archive.status,
    size: archive.size,
    expiresAt: archive.expiresAt?.toISOString() ?? null,
    downloadedAt: archive.downloadedAt?.toISOString() ?? null,
    parts: await Promise.all(
      archive.parts.map(async (p) => ({
        system: p.system,
        status: p.status,
        records: p.records,
        stalled: archive.status === "building" && (await isPartStalled(db, p)),
      })),
    ),
  };
}

export type ExportPanelData = NonNullable<Awaited<ReturnType<typeof exportPanelData>>>;
