// A shop's privacy settings, stored as JSON on the Shop row and validated on every read.
import { z } from "zod";
import type { Tx } from "~/db/client.server";
import {
  BANNER_POSITIONS,
  BannerColoursSchema,
  BannerTextOverridesSchema,
} from "~/domain/consent/banner-look";
import { DEFAULT_TIME_ZONE, isTimeZone } from "~/domain/deadlines/local-date";

export const ShopSettingsSchema = z.object({
  /** Who answers rights requests (the policy's DPO contact). */
  dpoEmail: z.email().optional(),
  privacyNoticeUrl: z.url().optional(),
  /** Version (date) of the privacy notice currently published. */
  noticeVersion: z.string().default("1"),
  /**
   * Double opt-in: a newsletter consent given in Vigie's own forms counts only once confirmed from
   * the e-mail Vigie sends (docs/decisions/039). Off by default: French law does not require it.
   */
  doubleOptIn: z.boolean().default(false),
  /**
   * The shop's IANA time zone: dates of receipt and due dates are calendar days there
   * (docs/decisions/037). Each request keeps the zone it was filed under.
   */
  timeZone: z.string().refine(isTimeZone).default(DEFAULT_TIME_ZONE).catch(DEFAULT_TIME_ZONE),
  /** When the zone was last read from Shopify (docs/decisions/065); absent until then. */
  timeZoneFromShopifyAt: z.iso.datetime().optional().catch(undefined),
  retention: z
    .object({
      /** Customers: years after the last order (policy §4). */
      customerYearsAfterLastOrder: z.number().int().min(1).max(30).default(10),
      /** Newsletter-only contacts who never ordered: years (policy §4; CNIL: 3 years). */
      prospectYears: z.number().int().min(1).max(10).default(3),
      /** Days before a prospect's period ends when they are asked whether to stay (docs/decisions/069). */
      repermissionLeadDays: z.number().int().min(7).max(180).default(30),
    })
    .prefault({}),
  /** The storefront cookie banner (docs/decisions/043). */
  banner: z
    .object({
      /** Ask visitors again when the purposes or processors change (a new banner version). */
      askAgainOnChange: z.boolean().default(true),
      /** Google Consent Mode v2: defaults denied before any choice, then updates (docs/decisions/063). */
      consentMode: z.boolean().default(false),
      position: z.enum(BANNER_POSITIONS).default("bottom"),
      colours: BannerColoursSchema.prefault({}),
      /** The shop's own wording per language; an absent or empty text is the catalogue's default. */
      texts: z
        .object({ fr: BannerTextOverridesSchema.prefault({}), en: BannerTextOverridesSchema.prefault({}) })
        .prefault({}),
    })
    .prefault({}),
});
export type ShopSettings = z.infer<typeof ShopSettingsSchema>;

export function parseShopSettings(json: string): ShopSettings {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    // A corrupt settings column must not lock staff out: fall back to defaults.
  }
  const parsed = ShopSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : ShopSettingsSchema.parse({});
}

/** The shop's IANA time zone (Europe/Paris unless its settings say otherwise). */
export async function shopTimeZone(tx: Tx, shopId: string): Promise<string> {
  const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { settings: true } });
  return shop ? parseShopSettings(shop.settings).timeZone : DEFAULT_TIME_ZONE;
}
