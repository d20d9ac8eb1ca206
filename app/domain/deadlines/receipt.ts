import { AppError } from "~/domain/errors";
import { compareLocalDates, type LocalDate, localNoon, toLocalDate } from "./local-date";

/**
 * The receipt instant of a request staff enter with the calendar date they received it on, a date in the shop's
 * time zone: `now` when that date is today there, noon there on an earlier date. Throws `RECEIPT_IN_FUTURE` for a
 * date after the shop's today, `INVALID_TIME_ZONE` for an unknown zone.
 */
export function receiptInstant(receivedOn: LocalDate, timeZone: string, now: Date): Date {
  // GDPR art. 12(3): the month runs from receipt, a day of the shop's calendar (docs/decisions/037).
  const today = toLocalDate(now, timeZone);
  const order = compareLocalDates(receivedOn, today);
  if (order > 0) {
    throw new AppError("RECEIPT_IN_FUTURE", `Received on ${receivedOn}, after ${today}`, ["receivedOn"]);
  }
  return order === 0 ? now : localNoon(receivedOn, timeZone);
}
