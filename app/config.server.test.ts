import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

const SHOPIFY = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://vigie.example.com",
  SCOPES: "read_customers, write_customers",
};

function problemsOf(env: Record<string, string>) {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join("\n");
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("runs the sandbox on SQLite under data/ on 127.0.0.1:3000 when nothing is set", () => {
    const config = parseConfig({});
    expect(config.shopify).toBeNull();
    expect(config.databaseUrl).toBe("file:data/vigie.sqlite");
    expect(config.dialect).toBe("sqlite");
    expect(config.port).toBe(3000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.worker).toBe(true);
    expect(config.jobLeaseMs).toBe(60_000);
  });

  it("reads the job lease in seconds, and refuses one that is not a whole number in range", () => {
    expect(parseConfig({ JOB_LEASE_SECONDS: "3" }).jobLeaseMs).toBe(3_000);
    expect(problemsOf({ JOB_LEASE_SECONDS: "1" })).toMatch(/JOB_LEASE_SECONDS: must be between 2 and 3600/);
    expect(problemsOf({ JOB_LEASE_SECONDS: "2.5" })).toMatch(/JOB_LEASE_SECONDS: must be a whole number/);
    expect(problemsOf({ JOB_LEASE_SECONDS: "soon" })).toMatch(/JOB_LEASE_SECONDS: must be a number/);
  });

  it("uses PostgreSQL for a postgres:// URL", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://u@db:5432/vigie" }).dialect).toBe("postgres");
    expect(parseConfig({ DATABASE_URL: "postgresql://u@db/vigie" }).dialect).toBe("postgres");
  });

  it("reads the Shopify credentials and splits the scopes", () => {
    const config = parseConfig(SHOPIFY);
    expect(config.shopify).toEqual({
      apiKey: "key",
      apiSecret: "secret",
      appUrl: "https://vigie.example.com",
      scopes: ["read_customers", "write_customers"],
    });
    expect(config.host).toBe("0.0.0.0");
  });

  it("names each bad value in its own message", () => {
    const problems = problemsOf({
      PORT: "http",
      DATABASE_URL: "mysql://x",
      WORKER: "maybe",
      LOG_LEVEL: "loud",
    });
    expect(problems).toMatch(/PORT: must be a port number/);
    expect(problems).toMatch(/DATABASE_URL: must start with file:/);
    expect(problems).toMatch(/WORKER: must be "on" or "off"/);
    expect(problems).toMatch(/LOG_LEVEL: must be one of debug, info, warn, error/);
  });

  it("refuses a partial set of Shopify credentials, naming the missing ones", () => {
    expect(problemsOf({ SHOPIFY_API_KEY: "key" })).toMatch(
      /SHOPIFY_API_SECRET, SHOPIFY_APP_URL, SCOPES: missing/,
    );
  });

  it("refuses to run the sandbox in production", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toMatch(/sandbox, which never runs in production/);
  });

  it("requires an encryption key in production", () => {
    expect(problemsOf({ ...SHOPIFY, NODE_ENV: "production" })).toMatch(
      /APP_ENCRYPTION_KEY: required in production/,
    );
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseConfig({ ...SHOPIFY, NODE_ENV: "production", APP_ENCRYPTION_KEY: key }).encryptionKey).toBe(
      key,
    );
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    expect(problemsOf({ APP_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toMatch(
      /APP_ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ PORT: "", SHOPIFY_API_KEY: "" }).port).toBe(3000);
  });
});
