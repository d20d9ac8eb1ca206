// The worker loop against real databases: success, retry, dead letter, shutdown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { handle, type JobHandler, PermanentJobError } from "~/jobs/handler";
import { enqueue, enqueueMany } from "~/jobs/queue/enqueue.server";
import { defineJobType } from "~/jobs/queue/job-type";
import { startWorker } from "~/jobs/worker.server";
import { createTransport } from "~/mail/transport.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { memoryLogger, noConnectors, TEST_SECRET_KEY, testLinks } from "../support/test-logger";

describe.each(testDialects())("worker on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  function worker(handlers: JobHandler[], options: { pollMs?: number; leaseMs?: number } = {}) {
    return startWorker({
      db: t.db,
      dialect,
      handlers,
      log: memoryLogger(),
      pollMs: options.pollMs ?? 50,
      leaseMs: options.leaseMs,
      connectors: noConnectors,
      secretKey: TEST_SECRET_KEY,
      links: testLinks,
      mail: createTransport({ from: "Vigie <vigie@mail.example>" }),
    });
  }

  it("runs a job's handler with its validated payload and marks it succeeded", async () => {
    const seen: number[] = [];
    const T_TEST_RECORD = defineJobType({ id: "test.record", payload: z.object({ n: z.number() }) });
    const job = handle(T_TEST_RECORD, async ({ n }) => {
      seen.push(n);
    });
    const w = worker([job as JobHandler]);
    const created = await enqueue(t.db, T_TEST_RECORD, { n: 42 });
    await eventually(
      async () => (await t.db.job.findUnique({ where: { id: created?.id } }))?.status === "succeeded",
    );
    await w.stop();
    expect(seen).toEqual([42]);
  });

  it("retries a failing job, which succeeds later", async () => {
    let calls = 0;
    const T_TEST_FLAKY = defineJobType({ id: "test.flaky", payload: z.object({}) });
    const job = handle(T_TEST_FLAKY, async () => {
      calls++;
      if (calls === 1) throw new Error("vendor down");
    });
    const w = worker([job as JobHandler]);
    const created = await enqueue(t.db, T_TEST_FLAKY, {});
    await eventually(
      async () => (await t.db.job.findUnique({ where: { id: created?.id } }))?.status === "failed",
    );
    // Skip the backoff wait rather than sleeping through it.
    await t.db.job.update({ where: { id: created?.id }, data: { runAt: new Date() } });
    const done = await eventually(async () => {
      const row = await t.db.job.findUnique({ where: { id: created?.id } });
      return row?.status === "succeeded" && row;
    });
    await w.stop();
    expect(calls).toBe(2);
    expect(done.attempts).toBe(2);
  });

  it("sends a permanent error, an invalid payload or an unknown type straight to the dead letters", async () => {
    const T_TEST_PERMANENT = defineJobType({ id: "test.permanent", payload: z.object({ ok: z.boolean() }) });
    const job = handle(T_TEST_PERMANENT, async () => {
      throw new PermanentJobError("cannot ever work");
    });
    const w = worker([job as JobHandler]);
    const permanent = await enqueue(t.db, T_TEST_PERMANENT, { ok: true });
    // Rows the handler's schema refuses (written by an older version) or that no handler knows.
    const older = defineJobType({ id: "test.permanent", payload: z.object({ ok: z.string() }) });
    const invalid = await enqueue(t.db, older, { ok: "yes" });
    const unknown = await enqueue(t.db, defineJobType({ id: "test.nobody", payload: z.object({}) }), {});
    for (const [created, error] of [
      [permanent, /cannot ever work/],
      [invalid, /ZodError/],
      [unknown, /no handler registered for job type test.nobody/],
    ] as const) {
      const row = await eventually(async () => {
        const found = await t.db.job.findUnique({ where: { id: created?.id } });
        return found?.status === "dead" && found;
      });
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(error);
    }
    await w.stop();
  });

  it("lets a running job finish on stop, then claims nothing more", async () => {
    let release: () => void = () => {};
    const started: string[] = [];
    const T_TEST_SLOW = defineJobType({ id: "test.slow", payload: z.object({ name: z.string() }) });
    const job = handle(T_TEST_SLOW, async ({ name }) => {
      started.push(name);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const w = worker([job as JobHandler]);
    const first = await enqueue(t.db, T_TEST_SLOW, { name: "first" });
    await eventually(async () => started.length === 1);
    const stopping = w.stop(5_000);
    const second = await enqueue(t.db, T_TEST_SLOW, { name: "second" });
    setTimeout(() => release(), 200);
    await stopping;
    expect((await t.db.job.findUniqueOrThrow({ where: { id: first?.id } })).status).toBe("succeeded");
    expect((await t.db.job.findUniqueOrThrow({ where: { id: second?.id } })).status).toBe("pending");
    expect(started).toEqual(["first"]);
  });

  it("releases a job still running when the grace period ends, aborting its signal", async () => {
    let aborted = false;
    const T_TEST_STUCK = defineJobType({ id: "test.stuck", payload: z.object({}) });
    const job = handle(
      T_TEST_STUCK,
      (_payload, { signal }) =>
        new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            resolve();
          });
        }),
    );
    const w = worker([job as JobHandler]);
    const created = await enqueue(t.db, T_TEST_STUCK, {});
    await eventually(
      async () => (await t.db.job.findUnique({ where: { id: created?.id } }))?.status === "running",
    );
    await w.stop(100);
    expect(aborted).toBe(true);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: created?.id } })).toMatchObject({
      status: "pending",
      attempts: 0,
      lockedBy: null,
    });
  });

  it("misses no wake-up: a job added while it claims starts without waiting for the next poll", async () => {
    const T_TEST_WOKEN = defineJobType({ id: "test.woken", payload: z.object({ n: z.number() }) });
    const done: number[] = [];
    const job = handle(T_TEST_WOKEN, async ({ n }) => {
      done.push(n);
    });
    // No polling: only the enqueue's wake-up makes the worker claim. The job is added while the
    // new worker's first claim is on its way to the database, which cannot see it yet.
    for (let n = 0; n < 20; n++) {
      const w = worker([job as JobHandler], { pollMs: 60_000 });
      try {
        await enqueue(t.db, T_TEST_WOKEN, { n });
        await eventually(async () => done.includes(n), 3_000);
      } finally {
        await w.stop();
      }
    }
    expect(done).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  // docs/decisions/091: a burst of one shop's jobs runs as a few large batches.
  describe("batches", () => {
    function batching(id: string, options: { lingerMs?: number }, gate?: () => Promise<void>) {
      const T = defineJobType({ id, payload: z.object({ n: z.number() }), batch: 50, ...options });
      const runs: { shop: string | null; ns: number[] }[] = [];
      const job = handle(
        T,
        async ({ n }, { shopDomain }) => {
          runs.push({ shop: shopDomain, ns: [n] });
          await gate?.();
        },
        async (jobs, { shopDomain }) => {
          runs.push({ shop: shopDomain, ns: jobs.map((j) => j.payload.n) });
          await gate?.();
          return jobs.map((j) => j.jobId);
        },
      );
      const add = (n: number, shopDomain: string) => enqueue(t.db, T, { n }, { shopDomain });
      const addMany = (ns: number[], shopDomain: string) =>
        enqueueMany(
          t.db,
          T,
          ns.map((n) => ({ payload: { n }, options: { shopDomain } })),
        );
      return { job: job as JobHandler, runs, add, addMany };
    }
    const settled = (id: string) =>
      eventually(
        async () => (await t.db.job.count({ where: { type: id, status: { not: "succeeded" } } })) === 0,
      );

    it("waits lingerMs for more of the shop's jobs before a batch smaller than its size starts", async () => {
      const { job, runs, add } = batching("test.linger", { lingerMs: 300 });
      const w = worker([job]);
      await add(1, "a.myshopify.com");
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const n of [2, 3, 4]) await add(n, "a.myshopify.com");
      await settled("test.linger");
      await w.stop();
      // Without the wait, job 1 would have run alone and 2–4 in a batch of their own.
      expect(runs).toEqual([{ shop: "a.myshopify.com", ns: [1, 2, 3, 4] }]);
    });

    it("lingers each shop's batch at once, without holding other jobs back", async () => {
      const { job, runs } = batching("test.linger-shops", { lingerMs: 500 });
      const T_SINGLE = defineJobType({ id: "test.not-batched", payload: z.object({}) });
      let singleAt = 0;
      const single = handle(T_SINGLE, async () => {
        singleAt = Date.now();
      });
      const w = worker([job, single as JobHandler], { pollMs: 60_000 });
      const started = Date.now();
      await t.db.$transaction(async (tx) => {
        await enqueue(tx, T_SINGLE, {});
        await enqueueMany(
          tx,
          defineJobType({ id: "test.linger-shops", payload: z.object({ n: z.number() }) }),
          [
            { payload: { n: 1 }, options: { shopDomain: "a.myshopify.com" } },
            { payload: { n: 2 }, options: { shopDomain: "b.myshopify.com" } },
          ],
        );
      });
      await settled("test.linger-shops");
      const finished = Date.now();
      await eventually(async () => singleAt > 0);
      await w.stop();
      expect(runs.map((run) => run.shop).sort()).toEqual(["a.myshopify.com", "b.myshopify.com"]);
      // One after the other, the two waits would take 1 000 ms; the single job waits for neither.
      expect(finished - started).toBeLessThan(950);
      expect(singleAt - started).toBeLessThan(450);
    });

    it("starts no second batch of a shop beside its running one: what comes meanwhile waits, then runs as one batch", async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const { job, runs, add } = batching("test.one-batch", {}, () =>
        runs.length === 1 ? gate : Promise.resolve(),
      );
      const w = worker([job]);
      await add(1, "a.myshopify.com");
      await eventually(async () => runs.length === 1);
      // The worker is woken for each of these, with free slots: each could have started a batch.
      for (const n of [2, 3, 4]) await add(n, "a.myshopify.com");
      await add(9, "b.myshopify.com");
      // Another shop's batch is not held back by a.
      await eventually(async () => runs.some((run) => run.shop === "b.myshopify.com"));
      expect(runs.filter((run) => run.shop === "a.myshopify.com")).toHaveLength(1);
      open();
      await settled("test.one-batch");
      await w.stop();
      expect(runs.filter((run) => run.shop === "a.myshopify.com")).toEqual([
        { shop: "a.myshopify.com", ns: [1] },
        { shop: "a.myshopify.com", ns: [2, 3, 4] },
      ]);
    });

    it("keeps renewing the lease of a job waiting for its shop's batch", async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const { job, runs, add } = batching("test.waiting-lease", {}, () =>
        runs.length === 1 ? gate : Promise.resolve(),
      );
      const w = worker([job], { leaseMs: 600 });
      await add(1, "a.myshopify.com");
      await eventually(async () => runs.length === 1);
      const waiting = await add(2, "a.myshopify.com");
      await eventually(
        async () => (await t.db.job.findUnique({ where: { id: waiting?.id } }))?.status === "running",
      );
      // Three leases long: without renewal the lease lapses and the job is claimed again.
      await new Promise((resolve) => setTimeout(resolve, 1_800));
      const held = await t.db.job.findUniqueOrThrow({ where: { id: waiting?.id } });
      expect(held).toMatchObject({ status: "running", attempts: 1 });
      expect(held.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
      open();
      await settled("test.waiting-lease");
      await w.stop();
      expect(runs).toEqual([
        { shop: "a.myshopify.com", ns: [1] },
        { shop: "a.myshopify.com", ns: [2] },
      ]);
      expect(await t.db.job.findUniqueOrThrow({ where: { id: waiting?.id } })).toMatchObject({
        status: "succeeded",
        attempts: 1,
      });
    });

    it("does not claim the shop's queue a few jobs at a time while its batch runs", async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const { job, runs, add, addMany } = batching("test.no-spin", {}, () =>
        runs.length === 1 ? gate : Promise.resolve(),
      );
      // No polling during the test: only the enqueue's wake-up makes the worker claim.
      const w = worker([job], { pollMs: 60_000 });
      await add(1, "a.myshopify.com");
      await eventually(async () => runs.length === 1);
      // One statement, so one wake-up.
      await addMany(
        Array.from({ length: 40 }, (_, i) => i + 2),
        "a.myshopify.com",
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The running batch's job and at most one claim's worth waiting (concurrency 4, one slot
      // taken); claiming on and on would have taken all 40.
      const running = await t.db.job.count({ where: { type: "test.no-spin", status: "running" } });
      expect(running).toBeGreaterThan(1);
      expect(running).toBeLessThanOrEqual(4);
      open();
      await settled("test.no-spin");
      await w.stop();
      expect(runs.flatMap((run) => run.ns).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 41 }, (_, i) => i + 1),
      );
    });

    it("hands back the jobs waiting for a shop's batch when it stops", async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const { job, runs, add } = batching("test.waiting-stop", {}, () => gate);
      const w = worker([job]);
      await add(1, "a.myshopify.com");
      await eventually(async () => runs.length === 1);
      const waiting = await add(2, "a.myshopify.com");
      await eventually(
        async () => (await t.db.job.findUnique({ where: { id: waiting?.id } }))?.status === "running",
      );
      const stopping = w.stop(5_000);
      open();
      await stopping;
      expect(runs).toEqual([{ shop: "a.myshopify.com", ns: [1] }]);
      expect(await t.db.job.findUniqueOrThrow({ where: { id: waiting?.id } })).toMatchObject({
        status: "pending",
        lockedBy: null,
      });
    });
  });
});
