// Checkout session tokens signed exactly as Shopify signs them (HS256 under the app's API secret,
// header {"alg":"HS256","typ":"JWT"}, claims iss/dest/aud/sub/exp/nbf/iat/jti/sid), independently of
// the verifier under test.
import { createHmac, randomUUID } from "node:crypto";

export type TokenClaims = Record<string, unknown>;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The claims of a fresh token for `shop` (a *.myshopify.com domain), overridable one by one. */
export function checkoutClaims(shop: string, apiKey: string, overrides: TokenClaims = {}, now = new Date()) {
  const seconds = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    iss: `https://${shop}/checkouts`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: "gid://shopify/Customer/7002",
    exp: seconds + 300,
    nbf: seconds - 5,
    iat: seconds - 5,
    jti: randomUUID(),
    sid: randomUUID().replaceAll("-", ""),
    ...overrides,
  };
  for (const [key, value] of Object.entries(claims)) if (value === undefined) delete claims[key];
  return claims;
}

/** A JWT over `claims` with `header`, HMAC-SHA256 signed with `secret`. */
export function signToken(
  claims: TokenClaims,
  secret: string,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
): string {
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}
