// Who a request is about, as the connectors look them up: Vigie's subject, else the requester.
import type { RightsRequest } from "@prisma/client";
import type { SubjectRef } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";

export async function subjectRefForRequest(
  db: Db | Tx,
  request: RightsRequest,
  shopDomain: string,
): Promise<SubjectRef> {
  const subject = request.subjectId
    ? await db.subject.findUnique({
        where: { id: request.subjectId },
        select: { email: true, phone: true, shopifyCustomerId: true },
      })
    : null;
  return {
    shopDomain,
    subjectId: request.subjectId ?? "",
    email: subject?.email ?? request.requesterEmail ?? null,
    phone: subject?.phone ?? null,
    shopifyCustomerId: request.shopifyCustomerId ?? subject?.shopifyCustomerId ?? null,
    orderIds: JSON.parse(request.orderIds) as string[],
  };
}
