import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkoutClaims, signToken } from "../../tests/support/session-token";
import { memoryLogger } from "../../tests/support/test-logger";
import { bearerToken, verifySessionToken } from "./session-token.server";
import { createShopifyVerifier } from "./shopify-api.server";

const SHOP = "imera-paris.myshopify.com";
const SECRET = "shpss_0123456789abcdef0123456789abcdef";
const API_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const NOW = new Date("2026-11-27T10:00:00Z");
const at = (offsetSeconds: number) => Math.floor(NOW.getTime() / 1000) + offsetSeconds;

const claims = (overrides: Record<string, unknown> = {}) => checkoutClaims(SHOP, API_KEY, overrides, NOW);
/** Shopify's library as the app sets it up: the app's key and secret. */
const shopify = createShopifyVerifier({ apiKey: API_KEY, apiSecret: SECRET, log: memoryLogger() });
const verify = (token: string | null) => verifySessionToken(token, shopify);

// The library reads the system clock: the tests set it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("verifySessionToken", () => {
  it("accepts a token Shopify signed, and names the shop from dest", async () => {
    const token = signToken(claims({ jti: "jti-1" }), SECRET);
    const result = await verify(token);
    expect(result).toMatchObject({
      ok: true,
      shopDomain: SHOP,
      claims: { aud: API_KEY, dest: `https://${SHOP}`, jti: "jti-1", sub: "gid://shopify/Customer/7002" },
    });
  });

  it("accepts a token without the optional claims (guest buyer: no sub)", async () => {
    const token = signToken(
      claims({ sub: undefined, iss: undefined, sid: undefined, nbf: undefined }),
      SECRET,
    );
    expect((await verify(token)).ok).toBe(true);
  });

  it("refuses a token signed with another secret, or whose payload was changed", async () => {
    expect(await verify(signToken(claims(), "another-secret"))).toEqual({ ok: false, reason: "signature" });
    const [header, , signature] = signToken(claims(), SECRET).split(".");
    const forged = `${header}.${b64(claims({ dest: "https://other.myshopify.com" }))}.${signature}`;
    expect(await verify(forged)).toEqual({ ok: false, reason: "signature" });
    // The library will not be set up without a secret or a key.
    expect(() => createShopifyVerifier({ apiKey: API_KEY, apiSecret: "", log: memoryLogger() })).toThrow();
    expect(() => createShopifyVerifier({ apiKey: "", apiSecret: SECRET, log: memoryLogger() })).toThrow();
  });

  it("refuses an expired token, with a few seconds of leeway", async () => {
    expect(await verify(signToken(claims({ exp: at(-11) }), SECRET))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await verify(signToken(claims({ exp: at(-10) }), SECRET))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect((await verify(signToken(claims({ exp: at(-9) }), SECRET))).ok).toBe(true);
  });

  it("refuses a token not yet valid (nbf or iat ahead of the clock beyond the leeway)", async () => {
    expect(await verify(signToken(claims({ nbf: at(60) }), SECRET))).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
    expect(await verify(signToken(claims({ iat: at(60), nbf: at(0) }), SECRET))).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
    expect((await verify(signToken(claims({ nbf: at(5), iat: at(5) }), SECRET))).ok).toBe(true);
  });

  it("refuses a token for another app (aud) or without a shop destination", async () => {
    expect(await verify(signToken(claims({ aud: "someone-else" }), SECRET))).toEqual({
      ok: false,
      reason: "audience",
    });
    expect(await verify(signToken(claims({ aud: [API_KEY] }), SECRET))).toEqual({
      ok: false,
      reason: "audience",
    });
    // Another app's token, signed with that app's secret: refused on the signature before the audience.
    expect(await verify(signToken(claims({ aud: "someone-else" }), "someone-else-secret"))).toEqual({
      ok: false,
      reason: "signature",
    });
    for (const dest of ["https://imera-paris.com", `http://${SHOP}`, `https://${SHOP}/admin`, SHOP]) {
      expect(await verify(signToken(claims({ dest }), SECRET))).toEqual({ ok: false, reason: "destination" });
    }
  });

  it("refuses alg none and any algorithm but HS256, whatever the signature", async () => {
    const payload = b64(claims());
    expect(await verify(`${b64({ alg: "none", typ: "JWT" })}.${payload}.`)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verify(signToken(claims(), SECRET, { alg: "none", typ: "JWT" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    // RS256 "signed" with the secret as an HMAC key (algorithm confusion): refused on the header.
    expect(await verify(signToken(claims(), SECRET, { alg: "RS256", typ: "JWT" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    expect(await verify(signToken(claims(), SECRET, { alg: "HS512", typ: "JWT" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    expect(await verify(signToken(claims(), SECRET, { alg: "HS256", typ: "JWE" }))).toEqual({
      ok: false,
      reason: "algorithm",
    });
    expect((await verify(signToken(claims(), SECRET, { alg: "HS256" }))).ok).toBe(true);
  });

  it("refuses malformed tokens without throwing", async () => {
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
    for (const token of malformed) expect((await verify(token)).ok).toBe(false);
    expect(await verify(null)).toEqual({ ok: false, reason: "missing" });
    // Well signed but not the claims of a session token.
    expect(await verify(signToken(claims({ exp: "tomorrow" }), SECRET))).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verify(signToken(claims({ exp: undefined }), SECRET))).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verify(signToken(claims({ jti: 42 }), SECRET))).toEqual({ ok: false, reason: "malformed" });
    expect(await verify(signToken([1, 2] as unknown as Record<string, unknown>, SECRET))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});

describe("verifySessionToken, Vigie's rules on top of the library", () => {
  it("refuses a second base64url spelling of a genuine signature (the library would decode both alike)", async () => {
    const token = signToken(claims(), SECRET);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    // 32 bytes are 43 base64url characters: the last one carries 2 unused bits.
    const last = signature.at(-1) as string;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = alphabet[alphabet.indexOf(last) ^ 1] as string;
    expect(Buffer.from(`${signature.slice(0, -1)}${twin}`, "base64url")).toEqual(
      Buffer.from(signature, "base64url"),
    );
    expect((await verify(token)).ok).toBe(true);
    expect(await verify(`${header}.${payload}.${signature.slice(0, -1)}${twin}`)).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("refuses a token the library accepts but that lacks exp, or was issued in the future", async () => {
    expect(await verify(signToken(claims({ exp: undefined }), SECRET))).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verify(signToken(claims({ iat: at(11), nbf: undefined }), SECRET))).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
  });
});

describe("bearerToken", () => {
  it("reads the token of an Authorization: Bearer header only", async () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
