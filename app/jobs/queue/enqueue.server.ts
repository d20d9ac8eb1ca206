// The one writer of Job rows: `enqueue` inside the caller's transaction (through Prisma), and the
// prepared statements the webhook intake's fast path runs on its own connection. Either way the
// payload is checked against its job type's schema, and the workers of this process are woken once
// the rows are committed. See docs/decisions/004-jobs-in-the-database.md and 041-one-shape.md.
import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import { afterCommit, type Db, type Tx } from "~/db/client.server";
import { insertRows, postgresTime, sqliteTime } from "~/db/direct.server";
import type { JobType, PayloadOf } from "./job-type";
import { jobsAdded } from "./notify.server";

export type EnqueueOptions = {
  /** A second enqueue with the same key is a no-op (e.g. one job per webhook delivery). */
  key?: string;
  /** The shop the job works for (staff see a shop's jobs by it). */
  shopDomain?: string | null;
  priority?: number;
  runAt?: Date;
  maxAttempts?: number;
};

/** A Job row about to be written. */
export type NewJob = {
  id: string;
  type: string;
  payload: string;
  jobKey: string | null;
  shopDomain: string | null;
  priority: number;
  runAt: Date;
  maxAttempts: number;
  createdAt: Date;
};

/** Builds a job's row; throws a ZodError when the payload does not match its type's schema. */
export function newJob<T extends JobType>(
  type: T,
  payload: PayloadOf<T>,
  options: EnqueueOptions = {},
  now = new Date(),
): NewJob {
  return {
    id: randomUUID(),
    type: type.id,
    payload: JSON.stringify(type.payload.parse(payload)),
    jobKey: options.key ?? null,
    shopDomain: options.shopDomain ?? null,
    priority: options.priority ?? type.priority,
    runAt: options.runAt ?? now,
    maxAttempts: options.maxAttempts ?? type.maxAttempts,
    createdAt: now,
  };
}

/**
 * Adds a job in the caller's transaction (or on its own, given the client). Returns null when a
 * job with the same key exists. The workers are woken once the transaction commits.
 */
export async function enqueue<T extends JobType>(
  client: Db | Tx,
  type: T,
  payload: PayloadOf<T>,
  options: EnqueueOptions = {},
): Promise<{ id: string } | null> {
  const [added] = await enqueueMany(client, type, [{ payload, options }]);
  return added ?? null;
}

/**
 * Adds several jobs of one type in one statement (a batch's follow-ups); returns those added, a
 * key that exists adding nothing.
 */
export async function enqueueMany<T extends JobType>(
  client: Db | Tx,
  type: T,
  jobs: { payload: PayloadOf<T>; options?: EnqueueOptions }[],
): Promise<{ id: string }[]> {
  if (jobs.length === 0) return [];
  const now = new Date();
  const rows = jobs.map(({ payload, options }) => {
    const job = newJob(type, payload, options, now);
    return {
      ...job,
      status: "pending",
      attempts: 0,
      updatedAt: job.createdAt,
    };
  });
  // ON CONFLICT DO NOTHING keeps a PostgreSQL transaction usable, where a failed Prisma create
  // (P2002) would abort it.
  const added = await insertRows<{ id: string }>(
    client,
    "Job",
    rows,
    `ON CONFLICT ("jobKey") DO NOTHING RETURNING "id"`,
  );
  if (added.length > 0) afterCommit(client, jobsAdded);
  return added;
}

// The same row, for statements run on a driver's own connection (the webhook intake).
const COLUMNS = `"id", "type", "payload", "jobKey", "shopDomain", "status", "priority", "runAt", "attempts", "maxAttempts", "createdAt", "updatedAt"`;

/**
 * A prepared insert of job rows on a better-sqlite3 connection, for a caller that batches its own
 * transaction (the intake's group commit). `insert` returns false when the key exists; call
 * `committed()` once the caller's transaction committed.
 */
export function sqliteJobWriter(connection: BetterSqlite3.Database) {
  const statement = connection.prepare(
    `INSERT INTO "Job" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, 0, ?, ?, ?)
     ON CONFLICT ("jobKey") DO NOTHING`,
  );
  return {
    insert(job: NewJob): boolean {
      const created = sqliteTime(job.createdAt);
      return (
        statement.run(
          job.id,
          job.type,
          job.payload,
          job.jobKey,
          job.shopDomain,
          job.priority,
          sqliteTime(job.runAt),
          job.maxAttempts,
          created,
          created,
        ).changes === 1
      );
    },
    committed: jobsAdded,
  };
}

/**
 * The insert of job rows in a PostgreSQL statement, one per row `FROM source` (e.g. the CTE of the
 * rows they depend on: no job without its row), whose columns are `jobColumns`' names; `jobArrays`
 * gives the matching arrays, to pass to `unnest` in the caller's order. Call `committed()` once the
 * statement inserted a row.
 */
export function postgresJobsInsert(source: string) {
  return {
    sql: `INSERT INTO "Job" (${COLUMNS})
      SELECT "jobId", "jobType", "jobPayload", "jobKey", "jobShop", 'pending', "jobPriority",
             "jobRunAt"::timestamp, 0, "jobMaxAttempts", "jobCreatedAt"::timestamp, "jobCreatedAt"::timestamp
        FROM ${source}
      ON CONFLICT ("jobKey") DO NOTHING`,
    /** The columns' names and types for `unnest(…) AS t(…)`, in `arrays`' order. */
    columns: [
      ["jobId", "text"],
      ["jobType", "text"],
      ["jobPayload", "text"],
      ["jobKey", "text"],
      ["jobShop", "text"],
      ["jobPriority", "int"],
      ["jobRunAt", "text"],
      ["jobMaxAttempts", "int"],
      ["jobCreatedAt", "text"],
    ] as const,
    arrays: (jobs: NewJob[]) => [
      jobs.map((job) => job.id),
      jobs.map((job) => job.type),
      jobs.map((job) => job.payload),
      jobs.map((job) => job.jobKey),
      jobs.map((job) => job.shopDomain),
      jobs.map((job) => job.priority),
      jobs.map((job) => postgresTime(job.runAt)),
      jobs.map((job) => job.maxAttempts),
      jobs.map((job) => postgresTime(job.createdAt)),
    ],
    committed: jobsAdded,
  };
}
