// The thank-you page's consent (checkout/consent receipts) processed on real databases against the
// Shopify simulator: the order's buyer as Shopify knows them, one grant per order whichever way it
// came, withdrawals only while subscribed, a later choice winning, and refusals audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { ORDER_FOR_CONSENT_API_VERSION } from "~/connectors/shopify/operations";
import { createShopifyOrders } from "~/connectors/shopify/orders.server";
import {
  type ShopifyAdminSimulator,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import { currentConsent, verifyLedger } from "~/services/consent-ledger.server";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import {
  CHECKOUT_CONSENT_TOPIC,
  type CheckoutConsentKind,
  type CheckoutConsentReceipt,
  checkoutActId,
  checkoutOrderKey,
} from "~/webhooks/topics/checkout-consent.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { samplePayloads } from "../support/shopify-webhook";
import { TEST_SECRET_KEY, testJobContext } from "../support/test-logger";

const WORDING = "Je souhaite recevoir les actualités de iméra par e-mail";
const HOUR = 3600_000;
const token = (orderId: number) => `checkout-${orderId}-0123456789abcdef`;

describe.each(testDialects())("thank-you page consent on %s", (dialect) => {
  const shop = `thank-you-${dialect}.myshopify.com`;
  let t: TestDatabase;
  let receipts: ReceiptStore;
  let sim: ShopifyAdminSimulator;
  let shopId: string;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const order = (id: number, customerId: number | null, createdAt: string, extra = {}) => ({
      id,
      ...(customerId ? { customerId } : {}),
      createdAt,
      checkoutToken: token(id),
      ...extra,
    });
    sim = await startShopifyAdminSimulator({
      seed: {
        shops: [
          {
            domain: shop,
            customers: [
              { id: 7101, email: "Alice@Example.fr" },
              { id: 7102, email: "bruno@example.fr" },
              { id: 7103, email: "chloe@example.fr" },
              { id: 7104, email: "dana@example.fr" },
            ],
            orders: [
              order(5101, 7101, ago(HOUR)),
              order(5102, 7101, ago(25 * HOUR)),
              order(5103, null, ago(HOUR), { email: "guest@example.com" }),
              order(5104, 7102, ago(2 * HOUR)),
              order(5105, 7103, ago(HOUR)),
              order(5106, null, ago(HOUR), { email: null }),
              order(5107, 7103, ago(HOUR)),
              order(5108, 7104, ago(HOUR)),
            ],
          },
        ],
      },
    });
    shopId = (await t.db.shop.create({ data: { domain: shop }, select: { id: true } })).id;
  });
  afterAll(async () => {
    await sim.stop();
    await receipts.close();
    await t.drop();
  });

  const shopifyOrders = () =>
    createShopifyOrders(
      createShopifyAdminClient({
        shop,
        accessToken: sim.accessTokenFor(shop),
        baseUrl: sim.baseUrl,
        apiVersion: ORDER_FOR_CONSENT_API_VERSION,
      }),
    );
  const connectors = async () => ({
    shopify: null,
    mailchimp: null,
    stripe: null,
    vigie: null,
    shopifyOrders: shopifyOrders(),
  });

  function body(
    orderId: number,
    consent: CheckoutConsentKind,
    overrides: Partial<CheckoutConsentReceipt> = {},
  ) {
    return {
      consent,
      orderId: String(orderId),
      checkoutToken: token(orderId),
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wordingLocale: "fr",
      wording: WORDING,
      tokenCustomerId: null,
      ipPrefix: "203.0.113.0/24",
      userAgent: "Mozilla/5.0 (iPhone)",
      ...overrides,
    } satisfies CheckoutConsentReceipt;
  }

  /** Stores act `n` of the order as the intake does; returns the receipt id. */
  async function store(payload: CheckoutConsentReceipt, n: number) {
    const key = checkoutOrderKey(TEST_SECRET_KEY, shop, payload.orderId, payload.checkoutToken);
    const deliveryId = checkoutActId(key, n, payload.consent);
    await receipts.store(
      {
        source: "checkout",
        deliveryId,
        shopDomain: shop,
        topic: CHECKOUT_CONSENT_TOPIC,
        body: JSON.stringify(payload),
      },
      { priority: 30 },
    );
    return (await t.db.webhookReceipt.findFirstOrThrow({ where: { source: "checkout", deliveryId } })).id;
  }

  async function process(receiptId: string, options: { attempt?: number; withShopify?: boolean } = {}) {
    const context = testJobContext({
      db: t.db,
      dialect,
      shopDomain: shop,
      attempt: options.attempt ?? 1,
      connectors:
        options.withShopify === false
          ? async () => ({ ...(await connectors()), shopifyOrders: null })
          : connectors,
    });
    await processDelivery(context, receiptId);
  }

  async function ordersCreate(orderId: number, customerId: number, email: string) {
    const deliveryId = `orders-create-${orderId}-${Math.random()}`;
    const payload = {
      ...samplePayloads.order(customerId, email),
      id: orderId,
      created_at: new Date(Date.now() - HOUR).toISOString(),
      note_attributes: [
        { name: "_vigie_consent", value: "granted" },
        { name: "_vigie_notice_version", value: "2022-10-31" },
        { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
        { name: "_vigie_wording_locale", value: "fr" },
        { name: "_vigie_wording", value: WORDING },
      ],
    };
    await receipts.store(
      {
        source: "shopify",
        deliveryId,
        shopDomain: shop,
        topic: "orders/create",
        body: JSON.stringify(payload),
      },
      { priority: 50 },
    );
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
    await process(receipt.id);
  }

  const subjectOf = (customerId: string) =>
    t.db.subject.findFirstOrThrow({ where: { shopId, shopifyCustomerId: customerId } });
  const eventsOf = (subjectId: string) =>
    t.db.consentEvent.findMany({ where: { subjectId }, orderBy: { seq: "asc" } });

  it("records a grant for the order's buyer as Shopify knows them, with the wording as proof", async () => {
    const receiptId = await store(body(5101, "granted", { tokenCustomerId: "7101" }), 1);
    await process(receiptId);
    const subject = await subjectOf("7101");
    expect(subject.email).toBe("alice@example.fr");
    const [event, ...others] = await eventsOf(subject.id);
    expect(others).toHaveLength(0);
    const receipt = await t.db.webhookReceipt.findUniqueOrThrow({ where: { id: receiptId } });
    expect(event).toMatchObject({
      kind: "granted",
      lawfulBasis: "consent",
      source: "checkout",
      noticeVersion: "2022-10-31",
      wordingKey: "newsletter_checkbox.default",
      wordingLocale: "fr",
      wording: WORDING,
      email: "alice@example.fr",
      shopifyCustomerId: "7101",
      orderId: "5101",
      ipPrefix: "203.0.113.0/24",
      userAgent: "Mozilla/5.0 (iPhone)",
    });
    expect(event?.occurredAt.toISOString()).toBe(receipt.receivedAt.toISOString());
    expect(receipt).toMatchObject({ body: null });
    expect(receipt.processedAt).not.toBeNull();
    expect(await currentConsent(t.db, subject.id)).toMatchObject({ status: "subscribed" });
    expect(
      await t.db.job.count({ where: { type: "consent.sync", jobKey: `consent.sync:${event?.id}` } }),
    ).toBe(1);
    // The same receipt processed again (a job run twice) records nothing more.
    await process(receiptId);
    expect(await eventsOf(subject.id)).toHaveLength(1);
    expect((await verifyLedger(t.db, shopId)).ok).toBe(true);
  });

  it("keeps one grant per order when orders/create reports the same box, in either order", async () => {
    const chart = async () => {
      const days = await t.db.consentCheckoutDay.findMany({ where: { shopId } });
      return days.reduce((sum, d) => ({ orders: sum.orders + d.orders, granted: sum.granted + d.granted }), {
        orders: 0,
        granted: 0,
      });
    };
    const before = await chart();
    // The thank-you page first (every plan reports the box this way), then the order's attributes.
    await process(await store(body(5104, "granted"), 1));
    expect(await chart()).toEqual({ orders: before.orders, granted: before.granted + 1 });
    await ordersCreate(5104, 7102, "bruno@example.fr");
    const bruno = await subjectOf("7102");
    expect((await eventsOf(bruno.id)).map((e) => [e.kind, e.orderId])).toEqual([["granted", "5104"]]);
    // The order's attributes first, then the thank-you page.
    await ordersCreate(5105, 7103, "chloe@example.fr");
    await process(await store(body(5105, "granted"), 1));
    const chloe = await subjectOf("7103");
    expect((await eventsOf(chloe.id)).map((e) => [e.kind, e.orderId])).toEqual([["granted", "5105"]]);
    // The consent-rate chart: two orders, each with one consent, whichever way it came.
    expect(await chart()).toEqual({ orders: before.orders + 2, granted: before.granted + 2 });
  });

  it("records a withdrawal after the grant, and nothing for one while not subscribed", async () => {
    await process(await store(body(5104, "withdrawn"), 2));
    const bruno = await subjectOf("7102");
    const events = await eventsOf(bruno.id);
    expect(events.map((e) => [e.kind, e.source, e.orderId])).toEqual([
      ["granted", "checkout", "5104"],
      ["withdrawn", "checkout", "5104"],
    ]);
    expect(events[1]).toMatchObject({ wording: WORDING, noticeVersion: "2022-10-31" });
    expect(await currentConsent(t.db, bruno.id)).toMatchObject({ status: "unsubscribed" });
    // The order's attributes arriving late do not undo the withdrawal made after them.
    await ordersCreate(5104, 7102, "bruno@example.fr");
    expect(await eventsOf(bruno.id)).toHaveLength(2);
    // The guest never consented: unticking withdraws nothing.
    await process(await store(body(5103, "withdrawn"), 1));
    const guest = await t.db.subject.findFirstOrThrow({ where: { shopId, email: "guest@example.com" } });
    expect(await eventsOf(guest.id)).toHaveLength(0);
    // Ticked again after the untick: a new grant, the shopper's latest choice.
    await process(await store(body(5104, "granted"), 3));
    expect((await eventsOf(bruno.id)).map((e) => e.kind)).toEqual(["granted", "withdrawn", "granted"]);
  });

  it("lets the later choice win when an earlier one is processed after it", async () => {
    const grant = await store(body(5107, "granted"), 1);
    const withdrawal = await store(body(5107, "withdrawn"), 2);
    // The grant's first run failed (Shopify unavailable): the withdrawal is processed first.
    await process(withdrawal);
    await process(grant);
    // Chloé was subscribed (order 5105): the withdrawal ends it, the older grant does not revive it.
    const chloe = await subjectOf("7103");
    const events = (await eventsOf(chloe.id)).filter((e) => e.orderId === "5107");
    expect(events.map((e) => e.kind)).toEqual(["withdrawn"]);
    expect(await currentConsent(t.db, chloe.id)).toMatchObject({ status: "unsubscribed" });
    const receipt = await t.db.webhookReceipt.findUniqueOrThrow({ where: { id: grant } });
    expect(receipt.processedAt).not.toBeNull();
    // Dana never consented: her untick records nothing, and the tick before it must not either.
    const danaGrant = await store(body(5108, "granted"), 1);
    await process(await store(body(5108, "withdrawn"), 2));
    await process(danaGrant);
    const dana = await t.db.subject.findFirst({ where: { shopId, shopifyCustomerId: "7104" } });
    expect(dana ? await eventsOf(dana.id) : []).toHaveLength(0);
  });

  it("refuses an order that is too old, unknown, from another checkout or customer, or without e-mail", async () => {
    const before = await t.db.consentEvent.count({ where: { shopId } });
    const cases: [CheckoutConsentReceipt, string, { attempt?: number; withShopify?: boolean }?][] = [
      [body(5102, "granted"), "order_too_old"],
      [body(5101, "granted", { checkoutToken: "someone-elses-checkout" }), "checkout_mismatch"],
      [body(5101, "granted", { checkoutToken: token(5101), tokenCustomerId: "7999" }), "customer_mismatch"],
      [body(9999, "granted", { checkoutToken: token(9999) }), "order_not_found", { attempt: 3 }],
      [body(5106, "granted"), "no_email"],
      [body(5103, "granted"), "shop_not_connected", { withShopify: false }],
    ];
    let n = 10;
    for (const [payload, reason, options] of cases) {
      const receiptId = await store(payload, n++);
      await process(receiptId, options);
      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { shopId, targetId: receiptId } });
      expect(audit).toMatchObject({
        action: `consent.checkout_refused.${reason}`,
        actorType: "shopper",
        targetType: "webhook_receipt",
      });
      expect(JSON.parse(audit.data)).toEqual({ reason, consent: "granted" });
      expect(await t.db.webhookReceipt.findUniqueOrThrow({ where: { id: receiptId } })).toMatchObject({
        body: null,
      });
    }
    expect(await t.db.consentEvent.count({ where: { shopId } })).toBe(before);
  });

  it("looks an unknown order up again before refusing it (Shopify may not serve it yet)", async () => {
    const receiptId = await store(body(9998, "granted", { checkoutToken: token(9998) }), 1);
    await expect(process(receiptId, { attempt: 1 })).rejects.toThrow(/not found in Shopify yet/);
    const receipt = await t.db.webhookReceipt.findUniqueOrThrow({ where: { id: receiptId } });
    expect(receipt.processedAt).toBeNull();
    expect(await t.db.auditEvent.count({ where: { targetId: receiptId } })).toBe(0);
  });
});
