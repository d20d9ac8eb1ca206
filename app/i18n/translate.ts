import type { Locale } from "./locale";
import { en, type Messages } from "./messages/en";
import { fr } from "./messages/fr";

const CATALOGUES: Record<Locale, Messages> = { en, fr };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. "nav.dashboard". */
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function lookup(messages: Messages, key: string): string | undefined {
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
    return vars ? text.replace(/\{(\w+)\}/g, (match, name) => String(vars[name] ?? match)) : text;
  };
}

/** Looks up a key that comes from data (an audit action code), with a fallback when unknown. */
export function translateDynamic(
  locale: Locale,
  group: "auditAction" | "actor" | "jobStatus" | "consentSource" | "taskDetail",
  code: string,
) {
  const table = CATALOGUES[locale][group] as Record<string, string>;
  return table[code] ?? code;
}
