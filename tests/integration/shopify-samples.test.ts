// Shopify's documented sample bodies, stored and processed as the worker does: every topic accepts
// its sample, and ids beyond 2^53 reach the database exactly (as decimal strings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { SAMPLE_IDS, type SampleTopic, SHOPIFY_SAMPLES } from "../fixtures/shopify-webhook-samples";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { testJobContext } from "../support/test-logger";

describe.each(testDialects())("Shopify's sample payloads on %s", (dialect) => {
  let t: TestDatabase;
  let receipts: ReceiptStore;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
  });
  afterAll(async () => {
    await receipts.close();
    await t.drop();
  });

  const newShop = () => `samples-${dialect}-${++n}.myshopify.com`;

  /** Stores the raw text like the intake does, then runs its job like the worker does. */
  async function deliver(shop: string, topic: string, body: string) {
    const deliveryId = `sample-${Math.random()}`;
    expect(
      await receipts.store(
        { source: "shopify", deliveryId, shopDomain: shop, topic, body },
        { priority: 10 },
      ),
    ).toBe(true);
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
    const job = await t.db.job.findFirstOrThrow({ where: { jobKey: `webhook:shopify:${deliveryId}` } });
    await processDelivery(testJobContext({ db: t.db, dialect, jobId: job.id, shopDomain: shop }), receipt.id);
    return t.db.webhookReceipt.findUnique({ where: { id: receipt.id } });
  }

  it.each(Object.keys(SHOPIFY_SAMPLES) as SampleTopic[])(
    "accepts the documented %s sample",
    async (topic) => {
      const shop = newShop();
      const processed = await deliver(shop, topic, SHOPIFY_SAMPLES[topic]);
      // shop/redact deletes the shop's receipts, its own included; every other topic clears the body.
      if (topic === "shop/redact") expect(processed).toBeNull();
      else expect(processed).toMatchObject({ body: null, processedAt: expect.any(Date) });
    },
  );

  it("orders/create: the sample's customer id beyond 2^53 is stored exactly", async () => {
    const shop = newShop();
    await deliver(shop, "orders/create", SHOPIFY_SAMPLES["orders/create"]);
    const subject = await t.db.subject.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(subject.shopifyCustomerId).toBe(SAMPLE_IDS.orderCustomer);
  });

  it("orders/create: a ticked box on the sample order names the exact order id in the ledger", async () => {
    const shop = newShop();
    const attributes = [
      { name: "_vigie_consent", value: "granted" },
      { name: "_vigie_notice_version", value: "2022-10-31" },
      { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
      { name: "_vigie_wording_locale", value: "en" },
      { name: "_vigie_wording", value: "Send me news by e-mail" },
    ];
    const body = SHOPIFY_SAMPLES["orders/create"]
      .replace('"note_attributes": []', `"note_attributes": ${JSON.stringify(attributes)}`)
      .replace('"created_at": "2021-12-31T19:00:00-05:00"', `"created_at": "${new Date().toISOString()}"`);
    await deliver(shop, "orders/create", body);
    const event = await t.db.consentEvent.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(event).toMatchObject({
      kind: "granted",
      orderId: SAMPLE_IDS.order,
      shopifyCustomerId: SAMPLE_IDS.orderCustomer,
    });
  });

  it("customers/email_marketing_consent_update: a subscription on the sample's customer keeps its id exact", async () => {
    const shop = newShop();
    const body = SHOPIFY_SAMPLES["customers/email_marketing_consent_update"]
      .replace('"state": "not_subscribed"', '"state": "subscribed"')
      .replace('"consent_updated_at": null', `"consent_updated_at": "${new Date().toISOString()}"`);
    await deliver(shop, "customers/email_marketing_consent_update", body);
    const subject = await t.db.subject.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(subject.shopifyCustomerId).toBe(SAMPLE_IDS.consentCustomer);
    const event = await t.db.consentEvent.findFirstOrThrow({ where: { shopId: subject.shopId } });
    expect(event).toMatchObject({ kind: "granted", shopifyCustomerId: SAMPLE_IDS.consentCustomer });
  });

  it("customers/data_request and customers/redact: customer, order and data_request ids near 2^63 stay exact", async () => {
    const shop = newShop();
    const big = {
      customer: "9223372036854775807",
      order: "9007199254740993",
      dataRequest: "18014398509481985",
    };
    const dataRequest = SHOPIFY_SAMPLES["customers/data_request"]
      .replace('"id": 191167', `"id": ${big.customer}`)
      .replace("[299938, 280263, 220458]", `[${big.order}, 299938]`)
      .replace('"id": 9999', `"id": ${big.dataRequest}`);
    const receipt = await deliver(shop, "customers/data_request", dataRequest);
    const access = await t.db.rightsRequest.findFirstOrThrow({
      where: { shop: { domain: shop }, type: "access" },
    });
    expect(access.shopifyCustomerId).toBe(big.customer);
    expect(JSON.parse(access.orderIds)).toEqual([big.order, "299938"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: access.id, action: "request.received" },
    });
    expect(audit.actorId).toBe(`data_request:${big.dataRequest}:${receipt?.id}`);

    const redact = SHOPIFY_SAMPLES["customers/redact"]
      .replace('"id": 191167', `"id": ${big.customer}`)
      .replace("[299938, 280263, 220458]", `[${big.order}]`);
    await deliver(shop, "customers/redact", redact);
    const erasure = await t.db.rightsRequest.findFirstOrThrow({
      where: { shop: { domain: shop }, type: "erasure" },
    });
    expect(erasure.shopifyCustomerId).toBe(big.customer);
    expect(JSON.parse(erasure.orderIds)).toEqual([big.order]);
    const subject = await t.db.subject.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(subject.shopifyCustomerId).toBe(big.customer);
  });
});
