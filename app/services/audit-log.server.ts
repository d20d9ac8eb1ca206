import type { Db } from "~/db/client.server";

export const AUDIT_PAGE_SIZE = 50;

/** One page of a shop's audit log, newest first, keyset-paginated on (createdAt, id). */
export async function listAuditEvents(db: Db, shopId: string, before?: { createdAt: Date; id: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      shopId,
      ...(before && {
        OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      actorType: true,
      actorId: true,
      action: true,
      targetType: true,
      targetId: true,
    },
  });
  const last = rows[AUDIT_PAGE_SIZE - 1];
  return {
    events: rows.slice(0, AUDIT_PAGE_SIZE),
    next: rows.length > AUDIT_PAGE_SIZE && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/** Parses the `before` cursor from the URL; undefined when absent or malformed. */
export function parseAuditCursor(cursor: string | null) {
  const match = cursor?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([\w-]+)$/);
  if (!match) return undefined;
  const createdAt = new Date(match[1] as string);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: match[2] as string };
}
