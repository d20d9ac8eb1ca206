// Durable intake: a verified delivery is stored with its job in one transaction, or recognised
// as a duplicate. This is the hot path: no parsing into models, no API calls, two inserts.
import { createHash, randomUUID } from "node:crypto";
import type { Dialect } from "~/config.server";
import type { Db } from "~/db/client.server";
import { placeholders } from "~/db/sql";
import { enqueue, notifyEnqueued } from "~/jobs/queue.server";

export type ReceiptInput = {
  source: "shopify" | "stripe" | "mailchimp";
  deliveryId: string;
  shopDomain: string;
  topic: string;
  apiVersion?: string | null;
  triggeredAt?: string | null;
  eventId?: string | null;
  body: string;
};

export const PROCESS_WEBHOOK_JOB = "webhook.process";

/** Stores a receipt and its processing job; false when this delivery was already stored. */
export async function storeReceipt(
  db: Db,
  dialect: Dialect,
  receipt: ReceiptInput,
  job: { priority: number },
): Promise<boolean> {
  const id = randomUUID();
  const now = new Date();
  const stored = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      placeholders(
        dialect,
        `INSERT INTO "WebhookReceipt" ("id", "source", "deliveryId", "shopDomain", "topic", "apiVersion",
                                       "triggeredAt", "eventId", "body", "bodySha256", "receivedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("source", "deliveryId") DO NOTHING
         RETURNING "id"`,
      ),
      id,
      receipt.source,
      receipt.deliveryId,
      receipt.shopDomain,
      receipt.topic,
      receipt.apiVersion ?? null,
      receipt.triggeredAt ?? null,
      receipt.eventId ?? null,
      receipt.body,
      createHash("sha256").update(receipt.body).digest("hex"),
      now,
    );
    if (rows.length === 0) return false;
    await enqueue(tx, {
      type: PROCESS_WEBHOOK_JOB,
      payload: { receiptId: id },
      jobKey: `webhook:${receipt.source}:${receipt.deliveryId}`,
      shopDomain: receipt.shopDomain,
      priority: job.priority,
    });
    return true;
  });
  if (stored) notifyEnqueued();
  return stored;
}
