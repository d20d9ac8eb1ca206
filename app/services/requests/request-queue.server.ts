// The requests queue and a request's full page, scoped to one shop.
import type { Db } from "~/db/client.server";
import { cappedCount } from "../capped-count.server";
import { restrictedAmong } from "../restriction/restrictions.server";
import type { QueueFilter } from "./queue-filters";
import { requestDeadline, requestDeadlineStatus } from "./request-record.server";

/** Requests with their deadline badge; open ones soonest due first. */
export async function listRequests(db: Db, shopId: string, filter: QueueFilter, now = new Date()) {
  const rows = await db.rightsRequest.findMany({
    where: {
      shopId,
      ...(filter === "closed" ? { closedAt: { not: null } } : filter === "all" ? {} : { closedAt: null }),
    },
    include: { pauses: true },
    orderBy: { receivedAt: "desc" },
    take: 500,
  });
  const withDeadlines = rows.map((row) => ({
    row,
    deadline: requestDeadline(row, now),
    status: requestDeadlineStatus(row, now),
  }));
  const kept = withDeadlines.filter(({ status }) =>
    filter === "due_soon" || filter === "overdue" || filter === "paused" ? status?.status === filter : true,
  );
  if (filter !== "closed" && filter !== "all")
    kept.sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate));
  // GDPR art. 18: whose processing is restricted, shown as a badge beside their requests.
  const subjectIds = kept.flatMap(({ row }) => (row.subjectId ? [row.subjectId] : []));
  const restricted = await restrictedAmong(db, shopId, [...new Set(subjectIds)]);
  return kept.map(({ row, deadline, status }) => ({
    id: row.id,
    reference: row.reference,
    type: row.type,
    state: row.state,
    channel: row.channel,
    requesterEmail: row.requesterEmail,
    receivedAt: row.receivedAt.toISOString(),
    /** The day of receipt in the request's own time zone (docs/decisions/037). */
    receivedOn: deadline.receivedOn,
    dueDate: deadline.dueDate,
    deadline: status?.status ?? "closed",
    daysLeft: status?.daysLeft ?? null,
    restricted: row.subjectId !== null && restricted.has(row.subjectId),
  }));
}

/** The shop's open requests, counted in the database and capped (docs/decisions/086). */
export function openRequestCount(db: Db, shopId: string) {
  return cappedCount((cap) =>
    db.rightsRequest.count({
      where: { shopId, closedAt: null },
      orderBy: [{ closedAt: "asc" }, { dueOn: "asc" }],
      ...cap,
    }),
  );
}

/** Everything the request page shows. Null when the request is not this shop's. */
export async function requestDetail(db: Db, shopId: string, requestId: string, now = new Date()) {
  const row = await db.rightsRequest.findFirst({
    where: { id: requestId, shopId },
    include: {
      pauses: { orderBy: { startedAt: "asc" } },
      tasks: { orderBy: { system: "asc" } },
      identityChecks: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) return null;
  const [timeline, emails, shop] = await Promise.all([
    db.auditEvent.findMany({
      where: { shopId, targetType: "request", targetId: requestId },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, actorType: true, actorId: true, action: true },
    }),
    db.outboxEmail.findMany({
      where: { shopId, requestId },
      orderBy: { createdAt: "asc" },
      select: { id: true, template: true, status: true, subject: true, createdAt: true },
    }),
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ordersAccess: true } }),
  ]);
  return {
    request: row,
    /** "recent": Shopify lets Vigie read only the last 60 days of orders (docs/decisions/047). */
    ordersAccess: shop.ordersAccess as "all" | "recent" | null,
    deadline: requestDeadline(row, now),
    status: requestDeadlineStatus(row, now),
    timeline,
    emails,
  };
}
