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
  // The batch keys (type and shop) now running, and the claimed jobs waiting for each to finish.
  const runningKeys = new Set<string>();
  const waiting = new Map<string, ClaimedJob[]>();
  // Waiting jobs keep their leases as running ones do: a batch of vendor calls can outlast one.
  const waitingHeartbeat = setInterval(() => {
    const held = [...waiting.values()].flat();
    if (held.length > 0)
      extendLeases(db, held, workerId, leaseMs).catch((error) =>
        log.warn("lease extension failed", { error: describe(error) }),
      );
  }, leaseMs / 3);
  const shutdown = new AbortController();
  let stopping = false;
  let wake: (() => void) | undefined;
  // A wake-up that came while the loop was not asleep (claiming, starting): the claim then under
  // way may have missed those jobs, so the loop claims again instead of sleeping until the poll.
  let woken = false;
  const signal = () => {
    if (wake) wake();
    else woken = true;
  };
  let polls = 0;

  const unsubscribe = onJobsAdded(signal);

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

  /** The key of the batch a job joins: its type and shop, for a batching type; else none. */
  function batchKey(job: ClaimedJob): string | undefined {
    const type = registry.get(job.type);
    if (!type?.runBatch || (type.type.batch ?? 1) < 2 || !job.shopDomain) return undefined;
    return `${job.type}\n${job.shopDomain}`;
  }

  /**
   * Groups claimed jobs into units (one job, or a batch of one type and shop) and starts them. A
   * batch whose shop already has one running waits for it instead of starting beside it: two
   * batches of a shop would only queue on its lock, each the smaller (docs/decisions/091).
   */
  function start(claimed: ClaimedJob[]): number {
    let launched = 0;
    const batches = new Map<string, ClaimedJob[]>();
    for (const job of claimed) {
      const key = batchKey(job);
      if (!key) {
        launch([job]);
        launched++;
      } else batches.set(key, [...(batches.get(key) ?? []), job]);
    }
    for (const [key, jobs] of batches) {
      const size = registry.get((jobs[0] as ClaimedJob).type)?.type.batch ?? 1;
      const later = runningKeys.has(key) ? jobs : jobs.slice(size);
      if (later.length > 0) waiting.set(key, [...(waiting.get(key) ?? []), ...later]);
      if (runningKeys.has(key)) continue;
      launch(jobs.slice(0, size), key);
      launched++;
    }
    return launched;
  }

  /**
   * A batch's jobs once its type's linger is over, with those claimed for it meanwhile and its
   * shop's due companions, up to its type's batch size.
   */
  async function toppedUp(first: ClaimedJob[], key: string): Promise<ClaimedJob[]> {
    const { type, shopDomain } = first[0] as ClaimedJob & { shopDomain: string };
    const { batch: size = 1, lingerMs = 0 } = registry.get(type)?.type ?? {};
    if (first.length < size && lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
    const jobs = [...first, ...(waiting.get(key) ?? [])];
    waiting.delete(key);
    if (jobs.length > size) waiting.set(key, jobs.slice(size));
    if (jobs.length >= size) return jobs.slice(0, size);
    try {
      const more = await claimJobs(db, dialect, {
        workerId,
        limit: size - jobs.length,
        leaseMs,
        only: { type, shopDomain },
      });
      return [...jobs, ...more];
    } catch (error) {
      log.error("claiming a batch's jobs failed", { error: describe(error) });
      return jobs;
    }
  }

  /**
   * Runs one job, or the batch of `key` topped up with its companions (its wait does not hold the
   * loop back); then starts what waited for that batch.
   */
  function launch(first: ClaimedJob[], key?: string) {
    const [job] = first as [ClaimedJob];
    const entry = { jobs: first, done: Promise.resolve() };
    if (key) runningKeys.add(key);
    const work = async () => {
      if (key) entry.jobs = await toppedUp(first, key);
      return entry.jobs.length === 1 ? run(job) : runBatch(entry.jobs);
    };
    entry.done = work()
      .finally(async () => {
        if (running.get(job.id) === entry) running.delete(job.id);
        if (!key) return;
        runningKeys.delete(key);
        const next = waiting.get(key);
        if (!next) return;
        waiting.delete(key);
        // Stopping: what waited is handed back rather than started.
        if (stopping) for (const job of next) await releaseJob(db, job, workerId);
        else start(next);
      })
      .catch((error) => log.error("starting a waiting batch failed", { error: describe(error) }))
      .finally(signal);
    running.set(job.id, entry);
  }

  async function loop() {
    while (!stopping) {
      let claimed: ClaimedJob[] = [];
      // What was added before this claim starts, it sees.
      woken = false;
      try {
        if (++polls % 20 === 1) {
          await buryExpiredJobs(db);
          if (await enqueueScheduled(db, options.schedules ?? [])) signal();
        }
        const free = concurrency - running.size;
        if (free > 0) claimed = await claimJobs(db, dialect, { workerId, limit: free, leaseMs });
      } catch (error) {
        log.error("claiming jobs failed", { error: describe(error) });
      }
      // Jobs that only joined a running batch's wait started nothing: sleep until woken, rather
      // than claim the queue a few jobs at a time while that batch runs.
      const launched = start(claimed);
      if ((launched === 0 || running.size >= concurrency) && !woken) {
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
      clearInterval(waitingHeartbeat);
      signal();
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
        const held = [...running.values()].flatMap(({ jobs }) => jobs).concat(...waiting.values());
        for (const job of held) await releaseJob(db, job, workerId);
        shutdown.abort();
        log.warn("worker stopped with jobs still running: released them", {
          workerId,
          released: held.length,
        });
      }
      log.info("worker stopped", { workerId, inFlight: inFlight.length });
    },
  };
}
