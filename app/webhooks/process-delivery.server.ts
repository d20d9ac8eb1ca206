// Processes one stored webhook delivery with its topic's handler, then clears the raw body
// (it holds personal data; its hash stays as proof of what was received).

import { type JobContext, PermanentJobError } from "~/jobs/handler";
import { isShopPurged } from "~/services/shops.server";
import { parseJsonLossless } from "./lossless-json";
import { webhookHandler } from "./shopify-topics.server";

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
  const input = { shopDomain: receipt.shopDomain, payload: parsed.data, receiptId };
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
