// What a requester reaches from the signed links Vigie e-mails them: their request's status (the
// status link names the request) and the identity check a code confirms (the code link names the
// check; the status page names the request, whose latest pending code counts).
import { z } from "zod";
import type { Db } from "~/db/client.server";
import type { RequestType } from "~/domain/requests/request-types";
import { verifyToken } from "~/utils/signed-token.server";
import { requestDeadline } from "../requests/request-record.server";

const StatusToken = z.object({ r: z.string().min(1) });
const CheckToken = z.object({ k: z.string().min(1) });

/** The request a status link names, when its signature holds. */
export function requestIdOfStatusToken(key: Buffer, token: string): string | null {
  return verifyToken(key, "request", token, StatusToken)?.r ?? null;
}

/** What the status page shows of the shop's request the link names; null when there is none. */
export async function storefrontRequestStatus(db: Db, key: Buffer, shopId: string, token: string) {
  const requestId = requestIdOfStatusToken(key, token);
  if (!requestId) return null;
  const row = await db.rightsRequest.findFirst({
    where: { id: requestId, shopId },
    include: {
      pauses: true,
      identityChecks: { where: { method: "email_code", status: "passed" }, select: { id: true } },
    },
  });
  if (!row) return null;
  const deadline = requestDeadline(row);
  return {
    reference: row.reference,
    type: row.type as RequestType,
    state: row.state,
    // An heir who confirmed their address waits for the proofs, not for a code.
    canResend:
      row.state === "identity_check" && row.identityLevel === "email_link" && row.identityChecks.length === 0,
    receivedOn: deadline.receivedOn,
    dueOn: row.closedAt ? null : deadline.dueDate,
  };
}

/** The e-mail code check a link names (directly, or through its request's latest pending code). */
export async function identityCheckOfToken(db: Db, key: Buffer, shopId: string, token: string) {
  const checkId = verifyToken(key, "identity", token, CheckToken)?.k;
  if (checkId) return checkId;
  const requestId = requestIdOfStatusToken(key, token);
  if (!requestId) return null;
  const latest = await db.identityCheck.findFirst({
    where: { requestId, method: "email_code", status: "pending", request: { shopId } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return latest?.id ?? null;
}
