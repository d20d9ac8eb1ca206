// Open requests filed before docs/decisions/036 had their clock paused from receipt whenever the
// requester had to confirm an e-mail address, with the reason "identity". At boot, each such pause
// is recomputed under the rule of art. 12(6): kept with its reason when identity information was
// really awaited, started later or removed when the channel already identified the requester.
// Idempotent: a recomputed pause no longer carries the old reason, and two processes booting at
// once change (and audit) each pause once.
import type { RequestPause } from "@prisma/client";
import type { Db, Tx } from "~/db/client.server";
import type { PauseReason } from "~/domain/requests/identity-policy";
import type { Logger } from "~/utils/logger.server";
import { recordAudit } from "../audit.server";
import { emailOnFile } from "../subjects.server";
import { type RequestWithPauses, requestDeadline, syncRequestClock } from "./request-record.server";

/** The reason every pause was given before the rule was corrected. */
export const LEGACY_PAUSE_REASON = "identity";

type Change =
  | { kind: "reason_recorded"; reason: PauseReason }
  | { kind: "moved"; reason: PauseReason; startedAt: Date }
  | { kind: "removed" };

type Row = RequestWithPauses & { identityChecks: { method: string; createdAt: Date }[] };

async function changeFor(tx: Tx, row: Row, pause: RequestPause): Promise<Change> {
  // A pause opened after receipt came from staff asking for a document (the one way back).
  if (pause.startedAt.getTime() !== row.receivedAt.getTime()) {
    return { kind: "reason_recorded", reason: "identity_document" };
  }
  if (row.type === "heir_request") return { kind: "reason_recorded", reason: "heir_identity" };
  if (!(await emailOnFile(tx, row.shopId, row.requesterEmail))) {
    return { kind: "reason_recorded", reason: "address_not_on_file" };
  }
  // The address was on file: the clock ran, unless staff later asked for a document meanwhile.
  const end = pause.endedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const document = row.identityChecks
    .filter((c) => c.method === "document")
    .map((c) => c.createdAt)
    .filter((at) => at.getTime() >= pause.startedAt.getTime() && at.getTime() <= end)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return document ? { kind: "moved", reason: "identity_document", startedAt: document } : { kind: "removed" };
}

function dueDate(row: RequestWithPauses, pauses: RequestPause[], now: Date) {
  try {
    return requestDeadline({ ...row, pauses }, now).dueDate;
  } catch {
    return null;
  }
}

async function recomputeRequest(tx: Tx, requestId: string, now: Date) {
  const row = await tx.rightsRequest.findUnique({
    where: { id: requestId },
    include: { pauses: true, identityChecks: { select: { method: true, createdAt: true } } },
  });
  if (!row || row.closedAt) return 0;
  let pauses = [...row.pauses];
  let changed = 0;
  for (const pause of row.pauses.filter((p) => p.reason === LEGACY_PAUSE_REASON)) {
    const change = await changeFor(tx, row, pause);
    const before = dueDate(row, pauses, now);
    // Guarded by the old reason: a process that recomputed it first leaves nothing to change here.
    const written =
      change.kind === "removed"
        ? await tx.requestPause.deleteMany({ where: { id: pause.id, reason: LEGACY_PAUSE_REASON } })
        : await tx.requestPause.updateMany({
            where: { id: pause.id, reason: LEGACY_PAUSE_REASON },
            data: {
              reason: change.reason,
              ...(change.kind === "moved" && { startedAt: change.startedAt }),
            },
          });
    if (written.count === 0) continue;
    pauses =
      change.kind === "removed"
        ? pauses.filter((p) => p.id !== pause.id)
        : pauses.map((p) =>
            p.id === pause.id
              ? {
                  ...p,
                  reason: change.reason,
                  startedAt: change.kind === "moved" ? change.startedAt : p.startedAt,
                }
              : p,
          );
    changed++;
    await recordAudit(tx, {
      shopId: row.shopId,
      actorType: "system",
      action: "request.clock_recomputed",
      targetType: "request",
      targetId: row.id,
      data: {
        change: change.kind,
        reason: change.kind === "removed" ? null : change.reason,
        dueBefore: before,
        dueAfter: dueDate(row, pauses, now),
      },
    });
  }
  if (changed > 0) await syncRequestClock(tx, row.id, now);
  return changed;
}

/**
 * Recomputes the legacy pauses of every open request (docs/decisions/036), each request in its own
 * transaction, each change audited. Returns how many pauses changed; 0 once done.
 */
export async function recomputeLegacyPauses(db: Db, log?: Logger, now = new Date()) {
  const open = await db.rightsRequest.findMany({
    where: { closedAt: null, pauses: { some: { reason: LEGACY_PAUSE_REASON } } },
    select: { id: true },
  });
  let changed = 0;
  for (const { id } of open) changed += await db.$transaction((tx) => recomputeRequest(tx, id, now));
  if (changed > 0) log?.info("request clocks recomputed", { requests: open.length, pauses: changed });
  return changed;
}
