// Verification of the session tokens Shopify gives checkout UI extensions (`shopify.sessionToken.get()`),
// sent as `Authorization: Bearer <token>`: a JWT signed with HS256 under the app's API secret, whose
// `aud` is the app's API key and whose `dest` is the shop. Only HS256 is accepted: the algorithm is
// fixed here, never taken from the token (no `alg: none`, no RS256/HS256 confusion). Written out
// rather than pulled in as a dependency: this is the only JWT Vigie reads.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Clock tolerance for `exp`, `nbf` and `iat`, in seconds: shopify-api's JWT_PERMITTED_CLOCK_TOLERANCE. */
export const SESSION_TOKEN_LEEWAY_SECONDS = 10;
/** Far above any real token (~700 bytes): anything longer is refused before decoding. */
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SHOP_DEST = /^https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)$/;

/** Why a token was refused; none of them carries the token or the secret. */
export type SessionTokenFailure =
  | "missing"
  | "malformed"
  | "algorithm"
  | "signature"
  | "expired"
  | "not_yet_valid"
  | "audience"
  | "destination";

/** The claims Shopify puts in a checkout session token. */
export type SessionTokenClaims = {
  iss?: string;
  /** `https://<shop>.myshopify.com`. */
  dest: string;
  /** The app's API key (client id). */
  aud: string;
  /** The buyer's customer GID when they are logged in. */
  sub?: string;
  exp: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  sid?: string;
};

export type SessionTokenVerification =
  | { ok: true; shopDomain: string; claims: SessionTokenClaims }
  | { ok: false; reason: SessionTokenFailure };

export type SessionTokenOptions = {
  /** The app's API secret (client secret). */
  secret: string;
  /** The app's API key (client id): the expected `aud`. */
  apiKey: string;
  now?: Date;
  leewaySeconds?: number;
};

/** The token of an `Authorization: Bearer <token>` header; null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

function decodeJsonPart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const optional = <T>(value: unknown, check: (v: unknown) => v is T) => value === undefined || check(value);
const isString = (value: unknown): value is string => typeof value === "string";

/** The base64url HS256 signature of `<header>.<payload>` under `secret`. */
export function signSessionToken(signingInput: string, secret: string): string {
  return createHmac("sha256", secret).update(signingInput).digest("base64url");
}

/**
 * Verifies a checkout session token: structure, algorithm (HS256 only), signature (constant-time),
 * `exp`/`nbf`/`iat` with `leewaySeconds` of tolerance, `aud` = the API key, `dest` = a
 * `https://<shop>.myshopify.com` origin. Never throws.
 */
export function verifySessionToken(
  token: string | null | undefined,
  options: SessionTokenOptions,
): SessionTokenVerification {
  if (!token) return { ok: false, reason: "missing" };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    return { ok: false, reason: "malformed" };
  }
  const [encodedHeader, encodedPayload, signature] = parts as [string, string, string];
  const header = decodeJsonPart(encodedHeader);
  if (!header) return { ok: false, reason: "malformed" };
  if (header.alg !== "HS256" || (header.typ !== undefined && header.typ !== "JWT")) {
    return { ok: false, reason: "algorithm" };
  }
  // Compared as canonical base64url text: a second encoding of the same bytes is refused too.
  const expected = Buffer.from(signSessionToken(`${encodedHeader}.${encodedPayload}`, options.secret));
  const given = Buffer.from(signature);
  if (!options.secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "signature" };
  }

  const claims = decodeJsonPart(encodedPayload);
  if (
    !claims ||
    !isNumber(claims.exp) ||
    !optional(claims.nbf, isNumber) ||
    !optional(claims.iat, isNumber) ||
    !isString(claims.aud) ||
    !isString(claims.dest) ||
    !optional(claims.sub, isString) ||
    !optional(claims.jti, isString) ||
    !optional(claims.iss, isString) ||
    !optional(claims.sid, isString)
  ) {
    return { ok: false, reason: "malformed" };
  }
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const leeway = options.leewaySeconds ?? SESSION_TOKEN_LEEWAY_SECONDS;
  if (claims.exp <= now - leeway) return { ok: false, reason: "expired" };
  if (
    (isNumber(claims.nbf) && claims.nbf > now + leeway) ||
    (isNumber(claims.iat) && claims.iat > now + leeway)
  ) {
    return { ok: false, reason: "not_yet_valid" };
  }
  if (!options.apiKey || claims.aud !== options.apiKey) return { ok: false, reason: "audience" };
  const shop = SHOP_DEST.exec(claims.dest)?.[1];
  if (!shop) return { ok: false, reason: "destination" };
  return { ok: true, shopDomain: shop, claims: claims as SessionTokenClaims };
}
