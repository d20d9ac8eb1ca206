// The audit log's hash chain (docs/decisions/053): the consent ledger's hashing (canonicalJson,
// sha256Hex) over the audit entry's fields, one linear chain per shop. Pure: no I/O, no clock.
import { canonicalJson } from "../consent/canonical-json";
import { SALT_PATTERN, sha256Hex } from "../consent/ledger-hash";

/** `prevHash` of every shop's first audit entry: the SHA-256 of a fixed, documented version tag. */
export const AUDIT_GENESIS_HASH = sha256Hex("vigie:audit-log:v1:genesis");

/** The fields an entry's hash covers (`targetId` only through its salted commitment). */
export type AuditChainedFields = {
  id: string;
  shopId: string;
  seq: number;
  actorType: string;
  actorId?: string | null;
  action: string;
  targetType?: string | null;
  targetCommitment?: string | null;
  /** The entry's data as stored: its JSON text. */
  data: string;
  /** ISO instant, milliseconds, UTC. */
  createdAt: string;
  prevHash: string;
};

/** An entry as stored: its chained fields, its hash, and the target its commitment hides. */
export type AuditEntry = AuditChainedFields & {
  hash: string;
  targetId?: string | null;
  targetSalt?: string | null;
};

// A Record over the type's keys: a field added to the type fails to compile until it is listed.
const CHAINED: Record<keyof AuditChainedFields, true> = {
  id: true,
  shopId: true,
  seq: true,
  actorType: true,
  actorId: true,
  action: true,
  targetType: true,
  targetCommitment: true,
  data: true,
  createdAt: true,
  prevHash: true,
};
const CHAINED_KEYS = Object.keys(CHAINED);

/**
 * sha256(salt ‖ canonicalJson({ targetId })): what the chain keeps of the record an entry names,
 * so that an erasure can unlink a subject (null the id and the salt) without breaking the chain.
 *
 * @throws {TypeError} when the salt is not 64 lower-case hex characters.
 */
export function targetCommitmentFor(targetId: string, salt: string): string {
  if (!SALT_PATTERN.test(salt)) throw new TypeError("targetCommitmentFor: salt must be 64 lower-case hex");
  return sha256Hex(salt + canonicalJson({ targetId }));
}

/** sha256(canonicalJson(chained fields, prevHash included)); other properties are ignored. */
export function auditHashFor(entry: AuditChainedFields): string {
  const record = entry as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of CHAINED_KEYS) picked[key] = record[key];
  return sha256Hex(canonicalJson(picked));
}

/** Builds the entry at `seq` after `prevHash`; the caller draws the salt (crypto.randomBytes). */
export function buildAuditEntry(
  fields: Omit<AuditChainedFields, "seq" | "prevHash" | "targetCommitment"> & { targetId?: string | null },
  position: { seq: number; prevHash: string },
  salt: string,
): AuditEntry {
  const targetId = fields.targetId ?? null;
  const targetSalt = targetId === null ? null : salt;
  const chained: AuditChainedFields = {
    id: fields.id,
    shopId: fields.shopId,
    seq: position.seq,
    actorType: fields.actorType,
    actorId: fields.actorId ?? null,
    action: fields.action,
    targetType: fields.targetType ?? null,
    targetCommitment: targetId === null ? null : targetCommitmentFor(targetId, salt),
    data: fields.data,
    createdAt: fields.createdAt,
    prevHash: position.prevHash,
  };
  return { ...chained, targetId, targetSalt, hash: auditHashFor(chained) };
}

/**
 * What verification reports at the first entry that does not hold:
 * - `changed`: the entry's fields no longer give its hash (or its target its commitment);
 * - `link_broken`: the entry does not follow the previous one (one before it was rewritten);
 * - `deleted`: the entry at `seq` is missing (a gap, or the newest ones dropped);
 * - `inserted`: an entry that is not part of the chain (no place in it, or past its end);
 * - `head_mismatch`: the chain's recorded end does not match its last entry.
 */
export type AuditBreakReason = "changed" | "link_broken" | "deleted" | "inserted" | "head_mismatch";
export type AuditChainBreak = { seq: number | null; entryId: string | null; reason: AuditBreakReason };
export type AuditCursor = { seq: number; hash: string };
export const AUDIT_GENESIS_CURSOR: AuditCursor = { seq: 0, hash: AUDIT_GENESIS_HASH };

export type AuditChainCheck =
  | { ok: true; count: number; last: AuditCursor }
  | { ok: false; count: number; brokenAt: AuditChainBreak };

/**
 * Walks entries in seq order from `from` (the last verified position, for paged reads) and stops
 * at the first that does not hold. GDPR art. 5(2) and 32(1)(b): the log proves who did what only
 * if any change, removal or insertion of an entry shows.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>, from: AuditCursor = AUDIT_GENESIS_CURSOR) {
  let previous = from;
  let count = 0;
  for (const entry of entries) {
    const expected = previous.seq + 1;
    const brokenAt = (reason: AuditBreakReason, seq = expected, entryId: string | null = entry.id) =>
      ({ ok: false, count, brokenAt: { seq, entryId, reason } }) as const;
    // Stored rows may hold anything: compare as unknown values, never trust the type.
    if (typeof entry.seq !== "number" || entry.seq < expected) return brokenAt("inserted", entry.seq);
    if (entry.seq > expected) return brokenAt("deleted", expected, null);
    if (!holds(entry)) return brokenAt("changed");
    if (entry.prevHash !== previous.hash) return brokenAt("link_broken");
    previous = { seq: entry.seq, hash: entry.hash };
    count += 1;
  }
  return { ok: true, count, last: previous } as const satisfies AuditChainCheck;
}

/** After the last entry: the head row must name exactly it. */
export function checkAuditHead(
  last: AuditCursor,
  head: AuditCursor | null,
): { ok: true } | { ok: false; brokenAt: AuditChainBreak } {
  if (head === null) {
    return last.seq === 0
      ? { ok: true }
      : { ok: false, brokenAt: { seq: last.seq, entryId: null, reason: "head_mismatch" } };
  }
  if (last.seq < head.seq)
    return { ok: false, brokenAt: { seq: last.seq + 1, entryId: null, reason: "deleted" } };
  if (last.seq > head.seq)
    return { ok: false, brokenAt: { seq: head.seq + 1, entryId: null, reason: "inserted" } };
  if (last.hash !== head.hash)
    return { ok: false, brokenAt: { seq: last.seq, entryId: null, reason: "head_mismatch" } };
  return { ok: true };
}

function holds(entry: AuditEntry): boolean {
  try {
    if (typeof entry.hash !== "string" || auditHashFor(entry) !== entry.hash) return false;
    const { targetId, targetSalt, targetCommitment } = entry;
    if (targetId != null) {
      return typeof targetSalt === "string" && targetCommitmentFor(targetId, targetSalt) === targetCommitment;
    }
    if (targetSalt != null) return false;
    // GDPR art. 17: an erasure may unlink a subject from what was done about them, nothing else.
    return targetCommitment == null || entry.targetType === "subject";
  } catch {
    // A value with no canonical form cannot match its hash: report it, never throw.
    return false;
  }
}
