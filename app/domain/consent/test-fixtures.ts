// Test-only builders for the consent ledger (imported by *.test.ts files, never by app code).
import { buildEvent } from "./build-event";
import type { ConsentEvent, ConsentEventInput } from "./consent-event";
import { GENESIS_HASH, sha256Hex } from "./ledger-hash";

export const REFERENCE_TIMESTAMP = "2026-11-26T09:30:00.000Z";
export const SHOP_ID = "shop_lumiere";

/** A deterministic stand-in for randomBytes(32).toString("hex"): tests must be reproducible. */
export function saltFor(n: number): string {
  return sha256Hex(`test-salt-${n}`);
}

/** `REFERENCE_TIMESTAMP` plus `minutes`, as a canonical ISO instant. */
export function minutesLater(minutes: number): string {
  return new Date(Date.parse(REFERENCE_TIMESTAMP) + minutes * 60_000).toISOString();
}

/** A checkout grant under consent, with every proof field; override anything. */
export function grantInput(overrides: Partial<ConsentEventInput> = {}): ConsentEventInput {
  return {
    id: "evt_1",
    shopId: SHOP_ID,
    kind: "granted",
    purpose: "newsletter",
    lawfulBasis: "consent",
    source: "checkout",
    noticeVersion: "2022-10-31",
    wordingKey: "newsletter_checkbox.default",
    wording: "Je souhaite recevoir les actualités de Lumière & Fils par e-mail",
    wordingLocale: "fr",
    occurredAt: REFERENCE_TIMESTAMP,
    recordedAt: minutesLater(1),
    personal: {
      subjectId: "subj_1",
      email: "camille@example.fr",
      shopifyCustomerId: "7001",
      orderId: "5550001",
      ipPrefix: "203.0.113.0/24",
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)",
    },
    ...overrides,
  };
}

/** The `n`th input of a varied stream: every kind, source and basis appears, several subjects. */
export function variedInput(n: number): ConsentEventInput {
  const subject = `subj_${n % 3}`;
  const personal = { subjectId: subject, email: `${subject}@example.fr` };
  const at = { id: `evt_${n}`, occurredAt: minutesLater(n * 10), recordedAt: minutesLater(n * 10 + 1) };
  switch (n % 5) {
    case 0:
      return grantInput({
        ...at,
        personal: { ...personal, orderId: `${9000 + n}`, ipPrefix: "2001:db8:1::/48" },
      });
    case 1:
      return grantInput({ ...at, lawfulBasis: "soft_opt_in", source: "shopify", personal });
    case 2:
      return { ...withdrawalInput(), ...at, personal: { ...personal, actor: "staff_9" }, source: "staff" };
    case 3:
      return { ...withdrawalInput(), ...at, kind: "repermission_requested", source: "system", personal };
    default:
      return { ...withdrawalInput(), ...at, kind: "expired", source: "system", personal };
  }
}

/** A Mailchimp unsubscribe: no wording, no network data. */
export function withdrawalInput(overrides: Partial<ConsentEventInput> = {}): ConsentEventInput {
  return {
    id: "evt_w",
    shopId: SHOP_ID,
    kind: "withdrawn",
    purpose: "newsletter",
    lawfulBasis: "consent",
    source: "mailchimp",
    occurredAt: minutesLater(60),
    recordedAt: minutesLater(61),
    personal: { subjectId: "subj_1", email: "camille@example.fr" },
    ...overrides,
  };
}

/** Builds a correctly chained ledger from genesis, seq 1…n, one salt per event. */
export function chainOf(inputs: readonly ConsentEventInput[]): ConsentEvent[] {
  const events: ConsentEvent[] = [];
  for (const [index, input] of inputs.entries()) {
    const prevHash = events.at(-1)?.hash ?? GENESIS_HASH;
    events.push(buildEvent(input, prevHash, index + 1, saltFor(index + 1)));
  }
  return events;
}

/** A chain of `n` varied events. */
export function variedChain(n: number): ConsentEvent[] {
  return chainOf(Array.from({ length: n }, (_, i) => variedInput(i)));
}
