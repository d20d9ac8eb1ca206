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

  it("schedules only declared types whose payload is empty, each once a day or hourly for the digest", () => {
    const declared = new Set(Object.values(JOB_TYPES));
    for (const schedule of SCHEDULES) {
      expect(declared.has(schedule.type as never)).toBe(true);
      expect(schedule.type.payload.safeParse({}).success).toBe(true);
    }
    expect(SCHEDULES.map((s) => s.type.id).sort()).toEqual([
      "consent.lapse-confirmations",
      "dpo.digest",
      "integrity.verify-shops",
      "jobs.prune",
      "legal-holds.expire",
      "retention.repermission-shops",
    ]);
    for (const schedule of SCHEDULES) {
      expect(schedule.everyMs).toBe(schedule.type.id === "dpo.digest" ? 3_600_000 : 86_400_000);
    }
  });
});
