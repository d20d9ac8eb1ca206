import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  type StripeSimulator,
  seedStripeShopper,
  startStripeSimulator,
} from "~/sandbox/simulators/stripe.server";
import { captureLog, EMAIL } from "../../../tests/fixtures/stripe";
import { backoffDelayMs, createStripeClient, type StripeRetryOptions } from "./client.server";
import { StripeConnectorError } from "./errors";

const sims: StripeSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function setup(
  options: { retry?: StripeRetryOptions; rateLimitPerSecond?: number; charges?: number } = {},
) {
  const sim = await startStripeSimulator({ rateLimitPerSecond: options.rateLimitPerSecond ?? 0 });
  sims.push(sim);
  const seeded = seedStripeShopper(sim.state, { email: EMAIL, charges: options.charges ?? 250 });
  const sleeps: number[] = [];
  const log = captureLog();
  const client = createStripeClient({
    credentials: { secretKey: sim.apiKey },
    endpoint: { host: sim.host, port: sim.port, protocol: "http" },
    retry: options.retry ?? { retries: 4, baseDelayMs: 8, maxDelayMs: 100, budgetMs: 1_000 },
    log,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  const charges = (after?: string) => (sdk: Stripe, startingAfter: string | undefined) =>
    sdk.charges.list({ customer: seeded.customerId, limit: 100, starting_after: startingAfter ?? after });
  return { sim, seeded, client, sleeps, log, charges };
}

describe("createStripeClient", () => {
  it("streams a 250-charge list page by page, asking for the next page only when it is consumed", async () => {
    const { sim, client, charges, seeded } = await setup();
    const pages = () => sim.callsTo("/v1/charges").length;
    const iterator = client.each("charges.list", charges())[Symbol.asyncIterator]();
    expect(pages()).toBe(0);
    const seen: string[] = [];
    for (let i = 0; i < 100; i++) seen.push(((await iterator.next()).value as Stripe.Charge).id);
    expect(pages()).toBe(1);
    seen.push(((await iterator.next()).value as Stripe.Charge).id);
    expect(pages()).toBe(2);
    expect(sim.callsTo("/v1/charges")[1]?.query).toMatchObject({ limit: "100", starting_after: seen[99] });
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) seen.push(r.value.id);
    expect(pages()).toBe(3);
    expect(seen).toEqual(seeded.chargeIds);
  });

  it("stops asking Stripe when the consumer stops", async () => {
    const { sim, client, charges } = await setup();
    let n = 0;
    for await (const _ of client.each("charges.list", charges())) if (++n === 5) break;
    expect(sim.callsTo("/v1/charges")).toHaveLength(1);
  });

  it("retries a 429 with growing backoff, then succeeds", async () => {
    const { sim, client, sleeps, log } = await setup();
    sim.faults.next(429, 2);
    const balance = await client.call("balance.retrieve", (sdk) => sdk.balance.retrieve());
    expect(balance.object).toBe("balance");
    expect(sim.callsTo("/v1/balance").map((c) => c.status)).toEqual([429, 429, 200]);
    expect(sleeps).toEqual([6, 12]);
    expect(log.lines.filter((l) => l.includes("rate limited"))).toHaveLength(2);
  });

  it("gets through Stripe's per-second rate limit by backing off, every call answered once", async () => {
    const { sim, client } = await setup({
      rateLimitPerSecond: 5,
      charges: 0,
      retry: { retries: 8, baseDelayMs: 150, maxDelayMs: 1_000, budgetMs: 5_000 },
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => client.call("balance.retrieve", (sdk) => sdk.balance.retrieve())),
    );
    expect(results.every((r) => r.object === "balance")).toBe(true);
    expect(sim.stats.throttled).toBeGreaterThan(0);
    expect(sim.callsTo("/v1/balance").filter((c) => c.status === 200)).toHaveLength(12);
  }, 15_000);

  it("resumes a list after the last item seen when a page is throttled: no gap, no duplicate", async () => {
    const { sim, client, charges, seeded } = await setup();
    const seen: string[] = [];
    for await (const charge of client.each("charges.list", charges())) {
      seen.push(charge.id);
      if (seen.length === 100) sim.faults.next(429, 1, { path: "/v1/charges" });
    }
    expect(seen).toEqual(seeded.chargeIds);
    const calls = sim.callsTo("/v1/charges");
    expect(calls.map((c) => c.status)).toEqual([200, 429, 200, 200]);
    expect(calls[1]?.query.starting_after).toBe(seeded.chargeIds[99]);
    expect(calls[2]?.query.starting_after).toBe(seeded.chargeIds[99]);
  });

  it("gives a 429 to the job queue as a retryable error once the retries are spent", async () => {
    const { sim, client, sleeps } = await setup({
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2, budgetMs: 100 },
    });
    sim.faults.next(429, 5);
    const error = await client
      .call("balance.retrieve", (sdk) => sdk.balance.retrieve())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeConnectorError);
    expect(error).toMatchObject({
      connector: "stripe",
      kind: "rate_limit",
      status: 429,
      retryable: true,
      code: "rate_limit",
    });
    expect(sleeps).toHaveLength(2);
    expect(sim.callsTo("/v1/balance")).toHaveLength(3);
  });

  it("stops retrying when the next wait would exceed the time budget", async () => {
    const { sim, client, sleeps } = await setup({
      retry: { retries: 10, baseDelayMs: 40, maxDelayMs: 1_000, budgetMs: 100 },
    });
    sim.faults.next(429, 10);
    await expect(client.call("balance.retrieve", (sdk) => sdk.balance.retrieve())).rejects.toMatchObject({
      status: 429,
    });
    expect(sleeps).toEqual([30, 60]);
  });

  it("lets the SDK retry a 500 itself, and maps a persistent 5xx to a retryable error", async () => {
    const { sim, client } = await setup();
    sim.faults.next(500, 2);
    await expect(client.call("balance.retrieve", (sdk) => sdk.balance.retrieve())).resolves.toMatchObject({
      object: "balance",
    });
    expect(sim.callsTo("/v1/balance").map((c) => c.status)).toEqual([500, 500, 200]);
    sim.faults.next(502, 3);
    await expect(client.call("balance.retrieve", (sdk) => sdk.balance.retrieve())).rejects.toMatchObject({
      kind: "api",
      status: 502,
      retryable: true,
    });
  }, 15_000);

  it("keeps Stripe's message, which quotes the values sent, out of its errors", async () => {
    const { client, seeded } = await setup({ charges: 1 });
    const error = await client
      .call("customers.update", (sdk) =>
        sdk.customers.update(seeded.customerId, { email: "not-an-address camille" }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "invalid_request",
      status: 400,
      code: "email_invalid",
      param: "email",
      retryable: false,
    });
    expect((error as Error).message).toBe(
      "Stripe customers.update: 400 invalid_request_error email_invalid param email",
    );
    expect(JSON.stringify(error)).not.toContain("camille");
  });

  it("maps a rejected key to a non-retryable authentication error", async () => {
    const { sim } = await setup({ charges: 0 });
    const client = createStripeClient({
      credentials: { secretKey: "sk_test_notthekey0000000000" },
      endpoint: { host: sim.host, port: sim.port, protocol: "http" },
      log: captureLog(),
    });
    await expect(client.call("balance.retrieve", (sdk) => sdk.balance.retrieve())).rejects.toMatchObject({
      kind: "authentication",
      status: 401,
      retryable: false,
    });
  });
});

describe("backoffDelayMs", () => {
  it("doubles from the base, caps, and applies a jitter between half and all of the delay", () => {
    const retry = { retries: 5, baseDelayMs: 500, maxDelayMs: 8_000, budgetMs: 30_000 };
    expect(backoffDelayMs(1, retry, () => 0)).toBe(250);
    expect(backoffDelayMs(1, retry, () => 0.999)).toBe(500);
    expect(backoffDelayMs(3, retry, () => 0.999)).toBe(1_999);
    expect(backoffDelayMs(10, retry, () => 0)).toBe(4_000);
  });
});
