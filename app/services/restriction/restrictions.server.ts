// Restriction of processing (GDPR art. 18): staff grant it on a request, and from then on the
// person's data is only stored. Shopify and Mailchimp are told by a job (marketing set to not
// subscribed; each outcome kept as the art. 19 notice), the retention sweep and the consent sync
// leave the person alone, exports still work. Staff lift it; the lift takes effect only once the
// e-mail telling the person has left (art. 18(3)), in the transaction that records it sent.
import { ConnectorError } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { AppError } from "~/domain/errors";
import type { RestrictionDetails } from "~/domain/requests/request-details";
import {
  canDecideLift,
  liftTakesEffect,
  RESTRICTED_STATUSES,
  type RestrictionGround,
  type RestrictionStatus,
} from "~/domain/requests/restriction";
import type { JobContext } from "~/jobs/handler";
import { RestrictionNoticeJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { recordAudit } from "../audit.server";
import { queueRequestEmail } from "../requests/request-emails.server";
import type { LinkContext } from "../requests/request-links.server";
import { upsertSubject } from "../subjects.server";
import { planRecipientNotices } from "./recipient-notices.server";

type ShopRef = { id: string; domain: string; name: string | null };
type Actor = { type: "staff"; id: string };

/** Where a restriction filter goes: subjects with none in force. */
export const NOT_RESTRICTED = { restrictions: { none: { status: { in: RESTRICTED_STATUSES } } } } as const;

/** Whether the subject's processing is restricted now (granted, or its lift not yet notified). */
export async function isSubjectRestricted(db: Db | Tx, subjectId: string): Promise<boolean> {
  const count = await db.restriction.count({ where: { subjectId, status: { in: RESTRICTED_STATUSES } } });
  return count > 0;
}

/**
 * Staff grant the restriction a request asks for (GDPR art. 18(1)): the subject is restricted from
 * now, the recipients' notices are planned (art. 19) and the job telling Shopify and Mailchimp is
 * queued, all in one transaction. The request is answered afterwards, as any other.
 */
export async function grantRestriction(
  db: Db,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const row = await tx.rightsRequest.findFirst({
      where: { id: requestId, shopId: shop.id },
      include: { restriction: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "request not found");
    if (row.type !== "restriction") throw new AppError("WRONG_REQUEST_TYPE", "not a restriction request");
    if (row.restriction) throw new AppError("RESTRICTION_ALREADY_GRANTED", "already granted");
    if (row.state !== "in_progress") throw new AppError("IDENTITY_NOT_VERIFIED", "not in progress");
    const details = JSON.parse(row.details) as RestrictionDetails;
    // The restriction binds the person even where Vigie held nothing yet (Mailchimp may).
    const subject =
      (row.subjectId && (await tx.subject.findFirst({ where: { id: row.subjectId, shopId: shop.id } }))) ||
      (await upsertSubject(tx, shop.id, { email: row.requesterEmail, customerId: row.shopifyCustomerId }));
    if (!subject) throw new AppError("RESTRICTION_NOTICE_IMPOSSIBLE", "nobody to restrict");
    if (row.subjectId !== subject.id)
      await tx.rightsRequest.update({ where: { id: row.id }, data: { subjectId: subject.id } });
    const restriction = await tx.restriction.create({
      data: {
        shopId: shop.id,
        subjectId: subject.id,
        requestId: row.id,
        ground: details.ground,
        status: "active",
        grantedBy: actor.id,
        grantedAt: now,
      },
    });
    await planRecipientNotices(tx, row, "restriction", null, now);
    await tx.requestTask.updateMany({
      where: { requestId: row.id, kind: "record" },
      data: { status: "done", detail: "restriction.granted" },
    });
    await enqueue(
      tx,
      RestrictionNoticeJob,
      { restrictionId: restriction.id },
      { key: `${RestrictionNoticeJob.id}:${restriction.id}`, shopDomain: shop.domain },
    );
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "restriction.granted",
      targetType: "request",
      targetId: row.id,
      data: { ground: details.ground },
    });
    return restriction;
  });
}

/**
 * The job: tells each connected system of the restriction (GDPR art. 18(2), 19) by setting the
 * person's marketing to not subscribed (Shopify's e-mail marketing state, Mailchimp's member). Each
 * system's outcome is stored on its notice; a retry only redoes the ones not done.
 */
export async function notifyRestriction(
  { db, connectors, log }: Pick<JobContext, "db" | "connectors" | "log">,
  restrictionId: string,
) {
  const restriction = await db.restriction.findUnique({
    where: { id: restrictionId },
    include: {
      subject: { select: { id: true, email: true, shopifyCustomerId: true } },
      shop: { select: { id: true, domain: true } },
      request: { select: { recipientNotices: { where: { channel: "connector" } } } },
    },
  });
  if (!restriction || restriction.status === "lifted") return;
  const systems = await connectors(restriction.shop.domain);
  const ref = {
    shopDomain: restriction.shop.domain,
    subjectId: restriction.subject.id,
    email: restriction.subject.email,
    shopifyCustomerId: restriction.subject.shopifyCustomerId,
  };
  let retry: ConnectorError | undefined;
  for (const notice of restriction.request.recipientNotices) {
    if (notice.status === "done") continue;
    const system = notice.recipient as "shopify" | "mailchimp" | "stripe";
    const connector = systems[system];
    const save = (status: string, outcome: string, vendorRef?: string) =>
      db.$transaction(async (tx) => {
        await tx.recipientNotice.update({
          where: { id: notice.id },
          data: {
            status,
            outcome,
            vendorRef: vendorRef ?? null,
            doneAt: status === "done" ? new Date() : null,
          },
        });
        if (status === "done")
          await recordAudit(tx, {
            shopId: restriction.shop.id,
            actorType: "system",
            action: "restriction.recipient_told",
            targetType: "request",
            targetId: restriction.requestId,
            data: { recipient: system, outcome },
          });
      });
    if (!connector) {
      await save("failed", "not_connected");
      continue;
    }
    try {
      const result = await connector.applyConsent(ref, {
        purpose: "newsletter",
        status: "unsubscribed",
        occurredAt: restriction.grantedAt,
        optInLevel: "UNKNOWN",
        idempotencyKey: `restriction:${restriction.id}`,
      });
      await save("done", result.outcome, result.vendorRef);
    } catch (error) {
      if (error instanceof ConnectorError && error.retryable) {
        await save("failed", "retrying");
        retry = error;
        continue;
      }
      await save("failed", "error");
      log.warn("restriction notice failed", { restrictionId, system });
    }
  }
  if (retry) throw retry;
}

/**
 * Staff decide to lift a restriction: the e-mail telling the person is queued (GDPR art. 18(3):
 * informed before the lift), in their language, and the restriction stays in force ("lifting")
 * until that e-mail has left (completeLiftOnNotice).
 */
export async function decideLift(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const restriction = await tx.restriction.findFirst({
      where: { requestId, shopId: shop.id },
      include: { request: true },
    });
    if (!restriction) throw new AppError("RESTRICTION_NOT_GRANTED", "no restriction on this request");
    if (!canDecideLift(restriction.status as RestrictionStatus))
      throw new AppError("RESTRICTION_NOT_ACTIVE", `restriction is ${restriction.status}`);
    const { request } = restriction;
    if (!request.requesterEmail) throw new AppError("RESTRICTION_NOTICE_IMPOSSIBLE", "no address to tell");
    const emailId = await queueRequestEmail(tx, shop, request, links, {
      type: "request.restriction_lift",
      reference: request.reference,
      grantedOn: toLocalDate(restriction.grantedAt, request.timeZone),
    });
    await tx.restriction.update({
      where: { id: restriction.id },
      data: { status: "lifting", liftDecidedBy: actor.id, liftDecidedAt: now, liftNoticeId: emailId },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "restriction.lift_decided",
      targetType: "request",
      targetId: requestId,
    });
  });
}

/**
 * Called in the transaction that records an e-mail as sent (or handed to the outbox): if it is a
 * lift notice, the lift takes effect now, audited (GDPR art. 18(3)).
 */
export async function completeLiftOnNotice(tx: Tx, emailId: string, emailStatus: string, now = new Date()) {
  const restriction = await tx.restriction.findUnique({ where: { liftNoticeId: emailId } });
  if (!restriction || !liftTakesEffect(restriction.status as RestrictionStatus, emailStatus)) return;
  await tx.restriction.update({ where: { id: restriction.id }, data: { status: "lifted", liftedAt: now } });
  await recordAudit(tx, {
    shopId: restriction.shopId,
    actorType: "system",
    action: "restriction.lifted",
    targetType: "request",
    targetId: restriction.requestId,
    data: { notice: emailStatus },
  });
}

/** A request's restriction, for its page. */
export async function restrictionOfRequest(db: Db, shopId: string, requestId: string) {
  const r = await db.restriction.findFirst({ where: { requestId, shopId } });
  if (!r) return null;
  const notice = r.liftNoticeId
    ? await db.outboxEmail.findUnique({ where: { id: r.liftNoticeId }, select: { status: true } })
    : null;
  return {
    status: r.status as RestrictionStatus,
    ground: r.ground as RestrictionGround,
    grantedAt: r.grantedAt.toISOString(),
    liftDecidedAt: r.liftDecidedAt?.toISOString() ?? null,
    liftedAt: r.liftedAt?.toISOString() ?? null,
    noticeStatus: notice?.status ?? null,
  };
}

/** Of these subjects, the ones whose processing is restricted now (for badges in lists). */
export async function restrictedAmong(db: Db, shopId: string, subjectIds: string[]): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set();
  const rows = await db.restriction.findMany({
    where: { shopId, subjectId: { in: subjectIds }, status: { in: RESTRICTED_STATUSES } },
    select: { subjectId: true },
  });
  return new Set(rows.map((r) => r.subjectId));
}
