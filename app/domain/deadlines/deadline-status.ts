import { AppError } from "../errors";
import { computeDeadline, type DeadlineInput } from "./due-date";
import { DEFAULT_TIME_ZONE, daysBetween, type LocalDate, toLocalDate } from "./local-date";

export type DeadlineStatus = "on_track" | "due_soon" | "overdue" | "paused";

/** `daysLeft` counts calendar days from today to the due date: 0 on the due day, negative once overdue. */
export type DeadlineStatusResult = {
  status: DeadlineStatus;
  daysLeft: number;
  dueDate: LocalDate;
  today: LocalDate;
};

export const DEFAULT_DUE_SOON_DAYS = 7;

/**
 * Where an open request stands at `now`. `paused` wins while an open pause counts (days left then stay frozen);
 * otherwise `overdue` after the due day, `due_soon` within `dueSoonDays` (inclusive), else `on_track`.
 */
export function deadlineStatus(
  input: DeadlineInput & { now: Date },
  options: { dueSoonDays?: number } = {},
): DeadlineStatusResult {
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) {
    throw new AppError("INVALID_THRESHOLD", "dueSoonDays must be a whole number of days, zero or more");
  }
  const deadline = computeDeadline(input);
  const today = toLocalDate(input.now, input.timeZone ?? DEFAULT_TIME_ZONE);
  const daysLeft = daysBetween(today, deadline.dueDate);
  // The answer is on time until the end of the due day (Regulation 1182/71 art. 3(2)(c): "expiry of the last hour").
  const status: DeadlineStatus = deadline.paused
    ? "paused"
    : daysLeft < 0
      ? "overdue"
      : daysLeft <= dueSoonDays
        ? "due_soon"
        : "on_track";
  return { status, daysLeft, dueDate: deadline.dueDate, today };
}
