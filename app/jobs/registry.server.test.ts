import { describe, expect, it } from "vitest";
import * as JOB_TYPES from "./job-types";
import { JOB_HANDLERS, SCHEDULES } from "./registry.server";

// The module's job types (it also exports the bounds of their payloads).
const TYPES = Object.values(JOB_TYPES).filter((value) => typeof value === "object");

describe("the job registry", () => {
  it("has one handler for every job type, and none for a type it does not declare", () => {
    const declared = TYPES.map((type) => type.id);
    const handled = JOB_HANDLERS.map((handler) => handler.type.id);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...handled].sort()).toEqual([...declared].sort());
  });

  it("schedules only declared types whose payload is empty, each once a day or hourly for the digest", () => {
    const declared = new Set(TYPES);
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

  it("takes a consent sync's events as a list, and reads a job queued before as a list of one", () => {
    const { ConsentSyncJob, SYNC_EVENTS_PER_JOB } = JOB_TYPES;
    expect(ConsentSyncJob.payload.parse({ eventIds: ["a", "b"] })).toEqual({ eventIds: ["a", "b"] });
    expect(ConsentSyncJob.payload.parse({ eventId: "a" })).toEqual({ eventIds: ["a"] });
    for (const refused of [{ eventIds: [] }, { eventIds: [""] }, {}, { eventId: "" }])
      expect(ConsentSyncJob.payload.safeParse(refused).success).toBe(false);
    const ids = Array.from({ length: SYNC_EVENTS_PER_JOB + 1 }, (_, i) => `e${i}`);
    expect(ConsentSyncJob.payload.safeParse({ eventIds: ids.slice(1) }).success).toBe(true);
    expect(ConsentSyncJob.payload.safeParse({ eventIds: ids }).success).toBe(false);
  });
});
