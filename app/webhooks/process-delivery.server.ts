// Processes one stored webhook delivery with its topic's handler, then clears the raw body
// (it holds personal data; its hash stays as proof of what was received).

import type { Tx } from "~/db/client.server";
import { direct } from "~/db/direct.server";
import { questionMarks } from "~/db/sql";
import { type JobContext, PermanentJobError } from "~/jobs/handler";
import { isShopPurged } from "~/services/shops.server";
import { parseJsonLossless } from "./lossless-json";
import { webhookHandler } from "./shopify-topics.server";
import type { TopicHandler } from "./topics/topic-handler";

/** The delivery's payload checked against its topic's schema; throws PermanentJobError otherwise. */
function parseBody(handler: TopicHandler, receipt: { topic: string; body: string }) {
  let body: unknown;
  try {
    // Ids beyond 2^53 (Shopify's own samples have them) stay exact.
    body = parseJsonLossless(receipt.body);
  } catch {
    throw new PermanentJobError("stored body is not JSON");
  }
  const parsed = handler.payloadSchema.safeParse(body);
  if (!parsed.success) {
    // Paths and codes only: the values are personal data.
    const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`).join("; ");
    throw new PermanentJobError(`${receipt.topic} payload does not match its schema (${where})`);
  }
  return parsed.data;
}

/** Processes stored delivery `receiptId` with its topic's handler, once; then clears its body. */
export async function processDelivery(context: JobContext, receiptId: string) {
  const { db } = context;
  const receipt = await db.webhookReceipt.findUnique({ where: { id: receiptId } });
  // Gone (shop/redact purged it) or already done: nothing left to do.
  if (!receipt || receipt.processedAt || receipt.body === null) return;
  const handler = webhookHandler(receipt.source, receipt.topic);
  if (!handler) throw new PermanentJobError(`no handler for ${receipt.source} topic ${receipt.topic}`);
  if (receipt.topic !== "shop/redact" && (await isShopPurged(db, context.secretKey, receipt.shopDomain))) {
    // Late for a shop whose data shop/redact deleted (a retry, a delivery queued behind it):
    // acting on it would bring the shop back. The receipt goes too: it names the shop.
    await db.webhookReceipt.deleteMany({ where: { id: receiptId } });
    context.log.info("delivery for a purged shop dropped", { receiptId, topic: receipt.topic });
    return;
  }
  const payload = parseBody(handler, { topic: receipt.topic, body: receipt.body });
  const input = { shopDomain: receipt.shopDomain, payload, receiptId };
  // Reads from outside systems happen before the transaction, never while holding it.
  const loaded = handler.load ? await handler.load(input, context) : undefined;
  await db.$transaction(async (tx) => {
    await handler.process(tx, { ...input, loaded }, context);
    await tx.webhookReceipt.updateMany({
      where: { id: receiptId },
      data: { processedAt: new Date(), body: null },
    });
  });
}

/**
 * Processes several stored deliveries of one shop in one transaction (docs/decisions/080), for
 * topics that can (`processBatch`); returns the ids of the jobs finished. Left to run alone, with
 * processDelivery's outcome: a body that does not parse or match its schema, a topic without
 * `processBatch`, a purged shop's deliveries. Inside the transaction each receipt is claimed by
 * marking it processed: a delivery another run already took (a lease taken over) is not redone.
 */
export async function processDeliveries(
  context: JobContext,
  jobs: { jobId: string; receiptId: string }[],
): Promise<string[]> {
  const { db } = context;
  // On the driver: Prisma maps a batch's bodies in JavaScript again (docs/decisions/095).
  const receipts = await (await direct(db)).all<{
    id: string;
    source: string;
    topic: string;
    shopDomain: string;
    body: string | null;
    processedAt: Date | null;
  }>(
    `SELECT "id", "source", "topic", "shopDomain", "body", "processedAt" FROM "WebhookReceipt"
      WHERE "id" IN (${questionMarks(jobs.length)})`,
    jobs.map((job) => job.receiptId),
  );
  const byId = new Map(receipts.map((receipt) => [receipt.id, receipt]));
  const done: string[] = [];
  const batch: {
    jobId: string;
    handler: TopicHandler;
    shopDomain: string;
    receiptId: string;
    payload: unknown;
  }[] = [];
  for (const { jobId, receiptId } of jobs) {
    const receipt = byId.get(receiptId);
    // Gone (shop/redact purged it) or already done: nothing left to do.
    if (!receipt || receipt.processedAt || receipt.body === null) {
      done.push(jobId);
      continue;
    }
    const handler = webhookHandler(receipt.source, receipt.topic);
    if (!handler?.processBatch || handler.load) continue;
    try {
      const payload = parseBody(handler, { topic: receipt.topic, body: receipt.body });
      batch.push({ jobId, handler, shopDomain: receipt.shopDomain, receiptId, payload });
    } catch {
      // Left to run alone: dead there, with its reason, without holding its neighbours back.
    }
  }
  const domains = new Set(batch.map((item) => item.shopDomain));
  if (batch.length === 0 || domains.size > 1) return done;
  const [shopDomain] = domains as Set<string> & [string];
  if (await isShopPurged(db, context.secretKey, shopDomain)) return done;
  const postgres = context.dialect === "postgres";
  await db.$transaction(
    async (tx) => {
      // Several workers' batches of one shop queue here, before touching any row, instead of
      // meeting on its rows mid-way (docs/decisions/087). SQLite has one writer already.
      if (postgres)
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BATCH_LOCK_CLASS}::int4, hashtext(${shopDomain}))`;
      await processBatch(tx, shopDomain, batch, context);
    },
    postgres ? BATCH_TRANSACTION : undefined,
  );
  return [...done, ...batch.map((item) => item.jobId)];
}

/**
 * A batch's transaction on PostgreSQL: it may wait for the shop's other batches (a few, each a
 * second or two on a loaded machine), past Prisma's default 5 s, which would roll it back and run
 * its jobs one by one. The worker renews the jobs' lease meanwhile.
 */
const BATCH_TRANSACTION = { maxWait: 10_000, timeout: 45_000 };
/** The advisory lock's first key: webhook batches (the migration lock uses the one-key space). */
const BATCH_LOCK_CLASS = 8087;

async function processBatch(
  tx: Tx,
  shopDomain: string,
  batch: { handler: TopicHandler; receiptId: string; payload: unknown }[],
  context: JobContext,
) {
  const claimed = await (await direct(tx)).all<{ id: string }>(
    `UPDATE "WebhookReceipt" SET "processedAt" = ?, "body" = NULL
      WHERE "id" IN (${questionMarks(batch.length)}) AND "processedAt" IS NULL RETURNING "id"`,
    [new Date(), ...batch.map((item) => item.receiptId)],
  );
  const mine = new Set(claimed.map((receipt) => receipt.id));
  // In the order given, each topic's deliveries together.
  const handlers = [...new Set(batch.map((item) => item.handler))];
  for (const handler of handlers) {
    const inputs = batch
      .filter((item) => item.handler === handler && mine.has(item.receiptId))
      .map(({ receiptId, payload }) => ({ shopDomain, receiptId, payload, loaded: undefined }));
    if (inputs.length > 0) await handler.processBatch?.(tx, inputs, context);
  }
}
