// The export sections that hang off the subject's requests and address: identity checks, e-mails,
// payment checks, the audit trail and legal holds. Same paging as the rest of the export.
import type { Db } from "~/db/client.server";
import type { ExportRecord } from "~/domain/systems";
import { afterId, chunks, iso, json, keysetPages, rowId } from "./pages";
import { emailWhere, paymentCheckWhere, type VigieScope } from "./scope.server";

/** What every export section reads with; `references` maps the subject's request ids to references. */
export type SectionContext = {
  db: Db;
  scope: VigieScope;
  pageSize: number;
  references: Map<string, string>;
};

// IN lists stay well under SQLite's and PostgreSQL's bound-parameter limits.
const IN_LIST_MAX = 500;

type LegalHoldRow = Record<string, unknown> & { id: string };
type LegalHoldDelegate = {
  findMany(args: {
    where: Record<string, unknown>;
    orderBy: { id: "asc" };
    take: number;
    select: Record<string, true>;
  }): Promise<LegalHoldRow[]>;
};

/** The LegalHold model when this build's client has it (it came with erasure orchestration). */
export function legalHoldDelegate(db: Db): LegalHoldDelegate | null {
  const delegate = (db as unknown as { legalHold?: Partial<LegalHoldDelegate> }).legalHold;
  return typeof delegate?.findMany === "function" ? (delegate as LegalHoldDelegate) : null;
}

/** Identity checks, e-mails, payment checks, audit events and legal holds, in that order. */
export async function* exportLinkedRecords(context: SectionContext): AsyncGenerator<ExportRecord> {
  const { db, scope, pageSize, references } = context;
  const requestIds = [...references.keys()];
  const pages = <Row extends { id: string }>(fetch: (after: string | undefined) => Promise<Row[]>) =>
    keysetPages(fetch, rowId, pageSize);
  const page = { orderBy: { id: "asc" as const }, take: pageSize };

  for (const ids of chunks(requestIds, IN_LIST_MAX)) {
    const rows = pages((a) =>
      db.identityCheck.findMany({ where: { requestId: { in: ids }, ...afterId(a) }, ...page }),
    );
    for await (const c of rows) {
      // Never the code hash nor the document hash: secrets of the check, not facts about the person.
      yield {
        section: "identity_checks",
        provided: false,
        data: {
          request: references.get(c.requestId) ?? null,
          method: c.method,
          status: c.status,
          createdAt: iso(c.createdAt),
          decidedAt: iso(c.decidedAt),
        },
      };
    }
  }

  const emailIds: string[] = [];
  const emails = pages((a) =>
    db.outboxEmail.findMany({ where: { ...emailWhere(scope, requestIds), ...afterId(a) }, ...page }),
  );
  for await (const e of emails) {
    emailIds.push(e.id);
    // The text part is the shop's message to the subject (GDPR art. 15(1)); the HTML part says the same.
    yield {
      section: "emails",
      provided: false,
      data: {
        id: e.id,
        request: e.requestId ? (references.get(e.requestId) ?? null) : null,
        template: e.template,
        locale: e.locale,
        to: e.to,
        subject: e.subject,
        text: e.text,
        status: e.status,
        createdAt: iso(e.createdAt),
        sentAt: iso(e.sentAt),
      },
    };
  }

  const checkIds: string[] = [];
  const checks = pages((a) =>
    db.paymentCheck.findMany({ where: { ...paymentCheckWhere(scope), ...afterId(a) }, ...page }),
  );
  for await (const p of checks) {
    checkIds.push(p.id);
    // The documents themselves are deleted at decision; only their hashes were ever kept.
    yield {
      section: "payment_checks",
      provided: false,
      data: {
        id: p.id,
        reason: p.reason,
        status: p.status,
        orderRef: p.orderRef,
        requestedDocuments: json(p.requestedDocuments),
        documentSha256s: json(p.documentSha256s),
        createdAt: iso(p.createdAt),
        decidedAt: iso(p.decidedAt),
      },
    };
  }

  const targets: [string, string[]][] = [
    ["subject", scope.linkedIds],
    ["request", requestIds],
    ["email", emailIds],
    ["payment_check", checkIds],
  ];
  for (const [targetType, all] of targets) {
    for (const ids of chunks(all, IN_LIST_MAX)) {
      const where = { shopId: scope.shopId, targetType, targetId: { in: ids } };
      const rows = pages((a) => db.auditEvent.findMany({ where: { ...where, ...afterId(a) }, ...page }));
      for await (const a of rows) {
        // Ids and codes only by design; the staff member's id is someone else's data (art. 15(4)).
        yield {
          section: "audit",
          provided: false,
          data: {
            action: a.action,
            actorType: a.actorType,
            targetType: a.targetType,
            targetId: a.targetId,
            at: iso(a.createdAt),
          },
        };
      }
    }
  }

  yield* legalHolds(context, requestIds);
}

async function* legalHolds(context: SectionContext, requestIds: string[]): AsyncGenerator<ExportRecord> {
  const { db, scope, pageSize, references } = context;
  const holds = legalHoldDelegate(db);
  if (!holds) return;
  // Never the sealed archive: the held values are named by their scope (GDPR art. 15(1)(d)).
  const select = {
    id: true,
    requestId: true,
    system: true,
    scope: true,
    basis: true,
    expiresAt: true,
    releasedAt: true,
    createdAt: true,
  } as const;
  const date = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  for (const ids of chunks(requestIds, IN_LIST_MAX)) {
    const rows = keysetPages(
      (a: string | undefined) =>
        holds.findMany({
          where: { shopId: scope.shopId, requestId: { in: ids }, ...afterId(a) },
          orderBy: { id: "asc" },
          take: pageSize,
          select,
        }),
      rowId,
      pageSize,
    );
    for await (const h of rows) {
      yield {
        section: "legal_holds",
        provided: false,
        data: {
          request: references.get(String(h.requestId)) ?? null,
          system: h.system,
          scope: typeof h.scope === "string" ? json(h.scope) : h.scope,
          basis: h.basis,
          expiresAt: date(h.expiresAt),
          releasedAt: date(h.releasedAt),
          createdAt: date(h.createdAt),
        },
      };
    }
  }
}
