// Test helpers around @shopify/ui-extensions-tester.
import { readFileSync } from "node:fs";
import path from "node:path";

export const EXTENSION_DIR = path.resolve(__dirname, "..");

type Messages = { [key: string]: string | Messages };

type Language = "fr" | "en" | "de" | "es" | "it";

function loadMessages(locale: Language): Messages {
  const file = locale === "en" ? "en.default.json" : `${locale}.json`;
  return JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", file), "utf8"));
}

/**
 * A `shopify.i18n.translate` that reads our real locale files (the tester's default echoes the key).
 * A missing key throws, so a string absent from a locale file fails the test.
 */
export function translator(locale: Language) {
  const messages = loadMessages(locale);
  return (key: string, options: Record<string, unknown> = {}): string => {
    let node: string | Messages | undefined = messages;
    for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
    if (typeof node !== "string") throw new Error(`${locale}: no translation for "${key}"`);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name]));
  };
}

/** Every key path of a locale file ("a.b.c"), sorted. */
export function keyPaths(locale: Language): string[] {
  const walk = (node: Messages, prefix: string): string[] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === "string" ? [prefix + key] : walk(value, `${prefix + key}.`),
    );
  return walk(loadMessages(locale), "").sort();
}

/**
 * The host provides Polaris web components; jsdom does not. This stand-in gives `s-checkbox` the
 * `checked` property the host element has, so Preact sets it as a property and tests can read it.
 */
export function defineCheckboxStandIn(): void {
  if (customElements.get("s-checkbox")) return;
  customElements.define(
    "s-checkbox",
    class extends HTMLElement {
      checked = false;
    },
  );
}

export function checkbox(): HTMLElementTagNameMap["s-checkbox"] {
  const element = document.body.querySelector("s-checkbox");
  if (!element) throw new Error("no s-checkbox rendered");
  return element;
}

/** What the buyer does: the host flips `checked`, then fires `change`. */
export function click(element: HTMLElementTagNameMap["s-checkbox"]): void {
  if (element.hasAttribute("disabled")) throw new Error("the checkbox is disabled");
  element.checked = !element.checked;
  element.dispatchEvent(new Event("change"));
}

export function noteText(): string | undefined {
  return document.body.querySelector("s-text")?.textContent ?? undefined;
}
