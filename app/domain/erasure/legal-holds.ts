// How long data under a legal hold is kept. Pure.
import { addMonths, type LocalDate, parseLocalDate } from "~/domain/deadlines/local-date";

export type FiscalYearEnd = { month: number; day: number };
export const CALENDAR_YEAR_END: FiscalYearEnd = { month: 12, day: 31 };
/** Code de commerce L123-22: accounting records and their supporting documents, ten years. */
export const ACCOUNTING_RETENTION_YEARS = 10;

/** The last day of the financial year that contains `date`. */
export function financialYearEnd(date: LocalDate, end: FiscalYearEnd = CALENDAR_YEAR_END): LocalDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const afterEnd = month > end.month || (month === end.month && day > end.day);
  const endYear = afterEnd ? year + 1 : year;
  return parseLocalDate(
    `${endYear}-${String(end.month).padStart(2, "0")}-${String(end.day).padStart(2, "0")}`,
  );
}

/**
 * When an accounting hold ends: ten years after the close of the financial year of the latest
 * document it covers (Code de commerce L123-22; GDPR art. 17(3)(b) lets it outlive an erasure).
 */
export function accountingHoldExpiry(
  latestDocument: LocalDate,
  end: FiscalYearEnd = CALENDAR_YEAR_END,
): LocalDate {
  return addMonths(financialYearEnd(latestDocument, end), ACCOUNTING_RETENTION_YEARS * 12);
}
