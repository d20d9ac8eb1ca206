import { describe, expect, it } from "vitest";
import { deadlineStatus } from "./deadline-status";

/** Monday 2 March 2026, 09:00 in Paris: the request's receipt; its deadline is Thursday 2 April 2026. */
const REFERENCE_TIMESTAMP = new Date("2026-03-02T09:00:00+01:00");
const receivedAt = REFERENCE_TIMESTAMP;

describe("deadlineStatus", () => {
  it("is on_track with 31 days left on the day of receipt", () => {
    expect(deadlineStatus({ receivedAt, now: REFERENCE_TIMESTAMP })).toEqual({
      status: "on_track",
      daysLeft: 31,
      dueDate: "2026-04-02",
      today: "2026-03-02",
    });
  });

  it("is still on_track at 8 days left, one day outside the 7-day window", () => {
    const result = deadlineStatus({ receivedAt, now: new Date("2026-03-25T12:00:00+01:00") });
    expect(result).toMatchObject({ status: "on_track", daysLeft: 8 });
  });

  it("becomes due_soon at exactly 7 days left", () => {
    const result = deadlineStatus({ receivedAt, now: new Date("2026-03-26T12:00:00+01:00") });
    expect(result).toMatchObject({ status: "due_soon", daysLeft: 7 });
  });

  it("uses a configurable due-soon window", () => {
    const now = new Date("2026-03-26T12:00:00+01:00");
    expect(deadlineStatus({ receivedAt, now }, { dueSoonDays: 3 }).status).toBe("on_track");
    expect(deadlineStatus({ receivedAt, now }, { dueSoonDays: 10 }).status).toBe("due_soon");
  });

  it("is due_soon with 0 days left until 23:59 Paris on the due day", () => {
    const result = deadlineStatus({ receivedAt, now: new Date("2026-04-02T23:59:59+02:00") });
    expect(result).toMatchObject({ status: "due_soon", daysLeft: 0 });
  });

  it("is overdue from midnight Paris after the due day, though still 2 April in UTC", () => {
    const result = deadlineStatus({ receivedAt, now: new Date("2026-04-02T22:00:00Z") });
    expect(result).toMatchObject({ status: "overdue", daysLeft: -1, today: "2026-04-03" });
  });

  it("is paused while an open pause counts, with days left frozen", () => {
    const pauses = [{ pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: null }];
    const early = deadlineStatus({ receivedAt, pauses, now: new Date("2026-03-06T10:00:00+01:00") });
    const later = deadlineStatus({ receivedAt, pauses, now: new Date("2026-03-20T10:00:00+01:00") });
    expect(early).toMatchObject({ status: "paused", daysLeft: 28, dueDate: "2026-04-03" });
    expect(later).toMatchObject({ status: "paused", daysLeft: 28, dueDate: "2026-04-17" });
  });

  it("resumes counting once the pause is closed", () => {
    const pauses = [
      { pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: new Date("2026-03-09T10:00:00+01:00") },
    ];
    // 4 paused days: 2 April + 4 = Easter Monday 6 April → Tuesday 7 April.
    const result = deadlineStatus({ receivedAt, pauses, now: new Date("2026-03-31T10:00:00+02:00") });
    expect(result).toMatchObject({ status: "due_soon", daysLeft: 7, dueDate: "2026-04-07" });
  });

  it("stays overdue when a pause is opened after the deadline expired", () => {
    const pauses = [{ pausedAt: new Date("2026-04-05T10:00:00+02:00"), resumedAt: null }];
    const result = deadlineStatus({ receivedAt, pauses, now: new Date("2026-04-06T10:00:00+02:00") });
    expect(result).toMatchObject({ status: "overdue", daysLeft: -4 });
  });

  it("follows an extended due date", () => {
    const extensions = [
      { months: 2, reason: "Complex request.", notifiedAt: new Date("2026-03-20T10:00:00+01:00") },
    ];
    const result = deadlineStatus({ receivedAt, extensions, now: new Date("2026-04-10T10:00:00+02:00") });
    expect(result).toMatchObject({ status: "on_track", dueDate: "2026-06-02", daysLeft: 53 });
  });

  it.each([-1, 2.5])("rejects a due-soon window of %d days (INVALID_THRESHOLD)", (dueSoonDays) => {
    expect(() => deadlineStatus({ receivedAt, now: REFERENCE_TIMESTAMP }, { dueSoonDays })).toThrow(
      expect.objectContaining({ code: "INVALID_THRESHOLD" }),
    );
  });
});
