import { CHECKOUT_WORDING_MAX_LENGTH } from "./checkout-attributes";
import type { WordingLocale } from "./consent-event";

export const SHOP_PLACEHOLDER = "{shop}";

/**
 * Vigie's default newsletter checkbox wording. A shop may replace it with its own (own key and
 * version); the ledger stores the exact rendered text either way. Change a template only with a
 * new `version`: past events keep the text they were given, but the catalogue must say which
 * text was live when. The checkout extension keeps a copy of these strings; keep both in step.
 */
export const DEFAULT_WORDING = {
  key: "newsletter_checkbox.default",
  version: "2026-11-26",
  templates: {
    fr: "Je souhaite recevoir les actualités de {shop} par e-mail",
    en: "I'd like to receive news from {shop} by e-mail",
    de: "Ich möchte Neuigkeiten von {shop} per E-Mail erhalten",
    es: "Deseo recibir las novedades de {shop} por correo electrónico",
    it: "Desidero ricevere le novità di {shop} via e-mail",
  } satisfies Record<WordingLocale, string>,
} as const;

export type RenderedWording = { key: string; version: string; locale: WordingLocale; text: string };

/**
 * Puts the shop's name into a wording template (every `{shop}`). The name is trimmed and its
 * whitespace runs collapsed to one space, so a stray newline cannot break the checkbox label;
 * it is inserted literally (no `$&`-style replacement patterns).
 *
 * @throws {RangeError} when the name is blank, or the result is longer than the checkout can carry
 *   (CHECKOUT_WORDING_MAX_LENGTH code points): better to fail when configuring than to lose consents.
 */
export function renderWording(template: string, shopName: string): string {
  const name = shopName.replace(/\s+/g, " ").trim();
  if (name.length === 0) throw new RangeError("renderWording: shop name is blank");
  const text = template.split(SHOP_PLACEHOLDER).join(name);
  if (Array.from(text).length > CHECKOUT_WORDING_MAX_LENGTH) {
    throw new RangeError(`renderWording: wording longer than ${CHECKOUT_WORDING_MAX_LENGTH} characters`);
  }
  return text;
}

/** The default wording for `locale`, rendered for `shopName`, with the key and version to record. */
export function defaultWording(locale: WordingLocale, shopName: string): RenderedWording {
  return {
    key: DEFAULT_WORDING.key,
    version: DEFAULT_WORDING.version,
    locale,
    text: renderWording(DEFAULT_WORDING.templates[locale], shopName),
  };
}
