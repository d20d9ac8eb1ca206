import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appProxyCanonicalString } from "~/http/app-proxy-signature";
import { signAppProxyQuery, signSessionToken } from "./shopify-signing.server";

const SECRET = "shpss_test_secret";
const SHOP = "imera-paris.myshopify.com";

describe("signAppProxyQuery", () => {
  it("signs Shopify's documented example (secret 'hush') as Shopify does", () => {
    const query = new URLSearchParams(
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1" +
        "&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555",
    );
    expect(appProxyCanonicalString(query)).toBe(
      "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555",
    );
    expect(signAppProxyQuery(query, "hush")).toBe(
      "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb",
    );
  });

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

  it("sorts keys by code unit, as Shopify's reference does, not by locale", () => {
    // localeCompare would put "consented" before "consentGiven"; byte order puts "G" (0x47) first.
    expect(appProxyCanonicalString({ consented: "1", consentGiven: "2", shop: SHOP })).toBe(
      `consentGiven=2consented=1shop=${SHOP}`,
    );
  });
});

describe("signSessionToken", () => {
  it("is the base64url HMAC-SHA256 of the header and payload", () => {
    const input = "eyJhbGciOiJIUzI1NiJ9.e30";
    expect(signSessionToken(input, SECRET)).toBe(
      createHmac("sha256", SECRET).update(input).digest("base64url"),
    );
  });
});
