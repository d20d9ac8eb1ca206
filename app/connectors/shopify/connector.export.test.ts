import { afterEach, describe, expect, it } from "vitest";
import type { SubjectRef } from "~/connectors/connector";
import type { ExportRecord } from "~/domain/systems";
import type { ShopSeed } from "~/sandbox/simulators/shopify-admin-store";
import { csvColumnCheck, tabularSections } from "../../../tests/fixtures/export-archives";
import {
  CAMILLE,
  type Harness,
  REFERENCE_TIMESTAMP,
  SHOP,
  startHarness,
} from "../../../tests/fixtures/shopify-admin";
import { eventually } from "../../../tests/support/server";
import type { ShopifyAdminClientOptions } from "./admin-client.server";
import { createShopifyConnector } from "./connector.server";

let harness: Harness;
afterEach(async () => {
  await harness?.sim.stop();
});

const CAMILLE_REF: SubjectRef = {
  shopDomain: SHOP,
  subjectId: "subj_1",
  email: "camille.martin@example.fr",
  shopifyCustomerId: "7001",
};

const MINUTE = 60_000;

/** `count` orders of Camille's, one a minute, the newest an hour before the reference time. */
function ordersOf(count: number, firstId = 10_001): NonNullable<ShopSeed["orders"]> {
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    customerId: 7001,
    createdAt: new Date(REFERENCE_TIMESTAMP - 60 * MINUTE - (count - i) * MINUTE).toISOString(),
  }));
}

async function setup(shop: Partial<ShopSeed> = {}, clientOptions: Partial<ShopifyAdminClientOptions> = {}) {
  harness = await startHarness({
    seed: { shops: [{ domain: SHOP, customers: [CAMILLE], ...shop }] },
  });
  const { client, waits } = harness.client(clientOptions);
  return { connector: createShopifyConnector({ client }), sim: harness.sim, waits };
}

async function collect(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const all: ExportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe("exportSubject", () => {
  it("streams the customer, their marketing states, addresses and orders, marking what the shopper typed", async () => {
    const { connector } = await setup({
      orders: [
        {
          id: 5001,
          customerId: 7001,
          note: "Sonner deux fois",
          customAttributes: [{ key: "_vigie_consent", value: "granted" }],
          shippingAddress: { address1: "12 rue Oberkampf", city: "Paris" },
          lineItems: [{ title: "Bougie", quantity: 2, price: "34.00" }],
        },
      ],
    });

    const records = await collect(connector.exportSubject(CAMILLE_REF));

    expect(records.map((r) => [r.section, r.provided])).toEqual([
      ["customer", true],
      ["customer", false],
      ["marketing", false],
      ["addresses", true],
      ["orders", false],
      ["order_inputs", true],
    ]);
    expect(records[0]?.data).toMatchObject({ firstName: "Camille", email: "camille.martin@example.fr" });
    expect(records[2]?.data).toMatchObject({ channel: "email", marketingState: "SUBSCRIBED" });
    expect(records[3]?.data).toMatchObject({ address1: "12 rue Oberkampf" });
    expect(records[4]?.data).toMatchObject({
      orderId: "gid://shopify/Order/5001",
      total: { amount: "68.00", currencyCode: "EUR" },
      lineItems: [{ title: "Bougie", quantity: 2, sku: null, variantTitle: null }],
    });
    expect(records[5]?.data).toMatchObject({
      note: "Sonner deux fois",
      customAttributes: [{ key: "_vigie_consent", value: "granted" }],
      shippingAddress: expect.objectContaining({ city: "Paris" }),
    });
    // Every key of a tabular section has its CSV column.
    expect(csvColumnCheck("shopify", records)).toEqual({
      tables: tabularSections("shopify"),
      undeclared: {},
    });
  });

  it("yields 230 orders over 5 pages, oldest first, asking for one page ahead of the reader at most", async () => {
    const { connector, sim } = await setup({ orders: ordersOf(230) });
    const pages = () => sim.stats.operations.VigieCustomerOrders ?? 0;
    const iterator = connector.exportSubject(CAMILLE_REF)[Symbol.asyncIterator]();
    const orderIds: string[] = [];
    const pagesWhenReached: number[] = [];
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (next.value.section !== "orders") continue;
      orderIds.push(String(next.value.data.orderId));
      pagesWhenReached.push(pages());
    }

    expect(orderIds).toEqual(Array.from({ length: 230 }, (_, i) => `gid://shopify/Order/${10_001 + i}`));
    expect(pages()).toBe(5);
    // Order n (0-based) was reached while its page, and perhaps the next one, had been asked for.
    orderIds.forEach((_, n) => {
      expect(pagesWhenReached[n]).toBeGreaterThanOrEqual(Math.floor(n / 50) + 1);
      expect(pagesWhenReached[n]).toBeLessThanOrEqual(Math.min(5, Math.floor(n / 50) + 2));
    });
  });

  it("asks for no page beyond the next one when the consumer stops early", async () => {
    // Counts the requests the client sends and those answered, to know when none is in flight.
    const sent = { started: 0, settled: 0 };
    const countingFetch: typeof fetch = async (...args) => {
      sent.started += 1;
      try {
        return await fetch(...args);
      } finally {
        sent.settled += 1;
      }
    };
    const { connector, sim } = await setup({ orders: ordersOf(220) }, { fetch: countingFetch });
    let orders = 0;
    for await (const record of connector.exportSubject(CAMILLE_REF)) {
      if (record.section === "orders") orders += 1;
      if (orders === 10) break;
    }
    // Stopped: the prefetched page may still be on its way; once it is answered nothing else can start.
    await eventually(async () => sent.settled === sent.started);
    expect(sim.stats.operations.VigieCustomerOrders).toBe(2);
  });

  it("paces itself by the bucket (Standard plan) instead of being throttled", async () => {
    const { connector, sim, waits } = await setup({ orders: ordersOf(230) });
    // Without an address: the pages of her account's orders alone (the guest search is another query).
    const records = await collect(connector.exportSubject({ ...CAMILLE_REF, email: null }));
    expect(records.filter((r) => r.section === "orders")).toHaveLength(230);
    expect(sim.stats.throttled).toBe(0);
    // Each page asks for 903 points and costs 453 (50 orders of one line): from the second page on,
    // the client waits for the refill. Before page 2 the bucket holds 1000 − 3 − 9 − 453 = 535.
    expect(waits).toEqual([3680, 4530, 4530, 4530]);
  });

  it("fetches the rest of an order's line items beyond the first ten", async () => {
    const lineItems = Array.from({ length: 23 }, (_, i) => ({ title: `Article ${i + 1}` }));
    const { connector } = await setup({ orders: [{ id: 5001, customerId: 7001, lineItems }] });
    const records = await collect(connector.exportSubject(CAMILLE_REF));
    const order = records.find((r) => r.section === "orders");
    const titles = ((order?.data.lineItems ?? []) as Array<{ title: string }>).map((item) => item.title);
    expect(titles).toEqual(lineItems.map((item) => item.title));
  });

  it("adds the orders named in the request, once, including guest orders", async () => {
    const { connector } = await setup({
      orders: [
        { id: 5001, customerId: 7001 },
        { id: 5002, customerId: null, email: "camille.martin@example.fr", note: "commande invitée" },
      ],
    });
    const records = await collect(
      connector.exportSubject({ ...CAMILLE_REF, orderIds: ["5001", "5002", "999"] }),
    );
    const ids = records.filter((r) => r.section === "orders").map((r) => r.data.orderId);
    expect(ids).toEqual(["gid://shopify/Order/5001", "gid://shopify/Order/5002"]);
    expect(
      records.find((r) => r.section === "order_inputs" && r.data.orderId === "gid://shopify/Order/5002")?.data
        .note,
    ).toBe("commande invitée");
  });

  it("exports a guest's named orders when Shopify has no customer for them", async () => {
    const { connector } = await setup({ orders: [{ id: 5002, customerId: null }] });
    const records = await collect(
      connector.exportSubject({
        ...CAMILLE_REF,
        shopifyCustomerId: null,
        email: "guest@example.fr",
        orderIds: ["5002"],
      }),
    );
    expect(records.map((r) => r.section)).toEqual(["orders", "order_inputs"]);
  });

  it("finds the orders placed as a guest under the shopper's address, without their being named", async () => {
    const { connector, sim } = await setup({
      customers: [CAMILLE, { id: 7002, email: "autre@example.fr" }],
      orders: [
        { id: 5001, customerId: 7001, email: "camille.martin@example.fr" },
        { id: 5003, customerId: null, email: "Camille.Martin@Example.FR", note: "sans compte" },
        { id: 5004, customerId: null, email: "quelquun@example.fr" },
        // Another account's order with her address as its contact: that account's, not hers.
        { id: 5005, customerId: 7002, email: "camille.martin@example.fr" },
      ],
    });
    const records = await collect(connector.exportSubject(CAMILLE_REF));
    const ids = records.filter((r) => r.section === "orders").map((r) => r.data.orderId);
    expect(ids).toEqual(["gid://shopify/Order/5001", "gid://shopify/Order/5003"]);
    expect(records.find((r) => r.section === "order_inputs" && r.data.note === "sans compte")).toBeDefined();
    expect(sim.stats.operations.VigieOrdersByEmail).toBe(1);

    // A guest Vigie knows by e-mail only: every order under that address, none named in the request.
    const guest = await collect(
      connector.exportSubject({ ...CAMILLE_REF, shopifyCustomerId: null, email: "quelquun@example.fr" }),
    );
    expect(guest.filter((r) => r.section === "orders").map((r) => r.data.orderId)).toEqual([
      "gid://shopify/Order/5004",
    ]);
  });

  it("misses orders older than 60 days unless the app has read_all_orders, as Shopify does", async () => {
    const old = {
      id: 5001,
      customerId: 7001,
      createdAt: new Date(REFERENCE_TIMESTAMP - 61 * 24 * 3600_000).toISOString(),
    };
    const recent = {
      id: 5002,
      customerId: 7001,
      createdAt: new Date(REFERENCE_TIMESTAMP - 3600_000).toISOString(),
    };
    const without = await setup({ orders: [old, recent] });
    const seen = (await collect(without.connector.exportSubject(CAMILLE_REF))).filter(
      (r) => r.section === "orders",
    );
    expect(seen.map((r) => r.data.orderId)).toEqual(["gid://shopify/Order/5002"]);
    await harness.sim.stop();

    const withScope = await setup({
      orders: [old, recent],
      scopes: ["read_customers", "read_orders", "read_all_orders"],
    });
    const all = (await collect(withScope.connector.exportSubject(CAMILLE_REF))).filter(
      (r) => r.section === "orders",
    );
    expect(all).toHaveLength(2);
  });

  it("exports what Shopify gives when it withholds protected fields, and names the fields it withheld", async () => {
    const { connector } = await setup({
      withheldFields: ["defaultPhoneNumber", "phone", "addressesV2"],
      orders: [
        { id: 5001, customerId: 7001, createdAt: new Date(REFERENCE_TIMESTAMP - 60 * MINUTE).toISOString() },
      ],
    });
    const records = await collect(connector.exportSubject(CAMILLE_REF));
    const customer = records.find((r) => r.section === "customer");
    expect(customer?.data).toMatchObject({ email: "camille.martin@example.fr", phone: null });
    expect(records.some((r) => r.section === "addresses")).toBe(false);
    expect(records.filter((r) => r.section === "orders")).toHaveLength(1);
    expect(records.filter((r) => r.section === "withheld").map((r) => r.data.field)).toEqual([
      "addressesV2",
      "defaultPhoneNumber",
      "phone",
    ]);
  });

  it("still fails when a whole operation is denied (a missing scope), rather than exporting nothing", async () => {
    const { connector } = await setup({ scopes: ["write_customer_data_erasure"] });
    await expect(collect(connector.exportSubject(CAMILLE_REF))).rejects.toMatchObject({
      kind: "GRAPHQL",
      graphqlCodes: ["ACCESS_DENIED"],
    });
  });
});
