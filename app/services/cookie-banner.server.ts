// The storefront cookie banner (docs/decisions/043, 082): what it shows (texts in each shopper
// language, purposes and their processors from the shop's record of processing, each language's
// version hashing its texts), each visitor's choice appended to the consent ledger as one event per
// purpose, and what staff read back.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db, Tx } from "~/db/client.server";
import {
  type BannerTexts,
  bannerVersions,
  mustAskAgain,
  purposeWording,
  SHOPIFY_TRACKING_KEYS,
  TRACKER_PURPOSES,
  type TrackerChoice,
  trackerPurposeOf,
} from "~/domain/consent";
import {
  BANNER_POSITIONS,
  BannerColoursSchema,
  type BannerTextOverrides,
  BannerTextOverridesSchema,
  contrastProblems,
  type EditableBannerText,
} from "~/domain/consent/banner-look";
import { addDays, localStartOfDay, startOfWeek, toLocalDate } from "~/domain/deadlines/local-date";
import { AppError } from "~/domain/errors";
import { entryLocaleFor } from "~/domain/notice/notice";
import type { Register } from "~/domain/processing/register";
import { type Locale, SHOPPER_LOCALES, type ShopperLocale } from "~/i18n/locale";
import { createShopperTranslator, type ShopperMessageKey } from "~/i18n/translate";
import { recordAudit } from "./audit.server";
import { insertEvents, rowToEvent } from "./consent-ledger.server";
import { registerForShop } from "./processing-register.server";
import { parseShopSettings, ShopSettingsSchema, shopTimeZone } from "./shop-settings.server";

type ShopRow = { id: string; name: string | null; domain: string; settings: string };

async function shopRow(db: Db, shopId: string): Promise<ShopRow> {
  return db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { id: true, name: true, domain: true, settings: true },
  });
}

/** The banner's texts in one language: the catalogue's defaults, processors read from the shop's record. */
function textsFor(
  shop: ShopRow,
  register: Register,
  registerLocale: Locale,
  locale: ShopperLocale,
  own: BannerTextOverrides = {},
): BannerTexts {
  const t = createShopperTranslator(locale);
  // The shop's own wording where it gave one; the version below hashes whichever is shown.
  const text = (key: EditableBannerText, fallback: string) => own[key] || fallback;
  return {
    title: text("title", t("banner.title")),
    intro: text("intro", t("banner.intro", { shop: shop.name ?? shop.domain })),
    acceptAll: text("acceptAll", t("banner.acceptAll")),
    refuseAll: text("refuseAll", t("banner.refuseAll")),
    choose: text("choose", t("banner.choose")),
    save: text("save", t("banner.save")),
    close: t("banner.close"),
    noticeLink: t("banner.noticeLink"),
    cookiesLink: t("banner.cookiesLink"),
    gpcNote: t("banner.gpcNote"),
    noProcessor: t("banner.noProcessor"),
    processorsLang: registerLocale,
    purposes: SHOPIFY_TRACKING_KEYS.map((key) => ({
      key,
      title: t(`banner.purposes.${key}.title` as ShopperMessageKey),
      description: t(`banner.purposes.${key}.description` as ShopperMessageKey),
      // GDPR art. 13(1)(e), CNIL 2020-091 art. 2: the recipients of each purpose are named.
      processors: register.activities
        .filter((activity) => activity.trackers.includes(key))
        .map((activity) => activity.recipients),
    })),
  };
}

/** Texts in every shopper language and each language's version (docs/decisions/082). */
export type BannerContent = Awaited<ReturnType<typeof bannerContent>>;

export async function bannerContent(db: Db, shopId: string) {
  const shop = await shopRow(db, shopId);
  // The record of processing is written by staff, in French and English: German, Spanish and
  // Italian name the processors in the shop's French, as the notice does (docs/decisions/083).
  const registers: Record<Locale, Register> = {
    fr: await registerForShop(db, shopId, "fr"),
    en: await registerForShop(db, shopId, "en"),
  };
  const settings = parseShopSettings(shop.settings);
  // The shop's own wording exists in French and English only; other languages keep the catalogue's.
  const own: Partial<Record<ShopperLocale, BannerTextOverrides>> = settings.banner.texts;
  const texts = Object.fromEntries(
    SHOPPER_LOCALES.map((locale) => [
      locale,
      textsFor(shop, registers[entryLocaleFor(locale)], entryLocaleFor(locale), locale, own[locale]),
    ]),
  ) as Record<ShopperLocale, BannerTexts>;
  return { texts, versions: bannerVersions(texts), settings: settings.banner };
}

/**
 * What the banner loads (GET through the app proxy): its texts in the visitor's language, that
 * language's version, and whether a visitor who chose before must be asked again. A stored choice
 * is compared with the version of the language it was made in when the browser says which (a
 * visitor who switches language keeps a choice whose text did not change), else with this one's.
 */
export async function bannerConfig(
  db: Db,
  shopId: string,
  locale: ShopperLocale,
  stored: { version: string; decidedAt: Date; locale?: ShopperLocale } | null,
  now = new Date(),
  known?: BannerContent,
) {
  const content = known ?? (await bannerContent(db, shopId));
  const again = mustAskAgain({
    stored,
    currentVersion: content.versions[stored?.locale ?? locale],
    now,
    askAgainOnChange: content.settings.askAgainOnChange,
  });
  return {
    locale,
    version: content.versions[locale],
    texts: content.texts[locale],
    askAgain: again.ask,
    askAgainReason: again.reason ?? null,
    // The look and Consent Mode set on the Cookies page (docs/decisions/063).
    look: { position: content.settings.position, colours: content.settings.colours },
    consentMode: content.settings.consentMode,
  };
}

/** What the proof intake keeps of one choice until the worker appends it. */
export type ChoiceProof = {
  choice: TrackerChoice;
  /** When the visitor chose (the intake's clock), ISO. */
  occurredAt: string;
  /** From the proxy's signed logged_in_customer_id only, never from the body. */
  shopifyCustomerId: string | null;
  ipPrefix: string | null;
  userAgent: string | null;
  /** Per purpose, the exact text of the version the visitor saw. */
  wordings: Record<string, string>;
};

/**
 * Checks a choice against the banner in force in its own language and returns its proof, wording
 * included. A choice made on an older version, or on another language's, is refused (409): the
 * visitor did not see what is in force.
 */
export function proveChoice(
  content: BannerContent,
  choice: TrackerChoice,
  context: { occurredAt: Date; shopifyCustomerId?: string | null; ipPrefix?: string; userAgent?: string },
): ChoiceProof {
  if (choice.version !== content.versions[choice.locale]) {
    throw new AppError("BANNER_VERSION_STALE", "the banner changed since it was shown");
  }
  const texts = content.texts[choice.locale];
  return {
    choice,
    occurredAt: context.occurredAt.toISOString(),
    shopifyCustomerId: context.shopifyCustomerId ?? null,
    ipPrefix: context.ipPrefix ?? null,
    userAgent: context.userAgent ?? null,
    wordings: Object.fromEntries(SHOPIFY_TRACKING_KEYS.map((key) => [key, purposeWording(texts, key)])),
  };
}

/**
 * Appends one choice to the ledger, in the caller's transaction: one event per purpose (granted or
 * refused), each with the exact text shown, the banner version, language, region, GPC, the
 * visitor's random id and, for a signed-in customer, their id (LIL art. 82; CNIL 2020-091 art. 3:
 * consent and refusal proven).
 */
export async function appendTrackerChoice(tx: Tx, shopId: string, proof: ChoiceProof, now = new Date()) {
  const { choice } = proof;
  const events = await insertEvents(
    tx,
    SHOPIFY_TRACKING_KEYS.map((key) => ({
      id: randomUUID(),
      shopId,
      kind: choice.consent[key] ? ("granted" as const) : ("refused" as const),
      purpose: trackerPurposeOf(key),
      lawfulBasis: "consent" as const,
      source: "banner" as const,
      noticeVersion: choice.version,
      wordingKey: `banner.${choice.action}`,
      wording: proof.wordings[key],
      wordingLocale: choice.locale,
      region: choice.region,
      gpc: choice.gpc,
      occurredAt: proof.occurredAt,
      recordedAt: now,
      personal: {
        visitorId: choice.visitorId,
        shopifyCustomerId: proof.shopifyCustomerId ?? undefined,
        ipPrefix: proof.ipPrefix ?? undefined,
        userAgent: proof.userAgent ?? undefined,
      },
    })),
    shopId,
  );
  return { recorded: events.length, hashes: events.map((event) => event.hash) };
}

/** A visitor's choices, newest first (staff looking up proof for an authority). */
export async function visitorChoices(db: Db, shopId: string, visitorId: string) {
  const rows = await db.consentEvent.findMany({
    where: { shopId, visitorId, purpose: { in: [...TRACKER_PURPOSES] } },
    orderBy: { seq: "desc" },
    take: 400,
  });
  return rows.map(rowToEvent);
}

/** Per purpose, accepted and refused choices from `from` (included) to `to` (excluded). */
export async function choiceRates(db: Db, shopId: string, from: Date, to?: Date) {
  const groups = await db.consentEvent.groupBy({
    by: ["purpose", "kind"],
    where: { shopId, source: "banner", occurredAt: { gte: from, ...(to && { lt: to }) } },
    _count: { _all: true },
  });
  return SHOPIFY_TRACKING_KEYS.map((key) => {
    const count = (kind: string) =>
      groups.find((g) => g.purpose === trackerPurposeOf(key) && g.kind === kind)?._count._all ?? 0;
    const accepted = count("granted");
    const refused = count("refused");
    return { key, accepted, refused, rate: accepted + refused > 0 ? accepted / (accepted + refused) : null };
  });
}

/**
 * The rates week by week (Monday to Sunday in the shop's zone), the current week last: whether a new
 * wording or a new purpose moved visitors' answers. One indexed count per week, never the rows.
 */
export async function choiceRatesByWeek(db: Db, shopId: string, timeZone: string, weeks: number, now: Date) {
  const thisWeek = startOfWeek(toLocalDate(now, timeZone));
  const starts = Array.from({ length: weeks }, (_, i) => addDays(thisWeek, 7 * (i - weeks + 1)));
  return Promise.all(
    starts.map(async (week) => ({
      week,
      rates: await choiceRates(
        db,
        shopId,
        localStartOfDay(week, timeZone),
        localStartOfDay(addDays(week, 7), timeZone),
      ),
    })),
  );
}

export type BannerSettingsInput = z.input<typeof BannerSettingsInputSchema>;
const BannerSettingsInputSchema = z.object({
  askAgainOnChange: z.boolean(),
  consentMode: z.boolean(),
  position: z.enum(BANNER_POSITIONS),
  colours: BannerColoursSchema,
  texts: z.object({ fr: BannerTextOverridesSchema, en: BannerTextOverridesSchema }),
});

export type BannerSettingsOutcome =
  | { ok: true; versions: Record<ShopperLocale, string> }
  | { ok: false; contrast: ReturnType<typeof contrastProblems>; invalid: boolean };

/**
 * The banner's settings from the Cookies page: texts per language, colours, position, Consent Mode,
 * re-asking on change. A colour pair below WCAG AA is refused and nothing is saved. Audited.
 */
export async function saveBannerSettings(
  db: Db,
  shopId: string,
  staffId: string,
  input: BannerSettingsInput,
): Promise<BannerSettingsOutcome> {
  const parsed = BannerSettingsInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, contrast: [], invalid: true };
  const contrast = contrastProblems(parsed.data.colours);
  if (contrast.length > 0) return { ok: false, contrast, invalid: false };
  const current = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  const next = ShopSettingsSchema.parse({ ...parseShopSettings(current.settings), banner: parsed.data });
  await db.$transaction(async (tx) => {
    await tx.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify(next) } });
    await recordAudit(tx, {
      shopId,
      actorType: "staff",
      actorId: staffId,
      action: "settings.banner.updated",
    });
  });
  return { ok: true, versions: (await bannerContent(db, shopId)).versions };
}

const WEEKS_SHOWN = 12;

/** What the Cookies page shows: the banner in force, its purposes, 30 days of choices, 12 weeks. */
export async function bannerOverview(db: Db, shopId: string, locale: Locale, now = new Date()) {
  const content = await bannerContent(db, shopId);
  return {
    versions: content.versions,
    settings: content.settings,
    texts: content.texts,
    askAgainOnChange: content.settings.askAgainOnChange,
    purposes: content.texts[locale].purposes,
    rates: await choiceRates(db, shopId, new Date(now.getTime() - 30 * 24 * 3600 * 1000)),
    weeks: await choiceRatesByWeek(db, shopId, await shopTimeZone(db, shopId), WEEKS_SHOWN, now),
  };
}

let assets: { js: string; css: string } | null = null;
/** The storefront banner's own script and styles, for the Cookies page's live preview. */
export function bannerPreviewAssets(): { js: string; css: string } {
  if (!assets) {
    const dir = path.join(process.cwd(), "extensions", "privacy-center", "assets");
    assets = {
      js: readFileSync(path.join(dir, "cookie-banner.js"), "utf8"),
      css: readFileSync(path.join(dir, "cookie-banner.css"), "utf8"),
    };
  }
  return assets;
}

/** The admin's cookie banner page: the overview, the preview's assets, and a visitor's choices when one is asked for. */
export async function cookiesPage(
  db: Db,
  shop: { id: string; domain: string; name: string | null },
  locale: Locale,
  visitor: string | null,
) {
  const overview = await bannerOverview(db, shop.id, locale);
  const assets = bannerPreviewAssets();
  const choices = visitor ? await visitorChoices(db, shop.id, visitor) : null;
  return {
    ...overview,
    shopName: shop.name ?? shop.domain,
    assets,
    visitor,
    choices: choices?.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      purpose: event.purpose.replace("tracking_", ""),
      kind: event.kind,
      region: event.region ?? "",
      locale: event.wordingLocale ?? "",
      gpc: event.gpc === true,
      hash: event.hash,
    })),
  };
}
