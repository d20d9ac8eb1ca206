// The plan of an erasure in Vigie's own store: what each step would touch, read without writing
// (the dry run staff approve). Steps run in this order; the Subject row goes last, once nothing
// that points at it is left to find through it.
import type { SubjectRef } from "~/connectors/connector";
import type { Db } from "~/db/client.server";
import type { ErasureStep } from "~/domain/systems";
import {
  consentEventWhere,
  emailWhere,
  paymentCheckWhere,
  requestIdsOf,
  resolveScope,
  type VigieScope,
} from "./scope.server";

/** The steps, in execution order. */
export const VIGIE_STEP_KINDS = [
  "pseudonymise-consent",
  "delete-consent-state",
  "delete-emails",
  "delete-identity",
  "pseudonymise-requests",
  "delete-payment-checks",
  "pseudonymise-audit",
  "delete-subject",
] as const;
export type VigieStepKind = (typeof VIGIE_STEP_KINDS)[number];

/** Consent event columns that identify the person; the hash never covered them (ADR 011). */
export const CONSENT_PERSONAL_FIELDS = [
  "salt",
  "subjectId",
  "email",
  "visitorId",
  "shopifyCustomerId",
  "orderId",
  "ipPrefix",
  "userAgent",
  "actor",
] as const;
/** Request columns emptied; reference, type, channel, state, dates and outcome stay. */
export const REQUEST_PERSONAL_FIELDS = [
  "requesterEmail",
  "requesterEmailKey",
  "requesterName",
  "message",
  "answerNote",
  "shopifyCustomerId",
  "orderIds",
  "subjectId",
  "details (free texts)",
] as const;
export const IDENTITY_LEFTOVER_FIELDS = ["codeHash", "reason", "documentSha256"] as const;
export const PAYMENT_CHECK_PERSONAL_FIELDS = [
  "email",
  "orderRef",
  "chargeId",
  "paymentIntentId",
  "documentSha256s",
] as const;

/** The subject part of step ids: Vigie's subject id, stable across re-plans. */
function subjectKey(ref: SubjectRef): string {
  return ref.subjectId || "no-subject";
}

/** `vigie:<subjectId>:<kind>`: the step's idempotency key. */
export function vigieStepId(ref: SubjectRef, kind: VigieStepKind): string {
  return `vigie:${subjectKey(ref)}:${kind}`;
}

/** The step's kind when `stepId` is a step of this subject's plan; null otherwise. */
export function parseVigieStepId(ref: SubjectRef, stepId: string): VigieStepKind | null {
  const prefix = `vigie:${subjectKey(ref)}:`;
  if (!stepId.startsWith(prefix)) return null;
  const kind = stepId.slice(prefix.length);
  return (VIGIE_STEP_KINDS as readonly string[]).includes(kind) ? (kind as VigieStepKind) : null;
}

type Counts = Record<VigieStepKind, number>;

async function countTargets(db: Db, scope: VigieScope): Promise<Counts> {
  const requestIds = await requestIdsOf(db, scope);
  const checks = await db.identityCheck.count({ where: { requestId: { in: requestIds } } });
  return {
    "pseudonymise-consent": await db.consentEvent.count({ where: consentEventWhere(scope) }),
    "delete-consent-state": await db.consentState.count({
      where: { shopId: scope.shopId, subjectId: { in: scope.linkedIds } },
    }),
    "delete-emails": await db.outboxEmail.count({ where: emailWhere(scope, requestIds) }),
    "delete-identity": checks,
    "pseudonymise-requests": requestIds.length,
    "delete-payment-checks": await db.paymentCheck.count({ where: paymentCheckWhere(scope) }),
    "pseudonymise-audit": await db.auditEvent.count({
      where: { shopId: scope.shopId, targetType: "subject", targetId: { in: scope.linkedIds } },
    }),
    "delete-subject": scope.subjectIds.length,
  };
}

type StepText = Omit<ErasureStep, "id">;

// Targets name counts and tables, never values (they are shown to staff and stored in the plan).
function describe(kind: VigieStepKind, n: number): StepText {
  switch (kind) {
    case "pseudonymise-consent":
      return {
        action: "mask",
        target: `Consent ledger: ${n} event(s) of this subject lose their personal columns and salt; kind, purpose, basis, source, notice, wording, times, seq and hash stay`,
        fields: [...CONSENT_PERSONAL_FIELDS],
        reason:
          "GDPR art. 17 with art. 17(3)(e), 7(1) and 5(2): the proof that a consent with this wording existed is kept, unlinkable; the chain still verifies and without the salt the commitment cannot be matched (ADR 011)",
      };
    case "delete-consent-state":
      return { action: "delete", target: `${n} derived consent state(s)` };
    case "delete-emails":
      return {
        action: "delete",
        target: `${n} e-mail(s) Vigie wrote to the subject (bodies included); the answer to this request is written after the erasure`,
      };
    case "delete-identity":
      return {
        action: "mask",
        target: `${n} identity check(s) of the subject's requests: code hashes, staff reasons and document hashes erased, any document still stored deleted; method, status and decision kept`,
        fields: [...IDENTITY_LEFTOVER_FIELDS],
        reason:
          "GDPR art. 5(2), 12(6): that identity was checked, how and when stays provable; nothing that identifies the person does",
      };
    case "pseudonymise-requests":
      return {
        action: "mask",
        target: `${n} rights request(s): who asked and what they wrote erased; reference, type, channel, state, dates and outcome kept`,
        fields: [...REQUEST_PERSONAL_FIELDS],
        reason:
          "GDPR art. 5(2), 12, 30: the shop must be able to show that each request was answered, and when (the CNIL recommends keeping request records)",
      };
    case "delete-payment-checks":
      return {
        action: "mask",
        target: `${n} payment check(s) for the subject's address: contact, order and payment references and document hashes erased, any document still stored deleted; Stripe object id, reason, status and decision kept`,
        fields: [...PAYMENT_CHECK_PERSONAL_FIELDS],
        reason:
          "GDPR art. 17(3)(e), recital 47: a fraud decision (order cleared or refused) may have to be defended; the Stripe object id also stops a replayed Stripe event from reopening the check and writing to the subject again",
      };
    case "pseudonymise-audit":
      return {
        action: "mask",
        target: `${n} audit event(s) naming the subject: the subject id and its salt erased; action, actor, time and the chain's hashes kept`,
        fields: ["targetId", "targetSalt"],
        reason: "GDPR art. 5(2): the log shows what was done and by whom, no longer to whom",
      };
    case "delete-subject":
      return {
        action: "delete",
        target: `${n} subject record(s) (e-mail, phone, locale, Shopify id, dates); one-way keys of the address and Shopify id kept`,
        reason:
          "GDPR art. 17(1), 5(1)(c): Shopify keeps guest orders and erases an account up to 180 days later; the salted hashes, kept 10 years, stop the next backfill or customer update from bringing the person back (ADR 084)",
      };
  }
}

/**
 * The erasure plan for the subject in one shop: every step in execution order, or none when
 * Vigie holds nothing about them. Reads only.
 */
export async function planVigieErasure(db: Db, shopId: string, ref: SubjectRef): Promise<ErasureStep[]> {
  const scope = await resolveScope(db, shopId, ref);
  const counts = await countTargets(db, scope);
  if (Object.values(counts).every((n) => n === 0)) return [];
  return VIGIE_STEP_KINDS.map((kind) => ({ id: vigieStepId(ref, kind), ...describe(kind, counts[kind]) }));
}
