import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  type StripeSimulator,
  type StripeSimulatorOptions,
  seedStripeDemo,
  seedStripeGuest,
  seedStripeShopper,
  signStripeWebhook,
  startStripeSimulator,
  stripeEvent,
} from "./stripe.server";

const sims: StripeSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function start(options: StripeSimulatorOptions = {}) {
  const sim = await startStripeSimulator({ rateLimitPerSecond: 0, ...options });
  sims.push(sim);
  const sdk = new Stripe(sim.apiKey, {
    host: sim.host,
    port: sim.port,
    protocol: sim.protocol,
    maxNetworkRetries: 0,
  });
  const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    fetch(`${sim.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sim.apiKey}`,
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body,
    });
  return { sim, sdk, call };
}

const EMAIL = "Camille.Martin@example.fr";

describe("startStripeSimulator", () => {
  it("answers 401 with Stripe's error object without a key and for a wrong key", async () => {
    const { sim } = await start();
    const missing = await fetch(`${sim.baseUrl}/v1/customers`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: {
        type: "invalid_request_error",
        message: expect.stringContaining("did not provide an API key"),
      },
    });
    const wrong = new Stripe("sk_test_wrongwrongwrong1234", {
      host: sim.host,
      port: sim.port,
      protocol: "http",
    });
    await expect(wrong.balance.retrieve()).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
      message: expect.stringContaining("****1234"),
    });
  });

  it("decodes form bodies in bracket notation and applies expand[]", async () => {
    const { call, sim } = await start();
    const created = await call(
      "POST",
      "/v1/customers",
      "email=a%40example.fr&metadata[shop]=imera&metadata[tier]=gold&address[city]=Paris&preferred_locales[]=fr-FR&preferred_locales[]=en",
    );
    const customer = (await created.json()) as Record<string, unknown>;
    expect(created.status).toBe(200);
    expect(customer).toMatchObject({
      object: "customer",
      email: "a@example.fr",
      metadata: { shop: "imera", tier: "gold" },
      address: { city: "Paris", line1: null },
      preferred_locales: ["fr-FR", "en"],
    });
    const pm = sim.state.createPaymentMethod({ customer: customer.id as string });
    const expanded = await call("GET", `/v1/payment_methods/${pm.id}?expand[]=customer`);
    expect(((await expanded.json()) as { customer: { email: string } }).customer.email).toBe("a@example.fr");
  });

  it("refuses unknown parameters and out-of-range limits with invalid_request_error", async () => {
    const { sdk } = await start();
    await expect(sdk.charges.list({ colour: "red" } as Stripe.ChargeListParams)).rejects.toMatchObject({
      statusCode: 400,
      code: "parameter_unknown",
      param: "colour",
    });
    await expect(sdk.charges.list({ limit: 101 })).rejects.toMatchObject({ statusCode: 400, param: "limit" });
    await expect(sdk.charges.list({ limit: 0 })).rejects.toMatchObject({ statusCode: 400, param: "limit" });
  });

  it("answers 404 resource_missing for an unknown object and an unknown URL", async () => {
    const { sdk, call } = await start();
    await expect(sdk.charges.retrieve("ch_nope")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
      param: "id",
    });
    const unknown = await call("GET", "/v1/plans_of_mice");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { message: expect.stringContaining("Unrecognized request URL") },
    });
  });

  it("pages lists newest first with limit, starting_after, ending_before, has_more and url", async () => {
    const { sim, sdk } = await start();
    const { customerId, chargeIds } = seedStripeShopper(sim.state, { email: EMAIL, charges: 25 });
    const first = await sdk.charges.list({ customer: customerId });
    expect(first.data.map((c) => c.id)).toEqual(chargeIds.slice(0, 10));
    expect(first).toMatchObject({ object: "list", has_more: true, url: "/v1/charges" });
    const third = await sdk.charges.list({ customer: customerId, limit: 10, starting_after: chargeIds[19] });
    expect(third.data.map((c) => c.id)).toEqual(chargeIds.slice(20));
    expect(third.has_more).toBe(false);
    const before = await sdk.charges.list({ customer: customerId, limit: 3, ending_before: chargeIds[10] });
    expect(before.data.map((c) => c.id)).toEqual(chargeIds.slice(7, 10));
    expect(before.has_more).toBe(true);
    let count = 0;
    for await (const _ of sdk.charges.list({ customer: customerId, limit: 7 })) count += 1;
    expect(count).toBe(25);
    await expect(sdk.charges.list({ starting_after: "ch_gone" })).rejects.toMatchObject({
      statusCode: 404,
      param: "starting_after",
    });
  });

  it("lists customers by exact, case-sensitive e-mail, and keeps deleted ones retrievable only", async () => {
    const { sim, sdk } = await start();
    const { customerId } = seedStripeShopper(sim.state, { email: EMAIL });
    expect((await sdk.customers.list({ email: EMAIL })).data.map((c) => c.id)).toEqual([customerId]);
    expect((await sdk.customers.list({ email: EMAIL.toLowerCase() })).data).toEqual([]);
    expect(await sdk.customers.del(customerId)).toMatchObject({
      id: customerId,
      object: "customer",
      deleted: true,
    });
    expect((await sdk.customers.list({ email: EMAIL })).data).toEqual([]);
    const retrieved = await sdk.customers.retrieve(customerId);
    expect({ ...retrieved }).toEqual({ id: customerId, object: "customer", deleted: true });
    await expect(sdk.customers.del(customerId)).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
    await expect(sdk.customers.update(customerId, { name: "x" })).rejects.toMatchObject({ statusCode: 404 });
  });

  it("deleting a customer detaches its cards and cancels its live subscriptions", async () => {
    const { sim, sdk } = await start();
    const seeded = seedStripeShopper(sim.state, { email: EMAIL, paymentMethods: 2 });
    await sdk.customers.del(seeded.customerId);
    for (const id of seeded.paymentMethodIds) expect(sim.state.paymentMethods.get(id)?.customer).toBeNull();
    for (const id of seeded.subscriptionIds) expect(sim.state.subscriptions.get(id)?.status).toBe("canceled");
  });

  it("searches customers with email:'…' exactly and pages with next_page", async () => {
    const { sim, sdk } = await start();
    const ids = [1, 2, 3].map((i) => sim.state.createCustomer({ email: EMAIL, name: `N${i}` }).id);
    sim.state.createCustomer({ email: "other@example.fr" });
    const page = await sdk.customers.search({ query: `email:'${EMAIL}'`, limit: 2 });
    expect(page).toMatchObject({ object: "search_result", has_more: true, next_page: expect.any(String) });
    const next = await sdk.customers.search({
      query: `email:'${EMAIL}'`,
      limit: 2,
      page: page.next_page as string,
    });
    expect([...page.data, ...next.data].map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(next.has_more).toBe(false);
    await expect(sdk.customers.search({ query: "email:" })).rejects.toMatchObject({
      statusCode: 400,
      param: "query",
    });
  });

  it("answers 429 rate_limit beyond the configured requests per second", async () => {
    const { sim, sdk } = await start({ rateLimitPerSecond: 3 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => sdk.balance.retrieve()));
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(3);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      type: "StripeRateLimitError",
      statusCode: 429,
      code: "rate_limit",
    });
    expect(sim.stats.throttled).toBe(3);
    sim.rateLimit.configure({ perSecond: 100 });
    await expect(sdk.balance.retrieve()).resolves.toMatchObject({ object: "balance" });
  });

  it("replays the first answer for a reused idempotency key and refuses it with other parameters", async () => {
    const { sim, sdk } = await start();
    const customer = sim.state.createCustomer({ email: EMAIL, name: "Camille" });
    const first = await sdk.customers.update(customer.id, { name: "A" }, { idempotencyKey: "key-1" });
    customer.name = "changed elsewhere";
    const again = await sdk.customers.update(customer.id, { name: "A" }, { idempotencyKey: "key-1" });
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(again.name).toBe("A");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(sim.state.customers.get(customer.id)?.name).toBe("changed elsewhere");
    await expect(
      sdk.customers.update(customer.id, { name: "B" }, { idempotencyKey: "key-1" }),
    ).rejects.toMatchObject({
      type: "StripeIdempotencyError",
      statusCode: 400,
    });
    expect(sim.stats.replayed).toBe(1);
  });

  it("leaves cancelled subscriptions out of the default list and cancels with DELETE once", async () => {
    const { sim, sdk } = await start();
    const { customerId, subscriptionIds } = seedStripeShopper(sim.state, {
      email: EMAIL,
      subscriptions: { active: 1, canceled: 2 },
    });
    expect((await sdk.subscriptions.list({ customer: customerId })).data).toHaveLength(1);
    expect((await sdk.subscriptions.list({ customer: customerId, status: "all" })).data).toHaveLength(3);
    const live = subscriptionIds.at(-1) as string;
    expect(await sdk.subscriptions.cancel(live)).toMatchObject({
      status: "canceled",
      canceled_at: expect.any(Number),
    });
    expect((await sdk.subscriptions.list({ customer: customerId, status: "ended" })).data).toHaveLength(3);
    await expect(sdk.subscriptions.cancel(live)).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    });
  });

  it("keeps a finalised invoice's copy of the customer and refuses to delete it; drafts follow and can go", async () => {
    const { sim, sdk } = await start();
    const { customerId } = seedStripeShopper(sim.state, { email: EMAIL, invoices: { paid: 1, draft: 1 } });
    await sdk.customers.update(customerId, { email: "new@example.fr", name: "" });
    const paid = (await sdk.invoices.list({ customer: customerId, status: "paid" }))
      .data[0] as Stripe.Invoice;
    const draft = (await sdk.invoices.list({ customer: customerId, status: "draft" }))
      .data[0] as Stripe.Invoice;
    expect(paid.customer_email).toBe(EMAIL);
    expect(draft.customer_email).toBe("new@example.fr");
    expect(draft.customer_name).toBeNull();
    await expect(sdk.invoices.del(paid.id)).rejects.toMatchObject({
      statusCode: 400,
      code: "invoice_not_editable",
    });
    await expect(sdk.invoices.del(draft.id)).resolves.toMatchObject({ deleted: true });
  });

  it("lists a customer's payment methods and detaches each once", async () => {
    const { sim, sdk } = await start();
    const { customerId, paymentMethodIds } = seedStripeShopper(sim.state, {
      email: EMAIL,
      paymentMethods: 3,
    });
    const listed = await sdk.customers.listPaymentMethods(customerId, { limit: 2 });
    expect(listed).toMatchObject({ has_more: true, url: `/v1/customers/${customerId}/payment_methods` });
    const id = paymentMethodIds[0] as string;
    expect(await sdk.paymentMethods.detach(id)).toMatchObject({ id, customer: null });
    await expect(sdk.paymentMethods.detach(id)).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("not attached to a customer"),
    });
    expect((await sdk.customers.listPaymentMethods(customerId)).data).toHaveLength(2);
  });

  it("finds guest checkout sessions by customer_details[email] and disputes, warnings by charge", async () => {
    const { sim, sdk } = await start();
    const guest = seedStripeGuest(sim.state, { email: "guest@example.fr", sessions: 2 });
    seedStripeGuest(sim.state, { email: "someone@example.fr" });
    const sessions = await sdk.checkout.sessions.list({ customer_details: { email: "guest@example.fr" } });
    expect(sessions.data.map((s) => s.id).sort()).toEqual([...guest.checkoutSessionIds].sort());
    expect(sessions.data.every((s) => s.customer === null)).toBe(true);
    const shopper = seedStripeShopper(sim.state, { email: EMAIL, dispute: "open" });
    const charge = shopper.chargeIds[0] as string;
    expect((await sdk.disputes.list({ charge })).data.map((d) => d.id)).toEqual([shopper.disputeId]);
    expect((await sdk.disputes.list({ charge: shopper.chargeIds[1] as string })).data).toEqual([]);
    expect((await sdk.radar.earlyFraudWarnings.list({ charge })).data.map((w) => w.id)).toEqual([
      shopper.earlyFraudWarningId,
    ]);
    expect((await sdk.reviews.retrieve(shopper.reviewId as string)).charge).toBe(charge);
  });

  it("fails the next requests as told: a status with Stripe-Should-Retry, or a dropped connection", async () => {
    const { sim } = await start();
    const sdk = new Stripe(sim.apiKey, {
      host: sim.host,
      port: sim.port,
      protocol: "http",
      maxNetworkRetries: 2,
    });
    sim.faults.next(503, 1, { shouldRetry: false });
    await expect(sdk.balance.retrieve()).rejects.toMatchObject({ type: "StripeAPIError", statusCode: 503 });
    expect(sim.callsTo("/v1/balance")).toHaveLength(1);
    // The SDK retries a closed connection once even without retries: two resets make it give up.
    sim.faults.next("reset", 2, { path: "/v1/customers" });
    await expect(sdk.balance.retrieve()).resolves.toMatchObject({ object: "balance" });
    await expect(sdk.customers.list(undefined, { maxNetworkRetries: 0 })).rejects.toMatchObject({
      type: "StripeConnectionError",
    });
    expect(sim.callsTo("/v1/customers").map((c) => c.status)).toEqual([0, 0]);
  });

  it("signs webhook bodies exactly as Stripe does", async () => {
    const event = JSON.stringify(
      stripeEvent("customer.deleted", { id: "cus_1", object: "customer", deleted: true }),
    );
    const header = signStripeWebhook(event, "whsec_test_secret_0123456789");
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const verified = Stripe.webhooks.constructEvent(event, header, "whsec_test_secret_0123456789");
    expect(verified).toMatchObject({ type: "customer.deleted", data: { object: { id: "cus_1" } } });
  });
});

describe("seedStripeShopper", () => {
  it("seeds a shopper with a 2 000-charge history, each charge with its payment intent", async () => {
    const { sim } = await start();
    const seeded = seedStripeShopper(sim.state, { email: EMAIL, charges: 2000, chargeSpacingHours: 1 });
    expect(seeded.chargeIds).toHaveLength(2000);
    expect(new Set(seeded.paymentIntentIds).size).toBe(2000);
    const newest = sim.state.charges.get(seeded.chargeIds[0] as string);
    expect(newest).toMatchObject({ customer: seeded.customerId, billing_details: { email: EMAIL } });
    expect(sim.state.paymentIntents.get(seeded.paymentIntentIds[0] as string)?.latest_charge).toBe(
      newest?.id,
    );
  });
});

describe("seedStripeDemo", () => {
  it("gives the demo store's shoppers a Stripe history, and its newsletter-only shopper a guest checkout", async () => {
    const { sim, sdk } = await start();
    seedStripeDemo(sim.state);
    for (const email of [
      "camille.martin@example.fr",
      "lucas.bernard@example.fr",
      "emma.thomas@example.com",
    ]) {
      expect((await sdk.customers.list({ email })).data).toHaveLength(1);
    }
    const guest = await sdk.checkout.sessions.list({
      customer_details: { email: "newsletter.only@example.fr" },
    });
    expect(guest.data).toHaveLength(1);
    expect(guest.data[0]?.customer).toBeNull();
  });
});
