// How Shopify signs what it sends the app, for the sandbox (which plays Shopify) and the tests: a
// checkout session token's HS256 signature and an app-proxy query's signature. Verification is not
// here: session tokens with Shopify's own library (app/http/shopify-api.server.ts), app-proxy queries
// with the canonical string both sides share (app/http/app-proxy-signature.ts).
import { createHmac } from "node:crypto";
import { type AppProxyParams, appProxyCanonicalString } from "~/http/app-proxy-signature";

/** The base64url HS256 signature of a JWT's `<header>.<payload>` under `secret`. */
export function signSessionToken(signingInput: string, secret: string): string {
  return createHmac("sha256", secret).update(signingInput).digest("base64url");
}

/**
 * The hex HMAC-SHA256 Shopify puts in `signature` for these params (any `signature` among them is
 * ignored): `query.set("signature", signAppProxyQuery(query, secret))`.
 */
export function signAppProxyQuery(params: AppProxyParams, secret: string): string {
  return createHmac("sha256", secret).update(appProxyCanonicalString(params), "utf8").digest("hex");
}
