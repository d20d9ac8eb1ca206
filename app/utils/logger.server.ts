// One structured logger (JSON lines on stdout), a child per module. Log ids, never personal
// data: wrap anything personal in pii(), which prints MASKED unless VIGIE_LOG_PII=1 (local debugging).
import type { LogLevel } from "~/config.server";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(module: string): Logger;
};

class Pii {
  constructor(readonly value: unknown) {}
  toJSON() {
    return process.env.VIGIE_LOG_PII === "1" ? this.value : "MASKED";
  }
}

/** Marks a value as personal data: it is logged as MASKED. */
export function pii(value: unknown): Pii {
  return new Pii(value);
}

function errorFields(error: unknown) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}

let threshold: number = ORDER[(process.env.LOG_LEVEL as LogLevel) ?? "info"] ?? ORDER.info;

export function setLogLevel(level: LogLevel) {
  threshold = ORDER[level];
}

function make(module: string): Logger {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold) return;
    const record: Record<string, unknown> = { time: new Date().toISOString(), level, module, message };
    for (const [key, value] of Object.entries(fields ?? {})) {
      record[key] = key === "error" || value instanceof Error ? errorFields(value) : value;
    }
    process.stdout.write(
      `${JSON.stringify(record, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}\n`,
    );
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (sub) => make(`${module}.${sub}`),
  };
}

export const logger = make("vigie");
