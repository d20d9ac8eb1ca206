// The job queue against real SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { hasLiveJob, nextAttempt, requeueDeadJob } from "~/jobs/queue/flows.server";
import { defineJobType } from "~/jobs/queue/job-type";
import {
  buryExpiredJobs,
  claimJobs,
  completeJob,
  completeJobs,
  extendLease,
  extendLeases,
  failJob,
  isSuperseded,
  releaseJob,
} from "~/jobs/queue/leases.server";
import { onJobsAdded } from "~/jobs/queue/notify.server";
import { pruneFinishedJobs } from "~/jobs/queue/prune.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";

const anything = z.record(z.string(), z.unknown());
const T_X = defineJobType({ id: "x", payload: anything });
const T_LATE = defineJobType({ id: "late", payload: anything });
const T_URGENT = defineJobType({ id: "urgent", payload: anything });
const T_FUTURE = defineJobType({ id: "future", payload: anything });

describe.each(testDialects())("job queue on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  async function clean() {
    await t.db.job.deleteMany();
  }

  /** `count` jobs of `type` for `shopDomain`, due at `runAt`; their ids. */
  async function enqueueAt(type: typeof T_X, shopDomain: string, runAt: Date, count = 1) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await enqueue(t.db, type, { i }, { shopDomain, runAt }))?.id as string);
    return ids;
  }

  it("enqueues inside the caller's transaction: a rollback leaves no job", async () => {
    await clean();
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueue(tx, T_X, { n: 1 });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.db.job.count()).toBe(0);
    await t.db.$transaction((tx) => enqueue(tx, T_X, { n: 2 }));
    expect(await t.db.job.count()).toBe(1);
  });

  it("wakes workers once a transaction that enqueued commits, never for one rolled back", async () => {
    await clean();
    let woken = 0;
    const unsubscribe = onJobsAdded(() => woken++);
    try {
      await expect(
        t.db.$transaction(async (tx) => {
          await enqueue(tx, T_X, { n: 1 });
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      expect(woken).toBe(0);
      const seenInside = await t.db.$transaction(async (tx) => {
        await enqueue(tx, T_X, { n: 2 });
        return woken;
      });
      expect(seenInside).toBe(0);
      expect(woken).toBe(1);
      // Outside a transaction the row is committed by the statement itself.
      await enqueue(t.db, T_X, { n: 3 });
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      expect(woken).toBe(2);
      // A job already there adds nothing, and wakes no one.
      await enqueue(t.db, T_X, {}, { key: "same" });
      await enqueue(t.db, T_X, {}, { key: "same" });
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      expect(woken).toBe(3);
    } finally {
      unsubscribe();
    }
  });

  it("refuses a payload its job type's schema does not accept, writing nothing", async () => {
    await clean();
    const Typed = defineJobType({ id: "typed", payload: z.object({ id: z.string().min(1) }) });
    await expect(enqueue(t.db, Typed, { id: "" })).rejects.toThrow();
    await expect(enqueue(t.db, Typed, { id: 7 } as never)).rejects.toThrow();
    expect(await t.db.job.count()).toBe(0);
    await enqueue(t.db, Typed, { id: "r1" });
    expect(await t.db.job.findFirstOrThrow()).toMatchObject({ type: "typed", payload: '{"id":"r1"}' });
  });

  it("ignores a second job with the same key and keeps the transaction usable", async () => {
    await clean();
    const result = await t.db.$transaction(async (tx) => {
      const first = await enqueue(tx, T_X, {}, { key: "k1" });
      const second = await enqueue(tx, T_X, {}, { key: "k1" });
      const third = await enqueue(tx, T_X, {}, { key: "k2" });
      return { first, second, third };
    });
    expect(result.first).not.toBeNull();
    expect(result.second).toBeNull();
    expect(result.third).not.toBeNull();
    expect(await t.db.job.count()).toBe(2);
  });

  it("claims runnable jobs by priority then time, with a lease, counting the attempt", async () => {
    await clean();
    const now = new Date("2026-11-26T10:00:00Z");
    await enqueue(t.db, T_LATE, {}, { priority: 50, runAt: new Date("2026-11-26T09:00:00Z") });
    await enqueue(t.db, T_URGENT, {}, { priority: 10, runAt: new Date("2026-11-26T09:59:00Z") });
    await enqueue(t.db, T_FUTURE, {}, { runAt: new Date("2026-11-26T11:00:00Z") });
    const claim = () => claimJobs(t.db, dialect, { workerId: "w1", limit: 1, leaseMs: 60_000, now });
    expect((await claim()).map((job) => job.type)).toEqual(["urgent"]);
    expect((await claim()).map((job) => job.type)).toEqual(["late"]);
    const row = await t.db.job.findFirstOrThrow({ where: { type: "urgent" } });
    expect(row).toMatchObject({ status: "running", attempts: 1, lockedBy: "w1" });
    expect(row.lockedUntil?.toISOString()).toBe("2026-11-26T10:01:00.000Z");
    expect(await claimJobs(t.db, dialect, { workerId: "w2", limit: 5, leaseMs: 60_000, now })).toEqual([]);
  });

  it("never gives one job to two concurrent claimers", async () => {
    await clean();
    for (let i = 0; i < 60; i++) await enqueue(t.db, T_X, { i });
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        claimJobs(t.db, dialect, { workerId: `w${i}`, limit: 15, leaseMs: 60_000 }),
      ),
    );
    const ids = claims.flat().map((job) => job.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it("takes a job back once the lease of a dead worker expired, and only then", async () => {
    await clean();
    await enqueue(t.db, T_X, {});
    const start = new Date();
    const [job] = await claimJobs(t.db, dialect, { workerId: "dead", limit: 1, leaseMs: 1_000, now: start });
    const early = new Date(start.getTime() + 500);
    expect(await claimJobs(t.db, dialect, { workerId: "w2", limit: 1, leaseMs: 1_000, now: early })).toEqual(
      [],
    );
    const later = new Date(start.getTime() + 1_500);
    const [again] = await claimJobs(t.db, dialect, { workerId: "w2", limit: 1, leaseMs: 1_000, now: later });
    expect(again?.id).toBe(job?.id);
    expect(again?.attempts).toBe(2);
    // The worker that lost its lease can no longer finish the job.
    expect(await completeJob(t.db, job as never, "dead")).toBe(false);
    expect(await completeJob(t.db, again as never, "w2")).toBe(true);
    expect((await t.db.job.findUniqueOrThrow({ where: { id: job?.id } })).status).toBe("succeeded");
  });

  it("lets only the latest claim settle a job, even when the same worker claimed it twice", async () => {
    await clean();
    await enqueue(t.db, T_X, {});
    const start = new Date();
    // The worker's event loop stalled past its own lease: it claims the job again.
    const [stale] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 1_000, now: start });
    const later = new Date(start.getTime() + 1_500);
    const [fresh] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 1_000, now: later });
    expect(fresh?.attempts).toBe(2);
    expect(await extendLease(t.db, stale as never, "w", 60_000)).toBe(false);
    expect(await failJob(t.db, stale as never, "w", "stale run", later)).toBe("failed");
    expect(await completeJob(t.db, stale as never, "w")).toBe(false);
    expect(await t.db.job.findFirstOrThrow()).toMatchObject({
      status: "running",
      attempts: 2,
      lastError: null,
    });
    // Multi-step handlers check the same before writing their own outcome.
    expect(await isSuperseded(t.db, stale?.id as string, 1)).toBe(true);
    expect(await isSuperseded(t.db, fresh?.id as string, 2)).toBe(false);
    expect(await isSuperseded(t.db, "no-such-job", 1)).toBe(false);
    expect(await completeJob(t.db, fresh as never, "w")).toBe(true);
  });

  it("claims a batch's companions among one shop's due jobs of one type only, leaving expired leases to the plain claim", async () => {
    await clean();
    const start = new Date();
    const shop = "a.myshopify.com";
    const [dead] = await enqueueAt(T_X, shop, start);
    await claimJobs(t.db, dialect, { workerId: "dead", limit: 1, leaseMs: 1_000, now: start });
    await enqueueAt(T_X, shop, start, 3);
    await enqueueAt(T_X, "b.myshopify.com", start);
    await enqueueAt(T_LATE, shop, start);
    await enqueueAt(T_X, shop, new Date(start.getTime() + 60_000));
    const later = new Date(start.getTime() + 1_500);
    const only = { type: T_X.id, shopDomain: shop };
    const companions = await claimJobs(t.db, dialect, {
      workerId: "w",
      limit: 10,
      leaseMs: 1_000,
      now: later,
      only,
    });
    expect(companions).toHaveLength(3);
    expect(
      companions.every((job) => job.type === T_X.id && job.shopDomain === shop && job.attempts === 1),
    ).toBe(true);
    expect(companions.map((job) => job.id)).not.toContain(dead);
    // The dead worker's job is still taken again, by the plain claim.
    const plain = await claimJobs(t.db, dialect, { workerId: "w", limit: 10, leaseMs: 1_000, now: later });
    expect(plain.map((job) => job.id)).toContain(dead);
  });

  it("settles a batch only for the claims this worker still holds, each at its own attempt", async () => {
    await clean();
    const start = new Date();
    await enqueueAt(T_X, "a.myshopify.com", start, 3);
    const first = await claimJobs(t.db, dialect, { workerId: "w", limit: 3, leaseMs: 1_000, now: start });
    // One job's lease expires and it is claimed again (attempt 2) by the same worker: the batch's
    // claim of it (attempt 1) can no longer settle it; another worker's claim settles nothing.
    const later = new Date(start.getTime() + 1_500);
    await t.db.job.updateMany({
      where: { id: { in: first.slice(1).map((j) => j.id) } },
      data: { lockedUntil: new Date(later.getTime() + 60_000) },
    });
    const [again] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 1_000, now: later });
    expect(again).toMatchObject({ id: first[0]?.id, attempts: 2 });
    expect(await completeJobs(t.db, first, "other")).toBe(0);
    expect(await extendLeases(t.db, first, "w", 60_000)).toBe(2);
    expect(await completeJobs(t.db, first, "w")).toBe(2);
    const rows = await t.db.job.findMany({ orderBy: { status: "asc" } });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ["running", 2],
      ["succeeded", 1],
      ["succeeded", 1],
    ]);
    expect(
      rows.filter((row) => row.status === "succeeded").every((row) => row.finishedAt && !row.lockedBy),
    ).toBe(true);
    expect(await completeJobs(t.db, [again as never, first[1] as never], "w")).toBe(1);
  });

  it("tells whether a flow still has a job that will run", async () => {
    await clean();
    const flow = (n: number) => ({ key: `flow:a:${n}`, maxAttempts: 2 });
    expect(await hasLiveJob(t.db, "flow:a:")).toBe(false);
    await enqueue(t.db, T_X, {}, flow(0));
    const now = new Date();
    expect(await hasLiveJob(t.db, "flow:a:", now)).toBe(true);
    const [job] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 1_000, now });
    expect(await hasLiveJob(t.db, "flow:a:", now)).toBe(true);
    // Its worker died: the lease expired with an attempt left, so the next claim takes it back.
    const later = new Date(now.getTime() + 2_000);
    expect(await hasLiveJob(t.db, "flow:a:", later)).toBe(true);
    await t.db.job.update({ where: { id: job?.id }, data: { attempts: 2 } });
    // On its last attempt it will only be buried: nothing will move the flow any more.
    expect(await hasLiveJob(t.db, "flow:a:", later)).toBe(false);
    await t.db.job.update({ where: { id: job?.id }, data: { status: "dead" } });
    expect(await hasLiveJob(t.db, "flow:a:", later)).toBe(false);
    expect(await hasLiveJob(t.db, "flow:b:", later)).toBe(false);
  });

  it("schedules a retry with backoff, then dead-letters after the last attempt with its error", async () => {
    await clean();
    await enqueue(t.db, T_X, {}, { maxAttempts: 2 });
    const t0 = new Date();
    const [first] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 60_000, now: t0 });
    expect(await failJob(t.db, first as never, "w", "boom 1", t0)).toBe("failed");
    const failed = await t.db.job.findUniqueOrThrow({ where: { id: first?.id } });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toBe("boom 1");
    const delay = (failed.runAt.getTime() - t0.getTime()) / 1000;
    expect(delay).toBeGreaterThanOrEqual(Math.E * 0.75 - 0.01);
    expect(delay).toBeLessThan(Math.E * 1.25);
    expect(await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 60_000, now: t0 })).toEqual([]);
    const [second] = await claimJobs(t.db, dialect, {
      workerId: "w",
      limit: 1,
      leaseMs: 60_000,
      now: failed.runAt,
    });
    expect(second?.attempts).toBe(2);
    expect(await failJob(t.db, second as never, "w", "boom 2")).toBe("dead");
    const dead = await t.db.job.findUniqueOrThrow({ where: { id: first?.id } });
    expect(dead).toMatchObject({ status: "dead", lastError: "boom 2", lockedBy: null });
    expect(dead.finishedAt).not.toBeNull();
  });

  it("dead-letters a job whose worker died on its last attempt", async () => {
    await clean();
    await enqueue(t.db, T_X, {}, { maxAttempts: 1 });
    const t0 = new Date();
    await claimJobs(t.db, dialect, { workerId: "gone", limit: 1, leaseMs: 1_000, now: t0 });
    const later = new Date(t0.getTime() + 2_000);
    expect(await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 1_000, now: later })).toEqual(
      [],
    );
    expect(await buryExpiredJobs(t.db, later)).toBe(1);
    expect(await t.db.job.findFirstOrThrow()).toMatchObject({
      status: "dead",
      lastError: expect.stringMatching(/lease expired/),
    });
  });

  it("releases a job on shutdown without counting the attempt", async () => {
    await clean();
    await enqueue(t.db, T_X, {});
    const [job] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 60_000 });
    await releaseJob(t.db, job as never, "w");
    expect(await t.db.job.findFirstOrThrow()).toMatchObject({
      status: "pending",
      attempts: 0,
      lockedBy: null,
    });
  });

  it("requeues a dead job only for its own shop", async () => {
    await clean();
    await enqueue(t.db, T_X, {}, { shopDomain: "a.myshopify.com", maxAttempts: 1 });
    const [job] = await claimJobs(t.db, dialect, { workerId: "w", limit: 1, leaseMs: 60_000 });
    await failJob(t.db, job as never, "w", "boom");
    expect(await requeueDeadJob(t.db, job?.id as string, "b.myshopify.com")).toBe(false);
    expect(await requeueDeadJob(t.db, job?.id as string, "a.myshopify.com")).toBe(true);
    expect(await t.db.job.findFirstOrThrow()).toMatchObject({ status: "pending", attempts: 0 });
    expect(await requeueDeadJob(t.db, job?.id as string, "a.myshopify.com")).toBe(false);
  });

  it("prunes succeeded jobs after 30 days and dead ones after 90, and nothing unfinished", async () => {
    await clean();
    const now = new Date("2026-11-26T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const jobs = [
      { jobKey: "succeeded-31d", status: "succeeded", finishedAt: daysAgo(31) },
      { jobKey: "succeeded-29d", status: "succeeded", finishedAt: daysAgo(29) },
      { jobKey: "dead-91d", status: "dead", finishedAt: daysAgo(91) },
      { jobKey: "dead-60d", status: "dead", finishedAt: daysAgo(60) },
      // Unfinished jobs stay however old they are.
      { jobKey: "pending-old", status: "pending", finishedAt: null, createdAt: daysAgo(400) },
      { jobKey: "failed-old", status: "failed", finishedAt: null, createdAt: daysAgo(400) },
    ];
    await t.db.job.createMany({ data: jobs.map((job) => ({ type: "x", ...job })) });
    // More than one batch (500) of old succeeded jobs.
    await t.db.job.createMany({
      data: Array.from({ length: 1_105 }, (_, i) => ({
        type: "x",
        jobKey: `bulk-${i}`,
        status: "succeeded",
        finishedAt: daysAgo(45),
      })),
    });

    expect(await pruneFinishedJobs(t.db, now)).toBe(1_107);
    const left = await t.db.job.findMany({ select: { jobKey: true }, orderBy: { jobKey: "asc" } });
    expect(left.map((job) => job.jobKey)).toEqual(["dead-60d", "failed-old", "pending-old", "succeeded-29d"]);
    expect(await pruneFinishedJobs(t.db, now)).toBe(0);
  });

  it("numbers a flow's next attempt past the highest still queued, so pruned attempts never collide", async () => {
    await clean();
    expect(await nextAttempt(t.db, "export.system:a1:stripe:")).toBe(0);
    for (const attempt of [0, 1, 2]) {
      await enqueue(t.db, T_X, {}, { key: `export.system:a1:stripe:${attempt}` });
    }
    await enqueue(t.db, T_X, {}, { key: "export.system:a1:shopify:7" });
    expect(await nextAttempt(t.db, "export.system:a1:stripe:")).toBe(3);

    // Attempts 0 and 1 pruned: counting the jobs left would give 1, a key still taken.
    await t.db.job.deleteMany({
      where: { jobKey: { in: ["export.system:a1:stripe:0", "export.system:a1:stripe:1"] } },
    });
    const next = await nextAttempt(t.db, "export.system:a1:stripe:");
    expect(next).toBe(3);
    expect(await enqueue(t.db, T_X, {}, { key: `export.system:a1:stripe:${next}` })).not.toBeNull();
  });
});
