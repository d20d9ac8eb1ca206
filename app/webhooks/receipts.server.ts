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
import { ProcessWebhookJob } from "~/jobs/job-types";
import { newJob, postgresJobInsert, sqliteJobWriter } from "~/jobs/queue/enqueue.server";
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
  type Pending = {
    receipt: ReceiptInput;
    priority: number;
    resolve(stored: boolean): void;
    reject(e: unknown): void;
  };
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
      db.close();
    },
  };
}

function postgresStore(url: string): ReceiptStore {
  // The statement's plan is kept per connection. Made while the Job table was small (a new
  // install), it read the whole table for the job key at every delivery once the table had grown;
  // planned anew at each run, the intake lost a quarter or more of its rate. These connections run only
  // this statement, whose one lookup is the job key's unique index (docs/decisions/094).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c enable_seqscan=off" });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on("error", (error) =>
    logger.warn("webhook intake: idle database connection lost", { error: error.message }),
  );
  // One statement, one round trip: the job row exists only if the receipt row was inserted, and
  // the receipt only if its job is new. A job of this delivery that already exists ran for a
  // receipt now gone (dropped for a purged shop, deleted by shop/redact): a body no job would
  // process is not kept. Only this statement writes this job key, for this same delivery, whose
  // receipt's unique index orders concurrent copies: the check cannot race the job's insert.
  // The job's values follow the receipt's 11; $15 is its key (the queue's 4th value).
  const job = postgresJobInsert("receipt", 12);
  const sql = `
    WITH receipt AS (
      INSERT INTO "WebhookReceipt" (${RECEIPT_COLUMNS})
      SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamp
       WHERE NOT EXISTS (SELECT 1 FROM "Job" WHERE "jobKey" = $15)
      ON CONFLICT ("source", "deliveryId") DO NOTHING
      RETURNING "id")
    ${job.sql}
    RETURNING "id"`;
  return {
    async store(receipt, { priority }) {
      const at = new Date();
      // Prisma keeps PostgreSQL timestamps (without time zone) in UTC.
      const now = at.toISOString().replace("Z", "");
      const rowsOf = rows(receipt, priority, at);
      const result = await pool.query({
        name: "vigie-store-receipt",
        text: sql,
        values: [...rowsOf.receiptValues, now, ...job.values(rowsOf.job)],
      });
      if (result.rowCount !== 1) return false;
      job.committed();
      return true;
    },
    close: () => pool.end(),
  };
}

/** A receipt store on its own connection(s) to the database at `url`; wakes this process's worker. */
export function createReceiptStore(url: string): ReceiptStore {
  return dialectOf(url) === "sqlite" ? sqliteStore(url.replace(/^file:/, "")) : postgresStore(url);
}
