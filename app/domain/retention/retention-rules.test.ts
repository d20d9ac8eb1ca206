import { describe, expect, it } from "vitest";
import { OPEN_REQUEST_STATES, retentionCutoffs, retentionDue, yearsBefore } from "./retention-rules";

const NOW = new Date("2026-11-26T10:00:00Z");
const cutoffs = retentionCutoffs(NOW, { customerYearsAfterLastOrder: 10, prospectYears: 3 });

describe("retention rules", () => {
  it("counts calendar years back, 29 February landing on the 28th", () => {
    expect(yearsBefore(NOW, 10).toISOString()).toBe("2016-11-26T10:00:00.000Z");
    expect(yearsBefore(new Date("2024-02-29T12:00:00Z"), 1).toISOString()).toBe("2023-02-28T12:00:00.000Z");
  });

  it("dates a customer from their last order, whatever their last contact", () => {
    const due = (lastOrderAt: string) =>
      retentionDue(
        { lastOrderAt: new Date(lastOrderAt), lastContactAt: new Date("2026-01-01"), openRequest: false },
        cutoffs,
      );

    expect(due("2016-11-26T09:59:59Z")).toBe("customer");
    expect(due("2016-11-26T10:00:00Z")).toBeNull();
  });

  it("dates a contact who never ordered from their last contact", () => {
    const due = (lastContactAt: string) =>
      retentionDue(
        { lastOrderAt: null, lastContactAt: new Date(lastContactAt), openRequest: false },
        cutoffs,
      );

    expect(due("2023-11-26T09:59:59Z")).toBe("prospect");
    expect(due("2024-06-01T00:00:00Z")).toBeNull();
  });

  it("keeps anyone whose request is still open", () => {
    expect(
      retentionDue(
        { lastOrderAt: new Date("2001-01-01"), lastContactAt: new Date("2001-01-01"), openRequest: true },
        cutoffs,
      ),
    ).toBeNull();
    expect(OPEN_REQUEST_STATES).toEqual(["received", "identity_check", "in_progress"]);
  });
});
