export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The staff member's language: Shopify passes `locale` (e.g. "fr-FR") to embedded apps; `fr…` means
 * French, anything else English. Without the parameter (the sandbox, a storefront page), the
 * browser's Accept-Language decides the same way.
 */
export function resolveLocale(param: string | null | undefined, acceptLanguage?: string | null): Locale {
  const candidate = param ?? acceptLanguage?.split(",")[0] ?? "";
  return candidate.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}
