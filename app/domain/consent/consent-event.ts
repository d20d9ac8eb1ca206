import { z } from "zod";
import { isMinimisedIp } from "./minimise-ip";
import { isTrackerPurpose, TRACKER_PURPOSES } from "./tracker-consent";

// The ledger's closed vocabularies. Adding a value is a deliberate change: old events keep
// verifying (their hash covers the value as text), but readers must learn the new one.

export const CONSENT_KINDS = [
  "granted",
  "withdrawn",
  "repermission_requested",
  "expired",
  "confirmation_requested",
  // A storefront visitor's "no" to a tracker purpose (LIL art. 82): kept as proof like a grant.
  "refused",
] as const;
/** The newsletter, and each tracker purpose of the storefront banner (a consent of its own kind). */
export const CONSENT_PURPOSES = ["newsletter", ...TRACKER_PURPOSES] as const;
// CPCE L34-5: soft opt-in for existing customers is a lawful basis of its own, never merged with consent.
export const LAWFUL_BASES = ["consent", "soft_opt_in"] as const;
/**
 * Where the event came from. `system` is Vigie itself (retention expiry, re-permission campaigns).
 * `shopify_import`: the marketing state Shopify held when Vigie read the shop's customers (the
 * backfill, docs/decisions/046): a state, never a consent Vigie collected, and it carries no proof.
 */
export const CONSENT_SOURCES = [
  "checkout",
  "privacy_centre",
  "staff",
  "mailchimp",
  "shopify",
  "system",
  /** The storefront's cookie banner (theme app embed), through the app proxy. */
  "banner",
  "shopify_import",
] as const;
/** Sources whose grants are states read from another system, with no wording or notice to prove them. */
export const IMPORTED_SOURCES = ["shopify_import"] as const;
/** Sources where a shopper acted in a browser, the only ones that may carry an IP prefix or user agent. */
export const WEB_SOURCES = ["checkout", "privacy_centre", "banner"] as const;
// The languages of the checkout box (docs/decisions/061): the shopper languages.
export const WORDING_LOCALES = ["fr", "en", "de", "es", "it"] as const;

export type ConsentKind = (typeof CONSENT_KINDS)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type LawfulBasis = (typeof LAWFUL_BASES)[number];
export type ConsentSource = (typeof CONSENT_SOURCES)[number];
export type WordingLocale = (typeof WORDING_LOCALES)[number];

const USER_AGENT_MAX = 512;
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A `Date` or an ISO 8601 instant with offset, normalised to `toISOString()` (the only form ever hashed). */
export const IsoInstantSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), "invalid instant")
  .transform((date) => date.toISOString())
  .refine((iso) => CANONICAL_INSTANT.test(iso), "instant outside the years 0000-9999");

const IdSchema = z.string().min(1).max(128);
const TextSchema = (max: number) => z.string().min(1).max(max);

/**
 * Fields that identify or single out a natural person (the shopper, or the staff member who
 * acted). They are never hashed into the chain directly, only through the salted commitment, so
 * that an erasure can delete them without breaking the chain (GDPR art. 17).
 */
export const PersonalFieldsSchema = z.strictObject({
  /** Vigie's Subject id (newsletter events). */
  subjectId: IdSchema.optional(),
  /** The address the consent is about, as the shopper gave it (newsletter events). */
  email: z
    .string()
    .max(320)
    .regex(/^[^\s@]+@[^\s@]+$/, "not an e-mail address")
    .optional(),
  /** Tracker events: the random id the banner drew for this browser (an online identifier). */
  visitorId: IdSchema.optional(),
  /** Shopify's numeric customer id, as text. */
  shopifyCustomerId: IdSchema.optional(),
  /** The Shopify order whose checkout carried the consent. */
  orderId: IdSchema.optional(),
  /** Output of minimiseIp(): `a.b.c.0/24` or an IPv6 `/48`; never a full address. */
  ipPrefix: z.string().refine(isMinimisedIp, "ipPrefix must be the output of minimiseIp()").optional(),
  /** Cut to 512 code points: enough to show the browser, and bounded. */
  userAgent: z
    .string()
    .min(1)
    .transform((ua) => Array.from(ua).slice(0, USER_AGENT_MAX).join(""))
    .optional(),
  /** Staff member's id (Shopify staff user id) when `source` is `staff`. */
  actor: IdSchema.optional(),
});
export type PersonalFields = z.output<typeof PersonalFieldsSchema>;

/**
 * What a caller supplies to record one event; `buildEvent` adds `seq`, `prevHash`, the commitment
 * and the hash. Dates may be `Date`s or ISO strings with any offset; they are stored in UTC.
 */
export const ConsentEventInputSchema = z
  .strictObject({
    /** Chosen by the caller before insert (e.g. a UUID): it is part of the hash. */
    id: IdSchema,
    shopId: IdSchema,
    kind: z.enum(CONSENT_KINDS),
    purpose: z.enum(CONSENT_PURPOSES),
    lawfulBasis: z.enum(LAWFUL_BASES),
    source: z.enum(CONSENT_SOURCES),
    /** Version of the privacy notice in force when the shopper acted (e.g. "2022-10-31"). */
    noticeVersion: TextSchema(64).optional(),
    /**
     * The privacy notice published in Vigie (its number) in force when the shopper acted, set by
     * Vigie from its own versions rather than sent by a browser (GDPR art. 7(1), 13).
     */
    privacyNoticeVersion: z.number().int().positive().optional(),
    /** Which wording of the shop's catalogue was shown (e.g. "newsletter_checkbox.default"). */
    wordingKey: TextSchema(100).optional(),
    /** The exact text shown, not a reference to it: the proof must survive a catalogue edit. */
    wording: TextSchema(2000).optional(),
    wordingLocale: z.enum(WORDING_LOCALES).optional(),
    /**
     * On a grant that confirms a double opt-in: the id of the `confirmation_requested` event it
     * confirms, whose proof (wording, notice, order, first IP) it completes with the click's.
     */
    confirmsEventId: IdSchema.optional(),
    /** Tracker events: the visitor's region as Shopify geolocated it (getRegion(), e.g. "FR"). */
    region: z
      .string()
      .regex(/^[A-Z]{2}[A-Z0-9]{0,3}$/)
      .optional(),
    /** Tracker events: whether the browser sent Global Privacy Control. */
    gpc: z.boolean().optional(),
    /** When the shopper (or staff, or system) acted. */
    occurredAt: IsoInstantSchema,
    /** When Vigie wrote the event. */
    recordedAt: IsoInstantSchema,
    personal: PersonalFieldsSchema,
  })
  .superRefine((event, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const isWeb = (WEB_SOURCES as readonly string[]).includes(event.source);
    const tracker = isTrackerPurpose(event.purpose);
    if (tracker) {
      // LIL art. 82: trackers need the visitor's consent, given in the banner; a refusal is proof too.
      if (event.source !== "banner") issue(["source"], "tracker consents come from the banner");
      if (event.kind !== "granted" && event.kind !== "refused")
        issue(["kind"], "a tracker choice is granted or refused");
      if (event.lawfulBasis !== "consent") issue(["lawfulBasis"], "trackers rest on consent");
      if (event.personal.visitorId === undefined)
        issue(["personal", "visitorId"], "a tracker choice names its visitor");
      for (const field of ["subjectId", "email", "orderId"] as const) {
        if (event.personal[field] !== undefined)
          issue(["personal", field], `${field} is not recorded for a tracker choice`);
      }
      if (event.gpc === undefined) issue(["gpc"], "a tracker choice records Global Privacy Control");
    } else {
      if (event.source === "banner") issue(["source"], "the banner records tracker purposes only");
      if (event.kind === "refused") issue(["kind"], "only a tracker choice is refused");
      for (const field of ["subjectId", "email"] as const) {
        if (event.personal[field] === undefined) issue(["personal", field], `${field} is required`);
      }
      if (event.personal.visitorId !== undefined)
        issue(["personal", "visitorId"], "only tracker choices name a visitor");
      if (event.region !== undefined || event.gpc !== undefined)
        issue(["region"], "region and gpc belong to tracker choices");
    }
    const imported = (IMPORTED_SOURCES as readonly string[]).includes(event.source);
    if (imported) {
      // GDPR art. 7(1): Vigie holds no proof of an imported state, so none may be claimed for it.
      if (event.kind !== "granted" && event.kind !== "withdrawn")
        issue(["kind"], "an import records a state: granted or withdrawn");
      for (const field of ["noticeVersion", "wording", "wordingLocale", "wordingKey"] as const) {
        if (event[field] !== undefined) issue([field], `an imported state carries no ${field}`);
      }
      if (event.lawfulBasis !== "consent") issue(["lawfulBasis"], "an imported state is recorded as consent");
    } else if (event.kind === "granted" || event.kind === "confirmation_requested") {
      // GDPR art. 7(1): a grant is only provable with the notice version and exact wording shown.
      for (const field of ["noticeVersion", "wording", "wordingLocale"] as const) {
        if (event[field] === undefined) issue([field], `${field} is required for a grant`);
      }
      // GDPR recital 32: consent is an affirmative act of the person; Vigie cannot grant it itself.
      if (event.source === "system") issue(["source"], "a grant cannot come from the system");
    }
    // Double opt-in: only a consent given in one of Vigie's own forms waits for its confirmation.
    if (event.kind === "confirmation_requested") {
      if (!isWeb)
        issue(["source"], "only a form of Vigie's (checkout, privacy centre) asks for confirmation");
      if (event.lawfulBasis !== "consent") issue(["lawfulBasis"], "only a consent is confirmed");
    }
    if (
      event.confirmsEventId !== undefined &&
      (event.kind !== "granted" || event.lawfulBasis !== "consent")
    ) {
      issue(["confirmsEventId"], "only a consent grant confirms a request");
    }
    // GDPR art. 5(1)(c): only browser actions have a network origin worth keeping.
    if (!isWeb && event.personal.ipPrefix !== undefined) {
      issue(["personal", "ipPrefix"], "only web sources carry an IP prefix");
    }
    if (!isWeb && event.personal.userAgent !== undefined) {
      issue(["personal", "userAgent"], "only web sources carry a user agent");
    }
    if ((event.source === "staff") !== (event.personal.actor !== undefined)) {
      issue(["personal", "actor"], "actor is required for staff events and only for them");
    }
  });
export type ConsentEventInput = z.input<typeof ConsentEventInputSchema>;

/** Every stored field covered by the chain hash (personal data only through `commitment`). */
export type ChainedFields = {
  id: string;
  shopId: string;
  /** 1, 2, 3… per shop, without gaps. */
  seq: number;
  kind: ConsentKind;
  purpose: ConsentPurpose;
  lawfulBasis: LawfulBasis;
  source: ConsentSource;
  noticeVersion?: string;
  privacyNoticeVersion?: number;
  wordingKey?: string;
  wording?: string;
  wordingLocale?: WordingLocale;
  /** The `confirmation_requested` event a grant confirms (double opt-in). */
  confirmsEventId?: string;
  /** Tracker events: the visitor's region. */
  region?: string;
  /** Tracker events: Global Privacy Control sent. */
  gpc?: boolean;
  /** Canonical ISO instant (`toISOString()`). */
  occurredAt: string;
  /** Canonical ISO instant (`toISOString()`). */
  recordedAt: string;
  /** sha256(salt ‖ canonicalJson(personal)), hex. */
  commitment: string;
  /** `hash` of the previous event of the same shop, or GENESIS_HASH. */
  prevHash: string;
};

/**
 * One stored ledger event. Append-only: after insert the only allowed change is `pseudonymise`,
 * which drops `personal` and `salt` and sets `pseudonymised`.
 */
export type ConsentEvent = ChainedFields & { hash: string } & (
    | { pseudonymised: false; personal: PersonalFields; salt: string }
    | { pseudonymised: true; personal: null; salt: null }
  );
