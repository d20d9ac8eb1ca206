// When a shopper's data has been kept long enough (GDPR art. 5(1)(e), storage limitation), by the
// shop's published periods (policy §4): customers, N years after their last order; contacts who never
// ordered (newsletter only), M years after their last contact (CNIL: 3 years for prospects).
import { REQUEST_STATES, type RequestState } from "~/domain/requests/request-lifecycle";

export type RetentionPolicy = { customerYearsAfterLastOrder: number; prospectYears: number };

/** The same instant `years` calendar years earlier (29 February becomes 28 February). */
export function yearsBefore(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() - years);
  // Overflowed from 29 February into March: step back to the last day of February.
  if (result.getUTCMonth() !== date.getUTCMonth()) result.setUTCDate(0);
  return result;
}

/** Subjects whose last order, or for those who never ordered, last contact, is before these are due. */
export function retentionCutoffs(now: Date, policy: RetentionPolicy) {
  return {
    customers: yearsBefore(now, policy.customerYearsAfterLastOrder),
    prospects: yearsBefore(now, policy.prospectYears),
  };
}

/** Why one subject is due: a customer (from their last order) or a contact who never ordered. */
export type DueReason = "customer" | "prospect";

/**
 * Whether a subject is due, given its last order and last contact (its own sign-up, consent change or
 * request, whichever came last). Art. 17(3)(e) and art. 12: a request still open keeps it.
 */
export function retentionDue(
  subject: { lastOrderAt: Date | null; lastContactAt: Date; openRequest: boolean },
  cutoffs: ReturnType<typeof retentionCutoffs>,
): DueReason | null {
  if (subject.openRequest) return null;
  if (subject.lastOrderAt) return subject.lastOrderAt < cutoffs.customers ? "customer" : null;
  return subject.lastContactAt < cutoffs.prospects ? "prospect" : null;
}

/** Request states in which work is still owed to the requester. */
export const OPEN_REQUEST_STATES: RequestState[] = REQUEST_STATES.filter((state) =>
  ["received", "identity_check", "in_progress"].includes(state),
);
