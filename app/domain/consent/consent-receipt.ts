// A shopper's own consent records (the newsletter and each tracker purpose) as a receipt in the
// fields of ISO/IEC TS 27560:2023 (consent record information structure), every event with the
// exact chained fields its ledger hash covers, so that anyone can recompute it without Vigie's code.
// Pure: the caller reads the events and the head, chooses the clock and supplies the texts.
import type { ChainedFields, ConsentEvent, ConsentPurpose, LawfulBasis } from "./consent-event";
import { deriveConsentState } from "./derive-consent-state";
import { chainHashFor, GENESIS_HASH, sha256Hex } from "./ledger-hash";
import { isTrackerPurpose } from "./tracker-consent";

export const RECEIPT_STANDARD = "ISO/IEC TS 27560:2023";
/** The shape of this receipt; bumped when a field changes meaning. */
export const RECEIPT_SCHEMA_VERSION = "vigie-consent-receipt/1";

/** What is done with the data, per purpose (27560 "processing"; terms of W3C DPV). */
const PROCESSING: Record<ConsentPurpose, readonly string[]> = {
  newsletter: ["Collect", "Store", "Use"],
  // LIL art. 82: reading or writing on the visitor's device is what needs consent.
  tracking_analytics: ["Access", "Store", "Analyse"],
  tracking_marketing: ["Access", "Store", "Analyse", "Share"],
  tracking_preferences: ["Access", "Store"],
  tracking_sale_of_data: ["Access", "Disclose"],
};
/** Which data each purpose concerns (27560 "PII categories"; terms of W3C DPV-PD). */
const DATA_CATEGORIES: Record<ConsentPurpose, readonly string[]> = {
  newsletter: ["EmailAddress"],
  tracking_analytics: ["OnlineIdentifier", "BrowsingBehaviour"],
  tracking_marketing: ["OnlineIdentifier", "BrowsingBehaviour", "Interest"],
  tracking_preferences: ["OnlineIdentifier", "Preference"],
  tracking_sale_of_data: ["OnlineIdentifier", "BrowsingBehaviour"],
};
const PURPOSE_ORDER: readonly ConsentPurpose[] = [
  "newsletter",
  "tracking_analytics",
  "tracking_marketing",
  "tracking_preferences",
  "tracking_sale_of_data",
];

/** The law each basis rests on, cited. */
const LEGAL_BASIS_CITATION: Record<LawfulBasis, string> = {
  // GDPR art. 6(1)(a); for trackers also LIL art. 82 (ePrivacy art. 5(3)).
  consent: "GDPR art. 6(1)(a)",
  // CPCE L34-5 al. 4: a customer's similar products, unless they object.
  soft_opt_in: "CPCE art. L34-5",
};

export type ReceiptState = "given" | "refused" | "withdrawn" | "pending" | "expired" | "none";

export type ReceiptEvent = {
  /** The event's id (27560 "event" entries in order). */
  id: string;
  seq: number;
  /** granted, refused, withdrawn, expired, confirmation_requested, repermission_requested. */
  type: ChainedFields["kind"];
  occurredAt: string;
  recordedAt: string;
  /** Exactly the fields the ledger hashed, as it hashed them. */
  entry: ChainedFields;
  /** sha256(canonicalJson(entry)). */
  hash: string;
};

export type ReceiptRecord = {
  /** Stable for this shopper and purpose in this shop. */
  recordId: string;
  purpose: { id: ConsentPurpose; title: string; description: string };
  processing: string[];
  dataCategories: string[];
  legalBasis: { id: LawfulBasis; citation: string };
  /** The text version shown (banner version, or checkbox wording version) and Vigie's privacy notice. */
  notice: { version: string | null; privacyNoticeVersion: number | null };
  /** How it was collected: where, the exact words shown, in which language. */
  collection: {
    method: ChainedFields["source"];
    wording: string | null;
    language: string | null;
    region: string | null;
    globalPrivacyControl: boolean | null;
  };
  state: ReceiptState;
  /** When the current state began. */
  since: string | null;
  events: ReceiptEvent[];
};

export type ConsentReceipt = {
  standard: typeof RECEIPT_STANDARD;
  schemaVersion: typeof RECEIPT_SCHEMA_VERSION;
  receiptId: string;
  issuedAt: string;
  language: string;
  controller: { name: string; domain: string; contact: string | null };
  /** How the shopper was identified: the shop's signed-in customer account. */
  principal: { shopifyCustomerId: string };
  records: ReceiptRecord[];
  ledger: {
    hashAlgorithm: "SHA-256";
    /** How to recompute each `hash` from its `entry`. */
    canonicalisation: string;
    genesisHash: string;
    /** The shop's chain head when the receipt was issued. */
    head: { seq: number; hash: string };
    lastVerifiedAt: string | null;
    lastVerificationOk: boolean | null;
  };
};

export type ReceiptInput = {
  shop: { id: string; name: string; domain: string; contact: string | null };
  shopifyCustomerId: string;
  /** The shopper's events (any order); pseudonymised ones are left out. */
  events: readonly ConsentEvent[];
  head: { seq: number; hash: string; lastVerifiedAt: string | null; lastVerificationOk: boolean | null };
  issuedAt: Date;
  language: string;
  purposeTexts: Record<ConsentPurpose, { title: string; description: string }>;
};

function chainedOf(event: ConsentEvent): ChainedFields {
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({
    id: event.id,
    shopId: event.shopId,
    seq: event.seq,
    kind: event.kind,
    purpose: event.purpose,
    lawfulBasis: event.lawfulBasis,
    source: event.source,
    noticeVersion: event.noticeVersion,
    privacyNoticeVersion: event.privacyNoticeVersion,
    wordingKey: event.wordingKey,
    wording: event.wording,
    wordingLocale: event.wordingLocale,
    confirmsEventId: event.confirmsEventId,
    region: event.region,
    gpc: event.gpc,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    commitment: event.commitment,
    prevHash: event.prevHash,
  })) {
    if (value !== undefined && value !== null) entry[key] = value;
  }
  return entry as ChainedFields;
}

function stateOf(purpose: ConsentPurpose, events: readonly ConsentEvent[]) {
  if (purpose === "newsletter") {
    const derived = deriveConsentState([...events]);
    const state: ReceiptState =
      derived.status === "subscribed"
        ? "given"
        : derived.status === "pending"
          ? "pending"
          : derived.status === "never"
            ? "none"
            : derived.lastEvent?.kind === "expired"
              ? "expired"
              : "withdrawn";
    return { state, since: derived.since ?? null };
  }
  // A tracker choice stands until the next one: the newest act decides.
  const last = events.at(-1);
  if (!last) return { state: "none" as const, since: null };
  return { state: (last.kind === "granted" ? "given" : "refused") as ReceiptState, since: last.occurredAt };
}

/** Builds the receipt of one signed-in shopper's consent records, newest state per purpose. */
export function buildConsentReceipt(input: ReceiptInput): ConsentReceipt {
  const mine = input.events
    .filter((event) => !event.pseudonymised)
    .toSorted((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.seq - b.seq);
  const records: ReceiptRecord[] = [];
  for (const purpose of PURPOSE_ORDER) {
    const events = mine.filter((event) => event.purpose === purpose);
    if (events.length === 0) continue;
    const { state, since } = stateOf(purpose, events);
    // The act that set the current terms: the newest one carrying words shown to the shopper.
    const shown = events.findLast((event) => event.wording !== undefined) ?? events.at(-1);
    const last = events.at(-1) as ConsentEvent;
    const basis = (shown ?? last).lawfulBasis;
    records.push({
      recordId: sha256Hex(`${input.shop.id}|${input.shopifyCustomerId}|${purpose}`).slice(0, 32),
      purpose: { id: purpose, ...input.purposeTexts[purpose] },
      processing: [...PROCESSING[purpose]],
      dataCategories: [...DATA_CATEGORIES[purpose]],
      legalBasis: { id: basis, citation: LEGAL_BASIS_CITATION[basis] },
      notice: {
        version: shown?.noticeVersion ?? null,
        privacyNoticeVersion: shown?.privacyNoticeVersion ?? null,
      },
      collection: {
        method: (shown ?? last).source,
        wording: shown?.wording ?? null,
        language: shown?.wordingLocale ?? null,
        region: isTrackerPurpose(purpose) ? (last.region ?? null) : null,
        globalPrivacyControl: isTrackerPurpose(purpose) ? (last.gpc ?? null) : null,
      },
      state,
      since,
      events: events.map((event) => ({
        id: event.id,
        seq: event.seq,
        type: event.kind,
        occurredAt: event.occurredAt,
        recordedAt: event.recordedAt,
        entry: chainedOf(event),
        hash: event.hash,
      })),
    });
  }
  const issuedAt = input.issuedAt.toISOString();
  return {
    standard: RECEIPT_STANDARD,
    schemaVersion: RECEIPT_SCHEMA_VERSION,
    receiptId: sha256Hex(`${input.shop.id}|${input.shopifyCustomerId}|${issuedAt}|${input.head.hash}`).slice(
      0,
      32,
    ),
    issuedAt,
    language: input.language,
    controller: { name: input.shop.name, domain: input.shop.domain, contact: input.shop.contact },
    principal: { shopifyCustomerId: input.shopifyCustomerId },
    records,
    ledger: {
      hashAlgorithm: "SHA-256",
      canonicalisation:
        "hash = SHA-256 of the UTF-8 JSON of `entry`, keys sorted, no spaces, absent members dropped (RFC 8785 for these values)",
      genesisHash: GENESIS_HASH,
      head: { seq: input.head.seq, hash: input.head.hash },
      lastVerifiedAt: input.head.lastVerifiedAt,
      lastVerificationOk: input.head.lastVerificationOk,
    },
  };
}

export type ReceiptCheck =
  | { ok: true; events: number }
  | {
      ok: false;
      eventId: string;
      reason: "hash_mismatch" | "not_in_ledger" | "ledger_differs" | "after_head";
    };

/**
 * Checks a receipt on its own: each event's hash recomputes from its entry, and no event is past
 * the head it names. Then, when the shop's chain (verified by the caller, e.g. from a ledger
 * export) is given by seq → hash, that each event is the one the chain holds at its place.
 */
export function checkReceipt(receipt: ConsentReceipt, chain?: ReadonlyMap<number, string>): ReceiptCheck {
  let count = 0;
  for (const record of receipt.records) {
    for (const event of record.events) {
      const fail = (reason: Extract<ReceiptCheck, { ok: false }>["reason"]): ReceiptCheck => ({
        ok: false,
        eventId: event.id,
        reason,
      });
      let recomputed: string | null;
      try {
        recomputed = chainHashFor(event.entry);
      } catch {
        recomputed = null;
      }
      if (recomputed !== event.hash || event.entry.seq !== event.seq || event.entry.id !== event.id)
        return fail("hash_mismatch");
      if (event.seq > receipt.ledger.head.seq) return fail("after_head");
      if (chain) {
        const held = chain.get(event.seq);
        if (held === undefined) return fail("not_in_ledger");
        if (held !== event.hash) return fail("ledger_differs");
      }
      count += 1;
    }
  }
  return { ok: true, events: count };
}
