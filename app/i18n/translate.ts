import type { Locale, ShopperLocale } from "./locale";
import { de } from "./messages/de";
import { en, type Messages } from "./messages/en";
import { es } from "./messages/es";
import { fr } from "./messages/fr";
import { it } from "./messages/it";
import type { ShopperMessages } from "./messages/shopper";
import { elideBefore, frenchSpacing } from "./typography";

const CATALOGUES: Record<Locale, Messages> = { en, fr };
/** What shoppers read, in every language Vigie writes for them (docs/decisions/061). */
export const SHOPPER_CATALOGUES: Record<ShopperLocale, ShopperMessages> = { fr, en, de, es, it };

export type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. "nav.dashboard". */
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function lookup(messages: object, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A translator for one locale; unknown keys come back as the key itself, so they show up in review. */
export function createTranslator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  return (key, vars) => {
    const text = lookup(messages, key) ?? key;
    const filled = vars ? fill(text, vars, locale) : text;
    // French typography (docs/decisions/054): the catalogue need not type its no-break spaces.
    return locale === "fr" ? frenchSpacing(filled) : filled;
  };
}

/** Every key of the shopper catalogues, e.g. "privacy.title". */
export type ShopperMessageKey = Leaves<ShopperMessages>;
export type ShopperTranslate = (key: ShopperMessageKey, vars?: Record<string, string | number>) => string;

/** A translator for what shoppers read, in any of their languages; French typography as above. */
export function createShopperTranslator(locale: ShopperLocale): ShopperTranslate {
  const messages = SHOPPER_CATALOGUES[locale];
  return (key, vars) => {
    const text = lookup(messages, key) ?? key;
    const filled = vars ? fill(text, vars, locale) : text;
    return locale === "fr" ? frenchSpacing(filled) : filled;
  };
}

/** Puts each {name} in place; in French, "de {shop}" becomes "d'iméra" before a vowel. */
function fill(text: string, vars: Record<string, string | number>, locale: ShopperLocale): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] as string;
    const index = match.index ?? 0;
    let before = out + text.slice(last, index);
    const given = vars[name];
    let value = given === undefined ? match[0] : String(given);
    if (locale === "fr" && given !== undefined) ({ before, value } = elideBefore(before, value));
    out = before + value;
    last = index + match[0].length;
  }
  return out + text.slice(last);
}

/** Looks up a key that comes from data (an audit action code), with a fallback when unknown. */
export function translateDynamic(
  locale: Locale,
  group:
    | "auditAction"
    | "actor"
    | "jobStatus"
    | "consentSource"
    | "taskDetail"
    | "erasureFields"
    | "auditTarget"
    | "jobTypes",
  code: string,
) {
  const table = CATALOGUES[locale][group] as Record<string, string>;
  const text = table[code] ?? code;
  return locale === "fr" ? frenchSpacing(text) : text;
}

/** What a job does, in words ("the erasure of one system's data"); an unknown type as "a task". */
export function jobWork(locale: Locale, type: string) {
  const work = translateDynamic(locale, "jobTypes", type);
  return work === type ? translateDynamic(locale, "jobTypes", "other") : work;
}
