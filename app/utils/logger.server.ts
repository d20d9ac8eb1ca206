// One structured logger (JSON lines on stdout, written by pino), a child per module. Log ids, never
// personal data. Vigie's rules on top of pino: fields named like personal data (email, phone, …) are
// redacted by pino's paths, any e-mail address left in a message or a string field is masked too,
// and anything wrapped in pii() prints MASKED unless VIGIE_LOG_PII=1 (local debugging).
// See docs/decisions/042-ecosystem-libraries.md.
import pino, { type DestinationStream } from "pino";
import type { LogLevel } from "~/config.server";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(module: string): Logger;
};

export const MASKED = "MASKED";

/** Field names that hold personal data wherever they appear (top level or one level down). */
const PERSONAL_FIELDS = [
  "email",
  "requesterEmail",
  "customerEmail",
  "phone",
  "firstName",
  "lastName",
  "fullName",
  "address",
  "address1",
  "address2",
  "ip",
  "browserIp",
];
export const REDACTED_PATHS = PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]);

// Loose on purpose: a false positive costs a MASKED in a log line, a miss leaks an address.
const EMAIL_ADDRESS = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[A-Za-z]{2,}/g;

/** A string with every e-mail address in it replaced by MASKED. */
export function maskEmails(text: string): string {
  return text.includes("@") ? text.replace(EMAIL_ADDRESS, MASKED) : text;
}

class Pii {
  constructor(readonly value: unknown) {}
  toJSON() {
    return process.env.VIGIE_LOG_PII === "1" ? this.value : MASKED;
  }
}

/** Marks a value as personal data: it is logged as MASKED. */
export function pii(value: unknown): Pii {
  return new Pii(value);
}

function errorFields(error: unknown) {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: maskEmails(error.message),
      stack: error.stack && maskEmails(error.stack),
    };
  }
  return { message: maskEmails(String(error)) };
}

/** Field values as logged: errors flattened, e-mail addresses masked in strings (a few levels deep). */
function scrub(value: unknown, depth: number): unknown {
  if (typeof value === "string") return maskEmails(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return errorFields(value);
  if (depth === 0 || value === null || typeof value !== "object" || value instanceof Pii) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth - 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrub(item, depth - 1);
  return out;
}

export type LoggerOptions = {
  /** LOG_LEVEL; lines below it are not written. */
  level?: LogLevel;
  /** Where the JSON lines go; stdout (synchronously) by default. */
  destination?: DestinationStream;
};

/**
 * A root logger (module "vigie"). Lines look like
 * `{"level":"info","time":"2026-…Z","module":"vigie.worker","jobId":"…","message":"job done"}`.
 */
export function createLogger(options: LoggerOptions = {}): Logger & { setLevel(level: LogLevel): void } {
  let threshold = ORDER[options.level ?? "info"];
  const root = pino(
    {
      // Levels are filtered here (the threshold is shared by every child, and LOG_LEVEL can change
      // after modules made theirs); pino writes what passes.
      level: "debug",
      base: null,
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: MASKED },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  const make = (module: string): Logger => {
    const out = root.child({ module });
    const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
      if (ORDER[level] < threshold) return;
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields ?? {})) {
        record[key] = key === "error" ? errorFields(value) : scrub(value, 4);
      }
      out[level](record, maskEmails(message));
    };
    return {
      debug: (m, f) => write("debug", m, f),
      info: (m, f) => write("info", m, f),
      warn: (m, f) => write("warn", m, f),
      error: (m, f) => write("error", m, f),
      child: (sub) => make(`${module}.${sub}`),
    };
  };
  return Object.assign(make("vigie"), {
    setLevel(level: LogLevel) {
      threshold = ORDER[level];
    },
  });
}

const processLogger = createLogger({
  level: ORDER[process.env.LOG_LEVEL as LogLevel] ? (process.env.LOG_LEVEL as LogLevel) : "info",
});

/** The process's logger (stdout); modules take a child of it. */
export const logger: Logger = processLogger;

export function setLogLevel(level: LogLevel) {
  processLogger.setLevel(level);
}
