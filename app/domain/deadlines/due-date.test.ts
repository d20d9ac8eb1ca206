import { describe, expect, it } from "vitest";
import { computeDeadline, type DeadlineInput, extendDeadline } from "./due-date";

/** An instant on `date` in Paris: 11:00 UTC is 12:00 or 13:00 there, the same date in winter and in summer. */
function parisDay(date: string): Date {
  return new Date(`${date}T11:00:00Z`);
}

describe("computeDeadline", () => {
  it.each([
    ["31 January, non-leap year: 28 Feb 2027 is a Sunday", "2027-01-31", "2027-03-01"],
    ["31 January, leap year: last day of February", "2028-01-31", "2028-02-29"],
    ["29 February: the same date next month", "2028-02-29", "2028-03-29"],
    ["31 March: April has no 31st", "2026-03-31", "2026-04-30"],
    ["31 August: September has no 31st", "2026-08-31", "2026-09-30"],
    ["30 October: the same date", "2026-10-30", "2026-11-30"],
    ["receipt on a Saturday counts from that Saturday", "2026-11-28", "2026-12-28"],
    ["due on 1 May (Friday) rolls to Monday 4 May", "2026-04-01", "2026-05-04"],
    ["due on 14 July (Tuesday) rolls to 15 July", "2026-06-14", "2026-07-15"],
    ["due on 25 December (Thursday) rolls to 26 December", "2025-11-25", "2025-12-26"],
    ["due on Easter Monday 6 April 2026 rolls to Tuesday", "2026-03-06", "2026-04-07"],
    ["due Saturday 27 March 2027 rolls past Easter Monday 29 March", "2027-02-27", "2027-03-30"],
    ["due on Ascension 14 May 2026 rolls to Friday", "2026-04-14", "2026-05-15"],
    ["due on Whit Monday 25 May 2026 rolls to Tuesday", "2026-04-25", "2026-05-26"],
    ["due on 1 November, a Sunday, rolls to Monday 2 November only", "2026-10-01", "2026-11-02"],
    ["due on 1 November, a Saturday, rolls to Monday 3 November", "2025-10-01", "2025-11-03"],
    ["due Saturday 8 May 2027 rolls to Monday 10 May", "2027-04-08", "2027-05-10"],
    [
      "due on Ascension 7 May 2043, then 8 May and a weekend: four days to Monday 11 May",
      "2043-04-07",
      "2043-05-11",
    ],
  ])("%s", (_case, received, expected) => {
    const deadline = computeDeadline({ receivedAt: parisDay(received) });
    expect(deadline.receivedOn).toBe(received);
    expect(deadline.dueDate).toBe(expected);
    expect(deadline.firstDueDate).toBe(expected);
  });

  it("rolls 25 December 2025 over St Stephen's Day and the weekend in Alsace-Moselle", () => {
    const receivedAt = parisDay("2025-11-25");
    expect(computeDeadline({ receivedAt, holidays: { region: "alsace-moselle" } }).dueDate).toBe(
      "2025-12-29",
    );
  });

  it("takes the receipt date in the shop's zone: 23:30 UTC on 14 March is 15 March in Paris", () => {
    const receivedAt = new Date("2026-03-14T23:30:00Z");
    expect(computeDeadline({ receivedAt }).dueDate).toBe("2026-04-15");
    expect(computeDeadline({ receivedAt, timeZone: "UTC" }).dueDate).toBe("2026-04-14");
  });

  it("treats midnight Paris in summer as the new day (22:00 UTC on 30 June)", () => {
    expect(computeDeadline({ receivedAt: new Date("2026-06-30T21:59:59.999Z") }).dueDate).toBe("2026-07-30");
    // 1 August 2026 is a Saturday.
    expect(computeDeadline({ receivedAt: new Date("2026-06-30T22:00:00Z") }).dueDate).toBe("2026-08-03");
  });

  it("dates receipts on the DST weekends by the local clock", () => {
    expect(computeDeadline({ receivedAt: new Date("2026-03-28T23:30:00Z") }).receivedOn).toBe("2026-03-29");
    expect(computeDeadline({ receivedAt: new Date("2026-03-28T23:30:00Z") }).dueDate).toBe("2026-04-29");
    expect(computeDeadline({ receivedAt: new Date("2026-10-24T22:30:00Z") }).dueDate).toBe("2026-11-25");
    expect(computeDeadline({ receivedAt: new Date("2026-10-25T22:30:00Z") }).dueDate).toBe("2026-11-25");
  });

  describe("with pauses", () => {
    it("adds paused days to the month end before rolling over, across a month end", () => {
      // Nominal end Sunday 28 Feb 2027; paused Friday 26 Feb → Tuesday 2 Mar = 4 days; 28 Feb + 4 = Thu 4 Mar.
      const deadline = computeDeadline({
        receivedAt: parisDay("2027-01-31"),
        pauses: [
          {
            pausedAt: new Date("2027-02-26T15:00:00+01:00"),
            resumedAt: new Date("2027-03-02T09:00:00+01:00"),
          },
        ],
      });
      expect(deadline).toEqual({
        receivedOn: "2027-01-31",
        firstDueDate: "2027-03-04",
        dueDate: "2027-03-04",
        pausedDays: 4,
        extensionMonths: 0,
        paused: false,
      });
    });

    it("sums several pauses", () => {
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-03-02"),
        pauses: [
          {
            pausedAt: new Date("2026-03-03T10:00:00+01:00"),
            resumedAt: new Date("2026-03-05T10:00:00+01:00"),
          },
          {
            pausedAt: new Date("2026-03-10T10:00:00+01:00"),
            resumedAt: new Date("2026-03-11T10:00:00+01:00"),
          },
        ],
      });
      // 2 April + 3 days = Sunday 5 April → Monday 6 April is Easter Monday → Tuesday 7 April.
      expect(deadline.pausedDays).toBe(3);
      expect(deadline.dueDate).toBe("2026-04-07");
    });

    it("counts an open pause up to now and marks the due date provisional", () => {
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-03-02"),
        pauses: [{ pausedAt: new Date("2026-03-05T10:00:00+01:00"), resumedAt: null }],
        now: new Date("2026-03-12T10:00:00+01:00"),
      });
      expect(deadline.pausedDays).toBe(7);
      expect(deadline.dueDate).toBe("2026-04-09");
      expect(deadline.paused).toBe(true);
    });

    it("counts a pause that starts on the due day itself", () => {
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-03-02"),
        pauses: [
          {
            pausedAt: new Date("2026-04-02T18:00:00+02:00"),
            resumedAt: new Date("2026-04-03T09:00:00+02:00"),
          },
        ],
      });
      // 2 April + 1 day = Friday 3 April.
      expect(deadline.dueDate).toBe("2026-04-03");
    });

    it("ignores a pause started after the deadline expired", () => {
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-03-02"),
        pauses: [
          {
            pausedAt: new Date("2026-04-03T00:30:00+02:00"),
            resumedAt: new Date("2026-04-10T09:00:00+02:00"),
          },
        ],
      });
      expect(deadline.pausedDays).toBe(0);
      expect(deadline.dueDate).toBe("2026-04-02");
    });

    it("counts a pause begun on the weekend a deadline is rolled over", () => {
      // Due Monday 4 May 2026 (1 May is a Friday); a pause from Sunday 3 May to Tuesday 5 May adds 2 days to
      // 1 May → Sunday 3 May → Monday 4 May: absorbed by the roll-over, which is the conservative reading.
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-04-01"),
        pauses: [
          {
            pausedAt: new Date("2026-05-03T10:00:00+02:00"),
            resumedAt: new Date("2026-05-05T10:00:00+02:00"),
          },
        ],
      });
      expect(deadline.pausedDays).toBe(2);
      expect(deadline.dueDate).toBe("2026-05-04");
    });
  });

  describe("with extensions", () => {
    const base: DeadlineInput = { receivedAt: parisDay("2026-03-02") };
    const reason = "Order history spans three stores and two payment providers.";

    it("adds two further months to a valid extension notified within the first month", () => {
      const deadline = computeDeadline({
        ...base,
        extensions: [{ months: 2, reason, notifiedAt: new Date("2026-03-20T10:00:00+01:00") }],
      });
      expect(deadline.firstDueDate).toBe("2026-04-02");
      expect(deadline.dueDate).toBe("2026-06-02");
      expect(deadline.extensionMonths).toBe(2);
    });

    it("counts extension months from receipt, not from the first due date (31 Jan + 3 months = 30 April)", () => {
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-01-31"),
        extensions: [{ months: 2, reason, notifiedAt: new Date("2026-02-10T10:00:00+01:00") }],
      });
      expect(deadline.dueDate).toBe("2026-04-30");
    });

    it("adds paused days to an extended deadline too", () => {
      const deadline = computeDeadline({
        ...base,
        pauses: [
          {
            pausedAt: new Date("2026-03-03T10:00:00+01:00"),
            resumedAt: new Date("2026-03-08T10:00:00+01:00"),
          },
        ],
        extensions: [{ months: 2, reason, notifiedAt: new Date("2026-03-20T10:00:00+01:00") }],
      });
      // 2 June + 5 days = Sunday 7 June → Monday 8 June.
      expect(deadline.dueDate).toBe("2026-06-08");
    });

    it("accepts an extension notified late on the first due day (23:59 Paris)", () => {
      const deadline = computeDeadline({
        ...base,
        extensions: [{ months: 1, reason, notifiedAt: new Date("2026-04-02T23:59:59+02:00") }],
      });
      expect(deadline.dueDate).toBe("2026-05-04");
    });

    it("refuses an extension notified the day after the first due date (EXTENSION_TOO_LATE)", () => {
      expect(() =>
        computeDeadline({
          ...base,
          extensions: [{ months: 1, reason, notifiedAt: new Date("2026-04-03T00:00:00+02:00") }],
        }),
      ).toThrow(expect.objectContaining({ code: "EXTENSION_TOO_LATE", name: "AppError" }));
    });

    it("accepts an extension notified during the roll-over weekend before a deadline on Monday 4 May", () => {
      const deadline = computeDeadline({
        receivedAt: parisDay("2026-04-01"),
        extensions: [{ months: 1, reason, notifiedAt: new Date("2026-05-02T10:00:00+02:00") }],
      });
      expect(deadline.firstDueDate).toBe("2026-05-04");
      expect(deadline.dueDate).toBe("2026-06-01");
    });

    it("refuses an extension without a written reason (EXTENSION_REASON_REQUIRED)", () => {
      expect(() =>
        computeDeadline({
          ...base,
          extensions: [{ months: 1, reason: "   ", notifiedAt: new Date("2026-03-20T10:00:00+01:00") }],
        }),
      ).toThrow(expect.objectContaining({ code: "EXTENSION_REASON_REQUIRED" }));
    });

    it("refuses more than three months in all (EXTENSION_TOO_LONG)", () => {
      const notifiedAt = new Date("2026-03-20T10:00:00+01:00");
      expect(() => computeDeadline({ ...base, extensions: [{ months: 3, reason, notifiedAt }] })).toThrow(
        expect.objectContaining({ code: "EXTENSION_TOO_LONG" }),
      );
      expect(() =>
        computeDeadline({
          ...base,
          extensions: [
            { months: 2, reason, notifiedAt },
            { months: 1, reason, notifiedAt },
          ],
        }),
      ).toThrow(expect.objectContaining({ code: "EXTENSION_TOO_LONG" }));
    });

    it.each([0, 1.5, -1])("refuses an extension of %d months (EXTENSION_INVALID_MONTHS)", (months) => {
      expect(() =>
        computeDeadline({
          ...base,
          extensions: [{ months, reason, notifiedAt: new Date("2026-03-20T10:00:00+01:00") }],
        }),
      ).toThrow(expect.objectContaining({ code: "EXTENSION_INVALID_MONTHS" }));
    });

    it("refuses an extension dated before receipt (EXTENSION_BEFORE_RECEIPT)", () => {
      expect(() =>
        computeDeadline({
          ...base,
          extensions: [{ months: 1, reason, notifiedAt: new Date("2026-03-01T10:00:00+01:00") }],
        }),
      ).toThrow(expect.objectContaining({ code: "EXTENSION_BEFORE_RECEIPT" }));
    });

    it("judges lateness against the pause-shifted first deadline", () => {
      const deadline = computeDeadline({
        ...base,
        pauses: [
          {
            pausedAt: new Date("2026-03-03T10:00:00+01:00"),
            resumedAt: new Date("2026-03-08T10:00:00+01:00"),
          },
        ],
        extensions: [{ months: 1, reason, notifiedAt: new Date("2026-04-06T10:00:00+02:00") }],
      });
      // First deadline: 2 April + 5 = Tuesday 7 April, so a notice on 6 April is in time.
      expect(deadline.firstDueDate).toBe("2026-04-07");
      expect(deadline.dueDate).toBe("2026-05-07");
    });
  });
});

describe("extendDeadline", () => {
  const input: DeadlineInput = { receivedAt: parisDay("2026-03-02") };
  const notifiedAt = new Date("2026-03-20T10:00:00+01:00");

  it("returns the deadline with the new extension added to the recorded ones", () => {
    const once = extendDeadline(input, { months: 1, reason: "Many requests this week.", notifiedAt });
    expect(once.dueDate).toBe("2026-05-04");
    const twice = extendDeadline(
      { ...input, extensions: [{ months: 1, reason: "Many requests this week.", notifiedAt }] },
      { months: 1, reason: "Archive restore from the former provider.", notifiedAt },
    );
    expect(twice.extensionMonths).toBe(2);
    expect(twice.dueDate).toBe("2026-06-02");
  });

  it("refuses a third month beyond two already granted", () => {
    const granted = { ...input, extensions: [{ months: 2, reason: "Complex.", notifiedAt }] };
    expect(() => extendDeadline(granted, { months: 1, reason: "Still complex.", notifiedAt })).toThrow(
      expect.objectContaining({ code: "EXTENSION_TOO_LONG" }),
    );
  });
});
