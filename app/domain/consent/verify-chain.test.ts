import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chainOf,
  grantInput,
  minutesLater,
  saltFor,
  variedChain,
  variedInput,
} from "../../../tests/fixtures/consent-events";
import { buildEvent, pseudonymise } from "./build-event";
import type { ConsentEvent } from "./consent-event";
import { GENESIS_HASH } from "./ledger-hash";
import { type ChainBreakReason, type ChainVerification, GENESIS_CURSOR, verifyChain } from "./verify-chain";

/** Removes the field instead of setting it. */
const REMOVED = Symbol("removed");

/**
 * A deep copy of `events` where event `seq` had `changes` applied, as someone editing the
 * database could do. Keys are field names, or `personal.<field>` for a personal field.
 */
function tampered(
  events: readonly ConsentEvent[],
  seq: number,
  changes: Record<string, unknown>,
): ConsentEvent[] {
  const copy = structuredClone(events) as unknown as Record<string, unknown>[];
  const row = copy[seq - 1];
  if (!row) throw new Error(`no event at seq ${seq}`);
  for (const [path, value] of Object.entries(changes)) {
    const [head = "", field] = path.split(".");
    const target = (field ? row[head] : row) as Record<string, unknown>;
    const key = field ?? head;
    if (value === REMOVED) delete target[key];
    else target[key] = value;
  }
  return copy as unknown as ConsentEvent[];
}

/** Verifies `events` in pages cut at `cuts`, carrying the cursor, the way the app streams. */
function verifyInPages(events: readonly ConsentEvent[], cuts: readonly number[]): ChainVerification {
  const bounds = [...new Set([0, ...cuts, events.length])].sort((a, b) => a - b);
  let cursor = GENESIS_CURSOR;
  let count = 0;
  for (let i = 1; i < bounds.length; i++) {
    const result = verifyChain(events.slice(bounds[i - 1], bounds[i]), cursor);
    if (!result.ok) return result;
    cursor = result.last;
    count += result.count;
  }
  return { ok: true, count, last: cursor };
}

const N = 30;
const chain = variedChain(N);

describe("verifyChain", () => {
  it("accepts an intact chain of N events and returns its head", () => {
    const last = chain[N - 1];
    expect(verifyChain(chain)).toEqual({ ok: true, count: N, last: { seq: N, hash: last?.hash } });
  });

  it("accepts an empty page and returns the cursor it started from", () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, last: GENESIS_CURSOR });
  });

  const k = 17;
  it.each<[string, Record<string, unknown>, ChainBreakReason]>([
    ["wording", { wording: "Je souhaite recevoir des offres" }, "hash_mismatch"],
    ["occurredAt", { occurredAt: minutesLater(-5) }, "hash_mismatch"],
    ["recordedAt", { recordedAt: minutesLater(999) }, "hash_mismatch"],
    ["kind", { kind: "withdrawn" }, "hash_mismatch"],
    ["lawfulBasis", { lawfulBasis: "consent" }, "hash_mismatch"],
    ["source", { source: "checkout" }, "hash_mismatch"],
    ["noticeVersion", { noticeVersion: "2099-01-01" }, "hash_mismatch"],
    ["wordingKey (removed)", { wordingKey: REMOVED }, "hash_mismatch"],
    ["wordingLocale", { wordingLocale: "en" }, "hash_mismatch"],
    ["shopId", { shopId: "shop_other" }, "hash_mismatch"],
    ["id", { id: "evt_forged" }, "hash_mismatch"],
    ["commitment", { commitment: "0".repeat(64) }, "hash_mismatch"],
    ["hash", { hash: "f".repeat(64) }, "hash_mismatch"],
    ["prevHash", { prevHash: "e".repeat(64) }, "prev_hash_mismatch"],
    ["seq", { seq: 99 }, "seq_gap"],
    ["e-mail", { "personal.email": "someone.else@example.fr" }, "commitment_mismatch"],
    ["subjectId", { "personal.subjectId": "subj_9" }, "commitment_mismatch"],
    ["orderId (added)", { "personal.orderId": "123" }, "commitment_mismatch"],
    ["salt", { salt: saltFor(1234) }, "commitment_mismatch"],
    ["pseudonymised flag alone", { pseudonymised: true }, "commitment_mismatch"],
    ["salt removed, flag unchanged", { salt: null }, "commitment_mismatch"],
  ])("reports a change to %s at exactly that event", (_field, edit, reason) => {
    // Event 17 is a soft opt-in grant from Shopify (see variedInput), so every field above exists.
    const result = verifyChain(tampered(chain, k, edit));
    expect(result).toEqual({
      ok: false,
      brokenAt: { seq: k, eventId: _field === "id" ? "evt_forged" : "evt_16", reason },
    });
  });

  it("verifies a double opt-in chain, and reports a changed or removed confirmation reference", () => {
    const doubleOptIn = chainOf([
      variedInput(0),
      grantInput({ id: "req", kind: "confirmation_requested", occurredAt: minutesLater(20) }),
      grantInput({ id: "conf", confirmsEventId: "req", occurredAt: minutesLater(30) }),
    ]);
    expect(verifyChain(doubleOptIn)).toMatchObject({ ok: true, count: 3 });
    for (const edit of [{ confirmsEventId: "evt_0" }, { confirmsEventId: REMOVED }]) {
      expect(verifyChain(tampered(doubleOptIn, 3, edit))).toEqual({
        ok: false,
        brokenAt: { seq: 3, eventId: "conf", reason: "hash_mismatch" },
      });
    }
  });

  it("reports a changed e-mail hidden behind a forged erasure flag", () => {
    const result = verifyChain(tampered(chain, 5, { pseudonymised: true, "personal.email": "x@example.fr" }));
    expect(result).toMatchObject({ ok: false, brokenAt: { seq: 5, reason: "commitment_mismatch" } });
  });

  it("reports a deleted event as a seq gap at its seq, naming the event found there instead", () => {
    const withoutTen = chain.filter((event) => event.seq !== 10);
    expect(verifyChain(withoutTen)).toEqual({
      ok: false,
      brokenAt: { seq: 10, eventId: "evt_10", reason: "seq_gap" },
    });
  });

  it("reports a deleted event as a prev-hash mismatch when the later seqs were renumbered", () => {
    const renumbered = chain
      .filter((event) => event.seq !== 10)
      .map((event, index) => ({ ...event, seq: index + 1 }));
    expect(verifyChain(renumbered)).toEqual({
      ok: false,
      brokenAt: { seq: 10, eventId: "evt_10", reason: "prev_hash_mismatch" },
    });
  });

  it("reports a deleted first event at seq 1", () => {
    expect(verifyChain(chain.slice(1))).toEqual({
      ok: false,
      brokenAt: { seq: 1, eventId: "evt_1", reason: "seq_gap" },
    });
  });

  it("reports swapped or duplicated events as seq gaps", () => {
    const swapped = [...chain];
    [swapped[3], swapped[4]] = [chain[4] as ConsentEvent, chain[3] as ConsentEvent];
    const duplicated = [...chain.slice(0, 6), chain[5] as ConsentEvent, ...chain.slice(6)];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: { seq: 4, reason: "seq_gap" } });
    expect(verifyChain(duplicated)).toMatchObject({ ok: false, brokenAt: { seq: 7, reason: "seq_gap" } });
  });

  it("reports the first break when several events were changed", () => {
    const twice = tampered(tampered(chain, 20, { wording: "x" }), 8, { kind: "expired" });
    expect(verifyChain(twice)).toMatchObject({ ok: false, brokenAt: { seq: 8 } });
  });

  it("still verifies after erasure, with the salts and personal fields gone", () => {
    const erased = chain.map((event) =>
      event.personal?.subjectId === "subj_1" ? pseudonymise(event) : event,
    );
    const erasedOnes = erased.filter((event) => event.pseudonymised);
    expect(erasedOnes.length).toBe(10);
    for (const event of erasedOnes) expect([event.salt, event.personal]).toEqual([null, null]);
    expect(verifyChain(erased)).toEqual(verifyChain(chain));
  });

  it("still detects a changed chained field on an erased event", () => {
    const erased = chain.map(pseudonymise);
    const result = verifyChain(tampered(erased, 12, { occurredAt: minutesLater(1) }));
    expect(result).toMatchObject({ ok: false, brokenAt: { seq: 12, reason: "hash_mismatch" } });
  });

  it("verifies rows as a database returns them: null for absent columns, Date for instants", () => {
    const rows = chain.map((event) => ({
      ...event,
      noticeVersion: event.noticeVersion ?? null,
      wordingKey: event.wordingKey ?? null,
      wording: event.wording ?? null,
      wordingLocale: event.wordingLocale ?? null,
      occurredAt: new Date(event.occurredAt),
      recordedAt: new Date(event.recordedAt),
      personal: event.personal && { orderId: null, ipPrefix: null, actor: null, ...event.personal },
    })) as unknown as ConsentEvent[];
    expect(verifyChain(rows)).toEqual(verifyChain(chain));
  });

  it("reports a row with unserialisable values instead of throwing", () => {
    const broken = tampered(chain, 3, { wording: Number.NaN });
    expect(verifyChain(broken)).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: "hash_mismatch" } });
  });

  it("accepts a chain rewritten from the tampered event on, whose head no longer matches the anchor", () => {
    // Why the head must be anchored outside the database (ADR 011): without a secret, anyone who can
    // write the table can recompute every later hash.
    const inputs = Array.from({ length: N }, (_, i) => variedInput(i));
    const forged = chainOf(
      inputs.map((input, i) => (i === 4 ? { ...input, occurredAt: minutesLater(-60) } : input)),
    );
    const result = verifyChain(forged);
    expect(result.ok).toBe(true);
    expect(result.ok && result.last.hash).not.toBe(chain[N - 1]?.hash);
  });

  it("gives the same answer page by page as in one pass", () => {
    expect(verifyInPages(chain, [7, 8, 21])).toEqual(verifyChain(chain));
    const broken = tampered(chain, 22, { wording: "x" });
    expect(verifyInPages(broken, [7, 8, 21])).toEqual(verifyChain(broken));
  });

  it("reports a page started from the wrong cursor at its first event", () => {
    const result = verifyChain(chain.slice(10), { seq: 10, hash: chain[8]?.hash ?? "" });
    expect(result).toEqual({
      ok: false,
      brokenAt: { seq: 11, eventId: "evt_10", reason: "prev_hash_mismatch" },
    });
  });

  it("gives the same answer for any paging, tampered or not (property)", () => {
    const fields = ["wording", "occurredAt", "email", "prevHash", "seq", "salt", "hash"] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 6 }),
        fc.option(fc.record({ at: fc.nat(), field: fc.constantFrom(...fields) })),
        (length, cuts, tamper) => {
          let events = variedChain(length);
          if (tamper) {
            const seq = (tamper.at % length) + 1;
            const { field } = tamper;
            const value = field === "wording" ? "forged" : field === "seq" ? 1000 : saltFor(999);
            events = tampered(events, seq, { [field === "email" ? "personal.email" : field]: value });
            const whole = verifyChain(events);
            expect(whole).toMatchObject({ ok: false, brokenAt: { seq } });
          }
          const pageCuts = cuts.filter((cut) => cut <= length);
          expect(verifyInPages(events, pageCuts)).toEqual(verifyChain(events));
        },
      ),
    );
  });

  it("checks the first event against the genesis hash", () => {
    const notGenesis = [buildEvent(variedInput(0), "1".repeat(64), 1, saltFor(1))];
    expect(verifyChain(notGenesis)).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: "prev_hash_mismatch" },
    });
    expect(verifyChain([buildEvent(variedInput(0), GENESIS_HASH, 1, saltFor(1))]).ok).toBe(true);
  });
});
