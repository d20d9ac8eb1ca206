// Consent arriving from Shopify webhooks, on real databases: a ticked checkout box becomes a
// proven consent; an unticked one changes nothing; Shopify's own changes and echoes are sorted out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { samplePayloads } from "../support/shopify-webhook";
import { testJobContext } from "../support/test-logger";

const WORDING = "Je souhaite recevoir les actualités de iméra par e-mail";
const ticked = [
  { name: "_vigie_consent", value: "granted" },
  { name: "_vigie_notice_version", value: "2022-10-31" },
  { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
  { name: "_vigie_wording_locale", value: "fr" },
  { name: "_vigie_wording", value: WORDING },
];

describe.each(testDialects())("consent intake on %s", (dialect) => {
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

  async function deliver(shop: string, topic: string, payload: unknown) {
    const deliveryId = `d-${++n}-${Math.random()}`;
    await receipts.store(
      { source: "shopify", deliveryId, shopDomain: shop, topic, body: JSON.stringify(payload) },
      { priority: 10 },
    );
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
    const context = testJobContext({ db: t.db, dialect, shopDomain: shop });
    await processDelivery(context, receipt.id);
  }

  const order = (
    customerId: number,
    email: string,
    attributes: unknown[],
    createdAt = "2026-11-20T10:00:00+01:00",
  ) => ({
    ...samplePayloads.order(customerId, email),
    created_at: createdAt,
    note_attributes: attributes,
    browser_ip: "203.0.113.77",
    client_details: { browser_ip: "203.0.113.77", user_agent: "Mozilla/5.0 (Macintosh)" },
  });

  const subjectOf = (shop: string, customerId: string) =>
    t.db.subject.findFirstOrThrow({ where: { shop: { domain: shop }, shopifyCustomerId: customerId } });

  it("turns a ticked box into a granted event with its proof, a subscribed state and a sync job", async () => {
    const shop = `intake-${dialect}-1.myshopify.com`;
    await deliver(shop, "orders/create", order(301, "Camille@Example.fr", ticked));
    const subject = await subjectOf(shop, "301");
    const event = await t.db.consentEvent.findFirstOrThrow({ where: { subjectId: subject.id } });
    expect(event).toMatchObject({
      kind: "granted",
      lawfulBasis: "consent",
      source: "checkout",
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wording: WORDING,
      wordingLocale: "fr",
      email: "camille@example.fr",
      orderId: "820982911946154",
      ipPrefix: "203.0.113.0/24",
      userAgent: "Mozilla/5.0 (Macintosh)",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect(await currentConsent(t.db, subject.id)).toMatchObject({
      status: "subscribed",
      lawfulBasis: "consent",
    });
    expect(await t.db.job.count({ where: { type: "consent.sync", shopDomain: shop } })).toBe(1);
    expect(subject.lastOrderAt?.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    const day = await t.db.consentCheckoutDay.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(day).toMatchObject({ day: "2026-11-20", orders: 1, granted: 1 });
    expect((await verifyLedger(t.db, subject.shopId)).ok).toBe(true);
  });

  it("never withdraws on an unticked box, and counts the order without consent", async () => {
    const shop = `intake-${dialect}-2.myshopify.com`;
    await deliver(shop, "orders/create", order(302, "lucas@example.fr", ticked, "2026-11-20T10:00:00Z"));
    await deliver(shop, "orders/create", order(302, "lucas@example.fr", [], "2026-11-21T10:00:00Z"));
    const subject = await subjectOf(shop, "302");
    expect(await t.db.consentEvent.count({ where: { subjectId: subject.id } })).toBe(1);
    expect(await currentConsent(t.db, subject.id)).toMatchObject({ status: "subscribed" });
    const days = await t.db.consentCheckoutDay.findMany({
      where: { shop: { domain: shop } },
      orderBy: { day: "asc" },
    });
    expect(days.map((d) => [d.day, d.orders, d.granted])).toEqual([
      ["2026-11-20", 1, 1],
      ["2026-11-21", 1, 0],
    ]);
    expect(subject.lastOrderAt?.toISOString()).toBe("2026-11-21T10:00:00.000Z");
  });

  it("records nothing for a ticked box whose proof is incomplete", async () => {
    const shop = `intake-${dialect}-3.myshopify.com`;
    await deliver(
      shop,
      "orders/create",
      order(
        303,
        "x@example.fr",
        ticked.filter((a) => a.name !== "_vigie_wording"),
      ),
    );
    expect(await t.db.consentEvent.count({ where: { shop: { domain: shop } } })).toBe(0);
  });

  it("records a withdrawal made in Shopify, and ignores our own changes echoing back", async () => {
    const shop = `intake-${dialect}-4.myshopify.com`;
    await deliver(shop, "orders/create", order(304, "emma@example.com", ticked));
    const update = (state: string) => ({
      customer_id: 304,
      email_address: "emma@example.com",
      email_marketing_consent: {
        state,
        opt_in_level: "single_opt_in",
        consent_updated_at: "2026-11-22T08:00:00Z",
      },
    });
    // Our sync pushed SUBSCRIBED: Shopify tells us back. Nothing new.
    await deliver(shop, "customers/email_marketing_consent_update", update("subscribed"));
    const subject = await subjectOf(shop, "304");
    expect(await t.db.consentEvent.count({ where: { subjectId: subject.id } })).toBe(1);
    // The shopper unsubscribed from their Shopify account.
    await deliver(shop, "customers/email_marketing_consent_update", update("unsubscribed"));
    const events = await t.db.consentEvent.findMany({
      where: { subjectId: subject.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.kind, e.source])).toEqual([
      ["granted", "checkout"],
      ["withdrawn", "shopify"],
    ]);
    expect(await currentConsent(t.db, subject.id)).toMatchObject({ status: "unsubscribed" });
    // The echo of our own UNSUBSCRIBED push: nothing new either.
    await deliver(shop, "customers/email_marketing_consent_update", update("unsubscribed"));
    expect(await t.db.consentEvent.count({ where: { subjectId: subject.id } })).toBe(2);
    expect(await t.db.job.count({ where: { type: "consent.sync", shopDomain: shop } })).toBe(2);
  });

  it("records a subscription made in Shopify with an honest wording, and ignores pending states", async () => {
    const shop = `intake-${dialect}-5.myshopify.com`;
    const update = (state: string) => ({
      customer_id: 305,
      email_address: "new@example.com",
      email_marketing_consent: {
        state,
        opt_in_level: "confirmed_opt_in",
        consent_updated_at: "2026-11-22T08:00:00Z",
      },
    });
    await deliver(shop, "customers/email_marketing_consent_update", update("pending"));
    expect(await t.db.consentEvent.count({ where: { shop: { domain: shop } } })).toBe(0);
    await deliver(shop, "customers/email_marketing_consent_update", update("subscribed"));
    const event = await t.db.consentEvent.findFirstOrThrow({ where: { shop: { domain: shop } } });
    expect(event).toMatchObject({
      kind: "granted",
      source: "shopify",
      wordingKey: "shopify.email_marketing_consent",
    });
    expect(event.wording).toContain("confirmed_opt_in");
  });
});
