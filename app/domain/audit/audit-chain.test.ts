import { describe, expect, it } from "vitest";
import { canonicalJson } from "../consent/canonical-json";
import { sha256Hex } from "../consent/ledger-hash";
import {
  AUDIT_GENESIS_HASH,
  type AuditEntry,
  auditHashFor,
  buildAuditEntry,
  checkAuditHead,
  targetCommitmentFor,
  verifyAuditChain,
} from "./audit-chain";

const SALT = "ab".repeat(32);

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = AUDIT_GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const entry = buildAuditEntry(
      {
        id: `e${seq}`,
        shopId: "shop",
        actorType: "staff",
        actorId: "dpo",
        action: "request.answered",
        targetType: "request",
        targetId: `req-${seq}`,
        data: "{}",
        createdAt: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      },
      { seq, prevHash },
      SALT,
    );
    entries.push(entry);
    prevHash = entry.hash;
  }
  return entries;
}

describe("the audit chain", () => {
  it("hashes the canonical JSON of the chained fields, the target through its salted commitment", () => {
    const [first] = chain(1) as [AuditEntry];
    expect(first.targetCommitment).toBe(sha256Hex(SALT + canonicalJson({ targetId: "req-1" })));
    expect(first.targetCommitment).toBe(targetCommitmentFor("req-1", SALT));
    const { hash, targetId, targetSalt, ...chained } = first;
    expect(hash).toBe(sha256Hex(canonicalJson({ ...chained, actorId: "dpo" })));
    expect(auditHashFor({ ...first, targetId: "something else" } as AuditEntry)).toBe(hash);
  });

  it("holds from the genesis hash, and through pages from the last verified position", () => {
    const entries = chain(4);
    expect(verifyAuditChain(entries)).toEqual({
      ok: true,
      count: 4,
      last: { seq: 4, hash: entries[3]?.hash },
    });
    const first = verifyAuditChain(entries.slice(0, 2));
    if (!first.ok) throw new Error("first page");
    expect(verifyAuditChain(entries.slice(2), first.last)).toMatchObject({ ok: true, count: 2 });
  });

  it("names the changed entry, the gap, the entry out of order, the broken link", () => {
    const entries = chain(4);
    const changed = entries.map((e, i) => (i === 1 ? { ...e, action: "request.refused" } : e));
    expect(verifyAuditChain(changed)).toEqual({
      ok: false,
      count: 1,
      brokenAt: { seq: 2, entryId: "e2", reason: "changed" },
    });
    const gap = entries.filter((e) => e.seq !== 3);
    expect(verifyAuditChain(gap)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { seq: 3, entryId: null, reason: "deleted" },
    });
    const duplicate = [entries[0], entries[1], entries[1]] as AuditEntry[];
    expect(verifyAuditChain(duplicate)).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, reason: "inserted" },
    });
    const rehashed = { ...(entries[1] as AuditEntry), action: "request.refused" };
    rehashed.hash = auditHashFor(rehashed);
    expect(verifyAuditChain([entries[0], rehashed, entries[2]] as AuditEntry[])).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, entryId: "e3", reason: "link_broken" },
    });
  });

  it("accepts a subject unlinked by an erasure, and no other target unlinked", () => {
    const [entry] = chain(1) as [AuditEntry];
    const subject = buildAuditEntry(
      { ...entry, targetType: "subject", targetId: "sub-1" },
      { seq: 1, prevHash: AUDIT_GENESIS_HASH },
      SALT,
    );
    expect(verifyAuditChain([{ ...subject, targetId: null, targetSalt: null }]).ok).toBe(true);
    expect(verifyAuditChain([{ ...entry, targetId: null, targetSalt: null }]).ok).toBe(false);
    expect(verifyAuditChain([{ ...subject, targetId: null }]).ok).toBe(false);
  });

  it("checks the end against the head", () => {
    const last = { seq: 3, hash: "h3" };
    expect(checkAuditHead(last, { seq: 3, hash: "h3" })).toEqual({ ok: true });
    expect(checkAuditHead(last, { seq: 5, hash: "h5" })).toMatchObject({
      brokenAt: { seq: 4, reason: "deleted" },
    });
    expect(checkAuditHead(last, { seq: 2, hash: "h2" })).toMatchObject({
      brokenAt: { seq: 3, reason: "inserted" },
    });
    expect(checkAuditHead(last, { seq: 3, hash: "other" })).toMatchObject({
      brokenAt: { reason: "head_mismatch" },
    });
    expect(checkAuditHead({ seq: 0, hash: AUDIT_GENESIS_HASH }, null)).toEqual({ ok: true });
  });
});
