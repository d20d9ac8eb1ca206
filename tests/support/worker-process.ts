// A worker process for the crash and concurrency tests: the real worker loop with two test jobs.
// Run with `node --import tsx tests/support/worker-process.ts`; env: DATABASE_URL, LEASE_MS, POLL_MS.
import { appendFileSync } from "node:fs";
import { dialectOf } from "~/config.server";
import { createDatabase } from "~/db/client.server";
import { handle, type JobHandler } from "~/jobs/handler";
import { startWorker } from "~/jobs/worker.server";
import { createTransport } from "~/mail/transport.server";
import { logger } from "~/utils/logger.server";
import { RecordExecutionJob, SlowEffectJob } from "./test-job-types";
import { TEST_SECRET_KEY, testLinks } from "./test-logger";

const url = process.env.DATABASE_URL as string;
const { db } = await createDatabase(url);

/** Writes "start" and, after a pause, "done" lines to a file: the job's observable effect. */
const slowEffect = handle(SlowEffectJob, async ({ file, ms }, { jobId }) => {
  appendFileSync(file, `start ${process.pid} ${jobId}\n`);
  // The job's own duration: the window in which the test kills its worker.
  await new Promise((resolve) => setTimeout(resolve, ms));
  appendFileSync(file, `done ${process.pid} ${jobId}\n`);
});

/** Records which worker ran which job, in the database under test. */
const recordExecution = handle(RecordExecutionJob, async (_payload, { jobId }) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await db.$executeRawUnsafe(
    dialectOf(url) === "postgres"
      ? `INSERT INTO test_executions (job_id, pid) VALUES ($1, $2)`
      : `INSERT INTO test_executions (job_id, pid) VALUES (?, ?)`,
    jobId,
    process.pid,
  );
});

const worker = startWorker({
  db,
  dialect: dialectOf(url),
  handlers: [slowEffect, recordExecution] as JobHandler[],
  log: logger.child("test-worker"),
  connectors: async () => ({ shopify: null, mailchimp: null, stripe: null, vigie: null }),
  secretKey: TEST_SECRET_KEY,
  links: testLinks,
  mail: createTransport({ from: "Vigie <vigie@mail.example>" }),
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
  pollMs: Number(process.env.POLL_MS ?? 50),
  concurrency: Number(process.env.CONCURRENCY ?? 4),
});
process.stdout.write(`ready ${process.pid}\n`);
process.on("SIGTERM", async () => {
  await worker.stop(5_000);
  await db.$disconnect();
  process.exit(0);
});
