// How Shopify signs what it sends the app, for the sandbox (which plays Shopify) and the tests: a
// checkout session token's HS256 signature and an app-proxy query's signature. Verification is not
// here: the app verifies with Shopify's own library (app/http/shopify-api.server.ts).
import { createHmac } from "node:crypto";

/** The base64url HS256 signature of a JWT's `<header>.<payload>` under `secret`. */
export function signSessionToken(signingInput: string, secret: string): string {
  return createHmac("sha256", secret).update(signingInput).digest("base64url");
}

/** Query params as plain values: a repeated key is given as an array (in query-string order). */
export type AppProxyParams = URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

function grouped(params: AppProxyParams): Map<string, string[]> {
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
 * reference does; the library the app verifies with sorts with localeCompare, which differs only for
 * keys that differ by case or punctuation (ADR 042).
 */
export function appProxyCanonicalString(params: AppProxyParams): string {
  return [...grouped(params)]
    .filter(([key]) => key !== "signature")
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .join("");
}

/**
 * The hex HMAC-SHA256 Shopify puts in `signature` for these params (any `signature` among them is
 * ignored): `query.set("signature", signAppProxyQuery(query, secret))`.
 */
export function signAppProxyQuery(params: AppProxyParams, secret: string): string {
  return createHmac("sha256", secret).update(appProxyCanonicalString(params), "utf8").digest("hex");
}
