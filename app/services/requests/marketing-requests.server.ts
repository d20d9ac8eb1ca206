// Withdrawal of consent (GDPR art. 7(3)) and objection to direct marketing (GDPR art. 21(2)-(3)):
// carried out as soon as the requester is identified, in the same transaction; the ledger records
// the withdrawal and the sync job carries it to Shopify and Mailchimp.
import type { RightsRequest } from "@prisma/client";
import type { Tx } from "~/db/client.server";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { recordAudit } from "../audit.server";
import { recordConsent } from "../consents.server";

export async function applyMarketingRequest(
  tx: Tx,
  request: RightsRequest,
  shopDomain: string,
  now = new Date(),
) {
  const email = normaliseEmail(request.requesterEmail);
  const subject = await tx.subject.findFirst({
    where: request.subjectId
      ? { id: request.subjectId, shopId: request.shopId }
      : { shopId: request.shopId, email: email ?? "\u0000" },
    select: { id: true, email: true, shopifyCustomerId: true, marketingObjectionAt: true },
  });
  let detail = "no_record";
  if (subject) {
    // Art. 21(3): after an objection, no marketing at all, even if a consent is given again elsewhere.
    if (request.type === "object_to_marketing" && !subject.marketingObjectionAt) {
      await tx.subject.update({ where: { id: subject.id }, data: { marketingObjectionAt: now } });
    }
    const address = normaliseEmail(subject.email);
    const outcome = address
      ? await recordConsent(
          tx,
          shopDomain,
          {
            shopId: request.shopId,
            subject: { id: subject.id, email: address, shopifyCustomerId: subject.shopifyCustomerId },
            kind: "withdrawn",
            lawfulBasis: "consent",
            occurredAt: now,
            // The shopper acted in the privacy centre; otherwise staff carried out what they received.
            ...(request.channel === "privacy_centre"
              ? { source: "privacy_centre" as const }
              : { source: "staff" as const, actor: `request:${request.reference}` }),
          },
          now,
        )
      : null;
    detail = outcome?.recorded ? "withdrawn" : "not_subscribed";
  }
  await tx.requestTask.updateMany({
    where: { requestId: request.id, kind: "consent" },
    data: { status: "done", detail },
  });
  await recordAudit(tx, {
    shopId: request.shopId,
    actorType: "system",
    action:
      request.type === "object_to_marketing" ? "consent.objection_recorded" : "consent.withdrawn.request",
    targetType: "request",
    targetId: request.id,
    data: { outcome: detail },
  });
}
