// Durable intake: a verified delivery is stored with its job in one transaction, or recognised
// as a duplicate; never a receipt without its job. This is the hot path (bursts of orders, mass
// erasures; Shopify gives up after 5 s), so it talks to the database driver directly with
// prepared statements, not through Prisma: docs/decisions/006-webhook-intake-outside-remix.md
// has the measurements.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { dialectOf } from "~/config.server";
import { postgresTime } from "~/db/direct.server";
import { ProcessWebhookJob } from "~/jobs/job-types";
import { newJob, postgresJobsInsert, sqliteJobWriter } from "~/jobs/queue/enqueue.server";
import { logger } from "~/utils/logger.server";

export type ReceiptInput = {
  source: "shopify" | "stripe" | "mailchimp" | "checkout" | "banner";
  deliveryId: string;
  shopDomain: string;
  topic: string;
  apiVersion?: string | null;
  triggeredAt?: string | null;
  eventId?: string | null;
  body: string;
};

export type ReceiptStore = {
  /** Stores a receipt and its processing job; false when this delivery was already stored. */
  store(receipt: ReceiptInput, job: { priority: number }): Promise<boolean>;
  close(): Promise<void>;
};

/** A delivery taken by a store, waiting for the group it will be committed with. */
type Pending = {
  receipt: ReceiptInput;
  priority: number;
  resolve(stored: boolean): void;
  reject(e: unknown): void;
};

const RECEIPT_COLUMNS = `"id", "source", "deliveryId", "shopDomain", "topic", "apiVersion", "triggeredAt", "eventId", "body", "bodySha256", "receivedAt"`;
function rows(receipt: ReceiptInput, priority: number, now: Date) {
  const receiptId = randomUUID();
  const receiptValues = [
    receiptId,
    receipt.source,
    receipt.deliveryId,
    receipt.shopDomain,
    receipt.topic,
    receipt.apiVersion ?? null,
    receipt.triggeredAt ?? null,
    receipt.eventId ?? null,
    receipt.body,
    createHash("sha256").update(receipt.body).digest("hex"),
  ];
  // Its job, written by the queue's own statements.
  const job = newJob(
    ProcessWebhookJob,
    { receiptId },
    { key: `webhook:${receipt.source}:${receipt.deliveryId}`, shopDomain: receipt.shopDomain, priority },
    now,
  );
  return { receiptValues, job };
}

function sqliteStore(file: string): ReceiptStore {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  const insertReceipt = db.prepare(
    `INSERT INTO "WebhookReceipt" (${RECEIPT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("source", "deliveryId") DO NOTHING`,
  );
  const jobs = sqliteJobWriter(db);
  const deleteReceipt = db.prepare(`DELETE FROM "WebhookReceipt" WHERE "id" = ?`);
  let pending: Pending[] = [];
  // Group commit: deliveries that arrive while a transaction runs are written together in the
  // next one, so a burst pays one fsync per batch instead of one per delivery. Each caller is
  // answered only after the transaction holding its receipt committed. IMMEDIATE takes the write
  // lock up front, so a concurrent writer (the worker) makes us wait rather than fail.
  const writeBatch = db.transaction((batch: Pending[]) => {
    const at = new Date();
    // Prisma's SQLite adapter stores instants as ISO 8601 with an explicit offset.
    const now = at.toISOString().replace("Z", "+00:00");
    return batch.map(({ receipt, priority }) => {
      const { receiptValues, job } = rows(receipt, priority, at);
      if (insertReceipt.run(...receiptValues, now).changes === 0) return false;
      if (!jobs.insert(job)) {
        // This delivery's job already ran and its receipt is gone (dropped for a purged shop, or
        // deleted by shop/redact): a body no job would process is not kept.
        deleteReceipt.run(receiptValues[0]);
        return false;
      }
      return true;
    });
  }).immediate;
  const flush = () => {
    const batch = pending;
    pending = [];
    try {
      const results = writeBatch(batch);
      if (results.includes(true)) jobs.committed();
      for (const [i, item] of batch.entries()) item.resolve(results[i] as boolean);
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };
  return {
    store: (receipt, job) =>
      new Promise<boolean>((resolve, reject) => {
        if (pending.push({ receipt, priority: job.priority, resolve, reject }) === 1) setImmediate(flush);
      }),
    close: async () => {
      // The deliveries already taken are stored (and answered) before the connection closes.
      if (pending.length > 0) flush();
      db.close();
    },
  };
}

/** A statement stores at most this many deliveries, or bodies of this many characters (one at least). */
const GROUP_ROWS = 200;
const GROUP_CHARS = 4 * 1024 * 1024;
/**
 * Statements in flight at once: the next group forms while one commits. One, not two: groups grow
 * larger, and PostgreSQL's CPU a delivery fell by a quarter (docs/decisions/101).
 */
const GROUPS_IN_FLIGHT = 1;

function postgresStore(url: string): ReceiptStore {
  // The statement's plan is kept per connection. Made while the Job table was small (a new
  // install), it read the whole table for the job key at every delivery once the table had grown;
  // planned anew at each run, the intake lost a quarter or more of its rate. These connections run only
  // this statement, whose one lookup is the job key's unique index (docs/decisions/094).
  // One connection for the group in flight, two more for a failed group's deliveries tried alone.
  const pool = new pg.Pool({
    connectionString: url,
    max: GROUPS_IN_FLIGHT + 2,
    options: "-c enable_seqscan=off",
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on("error", (error) =>
    logger.warn("webhook intake: idle database connection lost", { error: error.message }),
  );
  // One statement, one round trip, for a group of deliveries (docs/decisions/097): a job row exists
  // only if its receipt row was inserted, and a receipt only if its job is new. A job of this
  // delivery that already exists ran for a receipt now gone (dropped for a purged shop, deleted by
  // shop/redact): a body no job would process is not kept. Only this statement writes this job key,
  // for this same delivery, whose receipt's unique index orders concurrent copies: the check cannot
  // race the job's insert. The check is a subquery per row, not a join, so that its plan is the
  // key's index whatever the sizes the kept plan was made for.
  const jobs = postgresJobsInsert(`input JOIN receipt USING ("id")`);
  const receiptColumns: [string, string][] = [
    ["id", "text"],
    ["source", "text"],
    ["deliveryId", "text"],
    ["shopDomain", "text"],
    ["topic", "text"],
    ["apiVersion", "text"],
    ["triggeredAt", "text"],
    ["eventId", "text"],
    ["body", "text"],
    ["bodySha256", "text"],
  ];
  const columns = [...receiptColumns, ...jobs.columns];
  const receivedAt = `$${columns.length + 1}::timestamp`;
  const sql = `
    WITH input AS (
      SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")})
        AS t(${columns.map(([name]) => `"${name}"`).join(", ")})),
    receipt AS (
      INSERT INTO "WebhookReceipt" (${RECEIPT_COLUMNS})
      SELECT ${receiptColumns.map(([name]) => `"${name}"`).join(", ")}, ${receivedAt}
        FROM input
       WHERE (SELECT 1 FROM "Job" WHERE "Job"."jobKey" = input."jobKey") IS NULL
      ON CONFLICT ("source", "deliveryId") DO NOTHING
      RETURNING "id")
    ${jobs.sql}
    RETURNING "id"`;

  let pending: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  /** Stores a group in one statement; each caller is answered once it committed. */
  async function write(group: Pending[]): Promise<void> {
    const at = new Date();
    const built = group.map(({ receipt, priority }) => rows(receipt, priority, at));
    const receiptArrays = receiptColumns.map((_, c) => built.map((row) => row.receiptValues[c]));
    try {
      const result = await pool.query<{ id: string }>({
        name: "vigie-store-receipts",
        text: sql,
        // Prisma keeps PostgreSQL timestamps (without time zone) in UTC.
        values: [...receiptArrays, ...jobs.arrays(built.map((row) => row.job)), postgresTime(at)],
      });
      const added = new Set(result.rows.map((row) => row.id));
      if (added.size > 0) jobs.committed();
      for (const [i, item] of group.entries()) item.resolve(added.has(built[i]?.job.id as string));
    } catch (error) {
      if (group.length === 1) return group[0]?.reject(error);
      // A delivery the database refuses must not cost the others theirs: each is tried alone.
      await Promise.all(group.map((item) => write([item])));
    }
  }

  function flush() {
    scheduled = false;
    while (pending.length > 0 && inFlight < GROUPS_IN_FLIGHT) {
      let count = 0;
      let chars = 0;
      for (const item of pending) {
        chars += item.receipt.body.length;
        if (count === GROUP_ROWS || (count > 0 && chars > GROUP_CHARS)) break;
        count++;
      }
      const group = pending.slice(0, count);
      pending = pending.slice(count);
      inFlight++;
      void write(group).finally(() => {
        inFlight--;
        flush();
        if (inFlight === 0 && pending.length === 0) for (const done of drained.splice(0)) done();
      });
    }
  }
  const drained: (() => void)[] = [];

  return {
    store: (receipt, { priority }) =>
      new Promise<boolean>((resolve, reject) => {
        pending.push({ receipt, priority, resolve, reject });
        // Deliveries that arrive in the same turn of the event loop, or while the statements in
        // flight run, go together in the next one.
        if (!scheduled && inFlight < GROUPS_IN_FLIGHT) {
          scheduled = true;
          setImmediate(flush);
        }
      }),
    async close() {
      // The deliveries already taken are stored (and answered) before the connections close.
      if (inFlight > 0 || pending.length > 0) await new Promise<void>((done) => drained.push(done));
      await pool.end();
    },
  };
}

/** A receipt store on its own connection(s) to the database at `url`; wakes this process's worker. */
export function createReceiptStore(url: string): ReceiptStore {
  return dialectOf(url) === "sqlite" ? sqliteStore(url.replace(/^file:/, "")) : postgresStore(url);
}
