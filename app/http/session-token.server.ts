// Verification of the session tokens Shopify gives checkout UI extensions (`shopify.sessionToken.get()`),
// sent as `Authorization: Bearer <token>`: a JWT signed with HS256 under the app's API secret, whose
// `aud` is the app's API key and whose `dest` is the shop. The signature, the algorithm (HS256 only),
// `exp`/`nbf` and the audience are checked by Shopify's library (`session.decodeSessionToken`, on jose);
// Vigie's own rules stay on top: a size cap, the header refused before any crypto, `exp` required,
// `iat` not in the future, every claim's type, `dest` a *.myshopify.com origin. See ADR 042.
import type { ShopifyVerifier } from "./shopify-api.server";

/** Clock tolerance for `iat`, in seconds: the library's own for `exp` and `nbf` (JWT_PERMITTED_CLOCK_TOLERANCE). */
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

/** Why the library refused a token, from its error (it wraps jose's, whose messages are stable). */
function libraryFailure(error: unknown): SessionTokenFailure {
  const message = error instanceof Error ? error.message : "";
  if (message.includes("signature verification failed")) return "signature";
  if (message.includes('"exp" claim timestamp check failed')) return "expired";
  if (message.includes('"nbf" claim timestamp check failed')) return "not_yet_valid";
  if (message.includes("invalid API key")) return "audience";
  return "malformed";
}

/**
 * Verifies a checkout session token: shape and header here (HS256 only, before any crypto), then
 * signature, `exp`/`nbf` with Shopify's 10 s of tolerance and `aud` = the API key by the library,
 * then the claims' types, `exp` present, `iat` not ahead of the clock and `dest` a
 * `https://<shop>.myshopify.com` origin. Never throws; the reason never carries the token.
 */
export async function verifySessionToken(
  token: string | null | undefined,
  shopify: ShopifyVerifier,
): Promise<SessionTokenVerification> {
  if (!token) return { ok: false, reason: "missing" };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    return { ok: false, reason: "malformed" };
  }
  // One text per signature: a second base64url spelling of the same bytes is refused too.
  const signature = parts[2] as string;
  if (Buffer.from(signature, "base64url").toString("base64url") !== signature) {
    return { ok: false, reason: "malformed" };
  }
  const header = decodeJsonPart(parts[0] as string);
  if (!header) return { ok: false, reason: "malformed" };
  if (header.alg !== "HS256" || (header.typ !== undefined && header.typ !== "JWT")) {
    return { ok: false, reason: "algorithm" };
  }

  let claims: Record<string, unknown>;
  try {
    claims = (await shopify.session.decodeSessionToken(token)) as unknown as Record<string, unknown>;
  } catch (error) {
    return { ok: false, reason: libraryFailure(error) };
  }
  if (
    claims === null ||
    typeof claims !== "object" ||
    Array.isArray(claims) ||
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
  // The library's clock is the system's: so is this one. It does not look at `iat`.
  const now = Math.floor(Date.now() / 1000);
  if (isNumber(claims.iat) && claims.iat > now + SESSION_TOKEN_LEEWAY_SECONDS) {
    return { ok: false, reason: "not_yet_valid" };
  }
  const shop = SHOP_DEST.exec(claims.dest)?.[1];
  if (!shop) return { ok: false, reason: "destination" };
  return { ok: true, shopDomain: shop, claims: claims as SessionTokenClaims };
}
