// A stand-in for Shopify's Customer Privacy API on the sandbox storefront, behaving as shopify.dev
// documents it: `Shopify.loadFeatures([{name: "consent-tracking-api", version: "0.1"}], cb)` makes
// `Shopify.customerPrivacy` available; the choice lives in the `_tracking_consent` cookie (1 year);
// `shouldShowBanner()` is true in a region where the shop asks consent and no choice was made;
// `setTrackingConsent(consent, cb)` takes booleans, stores them, fires `visitorConsentCollected` on
// document and calls back. The visitor's region is "FR" unless `?region=US-CA`-style `?region=USCA`
// is passed once (kept in a cookie). Sandbox only: every call is also kept in `sandboxCalls`.

/** Regions where the demo shop shows a banner: the EEA, the United Kingdom and Switzerland. */
export const CONSENT_REGIONS = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
  "GB",
  "CH",
];
/** US states with a data-sale opt-out (saleOfDataRegion()). */
export const SALE_OF_DATA_REGIONS = ["USCA", "USVA", "USCT", "USCO", "USUT"];

export const customerPrivacyScript = `(() => {
  const CONSENT_REGIONS = ${JSON.stringify(CONSENT_REGIONS)};
  const SALE_OF_DATA_REGIONS = ${JSON.stringify(SALE_OF_DATA_REGIONS)};
  const KEYS = { analytics: "analytics", marketing: "marketing", preferences: "preferences", sale_of_data: "sale_of_data" };
  const readCookie = (name) => {
    const found = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
  };
  const asked = new URLSearchParams(location.search).get("region");
  if (asked && /^[A-Z]{2}[A-Z0-9]{0,3}$/.test(asked)) document.cookie = "sandbox_region=" + asked + "; path=/; SameSite=Lax";
  const region = () => readCookie("sandbox_region") || "FR";
  const stored = () => {
    try { return JSON.parse(readCookie("_tracking_consent") || "{}"); } catch { return {}; }
  };
  const requiresConsent = () => CONSENT_REGIONS.includes(region().slice(0, 2));
  const saleOfDataRegion = () => SALE_OF_DATA_REGIONS.includes(region());
  const value = (key) => stored()[key] === true ? "yes" : stored()[key] === false ? "no" : "";
  const allowed = (key) => {
    const v = value(key);
    if (key === "sale_of_data") return saleOfDataRegion() || !requiresConsent() ? v !== "no" : v === "yes";
    return requiresConsent() ? v === "yes" : v !== "no";
  };
  const sandboxCalls = [];
  const customerPrivacy = {
    sandboxCalls,
    getRegion: region,
    saleOfDataRegion,
    shouldShowBanner: () => requiresConsent() && Object.keys(KEYS).every((k) => value(k) === ""),
    currentVisitorConsent: () => ({ marketing: value("marketing"), analytics: value("analytics"), preferences: value("preferences"), sale_of_data: value("sale_of_data") }),
    analyticsProcessingAllowed: () => allowed("analytics"),
    marketingAllowed: () => allowed("marketing"),
    preferencesProcessingAllowed: () => allowed("preferences"),
    saleOfDataAllowed: () => allowed("sale_of_data"),
    setTrackingConsent(consent, callback) {
      sandboxCalls.push(JSON.parse(JSON.stringify(consent)));
      const done = (result) => setTimeout(() => typeof callback === "function" && callback(result), 0);
      if (!consent || typeof consent !== "object") return done({ error: "consent must be an object" });
      for (const [key, v] of Object.entries(consent)) {
        if (!(key in KEYS)) continue;
        if (typeof v !== "boolean") return done({ error: key + " must be a boolean" });
      }
      const next = { ...stored() };
      for (const key of Object.keys(KEYS)) if (typeof consent[key] === "boolean") next[key] = consent[key];
      document.cookie = "_tracking_consent=" + encodeURIComponent(JSON.stringify(next)) + "; path=/; max-age=31536000; SameSite=Lax";
      document.dispatchEvent(new CustomEvent("visitorConsentCollected", { detail: {
        analyticsAllowed: allowed("analytics"),
        marketingAllowed: allowed("marketing"),
        preferencesAllowed: allowed("preferences"),
        saleOfDataAllowed: allowed("sale_of_data"),
        firstPartyMarketingAllowed: allowed("marketing"),
        thirdPartyMarketingAllowed: allowed("marketing") && allowed("sale_of_data"),
      } }));
      done();
    },
  };
  window.Shopify = window.Shopify || {};
  window.Shopify.loadFeatures = (features, callback) => {
    const unknown = (features || []).filter((f) => f.name !== "consent-tracking-api" || f.version !== "0.1");
    setTimeout(() => {
      if (unknown.length) return callback([{ message: "unknown feature " + unknown.map((f) => f.name).join(", ") }]);
      window.Shopify.customerPrivacy = customerPrivacy;
      callback(null);
    }, 0);
  };
})();`;
