// The access export of Vigie's own store (GDPR art. 15, 20): everything this shop's Vigie holds
// about one subject, section by section, streamed in keyset pages so no table is ever read whole.
import type { SubjectRef } from "~/connectors/connector";
import type { Db } from "~/db/client.server";
import { RESTRICTION_GROUND_BASIS, type RestrictionGround } from "~/domain/requests/restriction";
import type { ExportRecord } from "~/domain/systems";
import { exportLinkedRecords, type SectionContext } from "./export-linked.server";
import { afterId, iso, json, keysetPages, rowId } from "./pages";
import { consentEventWhere, requestWhere, resolveScope } from "./scope.server";

// Sources where the shopper acted themselves (WP29 WP242: observed data counts as provided).
const SHOPPER_SOURCES = new Set(["checkout", "privacy_centre", "shopify", "mailchimp"]);

/** Streams the subject's records, page by page; nothing is read before the first record is asked for. */
export async function* exportVigieSubject(
  db: Db,
  shopId: string,
  ref: SubjectRef,
  pageSize: number,
): AsyncGenerator<ExportRecord> {
  const scope = await resolveScope(db, shopId, ref);
  const context: SectionContext = { db, scope, pageSize, references: new Map() };
  yield* subjects(context);
  yield* consentEvents(context);
  yield* consentStates(context);
  yield* requests(context);
  yield* restrictions(context);
  yield* exportLinkedRecords(context);
}

async function* subjects({ db, scope, pageSize }: SectionContext): AsyncGenerator<ExportRecord> {
  const rows = keysetPages(
    (after: string | undefined) =>
      db.subject.findMany({
        where: { shopId: scope.shopId, id: { in: scope.subjectIds }, ...afterId(after) },
        orderBy: { id: "asc" },
        take: pageSize,
      }),
    rowId,
    pageSize,
  );
  for await (const s of rows) {
    // The shopper gave the e-mail, phone and locale; the last order and the objection are their acts.
    yield {
      section: "subject",
      provided: true,
      data: {
        id: s.id,
        email: s.email,
        phone: s.phone,
        locale: s.locale,
        shopifyCustomerId: s.shopifyCustomerId,
        lastOrderAt: iso(s.lastOrderAt),
        marketingObjectionAt: iso(s.marketingObjectionAt),
        createdAt: iso(s.createdAt),
      },
    };
  }
}

/** The subject's ledger events in chain order, with what proves them (GDPR art. 7(1)). */
async function* consentEvents({ db, scope, pageSize }: SectionContext): AsyncGenerator<ExportRecord> {
  const rows = keysetPages(
    (after: number | undefined) =>
      db.consentEvent.findMany({
        where: { ...consentEventWhere(scope), ...(after !== undefined && { seq: { gt: after } }) },
        orderBy: { seq: "asc" },
        take: pageSize,
      }),
    (row) => row.seq,
    pageSize,
  );
  for await (const e of rows) {
    // Not the salt: with it, a leaked export could re-link the event after an erasure. Not the
    // actor: a staff member's id is someone else's data (GDPR art. 15(4)).
    yield {
      section: "consent_events",
      provided: SHOPPER_SOURCES.has(e.source),
      data: {
        id: e.id,
        seq: e.seq,
        kind: e.kind,
        purpose: e.purpose,
        lawfulBasis: e.lawfulBasis,
        source: e.source,
        noticeVersion: e.noticeVersion,
        privacyNoticeVersion: e.privacyNoticeVersion,
        wordingKey: e.wordingKey,
        wording: e.wording,
        wordingLocale: e.wordingLocale,
        confirmsEventId: e.confirmsEventId,
        occurredAt: iso(e.occurredAt),
        recordedAt: iso(e.recordedAt),
        email: e.email,
        shopifyCustomerId: e.shopifyCustomerId,
        orderId: e.orderId,
        ipPrefix: e.ipPrefix,
        userAgent: e.userAgent,
        commitment: e.commitment,
        prevHash: e.prevHash,
        hash: e.hash,
      },
    };
  }
}

async function* consentStates({ db, scope, pageSize }: SectionContext): AsyncGenerator<ExportRecord> {
  type Key = { subjectId: string; purpose: string };
  const rows = keysetPages(
    (after: Key | undefined) =>
      db.consentState.findMany({
        where: {
          shopId: scope.shopId,
          subjectId: { in: scope.linkedIds },
          ...(after && {
            OR: [
              { subjectId: { gt: after.subjectId } },
              { subjectId: after.subjectId, purpose: { gt: after.purpose } },
            ],
          }),
        },
        orderBy: [{ subjectId: "asc" }, { purpose: "asc" }],
        take: pageSize,
      }),
    (row): Key => ({ subjectId: row.subjectId, purpose: row.purpose }),
    pageSize,
  );
  for await (const c of rows) {
    yield {
      section: "consent_state",
      provided: false,
      data: {
        purpose: c.purpose,
        status: c.status,
        lawfulBasis: c.lawfulBasis,
        since: iso(c.since),
        updatedAt: iso(c.updatedAt),
      },
    };
  }
}

async function* requests({ db, scope, pageSize, references }: SectionContext): AsyncGenerator<ExportRecord> {
  const rows = keysetPages(
    (after: string | undefined) =>
      db.rightsRequest.findMany({
        where: { ...requestWhere(scope), ...afterId(after) },
        orderBy: { id: "asc" },
        take: pageSize,
      }),
    rowId,
    pageSize,
  );
  for await (const r of rows) {
    // Request ids are few per person: kept to reach the rows that hang off the requests.
    references.set(r.id, r.reference);
    yield {
      section: "rights_requests",
      // What the shopper asked, except an erasure the shop filed itself (its retention sweep).
      provided: r.channel !== "retention",
      data: {
        id: r.id,
        reference: r.reference,
        type: r.type,
        channel: r.channel,
        state: r.state,
        details: json(r.details),
        requesterEmail: r.requesterEmail,
        requesterName: r.requesterName,
        message: r.message,
        locale: r.locale,
        receivedAt: iso(r.receivedAt),
        identityLevel: r.identityLevel,
        identityVerifiedAt: iso(r.identityVerifiedAt),
        extensionMonths: r.extensionMonths,
        extensionReason: r.extensionReason,
        extensionNotifiedAt: iso(r.extensionNotifiedAt),
        closedAt: iso(r.closedAt),
        refusalGround: r.refusalGround,
        refusalExplanation: r.refusalExplanation,
        answerNote: r.answerNote,
        shopifyCustomerId: r.shopifyCustomerId,
        orderIds: json(r.orderIds),
      },
    };
  }
}

/**
 * The restrictions of processing in force or past (GDPR art. 18, 15(1)): the ground and its
 * provision, the state, when it was granted, when its lift was decided and took effect.
 */
async function* restrictions({
  db,
  scope,
  pageSize,
  references,
}: SectionContext): AsyncGenerator<ExportRecord> {
  const rows = keysetPages(
    (after: string | undefined) =>
      db.restriction.findMany({
        where: { shopId: scope.shopId, subjectId: { in: scope.linkedIds }, ...afterId(after) },
        orderBy: { id: "asc" },
        take: pageSize,
        include: { request: { select: { reference: true } } },
      }),
    rowId,
    pageSize,
  );
  for await (const r of rows) {
    yield {
      section: "restrictions",
      // The person asked for it; the state and dates are the shop's acts.
      provided: false,
      data: {
        id: r.id,
        requestReference: references.get(r.requestId) ?? r.request.reference,
        ground: r.ground,
        basis: RESTRICTION_GROUND_BASIS[r.ground as RestrictionGround] ?? null,
        status: r.status,
        grantedAt: iso(r.grantedAt),
        liftDecidedAt: iso(r.liftDecidedAt),
        liftedAt: iso(r.liftedAt),
      },
    };
  }
}
