import { describe, expect, it } from "vitest";
import * as JOB_TYPES from "./job-types";
import { JOB_HANDLERS, SCHEDULES } from "./registry.server";

describe("the job registry", () => {
  it("has one handler for every job type, and none for a type it does not declare", () => {
    const declared = Object.values(JOB_TYPES).map((type) => type.id);
    const handled = JOB_HANDLERS.map((handler) => handler.type.id);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...handled].sort()).toEqual([...declared].sort());
  });

  it("schedules only declared types whose payload is empty, each once a day", () => {
    const declared = new Set(Object.values(JOB_TYPES));
    for (const schedule of SCHEDULES) {
      expect(declared.has(schedule.type as never)).toBe(true);
      expect(schedule.type.payload.safeParse({}).success).toBe(true);
    }
    expect(SCHEDULES.map((s) => s.type.id).sort()).toEqual([
      "consent.lapse-confirmations",
      "jobs.prune",
      "legal-holds.expire",
    ]);
    expect(new Set(SCHEDULES.map((s) => s.everyMs))).toEqual(new Set([86_400_000]));
  });
});
