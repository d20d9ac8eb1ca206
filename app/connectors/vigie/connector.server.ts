// The Vigie connector: Vigie's own store (subjects, consent ledger, requests, e-mails, checks,
// audit) as one of the systems a rights request reaches, for one shop. Every query is scoped by
// the shop's id. See docs/decisions/020-vigie-store-erasure.md.
import {
  type ApplyConsentResult,
  type Connector,
  ConnectorError,
  type ReadConsentResult,
  type RectifyResult,
  type SubjectRef,
} from "~/connectors/connector";
import type { Db } from "~/db/client.server";
import type { Profile, RequestedChanges } from "~/domain/rectification/rectification";
import type { ErasureReceipt, ErasureStep, ExportRecord } from "~/domain/systems";
import { parseVigieStepId, planVigieErasure } from "./erasure-plan.server";
import { executeVigieStep } from "./erasure-steps.server";
import { exportVigieSubject } from "./export.server";
import { DEFAULT_PAGE_SIZE } from "./pages";
import { resolveScope } from "./scope.server";

/** What createVigieConnector takes. */
export type VigieConnectorOptions = {
  db: Db;
  /** The shop whose data this connector reads and erases; nothing of another shop is ever touched. */
  shopId: string;
  /** Rows per export query (default 200). */
  pageSize?: number;
  now?: () => Date;
};

/** A database failure, named without its message (Prisma messages may quote the values queried). */
function storeError(operation: string, error: unknown): ConnectorError {
  const code = (error as { code?: unknown })?.code;
  const name = error instanceof Error ? error.name : "Error";
  return new ConnectorError(
    "vigie",
    `${operation} failed: ${name}${typeof code === "string" ? ` ${code}` : ""}`,
    true,
  );
}

/** A Connector over Vigie's own database for one shop. */
export function createVigieConnector(options: VigieConnectorOptions): Connector {
  const { db, shopId } = options;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));
  const now = options.now ?? (() => new Date());

  return {
    name: "vigie",

    async testConnection() {
      try {
        const shop = await db.shop.findUnique({ where: { id: shopId }, select: { id: true } });
        return shop ? { ok: true } : { ok: false, detail: "The shop is not in Vigie's database." };
      } catch (error) {
        return { ok: false, detail: storeError("database", error).message };
      }
    },

    async locate(subject: SubjectRef) {
      const { subjectIds } = await resolveScope(db, shopId, subject);
      return { found: subjectIds.length > 0, refs: subjectIds };
    },

    exportSubject(subject: SubjectRef): AsyncIterable<ExportRecord> {
      return exportVigieSubject(db, shopId, subject, pageSize);
    },

    planErasure(subject: SubjectRef): Promise<ErasureStep[]> {
      return planVigieErasure(db, shopId, subject);
    },

    async executeErasureStep(subject: SubjectRef, step: ErasureStep): Promise<ErasureReceipt> {
      const kind = parseVigieStepId(subject, step.id);
      if (!kind) {
        return { stepId: step.id, outcome: "failed", detail: "not a Vigie step of this subject", at: now() };
      }
      // A step the orchestrator turned into "keep" (a legal hold) is not executed.
      if (step.action === "keep") {
        return { stepId: step.id, outcome: "held", detail: "kept under a legal hold", at: now() };
      }
      try {
        const { outcome, detail } = await executeVigieStep(db, shopId, subject, kind);
        return { stepId: step.id, outcome, detail, at: now() };
      } catch (error) {
        throw storeError(`erasure step ${kind}`, error);
      }
    },

    async readConsent(subject: SubjectRef): Promise<ReadConsentResult> {
      const { subjectIds } = await resolveScope(db, shopId, subject);
      if (subjectIds.length === 0) return { status: "not_found" };
      // The ref's own row first; among duplicates, the most recently changed state.
      const states = await db.consentState.findMany({
        where: { shopId, subjectId: { in: subjectIds }, purpose: "newsletter" },
        orderBy: { updatedAt: "desc" },
        take: 100,
      });
      const state = states.find((s) => s.subjectId === subject.subjectId) ?? states[0];
      // No state, or "never": Vigie holds no consent for them, which is not a subscription.
      if (!state) return { status: "unsubscribed" };
      const changedAt = state.since ?? state.updatedAt;
      return { status: state.status === "subscribed" ? "subscribed" : "unsubscribed", changedAt };
    },

    async applyConsent(): Promise<ApplyConsentResult> {
      // Vigie's ledger is written by the consent services with their proof, never by a sync.
      return {
        outcome: "not_supported",
        detail: "Vigie's consent ledger is written by its consent services",
      };
    },

    async readProfile(subject: SubjectRef): Promise<Profile | null> {
      const row = await db.subject.findFirst({
        where: { id: subject.subjectId, shopId },
        select: { email: true, phone: true },
      });
      return row ? { email: row.email, phone: row.phone } : null;
    },

    // GDPR art. 16: the subject's address and phone, and the address the person's requests are
    // answered at (every request of theirs still open or not: the answer of this one included).
    async rectify(subject: SubjectRef, changes: RequestedChanges): Promise<RectifyResult> {
      const data = {
        ...(changes.email !== undefined && { email: changes.email }),
        ...(changes.phone !== undefined && { phone: changes.phone }),
      };
      if (Object.keys(data).length === 0) return { outcome: "already" };
      try {
        return await db.$transaction(async (tx) => {
          const { count } = await tx.subject.updateMany({ where: { id: subject.subjectId, shopId }, data });
          if (count === 0) return { outcome: "not_found" as const };
          if (changes.email !== undefined)
            await tx.rightsRequest.updateMany({
              where: { shopId, subjectId: subject.subjectId },
              data: { requesterEmail: changes.email, requesterEmailKey: changes.email },
            });
          return { outcome: "applied" as const };
        });
      } catch (error) {
        throw storeError("rectification", error);
      }
    },
  };
}
