import { AppError } from "../errors";

/** A calendar date in the shop's legal time zone, written "YYYY-MM-DD". Build it with `parseLocalDate` or `toLocalDate`. */
export type LocalDate = string & { readonly __brand: "LocalDate" };

/** The legal time zone used when the shop has not set one. */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

type Parts = { year: number; month: number; day: number };

/** Number of days in `month` (1–12) of `year`, Gregorian rules. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

function format({ year, month, day }: Parts): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as LocalDate;
}

function parts(date: LocalDate): Parts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Validates a "YYYY-MM-DD" string (a real calendar day) and brands it; throws `INVALID_LOCAL_DATE` otherwise. */
export function parseLocalDate(value: string): LocalDate {
  const match = PATTERN.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new AppError("INVALID_LOCAL_DATE", `Not a calendar date: "${value}"`);
  }
  return value as LocalDate;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
  } catch {
    throw new AppError("INVALID_TIME_ZONE", `Unknown time zone: "${timeZone}"`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** True when `timeZone` is an IANA zone name this platform knows ("Europe/Paris", "Pacific/Auckland"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at `instant` (+3_600_000 in Paris in winter). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  formatterFor(timeZone);
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormatters.set(timeZone, formatter);
  }
  const found = new Map(formatter.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const d = new Date(0);
  d.setUTCFullYear(found.get("year") ?? 0, (found.get("month") ?? 1) - 1, found.get("day") ?? 1);
  d.setUTCHours(found.get("hour") ?? 0, found.get("minute") ?? 0, found.get("second") ?? 0, 0);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return d.getTime() - wholeSeconds;
}

/**
 * The instant of noon on `date` in `timeZone`: an instant whose legal date there is `date` whatever the zone's
 * distance from UTC (noon in Auckland is still the previous evening in UTC). Throws `INVALID_TIME_ZONE`.
 */
export function localNoon(date: LocalDate, timeZone: string): Date {
  const wallClock = new Date(`${date}T12:00:00Z`).getTime();
  const first = wallClock - zoneOffsetMs(new Date(wallClock), timeZone);
  // The offset at noon itself may differ from the one 12-14 hours away (a DST change that night).
  return new Date(wallClock - zoneOffsetMs(new Date(first), timeZone));
}

/**
 * The first instant of `date` in `timeZone` (local midnight, or the first instant after it when the
 * zone skips midnight): where a day of the shop's calendar begins. Throws `INVALID_TIME_ZONE`.
 */
export function localStartOfDay(date: LocalDate, timeZone: string): Date {
  const wallClock = new Date(`${date}T00:00:00Z`).getTime();
  const first = wallClock - zoneOffsetMs(new Date(wallClock), timeZone);
  return new Date(wallClock - zoneOffsetMs(new Date(first), timeZone));
}

/**
 * The legal calendar date of `instant` in `timeZone` (IANA name). 23:30 UTC on 31 January is 1 February in Paris.
 * Throws `INVALID_INSTANT` for an invalid Date and `INVALID_TIME_ZONE` for an unknown zone.
 */
export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new AppError("INVALID_INSTANT", "Invalid Date");
  const found = new Map(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return parseLocalDate(
    format({
      year: Number(found.get("year")),
      month: Number(found.get("month")),
      day: Number(found.get("day")),
    }),
  );
}

function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parts(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * DAY_MS);
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` moved by `months` calendar months: the same day number, or the last day of the target month when it has
 * no such day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  // Regulation 1182/71 art. 3(2)(c): a period in months ends on the same date, or the month's last day if none.
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  // Epoch day 0 (1970-01-01) was a Thursday.
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** The Monday of `date`'s week (ISO 8601 weeks begin on Monday). */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

// A browser may add seconds (":00") to a datetime-local value: accepted, then dropped.
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/**
 * The instant a wall-clock time "YYYY-MM-DDTHH:mm" of `timeZone` names (a form's datetime-local).
 * In the hour skipped by a DST change the later offset is used; in the hour lived twice, the first.
 * Throws `INVALID_INSTANT` for a malformed value.
 */
export function localDateTimeToInstant(value: string, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) throw new AppError("INVALID_INSTANT", "expected YYYY-MM-DDTHH:mm");
  parseLocalDate(match[1] as string);
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59) throw new AppError("INVALID_INSTANT", "no such time of day");
  const wallClock = new Date(`${match[1]}T${match[2]}:${match[3]}:00Z`).getTime();
  // The offsets in force half a day either side: a time lived twice matches both, and the earlier
  // instant is the first; a skipped time matches neither.
  const lived = [zoneOffsetMs(new Date(wallClock - 12 * 3_600_000), timeZone)]
    .concat(zoneOffsetMs(new Date(wallClock + 12 * 3_600_000), timeZone))
    .map((offset) => wallClock - offset)
    .filter((instant) => wallClock - zoneOffsetMs(new Date(instant), timeZone) === instant);
  if (lived.length > 0) return new Date(Math.min(...lived));
  const first = wallClock - zoneOffsetMs(new Date(wallClock), timeZone);
  return new Date(wallClock - zoneOffsetMs(new Date(first), timeZone));
}

/** The wall-clock time "YYYY-MM-DDTHH:mm" of `instant` in `timeZone` (to fill a datetime-local field). */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const shifted = new Date(Math.floor(instant.getTime() / 60_000) * 60_000 + zoneOffsetMs(instant, timeZone));
  return shifted.toISOString().slice(0, 16);
}
