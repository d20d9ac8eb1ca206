// The admin's request page: everything it shows about one request of a shop, and every action staff
// take there, each one call into the service that carries it out (the route only parses and answers).
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { AppError } from "~/domain/errors";
import { PROOF_STATUSES, type RequestDetails, recipientsAsked } from "~/domain/requests/request-details";
import type { RefusalGround, RequestType } from "~/domain/requests/request-types";
import { SYSTEMS } from "~/domain/systems";
import { listDocuments } from "../documents.server";
import { approveErasure, replanErasure, retryErasureSystem } from "../erasure/erasure-runs.server";
import { erasurePanelData } from "../erasure/erasure-view.server";
import { exportPanelData } from "../exports/export-view.server";
import { retryExportSystem } from "../exports/exports.server";
import { approveRectification, retryRectificationSystem } from "../rectification/rectification-runs.server";
import { recipientNoticesOf, recordRecipientNotice } from "../restriction/recipient-notices.server";
import {
  decideLift,
  grantRestriction,
  isSubjectRestricted,
  restrictionOfRequest,
} from "../restriction/restrictions.server";
import {
  carryOutDirective,
  directiveForHeirRequest,
  directiveOfRequest,
  revokeDirectiveByStaff,
} from "./post-mortem-directives.server";
import {
  answerRequest,
  closeUnverified,
  decideIdentityDocument,
  extendRequest,
  recordHeirProofs,
  refuseRequest,
  requestIdentityDocument,
  verifyIdentityByStaff,
} from "./request-actions.server";
import type { LinkContext } from "./request-links.server";
import { requestDetail } from "./request-queue.server";

type ShopRef = { id: string; domain: string; name: string | null };

/** Everything the request page shows, serialisable; null when the shop has no such request. */
export async function loadRequestPage(db: Db, shop: ShopRef, requestId: string) {
  const detail = await requestDetail(db, shop.id, requestId);
  if (!detail) return null;
  const { request: r } = detail;
  const pendingDocumentCheck = r.identityChecks.find(
    (c) => c.method === "document" && c.status === "pending",
  );
  const [documents, archive, erasure, directive, restriction, recipients] = await Promise.all([
    pendingDocumentCheck
      ? listDocuments(db, { ownerType: "identity_check", ownerId: pendingDocumentCheck.id })
      : Promise.resolve([]),
    exportPanelData(db, r.id),
    erasurePanelData(db, r.id),
    // LIL art. 85: an heir request follows the deceased's directive first; a directive request shows its entry.
    r.type === "heir_request"
      ? directiveForHeirRequest(db, shop.id, r)
      : r.type === "post_mortem_directive"
        ? directiveOfRequest(db, shop.id, r.id)
        : Promise.resolve(null),
    restrictionOfRequest(db, shop.id, r.id),
    recipientNoticesOf(db, shop.id, r.id),
  ]);
  const subjectRestricted = r.subjectId ? await isSubjectRestricted(db, r.subjectId) : false;
  return {
    request: {
      id: r.id,
      reference: r.reference,
      type: r.type as RequestType,
      state: r.state,
      channel: r.channel,
      requesterEmail: r.requesterEmail,
      requesterName: r.requesterName,
      locale: r.locale,
      receivedAt: r.receivedAt.toISOString(),
      identityLevel: r.identityLevel,
      identityVerifiedAt: r.identityVerifiedAt?.toISOString() ?? null,
      extensionMonths: r.extensionMonths,
      extensionReason: r.extensionReason,
      refusalGround: r.refusalGround,
      refusalExplanation: r.refusalExplanation,
      answerNote: r.answerNote,
      details: JSON.parse(r.details) as Record<string, unknown>,
      closed: r.closedAt !== null,
    },
    deadline: detail.deadline,
    status: detail.status,
    ordersAccess: detail.ordersAccess,
    // Calendar days of the request's own zone, with why the clock stood still (docs/decisions/036).
    pauses: r.pauses.map((p) => ({
      id: p.id,
      from: toLocalDate(p.startedAt, r.timeZone),
      to: p.endedAt ? toLocalDate(p.endedAt, r.timeZone) : null,
      reason: p.reason,
    })),
    tasks: r.tasks.map((t) => ({
      id: t.id,
      system: t.system,
      kind: t.kind,
      status: t.status,
      detail: t.detail,
    })),
    documents: documents.map((d) => ({ id: d.id, name: d.name })),
    archive,
    erasure,
    directive,
    // GDPR art. 18: the restriction this request put in place, and art. 19: who is (to be) told.
    restriction,
    subjectRestricted,
    recipientsAsked: recipientsAsked(JSON.parse(r.details) as RequestDetails),
    recipients,
    checks: r.identityChecks.map((c) => ({
      id: c.id,
      method: c.method,
      status: c.status,
      attempts: c.attempts,
      maxAttempts: c.maxAttempts,
      reason: c.reason,
      decidedAt: c.decidedAt?.toISOString() ?? null,
    })),
    timeline: detail.timeline.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    emails: detail.emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}

export type RequestPageData = NonNullable<Awaited<ReturnType<typeof loadRequestPage>>>;

/** The actions of the request page, as its forms post them. */
export const RequestPageActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify") }),
  z.object({ intent: z.literal("document"), reason: z.string().trim().min(1).max(2000) }),
  z.object({
    intent: z.literal("extend"),
    months: z.coerce.number().int().min(1).max(2),
    reason: z.string().max(2000),
  }),
  z.object({ intent: z.literal("answer"), summary: z.string().trim().min(1).max(10_000) }),
  z.object({
    intent: z.literal("refuse"),
    ground: z.string().min(1).max(64),
    explanation: z.string().max(10_000),
  }),
  z.object({ intent: z.literal("close_unverified") }),
  z.object({ intent: z.literal("document_decision"), accepted: z.enum(["yes", "no"]) }),
  z.object({ intent: z.literal("approve_erasure") }),
  z.object({ intent: z.literal("heir_proofs"), death: z.enum(PROOF_STATUSES), heir: z.enum(PROOF_STATUSES) }),
  z.object({ intent: z.literal("carry_out_directive") }),
  z.object({ intent: z.literal("revoke_directive"), directiveId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("replan_erasure") }),
  z.object({ intent: z.literal("grant_restriction") }),
  z.object({ intent: z.literal("lift_restriction") }),
  z.object({
    intent: z.literal("recipient_notice"),
    noticeId: z.string().min(1).max(100),
    status: z.enum(["done", "not_concerned"]),
  }),
  z.object({ intent: z.literal("retry_erasure"), system: z.enum(SYSTEMS) }),
  z.object({ intent: z.literal("approve_rectification") }),
  z.object({ intent: z.literal("retry_rectification"), system: z.enum(SYSTEMS) }),
  z.object({
    intent: z.literal("retry_export"),
    archiveId: z.string().min(1).max(100),
    system: z.enum(SYSTEMS),
  }),
]);
export type RequestPageAction = z.infer<typeof RequestPageActionSchema>;
export type RequestPageIntent = RequestPageAction["intent"];

/** Carries out one staff action on a request; refuses with an AppError (NOT_FOUND for another shop's). */
export async function runRequestPageAction(
  { db, links }: { db: Db; links: LinkContext },
  shop: ShopRef,
  staffId: string,
  requestId: string,
  action: RequestPageAction,
): Promise<void> {
  const actor = { type: "staff" as const, id: staffId };
  switch (action.intent) {
    case "verify":
      await verifyIdentityByStaff(db, shop, actor, requestId);
      return;
    case "document":
      await requestIdentityDocument(db, links, shop, actor, requestId, action.reason);
      return;
    case "extend":
      await extendRequest(db, links, shop, actor, requestId, action.months, action.reason);
      return;
    case "answer":
      await answerRequest(db, links, shop, actor, requestId, action.summary);
      return;
    case "refuse":
      await refuseRequest(db, links, shop, actor, requestId, {
        ground: action.ground as RefusalGround,
        explanation: action.explanation,
      });
      return;
    case "close_unverified":
      await closeUnverified(db, links, shop, actor, requestId);
      return;
    case "document_decision":
      await decideIdentityDocument(db, shop, actor, requestId, action.accepted === "yes");
      return;
    case "heir_proofs":
      await recordHeirProofs(db, shop, actor, requestId, { death: action.death, heir: action.heir });
      return;
    case "carry_out_directive":
      await carryOutDirective(db, shop, actor, requestId);
      return;
    case "revoke_directive":
      await revokeDirectiveByStaff(db, shop, actor, action.directiveId);
      return;
    case "grant_restriction":
      await grantRestriction(db, shop, actor, requestId);
      return;
    case "lift_restriction":
      await decideLift(db, links, shop, actor, requestId);
      return;
    case "recipient_notice":
      await recordRecipientNotice(db, shop, staffId, requestId, action.noticeId, action.status);
      return;
    case "retry_export":
      await retryExportSystem(db, shop, staffId, action.archiveId, action.system);
      return;
    case "approve_rectification":
    case "retry_rectification": {
      const run = await db.rectificationRun.findFirst({
        where: { requestId, shopId: shop.id },
        select: { id: true },
      });
      const changed =
        run &&
        (action.intent === "approve_rectification"
          ? await approveRectification(db, shop, staffId, run.id)
          : await retryRectificationSystem(db, shop, staffId, run.id, action.system));
      if (!changed) throw new AppError("ILLEGAL_TRANSITION", "No rectification in a state for this action");
      return;
    }
    case "approve_erasure":
    case "replan_erasure":
    case "retry_erasure": {
      const run = await db.erasureRun.findFirst({
        where: { requestId, shopId: shop.id },
        select: { id: true },
      });
      const changed =
        run &&
        (action.intent === "approve_erasure"
          ? await approveErasure(db, shop, staffId, run.id)
          : action.intent === "replan_erasure"
            ? await replanErasure(db, shop, staffId, run.id)
            : await retryErasureSystem(db, shop, staffId, run.id, action.system));
      if (!changed) throw new AppError("ERASURE_NOT_POSSIBLE", "No erasure in a state for this action");
    }
  }
}
