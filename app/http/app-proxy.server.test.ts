import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import { memoryLogger } from "../../tests/support/test-logger";
import { replayExpiresAt, replayKey, verifyAppProxySignature } from "./app-proxy.server";
import { appProxyCanonicalString } from "./app-proxy-signature";
import { createShopifyVerifier, type ShopifyVerifier } from "./shopify-api.server";

const SECRET = "shpss_test_secret";
const NOW = new Date("2026-11-26T12:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const SHOP = "imera-paris.myshopify.com";

const verifiers = new Map<string, ShopifyVerifier>();
/** Shopify's library, as the app sets it up, with the app's secret. */
function verifier(secret: string): ShopifyVerifier {
  const made =
    verifiers.get(secret) ?? createShopifyVerifier({ apiKey: "key", apiSecret: secret, log: memoryLogger() });
  verifiers.set(secret, made);
  return made;
}

/** Verifies `url` with the system clock at `at` (the library reads the system clock). */
function verifyAt(url: URL, at: Date = NOW, secret = SECRET) {
  vi.setSystemTime(at);
  return verifyAppProxySignature(url, verifier(secret));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Shopify's params for a guest request, signed with `secret`, as the query string the app receives. */
function proxyUrl(
  overrides: Record<string, string | string[]> = {},
  secret = SECRET,
  path = "/proxy/privacy/requests",
): URL {
  const query = new URLSearchParams();
  const params: Record<string, string | string[]> = {
    shop: SHOP,
    logged_in_customer_id: "",
    path_prefix: "/apps/privacy",
    timestamp: String(NOW_S),
    ...overrides,
  };
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === "string" ? [value] : value) query.append(key, v);
  }
  query.set("signature", signAppProxyQuery(query, secret));
  return new URL(`https://vigie.example.com${path}?${query}`);
}

describe("verifyAppProxySignature", () => {
  it("accepts Shopify's documented example (secret 'hush'), computed independently", async () => {
    // The string Shopify's docs sign for ?extra=1&extra=2&shop=…&logged_in_customer_id=1&path_prefix=…
    const signed =
      "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555";
    const expected = "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb";
    expect(createHmac("sha256", "hush").update(signed).digest("hex")).toBe(expected);

    const url = new URL(
      "https://vigie.example.com/proxy/extra/path/components?extra=1&extra=2&shop=shop-name.myshopify.com" +
        `&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=${expected}`,
    );
    expect(appProxyCanonicalString(url.searchParams)).toBe(signed);
    expect(await verifyAt(url, new Date(1317327555_000), "hush")).toEqual({
      ok: true,
      shop: "shop-name.myshopify.com",
      loggedInCustomerId: "1",
      pathPrefix: "/apps/awesome_reviews",
      timestamp: 1317327555,
      signature: expected,
    });
  });

  it("returns the shop, prefix and timestamp of a genuine guest request, with no customer", async () => {
    const url = proxyUrl();
    expect(await verifyAt(url)).toEqual({
      ok: true,
      shop: SHOP,
      loggedInCustomerId: null,
      pathPrefix: "/apps/privacy",
      timestamp: NOW_S,
      signature: url.searchParams.get("signature"),
    });
  });

  it("returns the logged-in customer id only as signed", async () => {
    const result = await verifyAt(proxyUrl({ logged_in_customer_id: "7415892001" }));
    expect(result).toMatchObject({ ok: true, loggedInCustomerId: "7415892001" });

    const forged = proxyUrl();
    forged.searchParams.set("logged_in_customer_id", "7415892001");
    expect(await verifyAt(forged)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature with one character changed", async () => {
    const url = proxyUrl();
    const signature = url.searchParams.get("signature") ?? "";
    const flipped = `${signature.slice(0, 10)}${signature[10] === "0" ? "1" : "0"}${signature.slice(11)}`;
    url.searchParams.set("signature", flipped);
    expect(await verifyAt(url)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a request signed with another secret", async () => {
    expect(await verifyAt(proxyUrl({}, "another-secret"))).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a signed param changed after signing", async () => {
    const url = proxyUrl();
    url.searchParams.set("shop", "another-shop.myshopify.com");
    expect(await verifyAt(url)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature that is not 64 lowercase hex digits", async () => {
    for (const bad of [
      "abc",
      "Z".repeat(64),
      (proxyUrl().searchParams.get("signature") ?? "").toUpperCase(),
    ]) {
      const url = proxyUrl();
      url.searchParams.set("signature", bad);
      expect(await verifyAt(url)).toEqual({ ok: false, reason: "bad_signature" });
    }
  });

  it("reports a missing or empty signature", async () => {
    const url = proxyUrl();
    url.searchParams.delete("signature");
    expect(await verifyAt(url)).toEqual({ ok: false, reason: "missing_signature" });
    url.searchParams.set("signature", "");
    expect(await verifyAt(url)).toEqual({ ok: false, reason: "missing_signature" });
  });

  it("accepts a timestamp 90 s old or ahead and refuses 91 s either way", async () => {
    const at = (offset: number) => proxyUrl({ timestamp: String(NOW_S + offset) });
    expect((await verifyAt(at(-90))).ok).toBe(true);
    expect((await verifyAt(at(90))).ok).toBe(true);
    expect(await verifyAt(at(-91))).toEqual({ ok: false, reason: "stale" });
    expect(await verifyAt(at(91))).toEqual({ ok: false, reason: "stale" });
  });

  it("refuses a genuine signature over a missing or non-numeric timestamp as stale", async () => {
    for (const timestamp of ["", "1.5e9", `${NOW_S}.0`, "-1"]) {
      expect(await verifyAt(proxyUrl({ timestamp }))).toEqual({
        ok: false,
        reason: "stale",
      });
    }
  });

  it.each(["shop", "signature", "timestamp", "logged_in_customer_id", "path_prefix"])(
    "refuses a repeated %s param",
    async (param) => {
      const url = proxyUrl({ logged_in_customer_id: "42" });
      url.searchParams.append(param, url.searchParams.get(param) ?? "");
      expect(await verifyAt(url)).toEqual({ ok: false, reason: "repeated_param" });
    },
  );

  it("refuses a repeated logged_in_customer_id even when Shopify signed both values", async () => {
    // A guest adding ?logged_in_customer_id=42 to the storefront URL: Shopify signs "42," with its own "".
    const url = proxyUrl({ logged_in_customer_id: ["42", ""] });
    expect(await verifyAt(url)).toEqual({ ok: false, reason: "repeated_param" });
  });

  it("accepts other repeated params, signed joined with a comma", async () => {
    const url = proxyUrl({ topic: ["a", "b"] });
    expect(appProxyCanonicalString(url.searchParams)).toContain("topic=a,b");
    expect((await verifyAt(url)).ok).toBe(true);
  });

  it("refuses a genuine signature for a shop outside myshopify.com", async () => {
    for (const shop of ["imera.fr", "imera-paris.myshopify.com.evil.io", "evil.io/imera.myshopify.com", ""]) {
      expect(await verifyAt(proxyUrl({ shop }))).toEqual({
        ok: false,
        reason: "bad_shop",
      });
    }
  });

  it("refuses a re-split of a genuine query that would turn a param's text into a customer id", async () => {
    // Shopify signs a guest's visit to ?a=xlogged_in_customer_id%3D9 as
    // "a=xlogged_in_customer_id=9logged_in_customer_id=path_prefix=…", which a key holding "=" can re-split.
    const genuine = proxyUrl({ a: "xlogged_in_customer_id=9" });
    const signature = genuine.searchParams.get("signature") ?? "";
    const forged = new URL("https://vigie.example.com/proxy/privacy/requests");
    forged.searchParams.append("a", "x");
    forged.searchParams.append("logged_in_customer_id", "9");
    forged.searchParams.append("logged_in_customer_id=path_prefix", "/apps/privacy");
    forged.searchParams.append("shop", SHOP);
    forged.searchParams.append("timestamp", String(NOW_S));
    forged.searchParams.append("signature", signature);
    // Same signed string, so only the shape checks stand between this and customer 9.
    expect(appProxyCanonicalString(forged.searchParams)).toBe(appProxyCanonicalString(genuine.searchParams));
    expect(await verifyAt(forged)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a customer id that is not plain digits", async () => {
    const url = proxyUrl({ logged_in_customer_id: "path_prefix=/apps/privacy" });
    expect(await verifyAt(url)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("returns a null prefix when the signed path_prefix is absent or malformed", async () => {
    const absent = proxyUrl();
    absent.searchParams.delete("path_prefix");
    absent.searchParams.set("signature", signAppProxyQuery(absent.searchParams, SECRET));
    expect(await verifyAt(absent)).toMatchObject({ ok: true, pathPrefix: null });
    expect(await verifyAt(proxyUrl({ path_prefix: "apps privacy" }))).toMatchObject({
      ok: true,
      pathPrefix: null,
    });
  });

  it("verifies a value with a space whether it arrives as + or %20, and a literal + as %2B", async () => {
    // URLSearchParams decodes both "+" and "%20" to " " (form-urlencoded); Shopify signs decoded values.
    const signed =
      "logged_in_customer_id=path_prefix=/apps/privacyq=tea for two+1shop=imera-paris.myshopify.comtimestamp=1795000000";
    const signature = createHmac("sha256", "hush").update(signed).digest("hex");
    expect(signature).toBe("39279af498e742e7e104d4d7e515d6594220841347bcac8a1bb60b04fb2f2cbf");
    const base = `shop=${SHOP}&logged_in_customer_id=&path_prefix=%2Fapps%2Fprivacy&timestamp=1795000000`;
    const at = new Date(1795000000_000);
    for (const q of ["tea+for+two%2B1", "tea%20for%20two%2B1", "tea%20for+two%2B1"]) {
      const url = new URL(
        `https://vigie.example.com/proxy/privacy/status?q=${q}&${base}&signature=${signature}`,
      );
      expect((await verifyAt(url, at, "hush")).ok).toBe(true);
    }
    // An unencoded "+" is a space, so "two+1" signs as "two 1": not what was signed above.
    const plus = new URL(
      `https://vigie.example.com/proxy/privacy/status?q=tea+for+two+1&${base}&signature=${signature}`,
    );
    expect(await verifyAt(plus, at, "hush")).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("the key order", () => {
  it("is Shopify's byte order: keys that differ only by case verify in that order, not the library's localeCompare", async () => {
    // Shopify's reference sorts by byte ("consentGiven" before "consented"); shopify-api's
    // validateHmac by localeCompare. Vigie verifies as Shopify signs (ADR 042).
    const query = new URLSearchParams({
      shop: SHOP,
      timestamp: String(NOW_S),
      consented: "1",
      consentGiven: "2",
    });
    const byteOrder = new URLSearchParams(query);
    byteOrder.set("signature", signAppProxyQuery(query, SECRET));
    expect((await verifyAt(new URL(`https://vigie.example.com/proxy/privacy?${byteOrder}`))).ok).toBe(true);
    const localeOrder = new URLSearchParams(query);
    const signed = `consented=1consentGiven=2shop=${SHOP}timestamp=${NOW_S}`;
    localeOrder.set("signature", createHmac("sha256", SECRET).update(signed).digest("hex"));
    expect(await verifyAt(new URL(`https://vigie.example.com/proxy/privacy?${localeOrder}`))).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("agrees with Shopify's library wherever their orders agree (lowercase keys, repeated params, encodings)", async () => {
    const queries = [
      `shop=${SHOP}&timestamp=${NOW_S}&path_prefix=%2Fapps%2Fprivacy&logged_in_customer_id=`,
      `shop=${SHOP}&timestamp=${NOW_S}&extra=a&extra=b&name=Anne+Marie&note=%2B33`,
      `shop=${SHOP}&timestamp=${NOW_S}&locale=de&q=caf%C3%A9%20cr%C3%A8me`,
    ];
    for (const text of queries) {
      const query = new URLSearchParams(text);
      query.set("signature", signAppProxyQuery(query, SECRET));
      const url = new URL(`https://vigie.example.com/proxy/privacy?${query}`);
      const ours = (await verifyAt(url)).ok;
      // The library reads the clock verifyAt set.
      expect(await verifier(SECRET).utils.validateHmac(url.searchParams, { signator: "appProxy" })).toBe(
        ours,
      );
      expect(ours).toBe(true);
    }
  });
});

describe("replayKey", () => {
  it("is the same for the same verified request and differs between requests", async () => {
    const url = proxyUrl();
    const first = await verifyAt(url);
    const again = await verifyAt(new URL(url.href), new Date(NOW.getTime() + 60_000));
    const other = await verifyAt(proxyUrl({ timestamp: String(NOW_S + 1) }));
    if (!first.ok || !again.ok || !other.ok) throw new Error("expected verified requests");
    expect(replayKey(first)).toBe(`${SHOP}:${url.searchParams.get("signature")}`);
    expect(replayKey(again)).toBe(replayKey(first));
    expect(replayKey(other)).not.toBe(replayKey(first));
  });
});

describe("replayExpiresAt", () => {
  it("is the first second at which the signature is refused as stale", async () => {
    const url = proxyUrl();
    const result = await verifyAt(url);
    if (!result.ok) throw new Error("expected a verified request");
    const expiresAt = replayExpiresAt(result);
    expect(expiresAt.toISOString()).toBe("2026-11-26T12:01:31.000Z");
    expect((await verifyAt(url, new Date(expiresAt.getTime() - 1000))).ok).toBe(true);
    expect(await verifyAt(url, expiresAt)).toEqual({ ok: false, reason: "stale" });
  });
});
