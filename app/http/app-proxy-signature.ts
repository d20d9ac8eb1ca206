// The signature Shopify puts on an app-proxy query (storefront → https://<shop>/apps/privacy/*):
// one definition of the signed string, for the app that verifies it and the sandbox that plays
// Shopify. Computed with node:crypto on the storefront's hot path (ADR 042: shopify-api's async
// WebCrypto check cost a sixth of the banner intake's CPU).
import { createHmac, timingSafeEqual } from "node:crypto";

/** Query params as plain values: a repeated key is given as an array (in query-string order). */
export type AppProxyParams = URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

/** Each key's values, in query-string order. */
export function groupedParams(params: AppProxyParams): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const entries: [string, string | readonly string[]][] =
    params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const values = groups.get(key) ?? [];
    values.push(...(typeof value === "string" ? [value] : value));
    groups.set(key, values);
  }
  return groups;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The string Shopify signs for the app proxy: every param but `signature`, repeated keys' values
 * joined with ",", sorted by key, `key=value` concatenated with no separator. Values are the decoded
 * values (a space sent as `+` or `%20` signs as " "). Keys are sorted by code unit as Shopify's Ruby
 * reference does (shopify-api's validateHmac sorts with localeCompare, which differs only for
 * keys that differ by case or punctuation); Vigie follows Shopify (ADR 042).
 */
export function appProxyCanonicalString(params: AppProxyParams): string {
  return [...groupedParams(params)]
    .filter(([key]) => key !== "signature")
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .join("");
}

/** Whether `signature` (lowercase hex) is Shopify's for these params under `secret`, in constant time. */
export function appProxySignatureMatches(params: AppProxyParams, signature: string, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(appProxyCanonicalString(params), "utf8").digest();
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
