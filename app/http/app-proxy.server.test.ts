import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  appProxyCanonicalString,
  replayExpiresAt,
  replayKey,
  signAppProxyQuery,
  verifyAppProxySignature,
} from "./app-proxy.server";

const SECRET = "shpss_test_secret";
const NOW = new Date("2026-11-26T12:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const SHOP = "imera-paris.myshopify.com";

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
  it("accepts Shopify's documented example (secret 'hush'), computed independently", () => {
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
    expect(verifyAppProxySignature(url, "hush", new Date(1317327555_000))).toEqual({
      ok: true,
      shop: "shop-name.myshopify.com",
      loggedInCustomerId: "1",
      pathPrefix: "/apps/awesome_reviews",
      timestamp: 1317327555,
      signature: expected,
    });
  });

  it("returns the shop, prefix and timestamp of a genuine guest request, with no customer", () => {
    const url = proxyUrl();
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({
      ok: true,
      shop: SHOP,
      loggedInCustomerId: null,
      pathPrefix: "/apps/privacy",
      timestamp: NOW_S,
      signature: url.searchParams.get("signature"),
    });
  });

  it("returns the logged-in customer id only as signed", () => {
    const result = verifyAppProxySignature(proxyUrl({ logged_in_customer_id: "7415892001" }), SECRET, NOW);
    expect(result).toMatchObject({ ok: true, loggedInCustomerId: "7415892001" });

    const forged = proxyUrl();
    forged.searchParams.set("logged_in_customer_id", "7415892001");
    expect(verifyAppProxySignature(forged, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature with one character changed", () => {
    const url = proxyUrl();
    const signature = url.searchParams.get("signature") ?? "";
    const flipped = `${signature.slice(0, 10)}${signature[10] === "0" ? "1" : "0"}${signature.slice(11)}`;
    url.searchParams.set("signature", flipped);
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a request signed with another secret", () => {
    expect(verifyAppProxySignature(proxyUrl({}, "another-secret"), SECRET, NOW)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a signed param changed after signing", () => {
    const url = proxyUrl();
    url.searchParams.set("shop", "another-shop.myshopify.com");
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature that is not 64 lowercase hex digits", () => {
    for (const bad of [
      "abc",
      "Z".repeat(64),
      (proxyUrl().searchParams.get("signature") ?? "").toUpperCase(),
    ]) {
      const url = proxyUrl();
      url.searchParams.set("signature", bad);
      expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
    }
  });

  it("reports a missing or empty signature", () => {
    const url = proxyUrl();
    url.searchParams.delete("signature");
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "missing_signature" });
    url.searchParams.set("signature", "");
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "missing_signature" });
  });

  it("accepts a timestamp 90 s old or ahead and refuses 91 s either way", () => {
    const at = (offset: number) => proxyUrl({ timestamp: String(NOW_S + offset) });
    expect(verifyAppProxySignature(at(-90), SECRET, NOW).ok).toBe(true);
    expect(verifyAppProxySignature(at(90), SECRET, NOW).ok).toBe(true);
    expect(verifyAppProxySignature(at(-91), SECRET, NOW)).toEqual({ ok: false, reason: "stale" });
    expect(verifyAppProxySignature(at(91), SECRET, NOW)).toEqual({ ok: false, reason: "stale" });
  });

  it("applies a custom tolerance", () => {
    const url = proxyUrl({ timestamp: String(NOW_S - 30) });
    expect(verifyAppProxySignature(url, SECRET, NOW, { toleranceSeconds: 29 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyAppProxySignature(url, SECRET, NOW, { toleranceSeconds: 30 }).ok).toBe(true);
  });

  it("refuses a genuine signature over a missing or non-numeric timestamp as stale", () => {
    for (const timestamp of ["", "1.5e9", `${NOW_S}.0`, "-1"]) {
      expect(verifyAppProxySignature(proxyUrl({ timestamp }), SECRET, NOW)).toEqual({
        ok: false,
        reason: "stale",
      });
    }
  });

  it.each(["shop", "signature", "timestamp", "logged_in_customer_id", "path_prefix"])(
    "refuses a repeated %s param",
    (param) => {
      const url = proxyUrl({ logged_in_customer_id: "42" });
      url.searchParams.append(param, url.searchParams.get(param) ?? "");
      expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "repeated_param" });
    },
  );

  it("refuses a repeated logged_in_customer_id even when Shopify signed both values", () => {
    // A guest adding ?logged_in_customer_id=42 to the storefront URL: Shopify signs "42," with its own "".
    const url = proxyUrl({ logged_in_customer_id: ["42", ""] });
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "repeated_param" });
  });

  it("accepts other repeated params, signed joined with a comma", () => {
    const url = proxyUrl({ topic: ["a", "b"] });
    expect(appProxyCanonicalString(url.searchParams)).toContain("topic=a,b");
    expect(verifyAppProxySignature(url, SECRET, NOW).ok).toBe(true);
  });

  it("refuses a genuine signature for a shop outside myshopify.com", () => {
    for (const shop of ["imera.fr", "imera-paris.myshopify.com.evil.io", "evil.io/imera.myshopify.com", ""]) {
      expect(verifyAppProxySignature(proxyUrl({ shop }), SECRET, NOW)).toEqual({
        ok: false,
        reason: "bad_shop",
      });
    }
  });

  it("refuses a re-split of a genuine query that would turn a param's text into a customer id", () => {
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
    expect(verifyAppProxySignature(forged, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a customer id that is not plain digits", () => {
    const url = proxyUrl({ logged_in_customer_id: "path_prefix=/apps/privacy" });
    expect(verifyAppProxySignature(url, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("returns a null prefix when the signed path_prefix is absent or malformed", () => {
    const absent = proxyUrl();
    absent.searchParams.delete("path_prefix");
    absent.searchParams.set("signature", signAppProxyQuery(absent.searchParams, SECRET));
    expect(verifyAppProxySignature(absent, SECRET, NOW)).toMatchObject({ ok: true, pathPrefix: null });
    expect(verifyAppProxySignature(proxyUrl({ path_prefix: "apps privacy" }), SECRET, NOW)).toMatchObject({
      ok: true,
      pathPrefix: null,
    });
  });

  it("verifies a value with a space whether it arrives as + or %20, and a literal + as %2B", () => {
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
      expect(verifyAppProxySignature(url, "hush", at).ok).toBe(true);
    }
    // An unencoded "+" is a space, so "two+1" signs as "two 1": not what was signed above.
    const plus = new URL(
      `https://vigie.example.com/proxy/privacy/status?q=tea+for+two+1&${base}&signature=${signature}`,
    );
    expect(verifyAppProxySignature(plus, "hush", at)).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("signAppProxyQuery", () => {
  it("signs a plain object like the same URLSearchParams, ignoring any signature among them", () => {
    const object = { timestamp: "1", shop: SHOP, extra: ["1", "2"], signature: "ignored" };
    const search = new URLSearchParams([
      ["extra", "1"],
      ["shop", SHOP],
      ["extra", "2"],
      ["timestamp", "1"],
    ]);
    const expected = createHmac("sha256", SECRET).update(`extra=1,2shop=${SHOP}timestamp=1`).digest("hex");
    expect(signAppProxyQuery(object, SECRET)).toBe(expected);
    expect(signAppProxyQuery(search, SECRET)).toBe(expected);
  });
});

describe("appProxyCanonicalString", () => {
  it("sorts keys by code unit, not by locale", () => {
    // localeCompare would put "consented" before "consentGiven"; byte order puts "G" (0x47) first.
    expect(appProxyCanonicalString({ consented: "1", consentGiven: "2", shop: SHOP })).toBe(
      `consentGiven=2consented=1shop=${SHOP}`,
    );
  });
});

describe("replayKey", () => {
  it("is the same for the same verified request and differs between requests", () => {
    const url = proxyUrl();
    const first = verifyAppProxySignature(url, SECRET, NOW);
    const again = verifyAppProxySignature(new URL(url.href), SECRET, new Date(NOW.getTime() + 60_000));
    const other = verifyAppProxySignature(proxyUrl({ timestamp: String(NOW_S + 1) }), SECRET, NOW);
    if (!first.ok || !again.ok || !other.ok) throw new Error("expected verified requests");
    expect(replayKey(first)).toBe(`${SHOP}:${url.searchParams.get("signature")}`);
    expect(replayKey(again)).toBe(replayKey(first));
    expect(replayKey(other)).not.toBe(replayKey(first));
  });
});

describe("replayExpiresAt", () => {
  it("is the first second at which the signature is refused as stale", () => {
    const url = proxyUrl();
    const result = verifyAppProxySignature(url, SECRET, NOW);
    if (!result.ok) throw new Error("expected a verified request");
    const expiresAt = replayExpiresAt(result);
    expect(expiresAt.toISOString()).toBe("2026-11-26T12:01:31.000Z");
    expect(verifyAppProxySignature(url, SECRET, new Date(expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(verifyAppProxySignature(url, SECRET, expiresAt)).toEqual({ ok: false, reason: "stale" });
  });
});
