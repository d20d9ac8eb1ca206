// Signed, single-purpose tokens for links sent to shoppers (unsubscribe, export download, identity
// check). Each purpose has its own key derived from APP_ENCRYPTION_KEY, so a token made for one
// use is worthless for another. Expiry is optional (an unsubscribe link must keep working).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

export type TokenPurpose =
  | "unsubscribe"
  | "export"
  | "identity"
  | "request"
  | "account_confirmation"
  | "documents"
  | "consent_confirmation"
  | "repermission";

function keyFor(secret: Buffer, purpose: TokenPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `vigie:token:${purpose}`, 32));
}

/** `<payload>.<mac>`, both base64url; `exp` (seconds since epoch) is added when `ttlSeconds` is given. */
export function signToken(
  secret: Buffer,
  purpose: TokenPurpose,
  payload: Record<string, unknown>,
  options: { ttlSeconds?: number; now?: Date } = {},
): string {
  const now = options.now ?? new Date();
  const body = options.ttlSeconds
    ? { ...payload, exp: Math.floor(now.getTime() / 1000) + options.ttlSeconds }
    : payload;
  const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
  const mac = createHmac("sha256", keyFor(secret, purpose)).update(encoded).digest("base64url");
  return `${encoded}.${mac}`;
}

/** The payload of a genuine, unexpired token of this purpose, validated by `schema`; null otherwise. */
export function verifyToken<S extends z.ZodType>(
  secret: Buffer,
  purpose: TokenPurpose,
  token: string,
  schema: S,
  now = new Date(),
): z.infer<S> | null {
  const [encoded, mac, extra] = token.split(".");
  if (!encoded || !mac || extra !== undefined) return null;
  const expected = createHmac("sha256", keyFor(secret, purpose)).update(encoded).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const exp = (body as { exp?: unknown }).exp;
  if (typeof exp === "number" && exp * 1000 < now.getTime()) return null;
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
