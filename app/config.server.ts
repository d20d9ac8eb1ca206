// The process environment, validated once at boot. Every bad value gets its own clear message.
import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
    })
    .optional(),
  SHOPIFY_API_KEY: z.string().trim().min(1).optional(),
  SHOPIFY_API_SECRET: z.string().trim().min(1).optional(),
  SHOPIFY_APP_URL: z.url({ message: "must be the app's public https URL" }).optional(),
  SCOPES: z.string().trim().min(1).optional(),
  PORT: z.coerce
    .number({ message: "must be a port number" })
    .int()
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().trim().min(1).optional(),
  APP_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((key) => Buffer.from(key, "base64").length === 32, {
      message: "must be 32 bytes, base64-encoded",
    })
    .optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((url) => /^smtps?:\/\//.test(url), { message: "must start with smtp:// or smtps://" })
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  WORKER: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  DATA_DIR: z.string().trim().min(1).default("data"),
  /** Cookie-banner choices a minute per shop and network (docs/decisions/045); raised by the bench. */
  BANNER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** The sandbox imports the demo shop's history at its first start, as an install does. */
  SANDBOX_IMPORT: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  /** How long a worker holds a job before another may take it; tests shorten it to see a crash recovered. */
  JOB_LEASE_SECONDS: z.coerce
    .number({ message: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(2, "must be between 2 and 3600")
    .max(3600, "must be between 2 and 3600")
    .default(60),
});

export type LogLevel = (typeof LOG_LEVELS)[number];
export type Dialect = "sqlite" | "postgres";

export type ShopifyCredentials = { apiKey: string; apiSecret: string; appUrl: string; scopes: string[] };

export type Config = {
  env: "development" | "production" | "test";
  databaseUrl: string;
  dialect: Dialect;
  /** null in the sandbox (no Shopify credentials): see app/sandbox/. */
  shopify: ShopifyCredentials | null;
  port: number;
  host: string;
  encryptionKey: string | undefined;
  smtpUrl: string | undefined;
  /** From: of e-mails (replies go to the shop's DPO). */
  mailFrom: string;
  worker: boolean;
  logLevel: LogLevel;
  dataDir: string;
  /** Cookie-banner choices a minute per shop and network. */
  bannerRatePerMinute: number;
  /** Whether the sandbox imports the demo shop from its simulated Shopify at first start. */
  sandboxImport: boolean;
  /** A worker's lease on the jobs it claimed, renewed while they run (JOB_LEASE_SECONDS). */
  jobLeaseMs: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function dialectOf(databaseUrl: string): Dialect {
  return databaseUrl.startsWith("file:") ? "sqlite" : "postgres";
}

const SHOPIFY_VARS = ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "SCOPES"] as const;

/** Parses an environment (process.env by default); throws ConfigError listing every bad value. */
export function parseConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset: `FOO= npm start` should not be a validation error.
  const env = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const present = SHOPIFY_VARS.filter((name) => e[name] !== undefined);
  if (present.length > 0 && present.length < SHOPIFY_VARS.length) {
    const missing = SHOPIFY_VARS.filter((name) => e[name] === undefined);
    throw new ConfigError([
      `${missing.join(", ")}: missing. Set all of ${SHOPIFY_VARS.join(", ")} to run as a Shopify app, or none of them for the sandbox`,
    ]);
  }
  const shopify =
    present.length === SHOPIFY_VARS.length
      ? {
          apiKey: e.SHOPIFY_API_KEY as string,
          apiSecret: e.SHOPIFY_API_SECRET as string,
          appUrl: e.SHOPIFY_APP_URL as string,
          scopes: (e.SCOPES as string)
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : null;
  if (!shopify && e.NODE_ENV === "production") {
    throw new ConfigError([
      `${SHOPIFY_VARS.join(", ")}: required when NODE_ENV=production. Without them Vigie runs its sandbox, which never runs in production`,
    ]);
  }
  if (shopify && !e.APP_ENCRYPTION_KEY && e.NODE_ENV === "production") {
    throw new ConfigError([
      "APP_ENCRYPTION_KEY: required in production (32 random bytes, base64: `openssl rand -base64 32`)",
    ]);
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    // Relays refuse senders they do not know: say so at boot, not at the first e-mail.
    throw new ConfigError(['MAIL_FROM: required with SMTP_URL (e.g. "iméra <dpo@imera-paris.com>")']);
  }
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(e.DATA_DIR, "vigie.sqlite")}`;
  return {
    env: e.NODE_ENV,
    databaseUrl,
    dialect: dialectOf(databaseUrl),
    shopify,
    port: e.PORT,
    // The sandbox has no authentication worth the name: it listens on loopback only.
    host: shopify ? (e.HOST ?? "0.0.0.0") : "127.0.0.1",
    encryptionKey: e.APP_ENCRYPTION_KEY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `Vigie <no-reply@${shopify ? new URL(shopify.appUrl).hostname : "localhost"}>`,
    worker: e.WORKER === "on",
    sandboxImport: e.SANDBOX_IMPORT === "on",
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    bannerRatePerMinute: e.BANNER_RATE_PER_MINUTE,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
  };
}

let current: Config | undefined;

/** The process's configuration, parsed on first use. */
export function getConfig(): Config {
  current ??= parseConfig();
  return current;
}
