import { AppError } from "../errors";
import { type HolidayOptions, nextWorkingDayOnOrAfter } from "./french-holidays";
import {
  addDays,
  addMonths,
  compareLocalDates,
  DEFAULT_TIME_ZONE,
  type LocalDate,
  toLocalDate,
} from "./local-date";
import { type LocalPause, type PauseSpan, pausedCalendarDays, toLocalPauses } from "./pauses";

/** A decided extension: how many further months, the written reason, and when the requester was told. */
export type ExtensionDecision = { months: number; reason: string; notifiedAt: Date };

/** Everything the deadline depends on. `now` is needed only while a pause is open. */
export type DeadlineInput = {
  receivedAt: Date;
  timeZone?: string;
  pauses?: readonly PauseSpan[];
  extensions?: readonly ExtensionDecision[];
  now?: Date;
  holidays?: HolidayOptions;
};

/**
 * `firstDueDate` is the one-month deadline (the limit for notifying an extension); `dueDate` includes extensions.
 * Both are the last day on which the answer is on time. `paused` is true while an open pause is being counted; the
 * due dates are then provisional and move forward by one day for every further paused day.
 */
export type Deadline = {
  receivedOn: LocalDate;
  firstDueDate: LocalDate;
  dueDate: LocalDate;
  pausedDays: number;
  extensionMonths: number;
  paused: boolean;
};

/** At most two further months may be added to the first one. */
export const MAX_EXTENSION_MONTHS = 2;

type Period = { dueDate: LocalDate; pausedDays: number; paused: boolean };

function runPeriod(
  receivedOn: LocalDate,
  months: number,
  pauses: LocalPause[],
  holidays: HolidayOptions,
): Period {
  // GDPR art. 12(3) with Regulation 1182/71 art. 3(2)(c): the period ends on the same date `months` later.
  const end = addMonths(receivedOn, months);
  let pausedDays = 0;
  let paused = false;
  let dueDate = nextWorkingDayOnOrAfter(end, holidays);
  for (const pause of pauses) {
    // A suspension can only stop a period that is still running; a pause begun after expiry changes nothing.
    if (compareLocalDates(pause.from, dueDate) > 0) break;
    pausedDays += pausedCalendarDays(pause);
    paused = pause.open;
    // Paused days go onto the calendar end before the roll-over, never onto an already rolled-over date.
    dueDate = nextWorkingDayOnOrAfter(addDays(end, pausedDays), holidays);
  }
  return { dueDate, pausedDays, paused };
}

function checkExtensions(
  extensions: readonly ExtensionDecision[],
  receivedAt: Date,
  firstDueDate: LocalDate,
  timeZone: string,
): number {
  let total = 0;
  for (const extension of extensions) {
    // GDPR art. 12(3): the data subject is told of the extension "together with the reasons for the delay".
    if (extension.reason.trim() === "") {
      throw new AppError("EXTENSION_REASON_REQUIRED", "An extension needs a written reason");
    }
    if (!Number.isInteger(extension.months) || extension.months < 1) {
      throw new AppError(
        "EXTENSION_INVALID_MONTHS",
        "An extension is a whole number of months, at least one",
      );
    }
    if (extension.notifiedAt.getTime() < receivedAt.getTime()) {
      throw new AppError("EXTENSION_BEFORE_RECEIPT", "An extension cannot be notified before receipt");
    }
    // GDPR art. 12(3): the extension must be notified "within one month of receipt of the request".
    if (compareLocalDates(toLocalDate(extension.notifiedAt, timeZone), firstDueDate) > 0) {
      throw new AppError("EXTENSION_TOO_LATE", `Extensions must be notified by ${firstDueDate}`);
    }
    total += extension.months;
  }
  // GDPR art. 12(3): "by two further months", so never more than three months in all.
  if (total > MAX_EXTENSION_MONTHS) {
    throw new AppError("EXTENSION_TOO_LONG", `Extensions total ${total} months; at most two are allowed`);
  }
  return total;
}

/**
 * The legal deadline of a rights request: receipt date (in the shop's time zone) + one calendar month (+ extension
 * months), + paused calendar days, rolled over to the next working day. Validates pauses and every recorded
 * extension, throwing an `AppError` with the matching code.
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const holidays = input.holidays ?? {};
  const receivedOn = toLocalDate(input.receivedAt, timeZone);
  const pauses = toLocalPauses(input.pauses ?? [], {
    receivedAt: input.receivedAt,
    timeZone,
    now: input.now,
  });
  const first = runPeriod(receivedOn, 1, pauses, holidays);
  const extensionMonths = checkExtensions(input.extensions ?? [], input.receivedAt, first.dueDate, timeZone);
  const extended =
    extensionMonths === 0 ? first : runPeriod(receivedOn, 1 + extensionMonths, pauses, holidays);
  return {
    receivedOn,
    firstDueDate: first.dueDate,
    dueDate: extended.dueDate,
    pausedDays: extended.pausedDays,
    extensionMonths,
    paused: extended.paused,
  };
}

/**
 * The deadline after adding `extension` to those already recorded in `input`. Throws `EXTENSION_REASON_REQUIRED`,
 * `EXTENSION_TOO_LATE` (notified after the first deadline) or `EXTENSION_TOO_LONG` (over two further months).
 */
export function extendDeadline(input: DeadlineInput, extension: ExtensionDecision): Deadline {
  return computeDeadline({ ...input, extensions: [...(input.extensions ?? []), extension] });
}
