import { describe, expect, it } from "vitest";
import { localDateTimeToInstant, toLocalDateTime } from "../deadlines/local-date";
import { AppError } from "../errors";
import { assertNotificationRecord, breachClock, notificationDeadline, relativeParts } from "./clock";

const PARIS = "Europe/Paris";
const paris = (local: string) => localDateTimeToInstant(local, PARIS);

describe("the 72-hour clock of a breach (GDPR art. 33(1))", () => {
  it("counts 72 elapsed hours across a weekend and a public holiday, not working days", () => {
    // Friday 24 December 2027, 18:00 in Paris; Christmas on Saturday; the deadline is Monday 18:00.
    const awareAt = paris("2027-12-24T18:00");
    expect(toLocalDateTime(notificationDeadline(awareAt), PARIS)).toBe("2027-12-27T18:00");
    const clock = breachClock({ awareAt, now: paris("2027-12-26T18:00") });
    expect(clock).toMatchObject({ status: "due_soon", msLeft: 24 * 3_600_000 });
  });

  it("counts the hours lived across the spring DST change: the local deadline moves an hour later", () => {
    // Paris goes from UTC+1 to UTC+2 on Sunday 28 March 2027 at 02:00.
    const awareAt = paris("2027-03-27T10:00");
    expect(awareAt.toISOString()).toBe("2027-03-27T09:00:00.000Z");
    const deadline = notificationDeadline(awareAt);
    expect(deadline.toISOString()).toBe("2027-03-30T09:00:00.000Z");
    expect(toLocalDateTime(deadline, PARIS)).toBe("2027-03-30T11:00");
  });

  it("and across the autumn change: an hour earlier on the wall clock", () => {
    // Paris goes back to UTC+1 on Sunday 31 October 2027 at 03:00.
    const deadline = notificationDeadline(paris("2027-10-30T10:00"));
    expect(toLocalDateTime(deadline, PARIS)).toBe("2027-11-02T09:00");
  });

  it("is in time at the deadline itself and overdue a moment after", () => {
    const awareAt = paris("2027-06-01T09:30");
    const deadline = notificationDeadline(awareAt);
    expect(breachClock({ awareAt, now: deadline })).toMatchObject({ status: "due_soon", msLeft: 0 });
    expect(breachClock({ awareAt, now: new Date(deadline.getTime() + 1) }).status).toBe("overdue");
    expect(breachClock({ awareAt, now: paris("2027-06-01T10:30") }).status).toBe("on_track");
    expect(breachClock({ awareAt, now: deadline, notifiedAt: deadline }).status).toBe("notified");
    const late = new Date(deadline.getTime() + 60_000);
    expect(breachClock({ awareAt, now: late, notifiedAt: late }).status).toBe("notified_late");
  });

  it("stops running when staff decided no notification is needed", () => {
    const awareAt = paris("2027-06-01T09:30");
    const now = paris("2027-06-10T09:30");
    expect(breachClock({ awareAt, now, notificationRequired: false }).status).toBe("not_required");
    expect(breachClock({ awareAt, now, notificationRequired: true }).status).toBe("overdue");
  });

  it("refuses a late notification without the reasons for the delay, and takes it with them", () => {
    const awareAt = paris("2027-06-01T09:30");
    const notifiedAt = paris("2027-06-04T10:00");
    const now = paris("2027-06-05T00:00");
    const refused = () => assertNotificationRecord({ awareAt, notifiedAt, delayReasons: "  ", now });
    expect(refused).toThrow(AppError);
    expect(refused).toThrow(expect.objectContaining({ code: "BREACH_DELAY_REASONS_REQUIRED" }));
    expect(() =>
      assertNotificationRecord({ awareAt, notifiedAt, delayReasons: "Investigation by the host", now }),
    ).not.toThrow();
    // In time: no reasons needed.
    expect(() =>
      assertNotificationRecord({ awareAt, notifiedAt: paris("2027-06-04T09:30"), now }),
    ).not.toThrow();
    expect(() => assertNotificationRecord({ awareAt, notifiedAt: paris("2027-06-01T09:00"), now })).toThrow(
      expect.objectContaining({ code: "BREACH_NOTIFIED_BEFORE_AWARE" }),
    );
    expect(() => assertNotificationRecord({ awareAt, notifiedAt: paris("2027-06-06T09:00"), now })).toThrow(
      expect.objectContaining({ code: "BREACH_NOTIFIED_IN_FUTURE" }),
    );
  });

  it("reads time left in the unit that fits", () => {
    expect(relativeParts(5 * 3_600_000 + 59 * 60_000)).toEqual({ value: 5, unit: "hour" });
    expect(relativeParts(-30 * 60_000)).toEqual({ value: -30, unit: "minute" });
    expect(relativeParts(-3 * 86_400_000)).toEqual({ value: -3, unit: "day" });
  });
});

describe("wall-clock times of the shop's zone", () => {
  it("round-trips a form's datetime-local value", () => {
    expect(toLocalDateTime(paris("2027-01-15T23:45"), PARIS)).toBe("2027-01-15T23:45");
    expect(paris("2027-01-15T23:45").toISOString()).toBe("2027-01-15T22:45:00.000Z");
    expect(paris("2027-01-15T23:45:00").toISOString()).toBe("2027-01-15T22:45:00.000Z");
    expect(() => paris("2027-01-15 23:45")).toThrow(expect.objectContaining({ code: "INVALID_INSTANT" }));
  });
});
