export const LOCALES = ["fr", "en"] as const;
/** A staff member's language: the admin is written in French and English. */
export type Locale = (typeof LOCALES)[number];

/**
 * A shopper's language (docs/decisions/061): what shoppers read (privacy centre, e-mails, checkout
 * box, banner, export README, notice) is written in these. Adding one is adding its catalogue.
 */
export const SHOPPER_LOCALES = ["fr", "en", "de", "es", "it"] as const;
export type ShopperLocale = (typeof SHOPPER_LOCALES)[number];

/** The shop's language when the shopper's is not one Vigie writes. */
export const SHOPPER_FALLBACK: ShopperLocale = "fr";

/**
 * The staff member's language: Shopify passes `locale` (e.g. "fr-FR") to embedded apps; `fr…` means
 * French, anything else English. Without the parameter (the sandbox, a storefront page), the
 * browser's Accept-Language decides the same way.
 */
export function resolveLocale(param: string | null | undefined, acceptLanguage?: string | null): Locale {
  const candidate = param ?? acceptLanguage?.split(",")[0] ?? "";
  return candidate.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** "de-CH" → "de" when Vigie writes it, otherwise undefined. */
export function shopperLocaleOf(tag: string | null | undefined): ShopperLocale | undefined {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_;]/)[0] ?? "";
  return (SHOPPER_LOCALES as readonly string[]).includes(primary) ? (primary as ShopperLocale) : undefined;
}

/** The languages of an Accept-Language header, most wanted first ("de-CH,de;q=0.9,en;q=0.8"). */
function acceptedTags(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== "" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The shopper's language: the storefront's locale (the app proxy's `locale`, a stored request's
 * language) when Vigie writes it, else the first of the browser's Accept-Language it writes, else
 * the shop's fallback, French.
 */
export function resolveShopperLocale(
  param: string | null | undefined,
  acceptLanguage?: string | null,
  fallback: ShopperLocale = SHOPPER_FALLBACK,
): ShopperLocale {
  const fromParam = shopperLocaleOf(param);
  if (fromParam) return fromParam;
  for (const tag of acceptedTags(acceptLanguage ?? "")) {
    const found = shopperLocaleOf(tag);
    if (found) return found;
  }
  return fallback;
}

/** The staff language closest to a shopper's, for the few texts only staff wrote (in French and English). */
export function staffLocaleOf(locale: ShopperLocale): Locale {
  return locale === "fr" ? "fr" : "en";
}
