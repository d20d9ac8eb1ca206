// The one way to write dates and times for people, in their language (docs/decisions/065): a date
// ("8 janvier 2026"), a date and time with its zone, a deadline seen from today ("dans 5 jours —
// 8 janvier"). Calendar dates of the shop ("YYYY-MM-DD") are written as they are; instants in the
// shop's zone. No other module formats dates for people (format-date.guard.test.ts). Client-safe.
import type { ShopperLocale as Locale } from "./locale";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    cache.set(key, found);
  }
  return found;
}

export type DateLength = "short" | "medium" | "long";

/** Where no zone is given: the zone a shop has until Shopify gives its own. */
const FALLBACK_ZONE = "Europe/Paris";

/** The calendar day, time and zone name of an instant in `timeZone`. */
function wallClock(locale: Locale, instant: Date, timeZone: string) {
  const parts = formatter("en-US" as Locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const zone =
    formatter(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}:${part("minute")}`,
    seconds: part("second"),
    zone,
  };
}

/**
 * A calendar date of the shop ("2026-01-08") as "8 janvier 2026" / "8 January 2026": never shifted
 * by a zone. `length` is accepted for older callers: there is one format for a date.
 */
export function formatLocalDate(locale: Locale, local: string, _length?: DateLength): string {
  return spellLocalDate(local, locale);
}

/**
 * An instant as date and time with its zone: "8 janvier 2026 à 14:05 UTC+1" / "8 January 2026,
 * 14:05 GMT+1" ("—" when there is none). In the shop's zone: pass it (useDates() does).
 */
export function formatDateTime(
  locale: Locale,
  instant: string | Date | null,
  options: { length?: DateLength; seconds?: boolean; timeZone?: string } = {},
): string {
  if (instant === null) return "—";
  const { seconds = false, timeZone = FALLBACK_ZONE } = options;
  const clock = wallClock(locale, new Date(instant), timeZone);
  const time = seconds ? `${clock.time}:${clock.seconds}` : clock.time;
  const day = spellLocalDate(clock.date, locale);
  return locale === "fr" ? `${day} à ${time} ${clock.zone}` : `${day}, ${time} ${clock.zone}`;
}

/** An instant as the date it is in `timeZone`: "8 janvier 2026" / "8 January 2026". */
export function formatDate(
  locale: Locale,
  instant: string | Date,
  options: { length?: DateLength; timeZone?: string } = {},
): string {
  return spellLocalDate(wallClock(locale, new Date(instant), options.timeZone ?? FALLBACK_ZONE).date, locale);
}

/** A month of a chart ("2026-01") as "janv. 26" / "Jan 26". */
export function formatMonth(locale: Locale, month: string): string {
  return formatter(locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DEADLINE: Record<
  Locale,
  { today: string; tomorrow: string; ahead: (n: number) => string; late: (n: number) => string }
> = {
  en: {
    today: "today",
    tomorrow: "tomorrow",
    ahead: (n) => `in ${n} days`,
    late: (n) => (n === 1 ? "1 day late" : `${n} days late`),
  },
  fr: {
    today: "aujourd'hui",
    tomorrow: "demain",
    ahead: (n) => `dans ${n} jours`,
    late: (n) => (n === 1 ? "1 jour de retard" : `${n} jours de retard`),
  },
  de: {
    today: "heute",
    tomorrow: "morgen",
    ahead: (n) => `in ${n} Tagen`,
    late: (n) => (n === 1 ? "1 Tag verspätet" : `${n} Tage verspätet`),
  },
  es: {
    today: "hoy",
    tomorrow: "mañana",
    ahead: (n) => `dentro de ${n} días`,
    late: (n) => (n === 1 ? "1 día de retraso" : `${n} días de retraso`),
  },
  it: {
    today: "oggi",
    tomorrow: "domani",
    ahead: (n) => `tra ${n} giorni`,
    late: (n) => (n === 1 ? "1 giorno di ritardo" : `${n} giorni di ritardo`),
  },
};

/**
 * A deadline (a calendar date of the shop) seen from `today` (the shop's calendar day): "in 5 days —
 * 8 January" / « dans 5 jours — 8 janvier », "3 days late — 2 January"; the year only when it is
 * not this one.
 */
export function formatDeadline(locale: Locale, due: string, today: string): string {
  const days = dayCount(today, due);
  const words = DEADLINE[locale];
  const when =
    days === 0 ? words.today : days === 1 ? words.tomorrow : days > 1 ? words.ahead(days) : words.late(-days);
  const date = spellLocalDate(due, locale);
  // The year only when it is not this one ("28 de diciembre de 2026" → "28 de diciembre").
  const shown = due.slice(0, 4) === today.slice(0, 4) ? date.replace(/\s+(de\s+)?\d{4}$/, "") : date;
  return `${when} — ${shown}`;
}

/** True when the deadline has passed (for a tone, an icon). */
export function isDeadlinePast(due: string, today: string): boolean {
  return dayCount(today, due) < 0;
}

/** The day `instant` is in `timeZone` ("2026-01-08"): a page's "today" for formatDeadline. */
export function localDay(instant: Date, timeZone: string): string {
  return wallClock("en", instant, timeZone).date;
}

/** Every way of writing time for one reader, bound to the shop's zone and calendar day. */
export function dateFormatter(locale: Locale, timeZone: string, today: string) {
  return {
    timeZone,
    today,
    date: (instant: string | Date) => formatDate(locale, instant, { timeZone }),
    day: (local: string) => formatLocalDate(locale, local),
    dateTime: (instant: string | Date | null, seconds = false) =>
      formatDateTime(locale, instant, { timeZone, seconds }),
    deadline: (due: string) => formatDeadline(locale, due, today),
    month: (month: string) => formatMonth(locale, month),
  };
}
export type DateFormatter = ReturnType<typeof dateFormatter>;

const MONTHS: Record<Locale, readonly string[]> = {
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  de: [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
  ],
  es: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
  it: [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
  ],
};

/**
 * A legal date written out: "26 décembre 2026", "1er mars 2027" / "26 December 2026" /
 * "26. Dezember 2026" / "26 de diciembre de 2026" / "1º marzo 2027". Spelt by hand
 * rather than with Intl so the text never depends on the ICU data of the machine that renders it.
 */
export function spellLocalDate(date: string, locale: Locale): string {
  const year = Number(date.slice(0, 4));
  const month = MONTHS[locale][Number(date.slice(5, 7)) - 1];
  const day = Number(date.slice(8, 10));
  if (locale === "de") return `${day}. ${month} ${year}`;
  if (locale === "es") return `${day} de ${month} de ${year}`;
  const dayText = day === 1 && locale === "fr" ? "1er" : day === 1 && locale === "it" ? "1º" : String(day);
  return `${dayText} ${month} ${year}`;
}
