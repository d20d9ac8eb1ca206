// What staff (and shoppers confirming their e-mail) do to a request. Each action: load the request
// of this shop, let the domain decide, move the clock, write the change with its audit event and
// the e-mail to the requester, in one transaction.
import type { Db, Tx } from "~/db/client.server";
import { extendDeadline } from "~/domain/deadlines/due-date";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { AppError } from "~/domain/errors";
import { requiredIdentityCheck } from "~/domain/requests/identity-policy";
import {
  type HeirRequestDetails,
  heirProofsAccepted,
  type ProofStatus,
  type RequestDetails,
  recipientsAsked,
} from "~/domain/requests/request-details";
import {
  clockEffect,
  markIdentityVerified,
  type Refusal,
  type RequestState,
  recordHeirProof,
  type TransitionEvent,
  transition,
} from "~/domain/requests/request-lifecycle";
import type { RequestType } from "~/domain/requests/request-types";
import type { ErasureReceiptLine, LegalHold } from "~/mail/message";
import { recordAudit } from "../audit.server";
import { deleteDocuments } from "../documents.server";
import { planRecipientNotices, recipientsInformed } from "../restriction/recipient-notices.server";
import { openEmailCodeCheck, tryEmailCode } from "./identity-codes.server";
import { applyDirectiveRequest } from "./post-mortem-directives.server";
import { queueRequestEmail } from "./request-emails.server";
import { confirmUrl, documentsUrl, exportDownloadUrl, type LinkContext } from "./request-links.server";
import { type RequestWithPauses, syncRequestClock, toDomainRequest } from "./request-record.server";
import { startWork } from "./request-work.server";

type ShopRef = { id: string; domain: string; name: string | null };
type Actor = { type: "staff" | "shopper" | "system"; id: string | null };

async function load(tx: Tx, shopId: string, requestId: string): Promise<RequestWithPauses> {
  const row = await tx.rightsRequest.findFirst({
    where: { id: requestId, shopId },
    include: { pauses: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "request not found");
  return row;
}

/** Moves a request through the domain's lifecycle, opening or closing the clock's pause. */
async function move(
  tx: Tx,
  row: RequestWithPauses & { shop?: { domain: string } },
  event: TransitionEvent,
  now: Date,
  verified = false,
) {
  let domain = toDomainRequest(row);
  if (verified) domain = markIdentityVerified(domain);
  const next = transition(domain, event);
  const effect = clockEffect(row.state as RequestState, next.state);
  if (effect === "open_pause") {
    // The one way back into identity_check is staff asking for a document on a written doubt.
    await tx.requestPause.create({
      data: { requestId: row.id, startedAt: now, reason: "identity_document" },
    });
  } else if (effect === "close_pause") {
    await tx.requestPause.updateMany({ where: { requestId: row.id, endedAt: null }, data: { endedAt: now } });
  }
  const closed = ["answered", "refused", "withdrawn", "closed_unverified"].includes(next.state);
  const updated = await tx.rightsRequest.update({
    where: { id: row.id },
    data: {
      state: next.state,
      identityVerifiedAt: next.identityVerified ? (row.identityVerifiedAt ?? now) : null,
      closedAt: closed ? now : null,
      refusalGround: next.refusal?.ground ?? null,
      refusalExplanation: next.refusal?.explanation ?? null,
    },
    include: { pauses: true, shop: { select: { domain: true } } },
  });
  await syncRequestClock(tx, row.id, now);
  if (next.state === "in_progress" && row.state !== "in_progress")
    await startWork(tx, updated, updated.shop.domain);
  return updated;
}

async function act<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(work);
  return result;
}

/** Staff confirm who is asking (e.g. the account's e-mail replied); the clock resumes. */
export function verifyIdentityByStaff(
  db: Db,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    const moved = await move(tx, row, { to: "in_progress" }, now, true);
    await tx.identityCheck.create({
      data: { requestId, method: "staff", status: "passed", decidedBy: actor.id, decidedAt: now },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.identity_verified",
      targetType: "request",
      targetId: requestId,
      data: { method: "staff" },
    });
    return moved;
  });
}

/** A requester's one-time code: accepted → identity verified, the clock resumes, work starts. */
export function confirmEmailCode(
  db: Db,
  secret: Buffer,
  shopId: string,
  checkId: string,
  code: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const attempt = await tryEmailCode(tx, secret, checkId, code, now);
    if (!attempt.requestId) return { outcome: attempt.outcome, request: null };
    const row = await tx.rightsRequest.findFirst({
      where: { id: attempt.requestId, shopId },
      include: { pauses: true },
    });
    if (!row) return { outcome: "unknown" as const, request: null };
    await recordAudit(tx, {
      shopId,
      actorType: "shopper",
      action: attempt.outcome === "accepted" ? "request.identity_verified" : "request.identity_code_rejected",
      targetType: "request",
      targetId: row.id,
      data: { method: "email_code", outcome: attempt.outcome },
    });
    if (attempt.outcome !== "accepted" || row.state !== "identity_check")
      return { outcome: attempt.outcome, request: row };
    // An heir's address is confirmed, but the death and their status are not proven yet: the
    // request waits for those proofs (LIL art. 85-II; décret 2019-536 art. 124).
    if (row.type === "heir_request" && !heirProofsAccepted(JSON.parse(row.details) as HeirRequestDetails))
      return { outcome: attempt.outcome, request: row };
    return { outcome: attempt.outcome, request: await move(tx, row, { to: "in_progress" }, now, true) };
  });
}

/**
 * Staff escalate to a document check: only with a written reason (GDPR art. 12(6), EDPB 01/2022);
 * the clock pauses while the document is awaited.
 */
export function requestIdentityDocument(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  reason: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    const requirement = requiredIdentityCheck({
      requestType: row.type as RequestType,
      context: { channel: "staff", emailMatchesCustomerOnFile: false },
      documentRequested: { reason },
    });
    if (requirement.level !== "document") throw new AppError("DOCUMENT_REASON_REQUIRED", "no document check");
    const moved = row.state === "identity_check" ? row : await move(tx, row, { to: "identity_check" }, now);
    // Waiting for a code sent to the address on file did not stop the clock; a document does, from now.
    if (row.state === "identity_check" && !row.pauses.some((p) => p.endedAt === null)) {
      await tx.requestPause.create({
        data: { requestId: row.id, startedAt: now, reason: "identity_document" },
      });
    }
    await tx.rightsRequest.update({ where: { id: row.id }, data: { identityLevel: "document" } });
    await syncRequestClock(tx, row.id, now);
    await tx.identityCheck.updateMany({
      where: { requestId, status: "pending" },
      data: { status: "cancelled", decidedAt: now },
    });
    const check = await tx.identityCheck.create({
      data: { requestId, method: "document", status: "pending", reason: requirement.staffReason },
      select: { id: true },
    });
    await queueRequestEmail(tx, shop, row, links, {
      type: "request.document_needed",
      reference: row.reference,
      reason: requirement.staffReason,
      uploadUrl: documentsUrl(links, { ownerType: "identity_check", ownerId: check.id }, row.locale),
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.document_requested",
      targetType: "request",
      targetId: requestId,
    });
    return moved;
  });
}

/** An extension of up to two months, with its reason, notified before the first deadline (GDPR art. 12(3)). */
export function extendRequest(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  months: number,
  reason: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    if (row.closedAt) throw new AppError("REQUEST_CLOSED", "The request is closed");
    if (row.extensionMonths > 0) throw new AppError("ILLEGAL_TRANSITION", "The request was already extended");
    // Throws EXTENSION_REASON_REQUIRED / EXTENSION_TOO_LATE / EXTENSION_TOO_LONG.
    const deadline = extendDeadline(
      {
        receivedAt: row.receivedAt,
        timeZone: row.timeZone,
        pauses: row.pauses.map((p) => ({ pausedAt: p.startedAt, resumedAt: p.endedAt })),
        now,
      },
      { months, reason, notifiedAt: now },
    );
    const updated = await tx.rightsRequest.update({
      where: { id: row.id },
      data: { extensionMonths: months, extensionReason: reason.trim(), extensionNotifiedAt: now },
      include: { pauses: true },
    });
    await syncRequestClock(tx, row.id, now);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.extended",
      targetType: "request",
      targetId: requestId,
      data: { months },
    });
    await queueRequestEmail(tx, shop, updated, links, {
      type: "request.extension",
      reference: row.reference,
      newDueOn: deadline.dueDate,
      writtenOn: toLocalDate(now, row.timeZone),
      reason: reason.trim(),
    });
    return updated;
  });
}

/** Staff answer the request; the answer e-mail carries their summary (and, later, the export link). */
export function answerRequest(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  summary: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    transition(toDomainRequest(row), { to: "answered" }); // an illegal answer fails before the export check
    // GDPR art. 15(3), 20(1): an access answer carries the data; a partial export is never sent.
    const needsExport = row.type === "access" || row.type === "portability";
    const archive = needsExport
      ? await tx.exportArchive.findFirst({
          where: { requestId, status: "complete" },
          orderBy: { completedAt: "desc" },
        })
      : null;
    if (needsExport && !archive?.expiresAt)
      throw new AppError("EXPORT_NOT_READY", "The export is not complete yet");
    // LIL art. 85-I: carrying out a directive request is writing it in the register.
    if (row.type === "post_mortem_directive") await applyDirectiveRequest(tx, shop.id, actor, row, now);
    // GDPR art. 18: a restriction is answered once it is in place.
    if (row.type === "restriction" && !(await tx.restriction.findUnique({ where: { requestId } })))
      throw new AppError("RESTRICTION_NOT_GRANTED", "grant the restriction before answering");
    // GDPR art. 19: after a rectification, its recipients are to be told (tasks, if not planned yet).
    if (row.type === "rectification") await planRecipientNotices(tx, row, "rectification", null, now);
    const details = JSON.parse(row.details) as RequestDetails;
    const recipients = recipientsAsked(details) ? await recipientsInformed(tx, row.id) : undefined;
    const moved = await move(tx, row, { to: "answered" }, now);
    await tx.rightsRequest.update({ where: { id: row.id }, data: { answerNote: summary.trim() } });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.answered",
      targetType: "request",
      targetId: requestId,
    });
    await queueRequestEmail(tx, shop, moved, links, {
      type: "request.answer",
      reference: row.reference,
      requestType: row.type as RequestType,
      summary: summary.trim(),
      ...(recipients && { recipients }),
      ...(archive?.expiresAt && {
        downloadUrl: exportDownloadUrl(links, {
          id: archive.id,
          shopId: archive.shopId,
          expiresAt: archive.expiresAt,
        }),
        downloadExpiresOn: toLocalDate(archive.expiresAt, row.timeZone),
        writtenOn: toLocalDate(now, row.timeZone),
      }),
    });
    return moved;
  });
}

/** A refusal with its ground and written reasons, and the route to the CNIL (GDPR art. 12(4)). */
export function refuseRequest(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  refusal: Refusal,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    const moved = await move(tx, row, { to: "refused", refusal }, now);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.refused",
      targetType: "request",
      targetId: requestId,
      data: { ground: refusal.ground },
    });
    await queueRequestEmail(tx, shop, moved, links, {
      type: "request.refusal",
      reference: row.reference,
      requestType: row.type as RequestType,
      ground: refusal.ground,
      explanation: refusal.explanation.trim(),
    });
    return moved;
  });
}

/** Closes a request whose requester never confirmed who they are. */
export function closeUnverified(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    const moved = await move(tx, row, { to: "closed_unverified" }, now);
    await tx.identityCheck.updateMany({
      where: { requestId, status: "pending" },
      data: { status: "expired", decidedAt: now },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.closed_unverified",
      targetType: "request",
      targetId: requestId,
    });
    await queueRequestEmail(tx, shop, moved, links, {
      type: "request.closed_unverified",
      reference: row.reference,
    });
    return moved;
  });
}

export const MAX_CODES_PER_DAY = 5;

/**
 * Sends a waiting request a new e-mail code, in the caller's transaction: the earlier codes stop
 * working, only this one counts.
 */
export async function sendIdentityCode(
  tx: Tx,
  links: LinkContext,
  shop: ShopRef,
  row: { id: string; type: string; reference: string; requesterEmail: string | null; locale: string },
  now = new Date(),
) {
  const { checkId, code, expiresInMinutes } = await openEmailCodeCheck(tx, links.secret, row.id, now);
  await queueRequestEmail(tx, shop, row, links, {
    type: "request.identity_code",
    reference: row.reference,
    code,
    expiresInMinutes,
    confirmUrl: confirmUrl(links, checkId, code, row.locale),
  });
  await recordAudit(tx, {
    shopId: shop.id,
    actorType: "shopper",
    action: "request.identity_code_sent",
    targetType: "request",
    targetId: row.id,
  });
}

/** A new e-mail code for a request still waiting for its requester; at most five a day. */
export function resendIdentityCode(
  db: Db,
  links: LinkContext,
  shop: ShopRef,
  requestId: string,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    if (row.state !== "identity_check" || row.identityLevel !== "email_link" || !row.requesterEmail) {
      return "not_waiting" as const;
    }
    const sentToday = await tx.identityCheck.count({
      where: { requestId, method: "email_code", createdAt: { gte: new Date(now.getTime() - 86_400_000) } },
    });
    if (sentToday >= MAX_CODES_PER_DAY) return "limit" as const;
    await sendIdentityCode(tx, links, shop, row, now);
    return "sent" as const;
  });
}

/**
 * Staff record their review of an heir's proofs (the death, and their status as heir: décret
 * 2019-536 art. 124). Once both are accepted, confirming identity lets the work start.
 */
export function recordHeirProofs(
  db: Db,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  proofs: { death: ProofStatus; heir: ProofStatus },
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    let domain = recordHeirProof(toDomainRequest(row), "death", proofs.death);
    domain = recordHeirProof(domain, "heir", proofs.heir);
    await tx.rightsRequest.update({
      where: { id: row.id },
      data: { details: JSON.stringify(domain.details) },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: "request.heir_proofs_reviewed",
      targetType: "request",
      targetId: requestId,
      data: { death: proofs.death, heir: proofs.heir },
    });
  });
}

/**
 * Staff decide on an identity document. Either way the document is deleted and only its hash kept
 * (GDPR art. 5(1)(c), EDPB 01/2022); accepted, the request is verified and the clock resumes.
 */
export function decideIdentityDocument(
  db: Db,
  shop: ShopRef,
  actor: Actor,
  requestId: string,
  accepted: boolean,
  now = new Date(),
) {
  return act(db, async (tx) => {
    const row = await load(tx, shop.id, requestId);
    const check = await tx.identityCheck.findFirst({
      where: { requestId, method: "document", status: "pending" },
    });
    if (!check) throw new AppError("ILLEGAL_TRANSITION", "No document check is pending");
    const hashes = await deleteDocuments(tx, { ownerType: "identity_check", ownerId: check.id });
    await tx.identityCheck.update({
      where: { id: check.id },
      data: {
        status: accepted ? "passed" : "failed",
        decidedBy: actor.id,
        decidedAt: now,
        documentSha256: hashes.join(",") || null,
      },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: actor.type,
      actorId: actor.id,
      action: accepted ? "request.identity_verified" : "request.document_rejected",
      targetType: "request",
      targetId: requestId,
      data: { method: "document", documentsDeleted: hashes.length },
    });
    return accepted && row.state === "identity_check" ? move(tx, row, { to: "in_progress" }, now, true) : row;
  });
}

/**
 * Answers an erasure once every system is settled (GDPR art. 17, 12(3)): the receipts and holds go
 * to `answerTo`, the address sealed when the run was planned (the request's own copy is erased by
 * then). In the caller's transaction; no e-mail when there is no requester (customers/redact).
 */
export async function answerErasure(
  tx: Tx,
  shop: ShopRef,
  requestId: string,
  answer: { to: string | null; summary: string; receipts: ErasureReceiptLine[]; holds: LegalHold[] },
  now = new Date(),
) {
  const row = await load(tx, shop.id, requestId);
  // GDPR art. 19: each system erased was told by its own erasure (its receipt is the notice); the
  // register's other recipients become staff tasks.
  await planRecipientNotices(tx, row, "erasure", { outcome: "erased" }, now);
  return answerWithReceipts(tx, shop, row, answer, now);
}

/**
 * Answers a rectification carried out through the connectors (GDPR art. 16): the request is
 * answered and the person told, per system, what changed (the erasure's receipt lines); the art. 19
 * notices were settled by the run.
 */
export async function answerRectification(
  tx: Tx,
  shop: ShopRef,
  requestId: string,
  answer: { to: string | null; summary: string; receipts: ErasureReceiptLine[] },
  now = new Date(),
) {
  return answerWithReceipts(tx, shop, await load(tx, shop.id, requestId), answer, now);
}

/** The answer of a run carried out system by system: what was done where, and who was told (art. 19). */
async function answerWithReceipts(
  tx: Tx,
  shop: ShopRef,
  row: Awaited<ReturnType<typeof load>>,
  answer: { to: string | null; summary: string; receipts: ErasureReceiptLine[]; holds?: LegalHold[] },
  now: Date,
) {
  const details = JSON.parse(row.details) as RequestDetails;
  const recipients = recipientsAsked(details) ? await recipientsInformed(tx, row.id) : undefined;
  const moved = await move(tx, row, { to: "answered" }, now);
  await recordAudit(tx, {
    shopId: shop.id,
    actorType: "system",
    action: "request.answered",
    targetType: "request",
    targetId: row.id,
  });
  await queueRequestEmail(
    tx,
    shop,
    { id: row.id, requesterEmail: answer.to, locale: row.locale, type: row.type },
    null,
    {
      type: "request.answer",
      reference: row.reference,
      requestType: row.type as RequestType,
      summary: answer.summary,
      erasure: answer.receipts,
      ...(answer.holds && { holds: answer.holds }),
      ...(recipients && { recipients }),
    },
  );
  return moved;
}
