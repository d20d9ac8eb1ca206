import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "~/connectors/connector";
import { startMailchimpSimulator } from "~/sandbox/simulators/mailchimp.server";
import {
  captureLog,
  FAST_RETRY,
  startTestbed,
  subject,
  type Testbed,
} from "../../../tests/fixtures/mailchimp";
import {
  createMailchimpConnector,
  MailchimpCredentialsError,
  parseMailchimpCredentials,
} from "./connector.server";
import { subscriberHash } from "./subscriber-hash";

const beds: Testbed[] = [];
afterEach(async () => {
  await Promise.all(beds.splice(0).map((b) => b.sim.stop()));
});
async function bed(...args: Parameters<typeof startTestbed>) {
  const b = await startTestbed(...args);
  beds.push(b);
  return b;
}

const KEY = "0123456789abcdef0123456789abcdef-us21";

function credentialsError(input: unknown): MailchimpCredentialsError {
  try {
    parseMailchimpCredentials(input);
  } catch (error) {
    expect(error).toBeInstanceOf(MailchimpCredentialsError);
    return error as MailchimpCredentialsError;
  }
  throw new Error("expected invalid credentials");
}

describe("parseMailchimpCredentials", () => {
  it("accepts a key, its data centre and an audience id", () => {
    expect(
      parseMailchimpCredentials({ apiKey: KEY, serverPrefix: "us21", audienceId: "a1b2c3d4e5" }),
    ).toEqual({
      apiKey: KEY,
      serverPrefix: "us21",
      audienceId: "a1b2c3d4e5",
    });
  });

  it("names a server prefix that is not the key's data centre", () => {
    expect(credentialsError({ apiKey: KEY, serverPrefix: "us6", audienceId: "a1b2c3d4e5" }).fields).toEqual([
      "serverPrefix",
    ]);
  });

  it("refuses values that could redirect calls (host or path injection)", () => {
    const error = credentialsError({ apiKey: KEY, serverPrefix: "evil.example/x#", audienceId: "../lists" });
    expect(error.fields).toEqual(expect.arrayContaining(["serverPrefix", "audienceId"]));
  });

  it("names missing fields and never quotes the key in its message", () => {
    const error = credentialsError({ apiKey: "not-a-key-value-123", archiveInsteadOfDelete: "yes" });
    expect(error.fields).toEqual(
      expect.arrayContaining(["apiKey", "serverPrefix", "audienceId", "archiveInsteadOfDelete"]),
    );
    expect(error.message).not.toContain("not-a-key-value");
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.retryable).toBe(false);
  });
});

describe("createMailchimpConnector", () => {
  it("throws MailchimpCredentialsError for invalid credentials", () => {
    expect(() => createMailchimpConnector({ credentials: { apiKey: KEY } })).toThrow(
      MailchimpCredentialsError,
    );
  });

  it("names itself mailchimp", async () => {
    const { connector } = await bed();
    expect(connector.name).toBe("mailchimp");
  });
});

describe("testConnection", () => {
  it("is ok when the key works and the audience exists", async () => {
    const { connector, sim } = await bed();
    await expect(connector.testConnection()).resolves.toEqual({
      ok: true,
      detail: `Audience ${sim.audienceId} reachable.`,
    });
    expect(sim.stats.calls.map((c) => c.path)).toEqual(["/3.0/ping", `/3.0/lists/${sim.audienceId}`]);
  });

  it("reports a rejected key without throwing", async () => {
    const sim = await startMailchimpSimulator();
    beds.push({ sim } as Testbed);
    const connector = createMailchimpConnector({
      credentials: { apiKey: KEY, serverPrefix: "us21", audienceId: sim.audienceId },
      basePath: sim.basePath,
      log: captureLog(),
      retry: FAST_RETRY,
    });
    const result = await connector.testConnection();
    expect(result.ok).toBe(false);
    expect(result.detail).toBe("Mailchimp rejected the API key (401 API Key Invalid).");
  });

  it("reports an audience that does not exist", async () => {
    const sim = await startMailchimpSimulator();
    beds.push({ sim } as Testbed);
    const connector = createMailchimpConnector({
      credentials: { apiKey: sim.apiKey, serverPrefix: sim.serverPrefix, audienceId: "ffffffffff" },
      basePath: sim.basePath,
      log: captureLog(),
    });
    await expect(connector.testConnection()).resolves.toEqual({
      ok: false,
      detail: "The audience (list) id does not exist.",
    });
  });

  it("reports an unreachable Mailchimp without throwing", async () => {
    const sim = await startMailchimpSimulator();
    await sim.stop();
    const connector = createMailchimpConnector({
      credentials: { apiKey: sim.apiKey, serverPrefix: sim.serverPrefix, audienceId: sim.audienceId },
      basePath: sim.basePath,
      log: captureLog(),
      retry: { retries: 1, baseDelayMs: 1 },
    });
    const result = await connector.testConnection();
    expect(result).toEqual({ ok: false, detail: "Mailchimp ping: Network error (ECONNREFUSED)" });
  });
});

describe("locate", () => {
  it("finds a member by the hash of the trimmed, lower-cased address", async () => {
    const { connector, sim } = await bed({
      members: [{ email: "camille.martin@example.fr", status: "subscribed" }],
    });
    const hash = subscriberHash("camille.martin@example.fr");
    await expect(connector.locate(subject("  Camille.MARTIN@example.fr "))).resolves.toEqual({
      found: true,
      refs: [`${sim.audienceId}/${hash}`],
    });
    expect(sim.stats.calls.map((c) => c.path)).toEqual([`/3.0/lists/${sim.audienceId}/members/${hash}`]);
  });

  it("answers not found for an address the audience does not hold", async () => {
    const { connector } = await bed();
    await expect(connector.locate(subject("nobody@example.fr"))).resolves.toEqual({ found: false, refs: [] });
  });

  it("asks Mailchimp nothing for a subject without an e-mail", async () => {
    const { connector, sim } = await bed();
    await expect(connector.locate(subject(null))).resolves.toEqual({ found: false, refs: [] });
    expect(sim.stats.requests).toBe(0);
  });
});

describe("readConsent", () => {
  it("maps each Mailchimp status with its last change", async () => {
    const at = new Date("2026-11-20T08:30:00Z");
    const { connector } = await bed({
      now: () => at,
      members: [
        { email: "sub@example.fr", status: "subscribed" },
        { email: "unsub@example.fr", status: "unsubscribed" },
        { email: "pending@example.fr", status: "pending" },
        { email: "cleaned@example.fr", status: "cleaned" },
        { email: "archived@example.fr", status: "archived" },
        { email: "receipts@example.fr", status: "transactional" },
      ],
    });
    const read = (email: string) => connector.readConsent(subject(email));
    await expect(read("sub@example.fr")).resolves.toEqual({ status: "subscribed", changedAt: at });
    await expect(read("unsub@example.fr")).resolves.toEqual({ status: "unsubscribed", changedAt: at });
    await expect(read("pending@example.fr")).resolves.toEqual({ status: "pending", changedAt: at });
    await expect(read("cleaned@example.fr")).resolves.toEqual({ status: "cleaned", changedAt: at });
    await expect(read("archived@example.fr")).resolves.toMatchObject({ status: "not_found" });
    await expect(read("receipts@example.fr")).resolves.toMatchObject({ status: "unsubscribed" });
  });

  it("answers not_found for an absent member", async () => {
    const { connector } = await bed();
    await expect(connector.readConsent(subject("nobody@example.fr"))).resolves.toEqual({
      status: "not_found",
    });
  });

  it("throws a retryable ConnectorError when Mailchimp keeps failing", async () => {
    const { connector, sim } = await bed();
    sim.faults.next(503, 5);
    await expect(connector.readConsent(subject("sub@example.fr"))).rejects.toMatchObject({
      name: "MailchimpApiError",
      retryable: true,
      status: 503,
    });
  });
});
