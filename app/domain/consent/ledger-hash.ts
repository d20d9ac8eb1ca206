import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { ChainedFields, PersonalFields } from "./consent-event";

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * `prevHash` of the first event of every shop. A fixed, documented value (the SHA-256 of a
 * version tag) so that anyone can re-verify a ledger export without Vigie's code.
 */
export const GENESIS_HASH = sha256Hex("vigie:consent-ledger:v1:genesis");

/** 32 random bytes as 64 lower-case hex characters; the caller draws them (crypto.randomBytes). */
export const SALT_PATTERN = /^[0-9a-f]{64}$/;
export const HASH_PATTERN = /^[0-9a-f]{64}$/;

// The exact keys that enter each hash. A Record over the type's keys (rather than "hash the rest
// of the row") means a field added later fails to compile until it is classified here.
const CHAINED: Record<keyof ChainedFields, true> = {
  id: true,
  shopId: true,
  seq: true,
  kind: true,
  purpose: true,
  lawfulBasis: true,
  source: true,
  noticeVersion: true,
  privacyNoticeVersion: true,
  wordingKey: true,
  wording: true,
  wordingLocale: true,
  confirmsEventId: true,
  region: true,
  gpc: true,
  occurredAt: true,
  recordedAt: true,
  commitment: true,
  prevHash: true,
};
const PERSONAL: Record<keyof PersonalFields, true> = {
  subjectId: true,
  email: true,
  visitorId: true,
  shopifyCustomerId: true,
  orderId: true,
  ipPrefix: true,
  userAgent: true,
  actor: true,
};
const CHAINED_KEYS = Object.keys(CHAINED);
const PERSONAL_KEYS = Object.keys(PERSONAL);

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of keys) picked[key] = record[key];
  return picked;
}

/**
 * The salted commitment to an event's personal fields: sha256(salt ‖ canonicalJson(personal)),
 * where `salt` is its 64-character hex text and ‖ is string concatenation (the salt's fixed
 * length keeps the split unambiguous). Without the salt, a guessed e-mail cannot be confirmed.
 *
 * @throws {TypeError} when the salt is not 64 lower-case hex characters.
 */
export function commitmentFor(personal: PersonalFields, salt: string): string {
  if (!SALT_PATTERN.test(salt)) throw new TypeError("commitmentFor: salt must be 64 lower-case hex");
  return sha256Hex(salt + canonicalJson(pick(personal, PERSONAL_KEYS)));
}

/**
 * The chain hash of an event: sha256(canonicalJson(chained fields, `prevHash` included)).
 * Extra properties of `event` (hash, personal, salt, pseudonymised) are ignored, and `null`
 * is treated as absent, so a database row can be passed as it comes.
 */
export function chainHashFor(event: ChainedFields): string {
  return sha256Hex(canonicalJson(pick(event, CHAINED_KEYS)));
}
