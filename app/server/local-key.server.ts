// Outside production, a key for secrets at rest is generated once and kept in the data directory
// (production requires APP_ENCRYPTION_KEY: see config.server.ts).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A 32-byte key for secrets at rest, kept beside the local database (never used in production). */
export function loadOrCreateLocalEncryptionKey(dataDir: string): string {
  const file = path.join(dataDir, "encryption.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(32).toString("base64");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
