// The checkout-attribute contract (read by the app from the order's note_attributes).
// Pure: builds the changes to pass to shopify.applyAttributeChange, and reads attributes back.
import type { ConsentRecord } from "./wording";

export const CONSENT_KEY = "_vigie_consent";
export const NOTICE_VERSION_KEY = "_vigie_notice_version";
export const WORDING_KEY_KEY = "_vigie_wording_key";
export const WORDING_LOCALE_KEY = "_vigie_wording_locale";
export const WORDING_KEY = "_vigie_wording";

export const CONSENT_ATTRIBUTE_KEYS = [
  CONSENT_KEY,
  NOTICE_VERSION_KEY,
  WORDING_KEY_KEY,
  WORDING_LOCALE_KEY,
  WORDING_KEY,
] as const;

export type AttributeChange =
  | { type: "updateAttribute"; key: string; value: string }
  | { type: "removeAttribute"; key: string };

export interface Attribute {
  key: string;
  value: string;
}

/**
 * Ticked. `_vigie_consent` is written last: if a write fails half-way, the order carries no
 * `granted` marker, only details the app ignores.
 */
export function grantChanges(record: ConsentRecord): AttributeChange[] {
  return [
    { type: "updateAttribute", key: NOTICE_VERSION_KEY, value: record.noticeVersion },
    { type: "updateAttribute", key: WORDING_KEY_KEY, value: record.wordingKey },
    { type: "updateAttribute", key: WORDING_LOCALE_KEY, value: record.wordingLocale },
    { type: "updateAttribute", key: WORDING_KEY, value: record.wording },
    { type: "updateAttribute", key: CONSENT_KEY, value: "granted" },
  ];
}

/**
 * Unticked again: no consent was given here (this is not a withdrawal). `_vigie_consent` goes
 * first, for the same reason as above.
 */
export function clearChanges(): AttributeChange[] {
  return CONSENT_ATTRIBUTE_KEYS.map((key) => ({ type: "removeAttribute", key }));
}

/** True when the attributes hold a grant for exactly this record (same text, notice, locale). */
export function isGrantRecorded(attributes: readonly Attribute[], record: ConsentRecord): boolean {
  const current = new Map(attributes.map((attribute) => [attribute.key, attribute.value]));
  return grantChanges(record).every(
    (change) => change.type === "updateAttribute" && current.get(change.key) === change.value,
  );
}

export function hasConsentAttributes(attributes: readonly Attribute[]): boolean {
  return attributes.some((attribute) =>
    (CONSENT_ATTRIBUTE_KEYS as readonly string[]).includes(attribute.key),
  );
}

export function hasGrantMarker(attributes: readonly Attribute[]): boolean {
  return attributes.some((attribute) => attribute.key === CONSENT_KEY && attribute.value === "granted");
}
