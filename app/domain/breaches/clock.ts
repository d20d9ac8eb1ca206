// The 72-hour clock of a personal-data breach (GDPR art. 33(1)): pure, the time passed in.
import { AppError } from "../errors";

/** GDPR art. 33(1): notify the CNIL "not later than 72 hours after having become aware of it". */
export const NOTIFICATION_WINDOW_HOURS = 72;
const HOUR_MS = 3_600_000;
/** Under this much time left the clock shows "due soon". */
export const DUE_SOON_HOURS = 24;

export type BreachClockStatus =
  | "on_track"
  | "due_soon"
  | "overdue"
  | "notified"
  | "notified_late"
  | "not_required";

export type BreachClock = {
  deadline: Date;
  status: BreachClockStatus;
  /** Milliseconds from `now` (or from the notification) to the deadline; negative once past it. */
  msLeft: number;
};

/**
 * GDPR art. 33(1): the deadline is 72 elapsed hours after awareness, not working days: nights,
 * weekends, public holidays and a DST change all count as the hours they last.
 */
export function notificationDeadline(awareAt: Date): Date {
  if (Number.isNaN(awareAt.getTime())) throw new AppError("INVALID_INSTANT", "Invalid Date");
  return new Date(awareAt.getTime() + NOTIFICATION_WINDOW_HOURS * HOUR_MS);
}

/** GDPR art. 33(1): a notification made after the 72 hours (the deadline itself is still in time). */
export function isLateNotification(awareAt: Date, notifiedAt: Date): boolean {
  return notifiedAt.getTime() > notificationDeadline(awareAt).getTime();
}

/**
 * Where a breach stands at `now`: notified (in time or late), no notification needed (art. 33(1):
 * "unless … unlikely to result in a risk"), or still running: overdue past the deadline.
 */
export function breachClock(input: {
  awareAt: Date;
  now: Date;
  notifiedAt?: Date | null;
  notificationRequired?: boolean | null;
}): BreachClock {
  if (Number.isNaN(input.now.getTime())) throw new AppError("NOW_REQUIRED", "breachClock needs now");
  const deadline = notificationDeadline(input.awareAt);
  if (input.notifiedAt) {
    return {
      deadline,
      status: isLateNotification(input.awareAt, input.notifiedAt) ? "notified_late" : "notified",
      msLeft: deadline.getTime() - input.notifiedAt.getTime(),
    };
  }
  const msLeft = deadline.getTime() - input.now.getTime();
  if (input.notificationRequired === false) return { deadline, status: "not_required", msLeft };
  const status = msLeft < 0 ? "overdue" : msLeft <= DUE_SOON_HOURS * HOUR_MS ? "due_soon" : "on_track";
  return { deadline, status, msLeft };
}

/**
 * Checks the record of a notification to the CNIL before it is kept: not before awareness, not in
 * the future, and, when made after the 72 hours, with the reasons for the delay.
 */
export function assertNotificationRecord(input: {
  awareAt: Date;
  notifiedAt: Date;
  delayReasons?: string | null;
  now: Date;
}) {
  if (Number.isNaN(input.notifiedAt.getTime())) throw new AppError("INVALID_INSTANT", "Invalid Date");
  if (input.notifiedAt.getTime() > input.now.getTime()) {
    throw new AppError("BREACH_NOTIFIED_IN_FUTURE", "notification date after now");
  }
  if (input.notifiedAt.getTime() < input.awareAt.getTime()) {
    throw new AppError("BREACH_NOTIFIED_BEFORE_AWARE", "notification date before awareness");
  }
  // GDPR art. 33(1): "Where the notification … is not made within 72 hours, it shall be accompanied by reasons for the delay."
  if (isLateNotification(input.awareAt, input.notifiedAt) && !input.delayReasons?.trim()) {
    throw new AppError("BREACH_DELAY_REASONS_REQUIRED", "late notification without reasons");
  }
}

/** A duration to show as "in 5 hours" / "3 days ago": the largest unit that reads well. */
export function relativeParts(ms: number): { value: number; unit: "minute" | "hour" | "day" } {
  const minutes = Math.trunc(ms / 60_000);
  if (Math.abs(minutes) < 60) return { value: minutes, unit: "minute" };
  const hours = Math.trunc(ms / HOUR_MS);
  if (Math.abs(hours) < 48) return { value: hours, unit: "hour" };
  return { value: Math.trunc(ms / (24 * HOUR_MS)), unit: "day" };
}
