import { AppError } from "../errors";
import { daysBetween, type LocalDate, toLocalDate } from "./local-date";

/** One span during which the controller waited for identity information. `resumedAt: null` = still paused. */
export type PauseSpan = { pausedAt: Date; resumedAt: Date | null };

/** A pause reduced to legal dates: `to` is the resume date, or today's date while the pause is open. */
export type LocalPause = { from: LocalDate; to: LocalDate; open: boolean };

type PauseContext = { receivedAt: Date; timeZone: string; now?: Date };

function invalid(message: string): AppError {
  return new AppError("INVALID_PAUSE", message);
}

/**
 * Validates pause spans and turns them into legal-date spans sorted by start. Throws `INVALID_PAUSE` when a span
 * starts before receipt, ends before it starts, overlaps another, or an open span is not the last one; throws
 * `NOW_REQUIRED` when a span is open and no `now` is given.
 */
export function toLocalPauses(pauses: readonly PauseSpan[], context: PauseContext): LocalPause[] {
  const { receivedAt, timeZone, now } = context;
  const sorted = [...pauses].sort((a, b) => a.pausedAt.getTime() - b.pausedAt.getTime());
  const result: LocalPause[] = [];
  let previousEnd: Date | null = null;
  sorted.forEach((span, index) => {
    if (span.pausedAt.getTime() < receivedAt.getTime()) throw invalid("A pause cannot start before receipt");
    if (previousEnd && span.pausedAt.getTime() < previousEnd.getTime()) throw invalid("Pause spans overlap");
    let end: Date;
    if (span.resumedAt === null) {
      if (index !== sorted.length - 1) throw invalid("Only the latest pause may still be open");
      if (!now) throw new AppError("NOW_REQUIRED", "An open pause is counted up to `now`, which is missing");
      end = now;
    } else {
      end = span.resumedAt;
    }
    if (end.getTime() < span.pausedAt.getTime()) throw invalid("A pause cannot end before it starts");
    result.push({
      from: toLocalDate(span.pausedAt, timeZone),
      to: toLocalDate(end, timeZone),
      open: span.resumedAt === null,
    });
    previousEnd = end;
  });
  return result;
}

/**
 * Paused calendar days of one span: the number of local midnights it crosses, so a pause opened and closed on the
 * same day shifts nothing and a pause from Friday 18:00 to Monday 09:00 shifts three days, whatever the DST change.
 */
export function pausedCalendarDays(pause: LocalPause): number {
  // Décret 2019-536 (ex-décret 2005-1309 art. 92): art. 12(3) time limits are suspended while identity is awaited.
  return daysBetween(pause.from, pause.to);
}
