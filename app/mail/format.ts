// Small pure helpers for e-mail texts: HTML escaping, durations and colons in the reader's language
// (dates: ~/i18n/format-date).
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
