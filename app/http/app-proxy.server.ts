// Verification of Shopify app-proxy requests (storefront → https://<shop>/apps/privacy/* → /proxy/privacy/*).
// Shopify signs the query string only: the body of a POST and the shopper's cookies are not covered, so
// everything Vigie trusts about the shopper (shop, logged-in customer) must come from signed query params.
// The signature is checked in constant time over Shopify's canonical string (app-proxy-signature.ts,
// with node:crypto: the library's async check cost the storefront's hot path, ADR 042), the timestamp
// within Shopify's tolerance; and Vigie's own rules: no repeated security param, no key holding "=",
// exact shapes for shop, timestamp and customer id, and the replay key for state-changing requests
// (app/services/privacy-centre/proxy-auth.server.ts).
import { appProxySignatureMatches, groupedParams } from "./app-proxy-signature";
import type { ShopifyVerifier } from "./shopify-api.server";

/** Shopify's own tolerance for the `timestamp` param (shopify-api HMAC_TIMESTAMP_PERMITTED_CLOCK_TOLERANCE_SEC). */
export const APP_PROXY_TOLERANCE_SECONDS = 90;

/**
 * Params Shopify sends exactly once. A second copy can only come from the shopper's own query string
 * (Shopify forwards it and signs both values joined with ","), so refusing it stops a shopper from
 * smuggling e.g. `?logged_in_customer_id=42` next to Shopify's.
 */
const SINGLE_VALUE_PARAMS = new Set([
  "shop",
  "signature",
  "timestamp",
  "logged_in_customer_id",
  "path_prefix",
]);

// Anchored to the whole value: the canonical string has no separator, so a forged split could otherwise
// move the text of following params into `shop` (see verifyAppProxySignature).
const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const CUSTOMER_ID = /^[0-9]+$/;
const TIMESTAMP = /^[0-9]+$/;
const PATH_PREFIX = /^\/[A-Za-z0-9_\-/]+$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

export type AppProxyFailure = "missing_signature" | "bad_signature" | "stale" | "repeated_param" | "bad_shop";

export type AppProxyVerified = {
  ok: true;
  /** The shop's *.myshopify.com domain, as signed by Shopify. */
  shop: string;
  /** Numeric customer id of the logged-in shopper; null for a guest (Shopify sends an empty value). */
  loggedInCustomerId: string | null;
  /** Where the merchant mounted the proxy on the storefront (e.g. "/apps/privacy"); null when absent. */
  pathPrefix: string | null;
  /** Seconds since the epoch, when Shopify signed the request. */
  timestamp: number;
  /** The hex signature, for `replayKey`. */
  signature: string;
};

export type AppProxyVerification = AppProxyVerified | { ok: false; reason: AppProxyFailure };

/**
 * Verifies an app-proxy request URL as Shopify signs it (query params only; `url.searchParams` decodes
 * `+` and `%20` alike as a space, which is what Shopify signs). Checks, in order: a signature is present;
 * no security param is repeated; the timestamp is within `APP_PROXY_TOLERANCE_SECONDS` of the system
 * clock, past or future (the library's rule, checked first here to name it); the HMAC matches (the
 * library, constant time); the shop is a *.myshopify.com domain.
 *
 * A genuine signature is not enough on its own: the signed string has no separators, so one signed
 * query can be re-split into others (`a=1b=2` is both `a=1&b=2` and `a=1b%3D2`). Keys containing "="
 * and customer ids that are not plain digits are refused as `bad_signature`, and `shop`/`timestamp`
 * must match their exact shapes, so a re-split can drop a param but never forge a shop or a customer.
 *
 * `logged_in_customer_id` is returned only from a verified request; an empty value means a guest (null).
 * Replays within the tolerance still verify: callers that change state must also refuse a second use
 * of `replayKey(result)`. Never throws.
 */
export function verifyAppProxySignature(url: URL, shopify: ShopifyVerifier): AppProxyVerification {
  const groups = groupedParams(url.searchParams);

  const signatures = groups.get("signature") ?? [];
  if (signatures.length === 0 || signatures.every((value) => value === "")) {
    return { ok: false, reason: "missing_signature" };
  }
  for (const key of SINGLE_VALUE_PARAMS) {
    if ((groups.get(key)?.length ?? 0) > 1) return { ok: false, reason: "repeated_param" };
  }

  const rawTimestamp = groups.get("timestamp")?.[0] ?? "";
  const timestamp = TIMESTAMP.test(rawTimestamp) ? Number(rawTimestamp) : Number.NaN;
  const nowSeconds = Math.trunc(Date.now() / 1000);
  if (!Number.isSafeInteger(timestamp) || Math.abs(nowSeconds - timestamp) > APP_PROXY_TOLERANCE_SECONDS) {
    return { ok: false, reason: "stale" };
  }

  const signature = signatures[0] ?? "";
  // Shopify sends lowercase hex: anything else is no signature of Shopify's.
  if (!HEX_SHA256.test(signature)) return { ok: false, reason: "bad_signature" };
  if (!appProxySignatureMatches(url.searchParams, signature, shopify.config.apiSecretKey)) {
    return { ok: false, reason: "bad_signature" };
  }
  if ([...groups.keys()].some((key) => key.includes("="))) return { ok: false, reason: "bad_signature" };

  const shop = groups.get("shop")?.[0] ?? "";
  if (!MYSHOPIFY_DOMAIN.test(shop)) return { ok: false, reason: "bad_shop" };

  const customer = groups.get("logged_in_customer_id")?.[0] ?? "";
  if (customer !== "" && !CUSTOMER_ID.test(customer)) return { ok: false, reason: "bad_signature" };

  const prefix = groups.get("path_prefix")?.[0] ?? "";
  return {
    ok: true,
    shop,
    loggedInCustomerId: customer === "" ? null : customer,
    pathPrefix: PATH_PREFIX.test(prefix) ? prefix : null,
    timestamp,
    signature,
  };
}

/**
 * The key under which a caller records a verified request it acted on (ProxyReplay.signature), to refuse
 * a second state-changing POST carrying the same signature. Stable for a given request.
 */
export function replayKey(result: Pick<AppProxyVerified, "shop" | "signature">): string {
  return `${result.shop}:${result.signature}`;
}

/**
 * When a replay record can be deleted (ProxyReplay.expiresAt): after this instant the same signature is
 * refused as stale anyway.
 */
export function replayExpiresAt(result: Pick<AppProxyVerified, "timestamp">): Date {
  return new Date((result.timestamp + APP_PROXY_TOLERANCE_SECONDS + 1) * 1000);
}
