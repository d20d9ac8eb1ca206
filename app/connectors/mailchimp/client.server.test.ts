import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "~/connectors/connector";
import { type MailchimpSimulator, startMailchimpSimulator } from "~/sandbox/simulators/mailchimp.server";
import { captureLog, FAST_RETRY } from "../../../tests/fixtures/mailchimp";
import { backoffDelayMs, createMailchimpClient, type MailchimpClientOptions } from "./client.server";
import { MailchimpApiError } from "./errors";
import { subscriberHash } from "./subscriber-hash";

const sims: MailchimpSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function start(options: Parameters<typeof startMailchimpSimulator>[0] = {}) {
  const sim = await startMailchimpSimulator(options);
  sims.push(sim);
  return sim;
}

function clientFor(sim: MailchimpSimulator, extra: Partial<MailchimpClientOptions> = {}) {
  const log = captureLog();
  const client = createMailchimpClient({
    credentials: { apiKey: sim.apiKey, serverPrefix: sim.serverPrefix, audienceId: sim.audienceId },
    basePath: sim.basePath,
    retry: FAST_RETRY,
    log,
    ...extra,
  });
  return { client, log };
}

async function rejection(promise: Promise<unknown>): Promise<MailchimpApiError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailchimpApiError);
  return error as MailchimpApiError;
}

describe("createMailchimpClient", () => {
  it("talks to the simulator through the official SDK with the shop's own key", async () => {
    const sim = await start();
    const { client } = clientFor(sim);
    await expect(client.ping()).resolves.toEqual({ health_status: "Everything's Chimpy!" });
    await expect(client.getAudience()).resolves.toMatchObject({
      id: sim.audienceId,
      marketing_permissions: false,
    });
  });

  it("keeps two shops' credentials apart in one process (no shared SDK singleton)", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const shopA = clientFor(a).client;
    const shopB = clientFor(b).client;
    const results = await Promise.all([shopA.getAudience(), shopB.getAudience(), shopA.getAudience()]);
    expect(results.map((r) => r.id)).toEqual([a.audienceId, b.audienceId, a.audienceId]);
    expect(a.stats.calls.map((c) => c.status)).toEqual([200, 200]);
    expect(b.stats.calls.map((c) => c.status)).toEqual([200]);
  });

  it("retries a 429 and returns the answer that follows", async () => {
    const sim = await start();
    const { client, log } = clientFor(sim);
    sim.faults.next(429, 1);
    await expect(client.ping()).resolves.toMatchObject({ health_status: expect.any(String) });
    expect(sim.stats.calls.map((c) => c.status)).toEqual([429, 200]);
    expect(log.lines.some((l) => l.includes('"status":429') && l.includes("retrying"))).toBe(true);
  });

  it("retries a dropped connection", async () => {
    const sim = await start();
    const { client } = clientFor(sim);
    sim.faults.next("reset", 1);
    await expect(client.ping()).resolves.toBeTruthy();
    expect(sim.stats.calls.map((c) => c.status)).toEqual([0, 200]);
  });

  it("retries a 500 within its budget, then throws a retryable ConnectorError", async () => {
    const sim = await start();
    const { client } = clientFor(sim);
    sim.faults.next(500, 10);
    const error = await rejection(client.ping());
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ connector: "mailchimp", status: 500, retryable: true });
    expect(error.title).toBe("Internal Server Error");
    expect(sim.stats.calls.map((c) => c.status)).toEqual([500, 500, 500]);
  });

  it("does not retry a 400", async () => {
    const sim = await start();
    const { client } = clientFor(sim);
    sim.faults.next(400, 1);
    const error = await rejection(client.ping());
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(sim.stats.requests).toBe(1);
  });

  it("marks a body-less 403 (Mailchimp throttling) retryable for the job without retrying it itself", async () => {
    const sim = await start();
    const { client } = clientFor(sim);
    sim.faults.next(403, 1, { withBody: false });
    const error = await rejection(client.ping());
    expect(error).toMatchObject({ status: 403, retryable: true });
    expect(sim.stats.requests).toBe(1);
  });

  it("abandons a request slower than its timeout and reports a retryable timeout", async () => {
    const sim = await start({ latencyMs: 300 });
    const { client } = clientFor(sim, { timeoutMs: 40, retry: { retries: 1, baseDelayMs: 1 } });
    const error = await rejection(client.ping());
    expect(error).toMatchObject({
      status: undefined,
      retryable: true,
      title: "Timeout",
      code: "ECONNABORTED",
    });
    expect(sim.stats.requests).toBe(2);
  });

  it("holds at most 10 requests of one key in flight when 30 are fired at once", async () => {
    const sim = await start({ latencyMs: 60 });
    const { client } = clientFor(sim);
    await Promise.all(Array.from({ length: 30 }, () => client.ping()));
    expect(sim.stats.requests).toBe(30);
    expect(sim.stats.throttled).toBe(0);
    expect(sim.stats.maxConcurrent).toBeLessThanOrEqual(10);
    // …and does use the ten it may.
    expect(sim.stats.maxConcurrent).toBe(10);
  });

  it("shares the 10-request cap between every client of the same key", async () => {
    const sim = await start({ latencyMs: 60 });
    const first = clientFor(sim).client;
    const second = clientFor(sim).client;
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).ping()));
    expect(sim.stats.throttled).toBe(0);
    expect(sim.stats.maxConcurrent).toBeLessThanOrEqual(10);
  });

  it("maps problem documents to MailchimpApiError without the address in message or detail", async () => {
    const email = "Camille.Martin@example.fr";
    const sim = await start({ members: [{ email, status: "unsubscribed" }] });
    const { client } = clientFor(sim);
    const error = await rejection(
      client.upsertMember(subscriberHash(email), {
        email_address: email,
        status_if_new: "subscribed",
        status: "subscribed",
      }),
    );
    expect(error).toMatchObject({ status: 400, title: "Member In Compliance State", retryable: false });
    expect(error.message).toBe("Mailchimp upsertMember: 400 Member In Compliance State");
    expect(error.detail).toContain("[email] is in a compliance state");
    expect(`${error.message} ${error.detail}`.toLowerCase()).not.toContain("camille");
  });

  it("rejects a 404 as MailchimpApiError with Mailchimp's title", async () => {
    const sim = await start();
    const { client } = clientFor(sim);
    const error = await rejection(client.getMember(subscriberHash("nobody@example.com")));
    expect(error).toMatchObject({ status: 404, title: "Resource Not Found", retryable: false });
  });
});

describe("backoffDelayMs", () => {
  const retry = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles from the base delay on each attempt", () => {
    const top = () => 0.999_999;
    expect(backoffDelayMs(1, retry, top)).toBe(100);
    expect(backoffDelayMs(2, retry, top)).toBe(200);
    expect(backoffDelayMs(3, retry, top)).toBe(400);
  });

  it("never exceeds the ceiling", () => {
    expect(backoffDelayMs(10, retry, () => 0.999_999)).toBe(1_000);
  });

  it("spreads retries over half to all of the delay (jitter)", () => {
    expect(backoffDelayMs(2, retry, () => 0)).toBe(100);
    expect(backoffDelayMs(2, retry, () => 0.5)).toBe(150);
  });
});
