// The job worker: claims jobs with a lease, runs their handlers, records the outcome. Runs in the
// web process (npm start) or alone (npm run worker); several may run against one database.
import { hostname } from "node:os";
import type { Dialect } from "~/config.server";
import { ConnectorError } from "~/connectors/connector";
import type { Db } from "~/db/client.server";
import type { Logger } from "~/utils/logger.server";
import { type JobContext, type JobHandler, PermanentJobError } from "./handler";
import {
  buryExpiredJobs,
  type ClaimedJob,
  claimJobs,
  completeJob,
  completeJobs,
  extendLease,
  extendLeases,
  failJob,
  releaseJob,
} from "./queue/leases.server";
import { onJobsAdded } from "./queue/notify.server";
import { enqueueScheduled, type Schedule } from "./queue/schedules.server";

export type WorkerOptions = {
  db: Db;
  dialect: Dialect;
  connectors: JobContext["connectors"];
  links: JobContext["links"];
  mail: JobContext["mail"];
  secretKey: Buffer;
  /** Recurring jobs this worker keeps enqueued (see schedules.server.ts). */
  schedules?: Schedule[];
  handlers: JobHandler[];
  log: Logger;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
};

export type Worker = {
  workerId: string;
  /** Stops claiming; waits up to graceMs for running jobs, then releases the rest. */
  stop(graceMs?: number): Promise<void>;
};

function describe(error: unknown) {
  // Messages only: stack traces may quote payload values, and job rows must not hold personal data.
  return error instanceof Error
    ? `${error.name}: ${error.message}`.slice(0, 2000)
    : String(error).slice(0, 2000);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function startWorker(options: WorkerOptions): Worker {
  const { db, dialect, log } = options;
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const registry = new Map(options.handlers.map((handler) => [handler.type.id, handler]));
  // Keyed by the first job of each unit: one job, or a batch of one type and shop.
  const running = new Map<string, { jobs: ClaimedJob[]; done: Promise<void> }>();
  const shutdown = new AbortController();
  let stopping = false;
  let wake: (() => void) | undefined;
  let polls = 0;

  const unsubscribe = onJobsAdded(() => wake?.());

  const contextOf = (job: ClaimedJob, jobLog: Logger): JobContext => ({
    db,
    dialect,
    jobId: job.id,
    attempt: job.attempts,
    maxAttempts: job.maxAttempts,
    shopDomain: job.shopDomain,
    log: jobLog,
    signal: shutdown.signal,
    connectors: options.connectors,
    links: options.links,
    mail: options.mail,
    secretKey: options.secretKey,
  });

  async function run(job: ClaimedJob) {
    const handler = registry.get(job.type);
    const jobLog = log.child("job").child(job.type);
    const heartbeat = setInterval(() => {
      extendLease(db, job, workerId, leaseMs).catch((error) =>
        jobLog.warn("lease extension failed", { error }),
      );
    }, leaseMs / 3);
    try {
      if (!handler) throw new PermanentJobError(`no handler registered for job type ${job.type}`);
      const payload = handler.type.payload.parse(JSON.parse(job.payload));
      await handler.run(payload, contextOf(job, jobLog));
      if (!(await completeJob(db, job, workerId))) {
        jobLog.warn("job finished after its lease was taken over", { jobId: job.id });
      }
    } catch (error) {
      // A vendor saying no for good (bad credentials, 4xx) is not fixed by waiting: dead at once.
      const permanent =
        error instanceof PermanentJobError ||
        (error as Error)?.name === "ZodError" ||
        (error instanceof ConnectorError && !error.retryable);
      const status = await failJob(
        db,
        permanent ? { ...job, maxAttempts: job.attempts } : job,
        workerId,
        describe(error),
      );
      jobLog.warn("job failed", { jobId: job.id, attempt: job.attempts, status, error: describe(error) });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Runs jobs of one type and shop as one batch (docs/decisions/080): what the batch finished is
   * marked done at once; every other job (a payload that does not parse, one the batch left out,
   * all of them when the batch failed) then runs alone, with a single run's outcome.
   */
  async function runBatch(jobs: ClaimedJob[]) {
    const [first] = jobs as [ClaimedJob, ...ClaimedJob[]];
    const handler = registry.get(first.type);
    const jobLog = log.child("job").child(first.type);
    // Every job of the batch stays held until it is settled, those waiting to run alone too.
    const heartbeat = setInterval(() => {
      extendLeases(db, jobs, workerId, leaseMs).catch((error) =>
        jobLog.warn("lease extension failed", { error }),
      );
    }, leaseMs / 3);
    try {
      let done = new Set<string>();
      if (handler?.runBatch) {
        const parsed = jobs.flatMap((job) => {
          const payload = handler.type.payload.safeParse(safeJson(job.payload));
          return payload.success ? [{ jobId: job.id, attempt: job.attempts, payload: payload.data }] : [];
        });
        try {
          done = new Set(await handler.runBatch(parsed, contextOf(first, jobLog)));
        } catch (error) {
          jobLog.warn("batch failed: its jobs run alone", { jobs: jobs.length, error: describe(error) });
        }
      }
      const finished = jobs.filter((job) => done.has(job.id));
      const settled = await completeJobs(db, finished, workerId);
      if (settled < finished.length) {
        jobLog.warn("batch finished after some leases were taken over", { lost: finished.length - settled });
      }
      for (const job of jobs) if (!done.has(job.id)) await run(job);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Tops up each claimed job of a batching type with its due companions of the same shop. */
  async function units(claimed: ClaimedJob[]): Promise<ClaimedJob[][]> {
    const single: ClaimedJob[][] = [];
    const batches = new Map<string, ClaimedJob[]>();
    for (const job of claimed) {
      const type = registry.get(job.type);
      if (!type?.runBatch || (type.type.batch ?? 1) < 2 || !job.shopDomain) single.push([job]);
      else
        batches.set(`${job.type}\n${job.shopDomain}`, [
          ...(batches.get(`${job.type}\n${job.shopDomain}`) ?? []),
          job,
        ]);
    }
    for (const jobs of batches.values()) {
      const { type, shopDomain } = jobs[0] as ClaimedJob & { shopDomain: string };
      const size = registry.get(type)?.type.batch ?? 1;
      if (jobs.length >= size) continue;
      try {
        jobs.push(
          ...(await claimJobs(db, dialect, {
            workerId,
            limit: size - jobs.length,
            leaseMs,
            only: { type, shopDomain },
          })),
        );
      } catch (error) {
        log.error("claiming a batch's jobs failed", { error: describe(error) });
      }
    }
    return [...single, ...batches.values()];
  }

  async function loop() {
    while (!stopping) {
      let claimed: ClaimedJob[] = [];
      try {
        if (++polls % 20 === 1) {
          await buryExpiredJobs(db);
          if (await enqueueScheduled(db, options.schedules ?? [])) wake?.();
        }
        const free = concurrency - running.size;
        if (free > 0) claimed = await claimJobs(db, dialect, { workerId, limit: free, leaseMs });
      } catch (error) {
        log.error("claiming jobs failed", { error: describe(error) });
      }
      for (const jobs of await units(claimed)) {
        const [job] = jobs as [ClaimedJob];
        const done = (jobs.length === 1 ? run(job) : runBatch(jobs)).finally(() => {
          if (running.get(job.id)?.jobs === jobs) running.delete(job.id);
          wake?.();
        });
        running.set(job.id, { jobs, done });
      }
      if (claimed.length === 0 || running.size >= concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  const loopDone = loop();
  log.info("worker started", { workerId, concurrency });

  return {
    workerId,
    async stop(graceMs = 25_000) {
      if (stopping) return;
      stopping = true;
      unsubscribe();
      wake?.();
      await loopDone;
      const inFlight = [...running.values()].flatMap(({ jobs }) => jobs);
      const finished = Promise.allSettled([...running.values()].map((r) => r.done));
      const timedOut = await Promise.race([
        finished.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
      ]);
      if (timedOut) {
        // Release first: a handler that returns once aborted has not finished its work, and the
        // released row can no longer be marked succeeded by it.
        for (const { jobs } of running.values()) for (const job of jobs) await releaseJob(db, job, workerId);
        shutdown.abort();
        log.warn("worker stopped with jobs still running: released them", {
          workerId,
          released: [...running.values()].reduce((n, { jobs }) => n + jobs.length, 0),
        });
      }
      log.info("worker stopped", { workerId, inFlight: inFlight.length });
    },
  };
}
