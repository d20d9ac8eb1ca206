// Consent to trackers on the storefront (the cookie banner, docs/decisions/043): which purposes are
// asked, when a stored choice must be asked again, what Global Privacy Control forces, and what one
// choice sent by the banner may say. Pure: no I/O; the clock is the caller's.
import { z } from "zod";
import { SHOPPER_LOCALES } from "~/i18n/locale";
import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./ledger-hash";

import { SHOPIFY_TRACKING_KEYS, type ShopifyTrackingKey } from "./tracking-keys";

export { SHOPIFY_TRACKING_KEYS, type ShopifyTrackingKey };

/** The ledger's purpose for each: a consent of its own kind, never mixed with the newsletter's. */
export const TRACKER_PURPOSES = [
  "tracking_analytics",
  "tracking_marketing",
  "tracking_preferences",
  "tracking_sale_of_data",
] as const;
export type TrackerPurpose = (typeof TRACKER_PURPOSES)[number];

export const trackerPurposeOf = (key: ShopifyTrackingKey): TrackerPurpose => `tracking_${key}`;
export const isTrackerPurpose = (purpose: string): purpose is TrackerPurpose =>
  (TRACKER_PURPOSES as readonly string[]).includes(purpose);

/** CNIL recommendation 2020-092 §3: keep the choice (refusal included) about 6 months, then ask again. */
export const CHOICE_VALIDITY_MONTHS = 6;

/** The instant from which a choice made at `decidedAt` must be asked again (6 calendar months later, UTC). */
export function askAgainFrom(decidedAt: Date): Date {
  const next = new Date(decidedAt.getTime());
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + CHOICE_VALIDITY_MONTHS);
  // 31 August + 6 months is the last day of February, not early March.
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}

export type StoredChoice = { version: string; decidedAt: Date };

/**
 * Whether the banner must ask a visitor who already chose, again:
 * - the choice is 6 months old (CNIL guidelines 2020-091 art. 2 and recommendation 2020-092 §3);
 * - the purposes or processors changed since (its version differs): consent is specific and
 *   informed (GDPR art. 4(11), LIL art. 82), so a choice about other purposes does not carry over,
 *   unless the shop turned re-asking on change off;
 * - a choice dated in the future is not trusted (the visitor's clock or a tampered store).
 * Without a stored choice nothing is said here: Shopify's shouldShowBanner() decides by region.
 */
export function mustAskAgain(input: {
  stored: StoredChoice | null;
  currentVersion: string;
  now: Date;
  askAgainOnChange?: boolean;
}): { ask: boolean; reason?: "expired" | "purposes_changed" | "future" } {
  const { stored, now } = input;
  if (!stored || Number.isNaN(stored.decidedAt.getTime())) return { ask: false };
  if (stored.decidedAt.getTime() > now.getTime() + 24 * 3600 * 1000) return { ask: true, reason: "future" };
  if (now.getTime() >= askAgainFrom(stored.decidedAt).getTime()) return { ask: true, reason: "expired" };
  if ((input.askAgainOnChange ?? true) && stored.version !== input.currentVersion) {
    return { ask: true, reason: "purposes_changed" };
  }
  return { ask: false };
}

/** What the banner shows for one purpose, in one language. */
export type BannerPurposeText = {
  key: ShopifyTrackingKey;
  title: string;
  description: string;
  processors: string[];
};
export type BannerTexts = {
  title: string;
  intro: string;
  acceptAll: string;
  refuseAll: string;
  choose: string;
  save: string;
  close: string;
  noticeLink: string;
  cookiesLink: string;
  gpcNote: string;
  noProcessor: string;
  /** The language the shop wrote its recipients in (its register): French where it wrote none in the reader's. */
  processorsLang: string;
  purposes: BannerPurposeText[];
};

/**
 * One language's banner version (docs/decisions/082): a hash of every text shown in that language,
 * purposes and processors included. A visitor consents to the text they read, so an edit in one
 * language asks again only that language's visitors, while a changed purpose or processor changes
 * every language's text and so every version (CNIL 2020-091 art. 2 and 3: consent proven, and asked
 * again when purposes change). `b2-`: the earlier `b1-` hashed all languages together.
 */
export function bannerVersion(texts: BannerTexts): string {
  return `b2-${sha256Hex(canonicalJson(texts)).slice(0, 16)}`;
}

/** Each language's version, from each language's texts. */
export function bannerVersions<L extends string>(texts: Record<L, BannerTexts>): Record<L, string> {
  return Object.fromEntries(
    Object.entries<BannerTexts>(texts).map(([locale, own]) => [locale, bannerVersion(own)]),
  ) as Record<L, string>;
}

/**
 * The exact text one purpose's event records: the first layer's intro, then the purpose as the
 * second layer showed it with its processors. Proof must survive a later edit of the texts.
 */
export function purposeWording(texts: BannerTexts, key: ShopifyTrackingKey): string {
  const purpose = texts.purposes.find((p) => p.key === key);
  if (!purpose) throw new RangeError(`no purpose ${key} in the banner`);
  const processors = purpose.processors.length > 0 ? purpose.processors.join(" ; ") : texts.noProcessor;
  return `${texts.intro}\n\n${purpose.title} — ${purpose.description} (${processors})`.slice(0, 2000);
}

export type TrackingConsent = Record<ShopifyTrackingKey, boolean>;

/**
 * Global Privacy Control (navigator.globalPrivacyControl / Sec-GPC: 1) is an opt-out of sale and of
 * cross-context advertising (11 CCR §7025): with it, marketing and sale of data are refused.
 */
export function applyGlobalPrivacyControl(consent: TrackingConsent, gpc: boolean): TrackingConsent {
  return gpc ? { ...consent, marketing: false, sale_of_data: false } : consent;
}

export const BANNER_ACTIONS = ["accept_all", "refuse_all", "custom"] as const;
export type BannerAction = (typeof BANNER_ACTIONS)[number];

/** ISO 3166 country, optionally with a province, as getRegion() returns it ("FR", "USCA"). */
const REGION = /^[A-Z]{2}[A-Z0-9]{0,3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** One choice as the banner POSTs it (through the app proxy). Unknown fields are refused. */
export const TrackerChoiceSchema = z
  .strictObject({
    /** A random id the banner draws once per browser (crypto.randomUUID()): no personal data in it. */
    visitorId: z.string().regex(UUID),
    /**
     * The banner version the visitor saw (bannerVersion()). A `b1-` one still parses so that a
     * receipt queued before the upgrade reaches the worker; the intake refuses it as stale.
     */
    version: z.string().regex(/^b[12]-[0-9a-f]{16}$/),
    /** The language the banner was shown in: the version is that language's. */
    locale: z.enum(SHOPPER_LOCALES),
    region: z.string().regex(REGION).optional(),
    gpc: z.boolean(),
    action: z.enum(BANNER_ACTIONS),
    consent: z.strictObject({
      analytics: z.boolean(),
      marketing: z.boolean(),
      preferences: z.boolean(),
      sale_of_data: z.boolean(),
    }),
  })
  .superRefine((choice, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["consent"], message });
    const values = Object.values(choice.consent);
    // CNIL 2020-092 §2: "Refuse all" refuses every purpose, "Accept all" accepts each one offered.
    if (choice.action === "refuse_all" && values.some(Boolean)) issue("refuse_all refuses every purpose");
    const all = applyGlobalPrivacyControl(
      { analytics: true, marketing: true, preferences: true, sale_of_data: true },
      choice.gpc,
    );
    if (choice.action === "accept_all" && SHOPIFY_TRACKING_KEYS.some((k) => choice.consent[k] !== all[k])) {
      issue("accept_all accepts every purpose Global Privacy Control leaves open");
    }
    // What Shopify was told and what the ledger holds must agree: GPC refuses marketing and sale.
    if (choice.gpc && (choice.consent.marketing || choice.consent.sale_of_data)) {
      issue("with Global Privacy Control, marketing and sale of data are refused");
    }
  });
export type TrackerChoice = z.output<typeof TrackerChoiceSchema>;
