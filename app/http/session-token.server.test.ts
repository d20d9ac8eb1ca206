import { describe, expect, it } from "vitest";
import { checkoutClaims, signToken } from "../../tests/support/session-token";
import { bearerToken, verifySessionToken } from "./session-token.server";

const SHOP = "imera-paris.myshopify.com";
const SECRET = "shpss_0123456789abcdef0123456789abcdef";
const API_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const NOW = new Date("2026-11-27T10:00:00Z");
const at = (offsetSeconds: number) => Math.floor(NOW.getTime() / 1000) + offsetSeconds;

const claims = (overrides: Record<string, unknown> = {}) => checkoutClaims(SHOP, API_KEY, overrides, NOW);
const verify = (token: string | null, options: { now?: Date; secret?: string; apiKey?: string } = {}) =>
  verifySessionToken(token, { secret: SECRET, apiKey: API_KEY, now: NOW, ...options });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("verifySessionToken", () => {
  it("accepts a token Shopify signed, and names the shop from dest", () => {
    const token = signToken(claims({ jti: "jti-1" }), SECRET);
    const result = verify(token);
    expect(result).toMatchObject({
      ok: true,
      shopDomain: SHOP,
      claims: { aud: API_KEY, dest: `https://${SHOP}`, jti: "jti-1", sub: "gid://shopify/Customer/7002" },
    });
  });

  it("accepts a token without the optional claims (guest buyer: no sub)", () => {
    const token = signToken(
      claims({ sub: undefined, iss: undefined, sid: undefined, nbf: undefined }),
      SECRET,
    );
    expect(verify(token).ok).toBe(true);
  });

  it("refuses a token signed with another secret, or whose payload was changed", () => {
    expect(verify(signToken(claims(), "another-secret"))).toEqual({ ok: false, reason: "signature" });
    const [header, , signature] = signToken(claims(), SECRET).split(".");
    const forged = `${header}.${b64(claims({ dest: "https://other.myshopify.com" }))}.${signature}`;
    expect(verify(forged)).toEqual({ ok: false, reason: "signature" });
    expect(verify(signToken(claims(), SECRET), { secret: "" })).toEqual({ ok: false, reason: "signature" });
  });

  it("refuses an expired token, with a few seconds of leeway", () => {
    expect(verify(signToken(claims({ exp: at(-11) }), SECRET))).toEqual({ ok: false, reason: "expired" });
    expect(verify(signToken(claims({ exp: at(-10) }), SECRET))).toEqual({ ok: false, reason: "expired" });
    expect(verify(signToken(claims({ exp: at(-9) }), SECRET)).ok).toBe(true);
  });

  it("refuses a token not yet valid (nbf or iat ahead of the clock beyond the leeway)", () => {
    expect(verify(signToken(claims({ nbf: at(60) }), SECRET))).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
    expect(verify(signToken(claims({ iat: at(60), nbf: at(0) }), SECRET))).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
    expect(verify(signToken(claims({ nbf: at(5), iat: at(5) }), SECRET)).ok).toBe(true);
  });

  it("refuses a token for another app (aud) or without a shop destination", () => {
    expect(verify(signToken(claims({ aud: "someone-else" }), SECRET))).toEqual({
      ok: false,
      reason: "audience",
    });
    expect(verify(signToken(claims({ aud: [API_KEY] }), SECRET))).toEqual({ ok: false, reason: "malformed" });
    expect(verify(signToken(claims(), SECRET), { apiKey: "" })).toEqual({ ok: false, reason: "audience" });
    for (const dest of ["https://imera-paris.com", `http://${SHOP}`, `https://${SHOP}/admin`, SHOP]) {
      expect(verify(signToken(claims({ dest }), SECRET))).toEqual({ ok: false, reason: "destination" });
    }
  });

  it("refuses alg none and any algorithm but HS256, whatever the signature", () => {
    const payload = b64(claims());
    expect(verify(`${b64({ alg: "none", typ: "JWT" })}.${payload}.`)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verify(signToken(claims(), SECRET, { alg: "none", typ: "JWT" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    // RS256 "signed" with the secret as an HMAC key (algorithm confusion): refused on the header.
    expect(verify(signToken(claims(), SECRET, { alg: "RS256", typ: "JWT" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    expect(verify(signToken(claims(), SECRET, { alg: "HS512", typ: "JWT" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    expect(verify(signToken(claims(), SECRET, { alg: "HS256", typ: "JWE" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    expect(verify(signToken(claims(), SECRET, { alg: "HS256" })).ok).toBe(true);
  });

  it("refuses malformed tokens without throwing", () => {
    const good = signToken(claims(), SECRET);
    const [header, payload, signature] = good.split(".") as [string, string, string];
    const malformed = [
      "",
      "abc",
      "a.b",
      `${good}.extra`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}.${signature.slice(1)}`,
      `${header}..${signature}`,
      `${b64("not an object")}.${payload}.${signature}`,
      `${Buffer.from("{not json").toString("base64url")}.${payload}.${signature}`,
      "x".repeat(5000),
    ];
    for (const token of malformed) expect(verify(token).ok).toBe(false);
    expect(verify(null)).toEqual({ ok: false, reason: "missing" });
    // Well signed but not the claims of a session token.
    expect(verify(signToken(claims({ exp: "tomorrow" }), SECRET))).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verify(signToken(claims({ exp: undefined }), SECRET))).toEqual({ ok: false, reason: "malformed" });
    expect(verify(signToken(claims({ jti: 42 }), SECRET))).toEqual({ ok: false, reason: "malformed" });
    expect(verify(signToken([1, 2] as unknown as Record<string, unknown>, SECRET))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});

describe("bearerToken", () => {
  it("reads the token of an Authorization: Bearer header only", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
