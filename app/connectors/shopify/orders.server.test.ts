import { afterEach, describe, expect, it } from "vitest";
import { DEMO_RECENT_ORDER, demoShopifySeed } from "~/sandbox/simulators/shopify-demo-seed";
import {
  CAMILLE,
  type Harness,
  OTHER_SHOP,
  REFERENCE_TIMESTAMP,
  SHOP,
  startHarness,
} from "../../../tests/fixtures/shopify-admin";
import { createShopifyAdminClient } from "./admin-client.server";
import { ORDER_FOR_CONSENT_API_VERSION } from "./operations";
import { createShopifyOrders } from "./orders.server";

let harness: Harness;
afterEach(async () => {
  await harness?.sim.stop();
});

async function setup(withheldFields: string[] = []) {
  harness = await startHarness({
    seed: {
      shops: [
        {
          domain: SHOP,
          withheldFields,
          customers: [CAMILLE],
          orders: [
            {
              id: 5001,
              customerId: 7001,
              createdAt: "2026-11-20T09:00:00.000Z",
              checkoutToken: "0123456789abcdef0123456789abcdef",
            },
            // Camille's order with another contact address typed at checkout.
            { id: 5003, customerId: 7001, email: "Caisse@Example.fr", createdAt: "2026-11-21T09:00:00.000Z" },
            {
              id: 5002,
              email: "guest@example.com",
              createdAt: "2026-11-20T09:30:00.000Z",
              checkoutToken: null,
            },
          ],
        },
        { domain: OTHER_SHOP, orders: [{ id: 6001, email: "other@example.com" }] },
      ],
    },
  });
  const { client } = harness.client({ apiVersion: ORDER_FOR_CONSENT_API_VERSION });
  return createShopifyOrders(client);
}

describe("createShopifyOrders", () => {
  it("reads the order, its checkout and its buyer from Shopify", async () => {
    const orders = await setup();
    expect(await orders.orderForConsent("gid://shopify/Order/5001")).toEqual({
      orderId: "5001",
      createdAt: new Date("2026-11-20T09:00:00.000Z"),
      checkoutToken: "0123456789abcdef0123456789abcdef",
      customerId: "7001",
      email: "camille.martin@example.fr",
    });
    // A guest order: no customer, the order's contact address.
    expect(await orders.orderForConsent("5002")).toMatchObject({
      orderId: "5002",
      customerId: null,
      email: "guest@example.com",
      checkoutToken: null,
    });
    expect(harness.sim.stats.operations.VigieOrderForConsent).toBe(2);
  });

  it("prefers the customer's default e-mail to the order's contact e-mail", async () => {
    const orders = await setup();
    expect(await orders.orderForConsent("5003")).toMatchObject({
      customerId: "7001",
      email: "camille.martin@example.fr",
    });
  });

  it("a withheld e-mail field is absent: the other one names the buyer, or nobody", async () => {
    // The customer's address withheld: the order's contact e-mail.
    let orders = await setup(["defaultEmailAddress"]);
    expect(await orders.orderForConsent("5003")).toMatchObject({
      customerId: "7001",
      email: "caisse@example.fr",
    });
    await harness.sim.stop();
    // The order's e-mail withheld: the customer's address; a guest order then names nobody.
    orders = await setup(["email"]);
    expect(await orders.orderForConsent("5001")).toMatchObject({ email: "camille.martin@example.fr" });
    expect(await orders.orderForConsent("5002")).toMatchObject({ customerId: null, email: null });
  });

  it("answers null for an order this shop does not have (Shopify's order: null)", async () => {
    const orders = await setup();
    expect(await orders.orderForConsent("gid://shopify/Order/9999")).toBeNull();
    expect(await orders.orderForConsent("6001")).toBeNull();
    expect(await orders.orderForConsent("not-an-id")).toBeNull();
  });

  it("is answered by the simulator with Shopify's shape and cost, on API 2026-07", async () => {
    await setup();
    const response = await fetch(`${harness.sim.baseUrl}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Access-Token": harness.sim.accessTokenFor(SHOP),
      },
      body: JSON.stringify({
        query: "query VigieOrderForConsent($id: ID!) { order(id: $id) { id } }",
        variables: { id: "gid://shopify/Customer/7001" },
      }),
    });
    const body = await response.json();
    expect(body.data).toEqual({ order: null });
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 1 });
    const invalid = await fetch(`${harness.sim.baseUrl}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Access-Token": harness.sim.accessTokenFor(SHOP),
      },
      body: JSON.stringify({
        query: "query VigieOrderForConsent($id: ID!) { order(id: $id) { id } }",
        variables: { id: "5001" },
      }),
    });
    expect((await invalid.json()).errors[0].extensions.code).toBe("INVALID_VARIABLE");
  });

  it("finds the demo store's order of an hour ago, with the checkout the thank-you page names", async () => {
    const shop = "imera-paris.myshopify.com";
    harness = await startHarness({
      seed: demoShopifySeed(shop, new Date(REFERENCE_TIMESTAMP), "shpat_demo"),
    });
    const client = createShopifyAdminClient({
      shop,
      accessToken: "shpat_demo",
      baseUrl: harness.sim.baseUrl,
    });
    const order = await createShopifyOrders(client).orderForConsent(
      `gid://shopify/Order/${DEMO_RECENT_ORDER.id}`,
    );
    expect(order).toEqual({
      orderId: String(DEMO_RECENT_ORDER.id),
      createdAt: new Date(REFERENCE_TIMESTAMP - 3600_000),
      checkoutToken: DEMO_RECENT_ORDER.checkoutToken,
      customerId: "7002",
      email: "lucas.bernard@example.fr",
    });
  });
});
