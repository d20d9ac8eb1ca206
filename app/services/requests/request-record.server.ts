// A stored rights request as the pure domain sees it, and its legal deadline, computed from the
// stored facts (receipt, time zone, pauses, extension) every time: never a stored due date.
import type { RequestPause, RightsRequest as RequestRow } from "@prisma/client";
import type { Tx } from "~/db/client.server";
import { deadlineStatus } from "~/domain/deadlines/deadline-status";
import { computeDeadline, type Deadline } from "~/domain/deadlines/due-date";
import type { RequestDetails } from "~/domain/requests/request-details";
import type { RequestState, RightsRequest } from "~/domain/requests/request-lifecycle";
import type { RefusalGround } from "~/domain/requests/request-types";

export type RequestWithPauses = RequestRow & { pauses: RequestPause[] };

export function toDomainRequest(row: RequestRow): RightsRequest {
  return {
    state: row.state as RequestState,
    details: JSON.parse(row.details) as RequestDetails,
    identityVerified: row.identityVerifiedAt !== null,
    refusal: row.refusalGround
      ? { ground: row.refusalGround as RefusalGround, explanation: row.refusalExplanation ?? "" }
      : null,
  };
}

function deadlineInput(row: RequestWithPauses, now: Date) {
  return {
    receivedAt: row.receivedAt,
    timeZone: row.timeZone,
    pauses: row.pauses
      .map((p) => ({ pausedAt: p.startedAt, resumedAt: p.endedAt }))
      .sort((a, b) => a.pausedAt.getTime() - b.pausedAt.getTime()),
    extensions:
      row.extensionMonths > 0 && row.extensionNotifiedAt
        ? [
            {
              months: row.extensionMonths,
              reason: row.extensionReason ?? "",
              notifiedAt: row.extensionNotifiedAt,
            },
          ]
        : [],
    now,
  };
}

/** The request's deadline at `now` (GDPR art. 12(3); Regulation 1182/71; décret 2019-536). */
export function requestDeadline(row: RequestWithPauses, now = new Date()): Deadline {
  return computeDeadline(deadlineInput(row, now));
}

/** Where an open request stands: on track, due soon, overdue, paused; null once closed. */
export function requestDeadlineStatus(row: RequestWithPauses, now = new Date()) {
  if (row.closedAt) return null;
  return deadlineStatus(deadlineInput(row, now));
}

/**
 * Refreshes the request's derived due date and paused flag (the list's filters, docs/decisions/056)
 * from its stored facts. Called in the transaction of every change to receipt, pauses or extension.
 */
export async function syncRequestClock(tx: Tx, requestId: string, now = new Date()) {
  const row = await tx.rightsRequest.findUnique({ where: { id: requestId }, include: { pauses: true } });
  if (!row) return;
  let dueOn: string | null = null;
  let paused = false;
  try {
    const deadline = requestDeadline(row, now);
    dueOn = deadline.dueDate;
    paused = deadline.paused && row.closedAt === null;
  } catch {
    // A request whose facts the domain refuses keeps no derived date: the list shows it under no due filter.
  }
  if (row.dueOn !== dueOn || row.clockPaused !== paused) {
    await tx.rightsRequest.update({ where: { id: row.id }, data: { dueOn, clockPaused: paused } });
  }
}
