import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDeadline } from "./due-date";
import { addDays, isTimeZone, localNoon, parseLocalDate, toLocalDate } from "./local-date";
import { receiptInstant } from "./receipt";

/** 00:30 on Sunday 15 March 2026 in Paris: still Saturday 14 March, 23:30, in UTC. */
const PARIS_JUST_AFTER_MIDNIGHT = new Date("2026-03-14T23:30:00Z");
/** 08:00 on Wednesday 1 July 2026 in Auckland (UTC+12): 30 June, 20:00, in UTC. */
const AUCKLAND_MORNING = new Date("2026-06-30T20:00:00Z");
/** 22:00 on Saturday 14 March 2026 in Los Angeles (UTC−7): already 15 March, 05:00, in UTC. */
const LOS_ANGELES_EVENING = new Date("2026-03-15T05:00:00Z");

const day = parseLocalDate;

describe("receiptInstant", () => {
  it.each([
    [
      "Europe/Paris at 00:30 (UTC still the day before)",
      "Europe/Paris",
      PARIS_JUST_AFTER_MIDNIGHT,
      "2026-03-15",
    ],
    [
      "Pacific/Auckland in the morning (UTC the day before)",
      "Pacific/Auckland",
      AUCKLAND_MORNING,
      "2026-07-01",
    ],
    [
      "America/Los_Angeles at 22:00 (UTC the day after)",
      "America/Los_Angeles",
      LOS_ANGELES_EVENING,
      "2026-03-14",
    ],
  ])("takes the shop's today in %s as now", (_label, zone, now, today) => {
    expect(receiptInstant(day(today), zone, now)).toEqual(now);
    expect(
      computeDeadline({ receivedAt: receiptInstant(day(today), zone, now), timeZone: zone }).receivedOn,
    ).toBe(today);
  });

  it.each([
    ["Europe/Paris", PARIS_JUST_AFTER_MIDNIGHT, "2026-03-16"],
    ["Pacific/Auckland", AUCKLAND_MORNING, "2026-07-02"],
    // 15 March is today in UTC but tomorrow in Los Angeles.
    ["America/Los_Angeles", LOS_ANGELES_EVENING, "2026-03-15"],
  ])(
    "refuses the day after the shop's today in %s (RECEIPT_IN_FUTURE, on its field)",
    (zone, now, tomorrow) => {
      expect(() => receiptInstant(day(tomorrow), zone, now)).toThrow(
        expect.objectContaining({ code: "RECEIPT_IN_FUTURE", fields: ["receivedOn"] }),
      );
    },
  );

  it("dates an earlier day at noon in the shop's zone, across the DST changes", () => {
    expect(localNoon(day("2026-03-29"), "Europe/Paris")).toEqual(new Date("2026-03-29T10:00:00Z"));
    expect(localNoon(day("2026-01-10"), "Europe/Paris")).toEqual(new Date("2026-01-10T11:00:00Z"));
    expect(localNoon(day("2026-04-05"), "Pacific/Auckland")).toEqual(new Date("2026-04-05T00:00:00Z"));
    expect(localNoon(day("2026-03-08"), "America/Los_Angeles")).toEqual(new Date("2026-03-08T19:00:00Z"));
    expect(receiptInstant(day("2026-03-13"), "America/Los_Angeles", LOS_ANGELES_EVENING)).toEqual(
      new Date("2026-03-13T19:00:00Z"),
    );
    expect(receiptInstant(day("2026-06-30"), "Pacific/Auckland", AUCKLAND_MORNING)).toEqual(
      new Date("2026-06-30T00:00:00Z"),
    );
  });

  it("works the same on a clock set in the past or in the future", () => {
    const past = new Date("1999-12-31T23:30:00Z");
    const future = new Date("2071-06-30T20:00:00Z");
    expect(receiptInstant(day("2000-01-01"), "Europe/Paris", past)).toEqual(past);
    expect(() => receiptInstant(day("2000-01-02"), "Europe/Paris", past)).toThrow(
      expect.objectContaining({ code: "RECEIPT_IN_FUTURE" }),
    );
    expect(receiptInstant(day("2071-07-01"), "Pacific/Auckland", future)).toEqual(future);
    expect(() => receiptInstant(day("2071-07-01"), "America/Los_Angeles", future)).toThrow(
      expect.objectContaining({ code: "RECEIPT_IN_FUTURE" }),
    );
  });

  it("refuses an unknown zone (INVALID_TIME_ZONE)", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(() => receiptInstant(day("2026-03-14"), "Mars/Olympus", PARIS_JUST_AFTER_MIDNIGHT)).toThrow(
      expect.objectContaining({ code: "INVALID_TIME_ZONE" }),
    );
  });

  const zones = fc.constantFrom(
    "Europe/Paris",
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "UTC",
  );
  const instants = fc.date({
    // From 1996: Kiribati skipped 31 December 1994 when it moved across the date line.
    min: new Date("1996-01-01T00:00:00Z"),
    max: new Date("2090-12-31T23:59:59Z"),
    noInvalidDate: true,
  });

  it("accepts the shop's today and every earlier day, refuses the next, whatever the zone and the clock", () => {
    fc.assert(
      fc.property(zones, instants, fc.integer({ min: 1, max: 400 }), (zone, now, back) => {
        const today = toLocalDate(now, zone);
        expect(receiptInstant(today, zone, now)).toEqual(now);
        const earlier = addDays(today, -back);
        const at = receiptInstant(earlier, zone, now);
        expect(toLocalDate(at, zone)).toBe(earlier);
        expect(at.getTime()).toBeLessThan(now.getTime());
        expect(() => receiptInstant(addDays(today, 1), zone, now)).toThrow(
          expect.objectContaining({ code: "RECEIPT_IN_FUTURE" }),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
