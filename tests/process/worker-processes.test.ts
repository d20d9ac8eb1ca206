// Worker processes against a real database: a SIGKILL mid-job, and two workers sharing a queue.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { eventually } from "../support/server";
import { RecordExecutionJob, SlowEffectJob } from "../support/test-job-types";

function spawnWorker(url: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/worker-process.ts"], {
    env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: url, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const ready = eventually(async () => output.includes("ready"), 20_000).catch(() => {
    throw new Error(`worker did not start:\n${output}`);
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, ready, exited, output: () => output };
}

function stopAll(children: ChildProcess[]) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
}

describe.each(testDialects())("worker processes on %s", (dialect) => {
  let t: TestDatabase;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await t.db.$executeRawUnsafe("CREATE TABLE test_executions (job_id TEXT NOT NULL, pid INTEGER NOT NULL)");
  });
  afterAll(async () => {
    stopAll(children);
    await t.drop();
  });

  it("completes a job exactly once after its worker is killed mid-job and the lease expires", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "vigie-kill-")), "effects.log");
    const created = await enqueue(t.db, SlowEffectJob, { file, ms: 1_500 });
    const first = spawnWorker(t.url, { LEASE_MS: "2000" });
    children.push(first.child);
    await first.ready;
    await eventually(async () => existsSync(file) && readFileSync(file, "utf8").includes("start"));
    first.child.kill("SIGKILL");
    await first.exited;
    const stuck = await t.db.job.findUniqueOrThrow({ where: { id: created?.id } });
    expect(stuck).toMatchObject({ status: "running", attempts: 1 });

    const second = spawnWorker(t.url, { LEASE_MS: "2000" });
    children.push(second.child);
    await second.ready;
    const done = await eventually(async () => {
      const row = await t.db.job.findUnique({ where: { id: created?.id } });
      return row?.status === "succeeded" && row;
    }, 15_000);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.filter((line) => line.startsWith("start"))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith("done"))).toEqual([
      `done ${second.child.pid} ${created?.id}`,
    ]);
    expect(done.attempts).toBe(2);
    second.child.kill("SIGTERM");
    await second.exited;
  });

  it("never runs a job twice when two workers share the queue", async () => {
    const total = 150;
    await t.db.$transaction(async (tx) => {
      for (let i = 0; i < total; i++) await enqueue(tx, RecordExecutionJob, {});
    });
    const workers = [spawnWorker(t.url, { POLL_MS: "10" }), spawnWorker(t.url, { POLL_MS: "10" })];
    children.push(...workers.map((w) => w.child));
    await Promise.all(workers.map((w) => w.ready));
    await eventually(
      async () =>
        (await t.db.job.count({ where: { type: "test.record-execution", status: "succeeded" } })) === total,
      30_000,
    );
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));

    const rows = await t.db.$queryRawUnsafe<{ job_id: string; pid: number | bigint }[]>(
      "SELECT job_id, pid FROM test_executions",
    );
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.job_id)).size).toBe(total);
    const perWorker = new Set(rows.map((row) => Number(row.pid)));
    expect(perWorker.size).toBe(2);
  });
});
