import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDeadline } from "./due-date";
import { isPublicHoliday } from "./french-holidays";
import { addDays, addMonths, daysBetween, type LocalDate } from "./local-date";

// Receipts between 2000 and 2100, as instants; the legal date is taken in Paris.
const instant = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2100-12-31T23:59:59Z"),
  noInvalidDate: true,
});

/** Weekday read through the platform's own calendar, independent of the module's arithmetic. */
function isWeekend(date: LocalDate): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

describe("computeDeadline (properties)", () => {
  it("always lands on a working day strictly after receipt, at most 4 days past the calendar month when unpaused", () => {
    fc.assert(
      fc.property(instant, (receivedAt) => {
        const { receivedOn, dueDate } = computeDeadline({ receivedAt });
        const monthEnd = addMonths(receivedOn, 1);
        expect(isWeekend(dueDate)).toBe(false);
        expect(isPublicHoliday(dueDate)).toBe(false);
        expect(daysBetween(receivedOn, dueDate)).toBeGreaterThanOrEqual(28);
        expect(daysBetween(monthEnd, dueDate)).toBeGreaterThanOrEqual(0);
        // 4, not 3: Ascension Thursday can fall on 7 May, then 8 May (Friday) and a weekend follow.
        expect(daysBetween(monthEnd, dueDate)).toBeLessThanOrEqual(4);
      }),
      { numRuns: 2000 },
    );
  });

  it("never gives a later receipt an earlier due date", () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const dueEarly = computeDeadline({ receivedAt: early }).dueDate;
        const dueLate = computeDeadline({ receivedAt: late }).dueDate;
        expect(daysBetween(dueEarly, dueLate)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("moves the calendar end by exactly the paused days before rolling over", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 60 }),
        (receivedAt, startOffsetDays, length) => {
          const pausedAt = new Date(receivedAt.getTime() + startOffsetDays * 86_400_000);
          const resumedAt = new Date(pausedAt.getTime() + length * 86_400_000);
          const deadline = computeDeadline({ receivedAt, pauses: [{ pausedAt, resumedAt }] });
          const shiftedEnd = addDays(addMonths(deadline.receivedOn, 1), deadline.pausedDays);
          // Whole 24-hour steps can cross one DST change, so the local-day count may differ by at most one.
          expect(Math.abs(deadline.pausedDays - length)).toBeLessThanOrEqual(1);
          expect(isWeekend(deadline.dueDate)).toBe(false);
          expect(daysBetween(shiftedEnd, deadline.dueDate)).toBeGreaterThanOrEqual(0);
          expect(daysBetween(shiftedEnd, deadline.dueDate)).toBeLessThanOrEqual(4);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("stays within 4 days of the calendar end in Alsace-Moselle (Good Friday to Easter Monday)", () => {
    fc.assert(
      fc.property(instant, (receivedAt) => {
        const { receivedOn, dueDate } = computeDeadline({
          receivedAt,
          holidays: { region: "alsace-moselle" },
        });
        const lag = daysBetween(addMonths(receivedOn, 1), dueDate);
        expect(lag).toBeGreaterThanOrEqual(0);
        expect(lag).toBeLessThanOrEqual(4);
      }),
      { numRuns: 1000 },
    );
  });
});
