// Ticked checkout orders stored as the intake stores them, for the tests that drive
// processDeliveries directly (docs/decisions/080, 087).
import type { Db } from "~/db/client.server";
import type { ReceiptStore } from "~/webhooks/receipts.server";
import { samplePayloads } from "./shopify-webhook";

export const TICKED = [
  { name: "_vigie_consent", value: "granted" },
  { name: "_vigie_notice_version", value: "2022-10-31" },
  { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
  { name: "_vigie_wording_locale", value: "fr" },
  { name: "_vigie_wording", value: "Je souhaite recevoir les actualités de la boutique par e-mail" },
];

/** Order `n` of a shopper who ticked the box (each order its own shopper). */
export const tickedOrder = (n: number) => ({
  ...samplePayloads.order(5000 + n, `buyer${n}@example.com`),
  id: 9_000_000 + n,
  note_attributes: TICKED,
});

/** Stores `payloads` as `shop`'s orders/create deliveries, as the intake does; their jobs, in order. */
export async function storeDeliveries(receipts: ReceiptStore, db: Db, shop: string, payloads: unknown[]) {
  const ids: string[] = [];
  for (const payload of payloads) {
    const deliveryId = `${shop}-${crypto.randomUUID()}`;
    const stored = await receipts.store(
      {
        source: "shopify",
        deliveryId,
        shopDomain: shop,
        topic: "orders/create",
        body: JSON.stringify(payload),
      },
      { priority: 10 },
    );
    if (!stored) throw new Error(`delivery ${deliveryId} was not stored`);
    ids.push(deliveryId);
  }
  const jobs = await db.job.findMany({ where: { jobKey: { in: ids.map((id) => `webhook:shopify:${id}`) } } });
  const byKey = new Map(jobs.map((job) => [job.jobKey, job]));
  return ids.map((id) => byKey.get(`webhook:shopify:${id}`) as (typeof jobs)[number]);
}
