// What the buyer is shown, decided in one place so that the consent record stores exactly that.
// Pure: everything comes in as arguments (no `shopify` global here).

/** The languages the box has a locale file for; each must match the app's WORDING_LOCALES. */
export const WORDING_LOCALES = ["fr", "en", "de", "es", "it"] as const;
export type WordingLocale = (typeof WORDING_LOCALES)[number];
export type WordingKey = "newsletter_checkbox.default" | "newsletter_checkbox.custom";

export const DEFAULT_WORDING_KEY = "newsletter_checkbox.default";
export const CUSTOM_WORDING_KEY = "newsletter_checkbox.custom";
export const DEFAULT_NOTICE_VERSION = "2022-10-31";

/** The facts a checkbox needs to prove consent later (GDPR art. 7(1)). */
export interface ConsentRecord {
  noticeVersion: string;
  wordingKey: WordingKey;
  wordingLocale: WordingLocale;
  /** The exact text shown next to the checkbox. */
  wording: string;
}

export interface Wording extends ConsentRecord {
  /** Link to the privacy notice, if one is known. */
  privacyUrl?: string;
}

/** The part of the extension API this module reads (both targets provide it). */
export interface WordingSource {
  settings: { value: Record<string, string | number | boolean | undefined> };
  localization: { extensionLanguage: { value: { isoCode: string } } };
  shop: { name: string; storefrontUrl?: string };
  i18n: { translate: (key: string, options?: Record<string, string>) => string };
}

/** `fr`, `fr-CA`, `de-AT`… → `fr`, `de`; a language with no locale file → `en` (the default file Shopify shows). */
export function wordingLocale(isoCode: string): WordingLocale {
  const language = isoCode.toLowerCase().split("-")[0] ?? "";
  return (WORDING_LOCALES as readonly string[]).includes(language) ? (language as WordingLocale) : "en";
}

function textSetting(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Only an absolute https:// address is accepted from the merchant setting. */
function httpsUrl(value: unknown): string | undefined {
  const text = textSetting(value);
  if (!text) return undefined;
  try {
    return new URL(text).protocol === "https:" ? text : undefined;
  } catch {
    return undefined;
  }
}

export function resolveWording(api: WordingSource): Wording {
  // A plain copy: the merchant may have filled in none, some or all of the settings.
  const settings: Record<string, unknown> = { ...api.settings.value };
  // extensionLanguage is the buyer's language narrowed to our locale files, i.e. the language
  // the labels are shown in: the wording follows it so that the whole block is in one language.
  const locale = wordingLocale(api.localization.extensionLanguage.value.isoCode);
  const shop = api.shop.name;
  const custom = textSetting(settings[`wording_${locale}`]);
  const storefront = api.shop.storefrontUrl?.replace(/\/+$/, "");

  return {
    noticeVersion: textSetting(settings.notice_version) ?? DEFAULT_NOTICE_VERSION,
    wordingKey: custom ? CUSTOM_WORDING_KEY : DEFAULT_WORDING_KEY,
    wordingLocale: locale,
    wording: custom ? custom.replaceAll("{shop}", shop) : api.i18n.translate(DEFAULT_WORDING_KEY, { shop }),
    privacyUrl:
      httpsUrl(settings.privacy_url) ?? (storefront ? `${storefront}/policies/privacy-policy` : undefined),
  };
}
