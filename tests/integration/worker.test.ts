// The worker loop against real databases: success, retry, dead letter, shutdown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, type JobDefinition, PermanentJobError } from "~/jobs/define-job";
import { enqueue, notifyEnqueued } from "~/jobs/queue.server";
import { startWorker } from "~/jobs/worker.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { memoryLogger, noConnectors, TEST_SECRET_KEY } from "../support/test-logger";

describe.each(testDialects())("worker on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());

  function worker(jobs: JobDefinition[], options: { pollMs?: number } = {}) {
    return startWorker({
      db: t.db,
      dialect,
      jobs,
      log: memoryLogger(),
      pollMs: options.pollMs ?? 50,
      connectors: noConnectors,
      secretKey: TEST_SECRET_KEY,
    });
  }

  it("runs a job's handler with its validated payload and marks it succeeded", async () => {
    const seen: number[] = [];
    const job = defineJob({
      id: "test.record",
      payloadSchema: z.object({ n: z.number() }),
      handler: async ({ n }) => {
        seen.push(n);
      },
    });
    const w = worker([job as JobDefinition]);
    const created = await enqueue(t.db, { type: "test.record", payload: { n: 42 } });
    notifyEnqueued();
    await eventually(
      async () => (await t.db.job.findUnique({ where: { id: created?.id } }))?.status === "succeeded",
    );
    await w.stop();
    expect(seen).toEqual([42]);
  });

  it("retries a failing job, which succeeds later", async () => {
    let calls = 0;
    const job = defineJob({
      id: "test.flaky",
      payloadSchema: z.object({}),
      handler: async () => {
        calls++;
        if (calls === 1) throw new Error("vendor down");
      },
    });
    const w = worker([job as JobDefinition]);
    const created = await enqueue(t.db, { type: "test.flaky", payload: {} });
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
    const job = defineJob({
      id: "test.permanent",
      payloadSchema: z.object({ ok: z.boolean() }),
      handler: async () => {
        throw new PermanentJobError("cannot ever work");
      },
    });
    const w = worker([job as JobDefinition]);
    const permanent = await enqueue(t.db, { type: "test.permanent", payload: { ok: true } });
    const invalid = await enqueue(t.db, { type: "test.permanent", payload: { ok: "yes" } });
    const unknown = await enqueue(t.db, { type: "test.nobody", payload: {} });
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
    const job = defineJob({
      id: "test.slow",
      payloadSchema: z.object({ name: z.string() }),
      handler: async ({ name }) => {
        started.push(name);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    const w = worker([job as JobDefinition]);
    const first = await enqueue(t.db, { type: "test.slow", payload: { name: "first" } });
    await eventually(async () => started.length === 1);
    const stopping = w.stop(5_000);
    const second = await enqueue(t.db, { type: "test.slow", payload: { name: "second" } });
    notifyEnqueued();
    setTimeout(() => release(), 200);
    await stopping;
    expect((await t.db.job.findUniqueOrThrow({ where: { id: first?.id } })).status).toBe("succeeded");
    expect((await t.db.job.findUniqueOrThrow({ where: { id: second?.id } })).status).toBe("pending");
    expect(started).toEqual(["first"]);
  });

  it("releases a job still running when the grace period ends, aborting its signal", async () => {
    let aborted = false;
    const job = defineJob({
      id: "test.stuck",
      payloadSchema: z.object({}),
      handler: (_payload, { signal }) =>
        new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            resolve();
          });
        }),
    });
    const w = worker([job as JobDefinition]);
    const created = await enqueue(t.db, { type: "test.stuck", payload: {} });
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
});
