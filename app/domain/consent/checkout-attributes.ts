import { z } from "zod";
import { isWellFormed } from "./canonical-json";
import { WORDING_LOCALES, type WordingLocale } from "./consent-event";

/**
 * The order `note_attributes` the checkout UI extension writes. This is a contract with the
 * extension (which cannot import app code): never rename a key.
 */
export const CHECKOUT_ATTRIBUTES = {
  /** `"granted"`, and present only while the box is ticked. */
  consent: "_vigie_consent",
  noticeVersion: "_vigie_notice_version",
  wordingKey: "_vigie_wording_key",
  wordingLocale: "_vigie_wording_locale",
  /** The exact text shown next to the box. */
  wording: "_vigie_wording",
} as const;

export const CHECKOUT_CONSENT_GRANTED = "granted";
/** In code points, so that the extension's `.length` (UTF-16 units) limit always fits. */
export const CHECKOUT_WORDING_MAX_LENGTH = 500;

export type CheckoutConsent =
  | {
      granted: true;
      noticeVersion: string;
      wordingKey: string;
      wordingLocale: WordingLocale;
      wording: string;
    }
  /** `absent`: no consent attribute (box unticked or no extension); `invalid`: present but unusable. */
  | { granted: false; reason: "absent" | "invalid" };

const ATTRIBUTE_PREFIX = "_vigie_";

const NoteAttributeSchema = z.object({ name: z.string(), value: z.unknown() });

/**
 * The proof a checkout consent carries, whichever way it reaches Vigie (order attributes, or the
 * thank-you page's POST to /api/checkout/consent): one set of rules for both.
 */
export const CheckoutConsentProofSchema = z.object({
  noticeVersion: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/),
  wordingKey: z.string().regex(/^[a-z0-9_-]{1,50}(\.[a-z0-9_-]{1,50}){0,3}$/),
  wordingLocale: z.enum(WORDING_LOCALES),
  wording: z
    .string()
    .refine((text) => text.trim().length > 0, "blank wording")
    .refine((text) => Array.from(text).length <= CHECKOUT_WORDING_MAX_LENGTH, "wording too long")
    .refine(isWellFormed, "malformed text"),
});
const proof = CheckoutConsentProofSchema.shape;

const CheckoutConsentSchema = z.object({
  [CHECKOUT_ATTRIBUTES.consent]: z.literal(CHECKOUT_CONSENT_GRANTED),
  [CHECKOUT_ATTRIBUTES.noticeVersion]: proof.noticeVersion,
  [CHECKOUT_ATTRIBUTES.wordingKey]: proof.wordingKey,
  [CHECKOUT_ATTRIBUTES.wordingLocale]: proof.wordingLocale,
  [CHECKOUT_ATTRIBUTES.wording]: proof.wording,
});

/**
 * Reads the newsletter consent the checkout extension left on an order. Input is a webhook's
 * `note_attributes` (`[{ name, value }]`, values strings) and is untrusted: this never throws.
 *
 * Not granted unless `_vigie_consent` is exactly `"granted"` AND the notice version, wording key,
 * locale and exact wording are all present and valid: GDPR art. 7(1), a consent that cannot be
 * proven cannot be relied on. Not granted is never a withdrawal: an unticked box produces no
 * event at all (GDPR recital 32). Foreign attributes are ignored; a repeated `_vigie_*` key
 * makes the whole set `invalid`, since it is unknowable which value the shopper saw.
 *
 * NOTE: buyers can write cart attributes themselves (Storefront cart API), so the app should
 * check the wording against the shop's published wordings before recording a grant.
 */
export function parseCheckoutConsent(noteAttributes: unknown): CheckoutConsent {
  if (noteAttributes === undefined || noteAttributes === null) return { granted: false, reason: "absent" };
  if (!Array.isArray(noteAttributes)) return { granted: false, reason: "invalid" };

  const ours = new Map<string, unknown>();
  for (const entry of noteAttributes) {
    const attribute = NoteAttributeSchema.safeParse(entry);
    if (!attribute.success || !attribute.data.name.startsWith(ATTRIBUTE_PREFIX)) continue;
    if (ours.has(attribute.data.name)) return { granted: false, reason: "invalid" };
    ours.set(attribute.data.name, attribute.data.value);
  }
  if (!ours.has(CHECKOUT_ATTRIBUTES.consent)) return { granted: false, reason: "absent" };

  const parsed = CheckoutConsentSchema.safeParse(Object.fromEntries(ours));
  if (!parsed.success) return { granted: false, reason: "invalid" };
  const values = parsed.data;
  return {
    granted: true,
    noticeVersion: values[CHECKOUT_ATTRIBUTES.noticeVersion],
    wordingKey: values[CHECKOUT_ATTRIBUTES.wordingKey],
    wordingLocale: values[CHECKOUT_ATTRIBUTES.wordingLocale],
    wording: values[CHECKOUT_ATTRIBUTES.wording],
  };
}
