import { describe, expect, it } from "vitest";
import { parseLocalDate } from "./local-date";
import { pausedCalendarDays, toLocalPauses } from "./pauses";

const receivedAt = new Date("2026-03-02T09:00:00+01:00");
const context = { receivedAt, timeZone: "Europe/Paris" };

describe("toLocalPauses", () => {
  it("sorts spans by start and converts them to Paris dates", () => {
    const pauses = toLocalPauses(
      [
        { pausedAt: new Date("2026-03-20T10:00:00+01:00"), resumedAt: new Date("2026-03-21T10:00:00+01:00") },
        { pausedAt: new Date("2026-03-05T23:30:00+01:00"), resumedAt: new Date("2026-03-06T00:30:00+01:00") },
      ],
      context,
    );
    expect(pauses).toEqual([
      { from: "2026-03-05", to: "2026-03-06", open: false },
      { from: "2026-03-20", to: "2026-03-21", open: false },
    ]);
  });

  it("counts an open pause up to `now`", () => {
    const now = new Date("2026-03-12T10:00:00+01:00");
    expect(
      toLocalPauses([{ pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: null }], {
        ...context,
        now,
      }),
    ).toEqual([{ from: "2026-03-05", to: "2026-03-12", open: true }]);
  });

  it("needs `now` for an open pause (NOW_REQUIRED)", () => {
    expect(() =>
      toLocalPauses([{ pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: null }], context),
    ).toThrow(expect.objectContaining({ code: "NOW_REQUIRED" }));
  });

  it.each([
    [
      "a pause starting before receipt",
      [{ pausedAt: new Date("2026-03-02T08:59:59+01:00"), resumedAt: new Date("2026-03-03T10:00:00+01:00") }],
    ],
    [
      "a pause ending before it starts",
      [{ pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: new Date("2026-03-05T09:59:59+01:00") }],
    ],
    [
      "overlapping pauses",
      [
        { pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: new Date("2026-03-08T10:00:00+01:00") },
        { pausedAt: new Date("2026-03-08T09:00:00+01:00"), resumedAt: new Date("2026-03-09T10:00:00+01:00") },
      ],
    ],
    [
      "an open pause followed by another pause",
      [
        { pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: null },
        { pausedAt: new Date("2026-03-20T10:00:00+01:00"), resumedAt: new Date("2026-03-21T10:00:00+01:00") },
      ],
    ],
    [
      "an open pause starting after `now`",
      [{ pausedAt: new Date("2026-03-31T10:00:00+02:00"), resumedAt: null }],
    ],
  ])("rejects %s with INVALID_PAUSE", (_label, pauses) => {
    const now = new Date("2026-03-30T10:00:00+02:00");
    expect(() => toLocalPauses(pauses, { ...context, now })).toThrow(
      expect.objectContaining({ code: "INVALID_PAUSE" }),
    );
  });

  it("accepts a pause that starts the instant the previous one ends", () => {
    const pauses = toLocalPauses(
      [
        { pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: new Date("2026-03-08T10:00:00+01:00") },
        { pausedAt: new Date("2026-03-08T10:00:00+01:00"), resumedAt: new Date("2026-03-09T10:00:00+01:00") },
      ],
      context,
    );
    expect(pauses.map(pausedCalendarDays)).toEqual([3, 1]);
  });
});

describe("pausedCalendarDays", () => {
  const span = (from: string, to: string) => ({
    from: parseLocalDate(from),
    to: parseLocalDate(to),
    open: false,
  });

  it("shifts nothing for a pause opened and closed on the same day", () => {
    expect(pausedCalendarDays(span("2026-03-05", "2026-03-05"))).toBe(0);
  });

  it("counts local midnights, so 23:30→00:30 Paris is one day", () => {
    const [pause] = toLocalPauses(
      [{ pausedAt: new Date("2026-03-05T23:30:00+01:00"), resumedAt: new Date("2026-03-06T00:30:00+01:00") }],
      context,
    );
    expect(pause && pausedCalendarDays(pause)).toBe(1);
  });

  it("counts two days over the spring DST weekend although only 47 hours pass", () => {
    const [pause] = toLocalPauses(
      [{ pausedAt: new Date("2026-03-28T12:00:00+01:00"), resumedAt: new Date("2026-03-30T12:00:00+02:00") }],
      context,
    );
    expect(pause && pausedCalendarDays(pause)).toBe(2);
  });

  it("counts days across a month end in a non-leap February", () => {
    expect(pausedCalendarDays(span("2027-02-26", "2027-03-02"))).toBe(4);
  });
});
