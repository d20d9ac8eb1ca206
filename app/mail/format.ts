// Small pure helpers for e-mail texts: HTML escaping, durations and colons in the reader's language
// (dates: ~/i18n/format-date).
import type { ShopperLocale as Locale } from "~/i18n/locale";
import { mailText } from "./text";

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

/** "15 minutes" / "1 minute" in the reader's language; French takes the singular for 0 and 1. */
export function minutes(count: number, locale: Locale): string {
  const { t } = mailText(locale);
  const one = new Intl.PluralRules(locale).select(count) === "one";
  // Whole hours read better: "24 heures", not "1440 minutes".
  if (count >= 60 && count % 60 === 0) {
    const hours = count / 60;
    const oneHour = new Intl.PluralRules(locale).select(hours) === "one";
    return t(oneHour ? "hourOne" : "hourOther", { count: hours });
  }
  return t(one ? "minuteOne" : "minuteOther", { count });
}

/** The colon of a label: French puts a no-break space before it. */
export function colon(locale: Locale): string {
  return locale === "fr" ? "\u00a0: " : ": ";
}
