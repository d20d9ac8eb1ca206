import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "~/connectors/connector";
import { seedStripeGuest, seedStripeShopper } from "~/sandbox/simulators/stripe.server";
import { EMAIL, startTestbed, stopTestbeds, subject } from "../../../tests/fixtures/stripe";
import { createStripeConnector, parseStripeCredentials, StripeCredentialsError } from "./connector.server";

afterEach(stopTestbeds);

const KEY = "sk_test_51Hc0ffee0123456789abcdefABCDEF";

describe("parseStripeCredentials", () => {
  it("accepts secret and restricted keys, test or live, with an optional signing secret and opt-in", () => {
    expect(parseStripeCredentials({ secretKey: ` ${KEY} ` })).toEqual({ secretKey: KEY });
    expect(
      parseStripeCredentials({
        secretKey: "rk_live_51Hc0ffee0123456789abcdef",
        webhookSecret: "whsec_abcdefghijklmnop0123456789",
        redactionJobs: true,
      }),
    ).toMatchObject({ redactionJobs: true, webhookSecret: "whsec_abcdefghijklmnop0123456789" });
  });

  it("names the bad fields without ever echoing their values", () => {
    const secret = "pk_test_51Hc0ffee0123456789abcdef";
    const error = (() => {
      try {
        parseStripeCredentials({ secretKey: secret, webhookSecret: "hush-not-whsec", redactionJobs: "yes" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StripeCredentialsError);
    expect(error).toMatchObject({
      fields: ["secretKey", "webhookSecret", "redactionJobs"],
      retryable: false,
    });
    expect((error as Error).message).not.toContain(secret);
    expect((error as Error).message).not.toContain("hush");
    expect(() => parseStripeCredentials(null)).toThrow(StripeCredentialsError);
  });
});

describe("createStripeConnector", () => {
  it("refuses plain http to anything but a loopback simulator", () => {
    expect(() =>
      createStripeConnector({
        credentials: { secretKey: KEY },
        endpoint: { host: "api.example.com", port: 80, protocol: "http" },
      }),
    ).toThrow(ConnectorError);
    expect(
      createStripeConnector({
        credentials: { secretKey: KEY },
        endpoint: { host: "127.0.0.1", port: 1, protocol: "http" },
      }).name,
    ).toBe("stripe");
  });
});

describe("testConnection", () => {
  it("reports the mode for a working key and a readable reason, without the key, for a rejected one", async () => {
    const { connector, endpoint } = await startTestbed();
    await expect(connector.testConnection()).resolves.toEqual({
      ok: true,
      detail: "Stripe test mode reachable.",
    });
    const wrong = createStripeConnector({ credentials: { secretKey: KEY }, endpoint });
    const result = await wrong.testConnection();
    expect(result).toEqual({ ok: false, detail: "Stripe rejected the API key (401)." });
  });

  it("never throws, even when Stripe cannot be reached", async () => {
    const connector = createStripeConnector({
      credentials: { secretKey: KEY },
      endpoint: { host: "127.0.0.1", port: 9, protocol: "http" },
      timeoutMs: 500,
    });
    await expect(connector.testConnection()).resolves.toMatchObject({ ok: false });
  }, 15_000);
});

describe("locate", () => {
  it("finds customers under the address as given and lower-cased, and guests by checkout e-mail", async () => {
    const { sim, connector } = await startTestbed();
    const exact = seedStripeShopper(sim.state, { email: EMAIL });
    const lower = seedStripeShopper(sim.state, { email: EMAIL.toLowerCase() });
    seedStripeShopper(sim.state, { email: "someone.else@example.fr" });
    const guest = seedStripeGuest(sim.state, { email: EMAIL.toLowerCase() });
    const found = await connector.locate(subject(` ${EMAIL} `));
    expect(found.found).toBe(true);
    expect(found.refs.sort()).toEqual(
      [exact.customerId, lower.customerId, ...guest.checkoutSessionIds].sort(),
    );
    // Sessions of the customers found are reached through them, not counted as guest sessions.
    expect(found.refs.some((r) => exact.checkoutSessionIds.includes(r))).toBe(false);
  });

  it("finds a customer by a stored id, deleted ones included, and ignores malformed ids", async () => {
    const { sim, connector } = await startTestbed();
    const other = seedStripeShopper(sim.state, { email: "changed@example.fr" });
    const gone = seedStripeShopper(sim.state, { email: "gone@example.fr" });
    const goneCustomer = sim.state.customers.get(gone.customerId);
    if (goneCustomer) sim.state.deleteCustomer(goneCustomer);
    const found = await connector.locate(
      subject(EMAIL, {
        stripeCustomerIds: [other.customerId, gone.customerId, "cus_missing", "../v1/balance"],
      }),
    );
    expect(found.refs.sort()).toEqual([other.customerId, gone.customerId].sort());
    expect(sim.callsTo("/v1/balance")).toHaveLength(0);
  });

  it("finds nothing for an unknown shopper or one without an e-mail", async () => {
    const { connector } = await startTestbed();
    await expect(connector.locate(subject("nobody@example.fr"))).resolves.toEqual({ found: false, refs: [] });
    await expect(connector.locate(subject(null))).resolves.toEqual({ found: false, refs: [] });
  });
});

describe("readConsent", () => {
  it("says Stripe holds no marketing consent, without calling Stripe", async () => {
    const { sim, connector } = await startTestbed();
    await expect(connector.readConsent(subject(EMAIL))).resolves.toEqual({ status: "not_supported" });
    await expect(
      connector.applyConsent(subject(EMAIL), {
        purpose: "newsletter",
        status: "subscribed",
        occurredAt: new Date(),
        optInLevel: "UNKNOWN",
        idempotencyKey: "k",
      }),
    ).resolves.toMatchObject({ outcome: "not_supported" });
    expect(sim.stats.requests).toBe(0);
  });
});
