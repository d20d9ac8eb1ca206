// bulk_operations/finish: Shopify finished (or failed, or cancelled) a bulk operation; the backfill
// waiting on it goes on at once rather than at its next status check (docs/decisions/046).
import { bulkOperationFinished } from "~/services/backfill/backfill.server";
import { BulkOperationFinishSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const bulkOperationsFinish = defineTopic({
  topic: "bulk_operations/finish",
  priority: 50,
  payloadSchema: BulkOperationFinishSchema,
  async process(tx, { shopDomain, payload, receiptId }) {
    await bulkOperationFinished(tx, shopDomain, payload.admin_graphql_api_id, receiptId);
  },
});
