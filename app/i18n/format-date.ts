// One way to write dates and times for people, in their language: a calendar date of the shop (a
// deadline, a date of receipt: "YYYY-MM-DD", written as is, never shifted by a time zone) and an
// instant (written in the given zone, the reader's by default). Client-safe.
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

/** A calendar date ("2026-01-08") as "8 janvier 2026" / "January 8, 2026". */
export function formatLocalDate(locale: Locale, local: string, length: DateLength = "long"): string {
  return formatter(locale, { dateStyle: length, timeZone: "UTC" }).format(new Date(`${local}T00:00:00Z`));
}

/** An instant as date and time ("—" when there is none); in `timeZone` when given. */
export function formatDateTime(
  locale: Locale,
  instant: string | Date | null,
  options: { length?: DateLength; seconds?: boolean; timeZone?: string } = {},
): string {
  if (instant === null) return "—";
  const { length = "medium", seconds = false, timeZone } = options;
  return formatter(locale, { dateStyle: length, timeStyle: seconds ? "medium" : "short", timeZone }).format(
    new Date(instant),
  );
}

/** An instant as a date only, in `timeZone` when given. */
export function formatDate(
  locale: Locale,
  instant: string | Date,
  options: { length?: DateLength; timeZone?: string } = {},
): string {
  const { length = "medium", timeZone } = options;
  return formatter(locale, { dateStyle: length, timeZone }).format(new Date(instant));
}

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
