// From a stored delivery to its effects, per Shopify topic, on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { samplePayloads } from "../support/shopify-webhook";
import { testJobContext } from "../support/test-logger";

describe.each(testDialects())("webhook processing on %s", (dialect) => {
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

  const newShop = () => `shop-${dialect}-${++n}.myshopify.com`;

  /** Stores a delivery like the intake does, then runs its job like the worker does. */
  async function deliver(shop: string, topic: string, payload: unknown) {
    const deliveryId = `d-${Math.random()}`;
    const stored = await receipts.store(
      { source: "shopify", deliveryId, shopDomain: shop, topic, body: JSON.stringify(payload) },
      { priority: 10 },
    );
    expect(stored).toBe(true);
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
    const job = await t.db.job.findFirstOrThrow({ where: { jobKey: `webhook:shopify:${deliveryId}` } });
    const context = testJobContext({ db: t.db, dialect, jobId: job.id, shopDomain: shop });
    await processDelivery(context, receipt.id);
    return { receipt, job, context };
  }

  it("customers/data_request files an access request for the merchant, then clears the raw body", async () => {
    const shop = newShop();
    const { receipt } = await deliver(
      shop,
      "customers/data_request",
      samplePayloads.dataRequest(shop, 191167, "Shopper@Example.com"),
    );
    const subject = await t.db.subject.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(subject).toMatchObject({
      shopifyCustomerId: "191167",
      email: "shopper@example.com",
      phone: "+33612345678",
    });
    const request = await t.db.rightsRequest.findFirstOrThrow({ where: { shopId: subject.shopId } });
    expect(request).toMatchObject({
      type: "access",
      channel: "shopify",
      state: "in_progress",
      identityLevel: "verified",
      requesterEmail: null,
      subjectId: subject.id,
      shopifyCustomerId: "191167",
      orderIds: JSON.stringify(["299938", "280263", "220458"]),
    });
    expect(await t.db.requestTask.count({ where: { requestId: request.id, kind: "export" } })).toBe(4);
    // The obligation is the merchant's: nothing is e-mailed to the shopper.
    expect(await t.db.outboxEmail.count({ where: { requestId: request.id } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { shopId: subject.shopId } });
    expect(audit).toMatchObject({ action: "request.received", actorType: "shopify", targetId: request.id });
    expect(audit.actorId).toBe(`data_request:9999:${receipt.id}`);
    expect(audit.data).not.toContain("shopper@example.com");
    const processed = await t.db.webhookReceipt.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(processed.body).toBeNull();
    expect(processed.processedAt).not.toBeNull();
    expect(processed.bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores a second delivery with the same id once, with one job whose row matches enqueue's", async () => {
    const body = JSON.stringify(samplePayloads.shopRedact("dup.myshopify.com"));
    const input = {
      source: "shopify" as const,
      deliveryId: "dup-1",
      shopDomain: "dup.myshopify.com",
      topic: "shop/redact",
      body,
    };
    expect(await receipts.store(input, { priority: 10 })).toBe(true);
    expect(await receipts.store(input, { priority: 10 })).toBe(false);
    expect(await t.db.webhookReceipt.count({ where: { deliveryId: "dup-1" } })).toBe(1);
    const job = await t.db.job.findFirstOrThrow({ where: { jobKey: "webhook:shopify:dup-1" } });
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId: "dup-1" } });
    expect(job).toMatchObject({
      type: "webhook.process",
      status: "pending",
      priority: 10,
      attempts: 0,
      maxAttempts: 10,
    });
    expect(JSON.parse(job.payload)).toEqual({ receiptId: receipt.id });
    // Dates written by the driver read back through Prisma as the same instant.
    expect(Math.abs(receipt.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(job.runAt.getTime()).toBe(receipt.receivedAt.getTime());
  });

  it("answers each of many concurrent deliveries correctly, duplicates included", async () => {
    const inputs = Array.from({ length: 120 }, (_, i) => ({
      source: "shopify" as const,
      deliveryId: `burst-${i % 80}`,
      shopDomain: "burst.myshopify.com",
      topic: "orders/create",
      body: JSON.stringify(samplePayloads.order(i)),
    }));
    const results = await Promise.all(inputs.map((input) => receipts.store(input, { priority: 50 })));
    expect(results.filter(Boolean)).toHaveLength(80);
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: "burst.myshopify.com" } })).toBe(80);
    expect(await t.db.job.count({ where: { shopDomain: "burst.myshopify.com" } })).toBe(80);
  });

  it("processing the same receipt twice has no second effect", async () => {
    const shop = newShop();
    const { receipt, context } = await deliver(shop, "customers/redact", samplePayloads.redact(shop));
    const counts = async () => ({
      audit: await t.db.auditEvent.count({ where: { shop: { domain: shop } } }),
      requests: await t.db.rightsRequest.count({ where: { shop: { domain: shop } } }),
      runs: await t.db.erasureRun.count({ where: { shop: { domain: shop } } }),
      subjects: await t.db.subject.count({ where: { shop: { domain: shop } } }),
    });
    const once = await counts();
    expect(once).toMatchObject({ requests: 1, runs: 1, subjects: 1 });
    await processDelivery(context, receipt.id);
    expect(await counts()).toEqual(once);
  });

  it("orders/create and a later data request find the same subject by customer id", async () => {
    const shop = newShop();
    await deliver(shop, "orders/create", samplePayloads.order(555, "a@example.com"));
    await deliver(
      shop,
      "customers/data_request",
      samplePayloads.dataRequest(shop, 555, "new-address@example.com"),
    );
    const subjects = await t.db.subject.findMany({ where: { shop: { domain: shop } } });
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({
      shopifyCustomerId: "555",
      email: "new-address@example.com",
      locale: "fr",
    });
  });

  it("app/uninstalled marks the shop uninstalled and deletes its sessions, and tolerates a repeat", async () => {
    const shop = newShop();
    await deliver(shop, "orders/create", samplePayloads.order());
    await t.db.session.create({ data: { id: `offline_${shop}`, shop, state: "s", accessToken: "token" } });
    await deliver(shop, "app/uninstalled", samplePayloads.uninstalled(shop));
    await deliver(shop, "app/uninstalled", samplePayloads.uninstalled(shop));
    expect(await t.db.session.count({ where: { shop } })).toBe(0);
    const row = await t.db.shop.findUniqueOrThrow({ where: { domain: shop } });
    expect(row.state).toBe("uninstalled");
    expect(row.uninstalledAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { shopId: row.id, action: "app.uninstalled" } })).toBe(1);
  });

  it("shop/redact deletes everything held for that shop and nothing of another", async () => {
    const shop = newShop();
    const other = newShop();
    for (const domain of [shop, other]) {
      await deliver(domain, "customers/data_request", samplePayloads.dataRequest(domain));
      await t.db.session.create({
        data: { id: `offline_${domain}`, shop: domain, state: "s", accessToken: "t" },
      });
    }
    const otherAudit = await t.db.auditEvent.count({ where: { shop: { domain: other } } });
    expect(otherAudit).toBeGreaterThan(0);
    const { job } = await deliver(shop, "shop/redact", samplePayloads.shopRedact(shop));
    expect(await t.db.shop.count({ where: { domain: shop } })).toBe(0);
    expect(await t.db.subject.count({ where: { shop: { domain: shop } } })).toBe(0);
    expect(await t.db.session.count({ where: { shop } })).toBe(0);
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: shop } })).toBe(0);
    expect(await t.db.job.findMany({ where: { shopDomain: shop }, select: { id: true } })).toEqual([
      { id: job.id },
    ]);
    expect(await t.db.auditEvent.count({ where: { shop: { domain: other } } })).toBe(otherAudit);
    expect(await t.db.subject.count({ where: { shop: { domain: other } } })).toBe(1);
    expect(await t.db.session.count({ where: { shop: other } })).toBe(1);
  });

  it("a payload that does not match its topic's schema fails permanently, naming paths but no values", async () => {
    const shop = newShop();
    const error = await deliver(shop, "customers/redact", {
      shop_domain: shop,
      customer: { email: "leak@example.com" },
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("PermanentJobError");
    expect((error as Error).message).toMatch(/customer\.id/);
    expect((error as Error).message).not.toContain("leak@example.com");
  });
});
