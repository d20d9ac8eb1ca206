// Executing one step of a Vigie erasure plan, in one transaction, idempotently: each step selects
// only rows it has not yet changed, so a step run twice (or resumed after a crash) finds nothing
// the second time and answers `not_found`. Details hold counts only, never personal values.
import type { SubjectRef } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";
import type { ErasureReceipt } from "~/domain/systems";
import { recordErasedContacts } from "./erased-contacts.server";
import type { VigieStepKind } from "./erasure-plan.server";
import { chunks } from "./pages";
import {
  consentEventWhere,
  emailWhere,
  paymentCheckWhere,
  requestIdsOf,
  requestWhere,
  resolveScope,
  type VigieScope,
} from "./scope.server";
import { scrubRequestDetails } from "./scrub-details";

type Outcome = Pick<ErasureReceipt, "outcome" | "detail">;

// Rows changed per statement: bounded IN lists, and bounded memory for a long ledger.
const BATCH = 500;

const result = (changed: number, detail: string): Outcome => ({
  outcome: changed > 0 ? "done" : "not_found",
  detail,
});

/** Runs one step for the subject in `shopId`, inside one transaction. */
export async function executeVigieStep(
  db: Db,
  shopId: string,
  ref: SubjectRef,
  kind: VigieStepKind,
): Promise<Outcome> {
  return db.$transaction(async (tx) => {
    const scope = await resolveScope(tx, shopId, ref);
    return STEPS[kind](tx, scope);
  });
}

const STEPS: Record<VigieStepKind, (tx: Tx, scope: VigieScope) => Promise<Outcome>> = {
  // GDPR art. 17 with 17(3)(e): the event stays, unlinkable; its chained fields and hash are untouched.
  async "pseudonymise-consent"(tx, scope) {
    let events = 0;
    let syncs = 0;
    for (;;) {
      const page = await tx.consentEvent.findMany({
        where: consentEventWhere(scope),
        select: { id: true },
        orderBy: { seq: "asc" },
        take: BATCH,
      });
      if (page.length === 0) break;
      const ids = page.map((e) => e.id);
      // A vendor's answer to a sync may quote the address: the outcome code is enough.
      syncs += (
        await tx.consentSync.updateMany({
          where: { eventId: { in: ids }, detail: { not: null } },
          data: { detail: null },
        })
      ).count;
      const changed = (
        await tx.consentEvent.updateMany({
          where: { shopId: scope.shopId, id: { in: ids }, pseudonymised: false },
          data: {
            pseudonymised: true,
            salt: null,
            subjectId: null,
            email: null,
            visitorId: null,
            shopifyCustomerId: null,
            orderId: null,
            ipPrefix: null,
            userAgent: null,
            actor: null,
          },
        })
      ).count;
      if (changed === 0) break;
      events += changed;
    }
    return result(events, `consent events pseudonymised: ${events}; sync details cleared: ${syncs}`);
  },

  async "delete-consent-state"(tx, scope) {
    const { count } = await tx.consentState.deleteMany({
      where: { shopId: scope.shopId, subjectId: { in: scope.linkedIds } },
    });
    return result(count, `consent states deleted: ${count}`);
  },

  // GDPR art. 17(1): the messages to the subject go; the answer to this request is written afterwards.
  async "delete-emails"(tx, scope) {
    const requestIds = await requestIdsOf(tx, scope);
    const { count } = await tx.outboxEmail.deleteMany({ where: emailWhere(scope, requestIds) });
    return result(count, `e-mails deleted: ${count}`);
  },

  // GDPR art. 5(2), 12(6): the decision stays provable; codes, reasons and document traces go.
  async "delete-identity"(tx, scope) {
    const requestIds = await requestIdsOf(tx, scope);
    let masked = 0;
    let documents = 0;
    for (const ids of chunks(requestIds, BATCH)) {
      const checks = await tx.identityCheck.findMany({
        where: { requestId: { in: ids } },
        select: { id: true },
      });
      const checkIds = checks.map((c) => c.id);
      documents += (
        await tx.document.deleteMany({
          // Proofs may hang off the check or the request (heir proofs): either id is matched.
          where: {
            shopId: scope.shopId,
            ownerType: { in: ["identity_check", "heir_proof"] },
            ownerId: { in: [...checkIds, ...ids] },
          },
        })
      ).count;
      // A check still waiting can never be answered now: it ends as cancelled.
      await tx.identityCheck.updateMany({
        where: { id: { in: checkIds }, status: "pending" },
        data: { status: "cancelled" },
      });
      masked += (
        await tx.identityCheck.updateMany({
          where: {
            id: { in: checkIds },
            OR: [{ codeHash: { not: null } }, { reason: { not: null } }, { documentSha256: { not: null } }],
          },
          data: { codeHash: null, reason: null, documentSha256: null },
        })
      ).count;
    }
    return result(masked + documents, `identity checks masked: ${masked}; documents deleted: ${documents}`);
  },

  // GDPR art. 5(2), 30: the record that a request was made and answered stays; who made it goes.
  async "pseudonymise-requests"(tx, scope) {
    const rows = await tx.rightsRequest.findMany({
      where: requestWhere(scope),
      select: { id: true, details: true },
      orderBy: { id: "asc" },
    });
    for (const row of rows) {
      await tx.rightsRequest.update({
        where: { id: row.id },
        data: {
          requesterEmail: null,
          requesterEmailKey: null,
          requesterName: null,
          message: null,
          answerNote: null,
          shopifyCustomerId: null,
          orderIds: "[]",
          subjectId: null,
          details: scrubRequestDetails(row.details),
        },
        select: { id: true },
      });
    }
    return result(rows.length, `requests pseudonymised: ${rows.length}`);
  },

  // GDPR art. 17(3)(e): the fraud decision stays, keyed by the Stripe object; the person goes.
  async "delete-payment-checks"(tx, scope) {
    const checks = await tx.paymentCheck.findMany({
      where: paymentCheckWhere(scope),
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const ids = checks.map((c) => c.id);
    let documents = 0;
    for (const batch of chunks(ids, BATCH)) {
      documents += (
        await tx.document.deleteMany({
          where: { shopId: scope.shopId, ownerType: "payment_check", ownerId: { in: batch } },
        })
      ).count;
      await tx.paymentCheck.updateMany({
        where: { shopId: scope.shopId, id: { in: batch } },
        data: { email: null, orderRef: null, chargeId: null, paymentIntentId: null, documentSha256s: "[]" },
      });
    }
    return result(ids.length, `payment checks masked: ${ids.length}; documents deleted: ${documents}`);
  },

  // GDPR art. 5(2): the log keeps what was done, by whom and when; no longer to whom.
  async "pseudonymise-audit"(tx, scope) {
    const { count } = await tx.auditEvent.updateMany({
      where: { shopId: scope.shopId, targetType: "subject", targetId: { in: scope.linkedIds } },
      // The salt goes too: the entry's commitment can no longer be tied to the subject, and the
      // chain still verifies (docs/decisions/053).
      data: { targetId: null, targetSalt: null },
    });
    return result(count, `audit events unlinked: ${count}`);
  },

  // Last: until now the Subject row was how every other step found the subject's rows.
  async "delete-subject"(tx, scope) {
    const { count } = await tx.subject.deleteMany({
      where: { shopId: scope.shopId, id: { in: scope.subjectIds } },
    });
    // What Shopify still holds of them must not bring them back (docs/decisions/084).
    const people = [
      ...scope.emails.map((email) => ({ email })),
      ...scope.shopifyCustomerIds.map((customerId) => ({ customerId })),
    ];
    const keys = await recordErasedContacts(tx, scope.shopId, people, new Date(), count > 0);
    return result(count, `subjects deleted: ${count}; erased contact keys: ${keys}`);
  },
};
