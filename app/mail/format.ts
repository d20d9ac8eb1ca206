// Small pure helpers for e-mail texts: HTML escaping, dates written out in the reader's language.
import type { LocalDate } from "~/domain/deadlines/local-date";
import type { Locale } from "~/i18n/locale";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
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
};

/**
 * A legal date written out: "26 décembre 2026", "1er mars 2027" / "26 December 2026". Spelt by hand
 * rather than with Intl so the text never depends on the ICU data of the machine that renders it.
 */
export function formatLocalDate(date: LocalDate, locale: Locale): string {
  const year = Number(date.slice(0, 4));
  const month = MONTHS[locale][Number(date.slice(5, 7)) - 1];
  const day = Number(date.slice(8, 10));
  const dayText = locale === "fr" && day === 1 ? "1er" : String(day);
  return `${dayText} ${month} ${year}`;
}

/** "15 minutes" / "1 minute"; French takes the singular for 0 and 1. */
export function minutes(count: number, locale: Locale): string {
  // Whole hours read better: "24 heures", not "1440 minutes".
  if (count >= 60 && count % 60 === 0) {
    const hours = count / 60;
    const singular = locale === "fr" ? hours < 2 : hours === 1;
    return locale === "fr"
      ? `${hours} ${singular ? "heure" : "heures"}`
      : `${hours} ${singular ? "hour" : "hours"}`;
  }
  const singular = locale === "fr" ? count < 2 : count === 1;
  return `${count} ${singular ? "minute" : "minutes"}`;
}

/** The colon of a label: French puts a no-break space before it. */
export function colon(locale: Locale): string {
  return locale === "fr" ? "\u00a0: " : ": ";
}
