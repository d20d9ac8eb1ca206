// Renders blocks/privacy-center.liquid with liquidjs and just enough of Shopify's Liquid around it: the
// `t` filter reading our real locale files, `asset_url`, and the `shop`, `customer`, `request`, `block`
// objects. A translation key missing from the locale file throws, so a gap fails the test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";

export const EXTENSION_DIR = path.resolve(__dirname, "..");
export const BLOCK_PATH = path.join(EXTENSION_DIR, "blocks", "privacy-center.liquid");

type Messages = { [key: string]: string | Messages };

/** Storefront (`t`) or theme-editor (`t:` in the schema) strings of one locale file. */
export function loadLocale(file: string): Messages {
  return JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", file), "utf8"));
}

/** The value at a dotted key path, or undefined. */
export function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** Every key path of a locale file ("a.b.c"), sorted. */
export function keyPaths(messages: Messages): string[] {
  const walk = (node: Messages, prefix: string): string[] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === "string" ? [prefix + key] : walk(value, `${prefix + key}.`),
    );
  return walk(messages, "").sort();
}

const blockSource = () => readFileSync(BLOCK_PATH, "utf8");
const SCHEMA = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

/** The block's `{% schema %}` JSON, parsed (throws when it is not valid JSON). */
export function blockSchema(): {
  name: string;
  target: string;
  stylesheet?: string;
  javascript?: string;
  settings: {
    type: string;
    id?: string;
    label?: string;
    info?: string;
    content?: string;
    default?: unknown;
  }[];
} {
  const match = SCHEMA.exec(blockSource());
  if (!match?.[1]) throw new Error("no {% schema %} in the block");
  return JSON.parse(match[1]);
}

/** Default value of each setting, as the theme editor fills them in for a newly added block. */
export function defaultSettings(): Record<string, unknown> {
  return Object.fromEntries(
    blockSchema()
      .settings.filter((s) => s.id !== undefined && "default" in s)
      .map((s) => [s.id, s.default]),
  );
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export type RenderOptions = {
  locale?: "en" | "fr";
  settings?: Record<string, unknown>;
  customer?: { email: string; name: string } | null;
  blockId?: string;
  shop?: Record<string, unknown>;
};

/** The block's HTML for one storefront request. */
export function renderBlock(options: RenderOptions = {}): string {
  const locale = options.locale ?? "en";
  const messages = loadLocale(locale === "fr" ? "fr.json" : "en.default.json");
  const engine = new Liquid({ strictFilters: true });
  engine.registerFilter("t", (key: string, ...args: [string, unknown][]) => {
    const value = lookup(messages, key);
    if (value === undefined) throw new Error(`${locale}: no translation for "${key}"`);
    const vars = Object.fromEntries(args.filter(Array.isArray));
    const text = value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ""));
    // Shopify escapes translations unless the key ends in _html.
    return key.endsWith("_html") ? text : text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
  });
  engine.registerFilter("asset_url", (file: string) => `//imera.fr/cdn/shop/t/1/assets/${file}`);

  const template = blockSource().replace(SCHEMA, "");
  return engine.parseAndRenderSync(template, {
    block: {
      id: options.blockId ?? "AbC123",
      shopify_attributes: "",
      settings: { ...defaultSettings(), ...options.settings },
    },
    shop: {
      url: "https://imera.fr",
      name: "iméra",
      privacy_policy: { url: "/policies/privacy-policy", title: "Privacy policy" },
      ...options.shop,
    },
    customer: options.customer ?? null,
    request: { locale: { iso_code: locale } },
  });
}

/** Rendered HTML parsed into a detached element, for DOM queries. */
export function renderDom(options: RenderOptions = {}): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = renderBlock(options);
  return root;
}
