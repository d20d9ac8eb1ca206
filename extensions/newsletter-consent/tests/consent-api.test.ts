import { readFileSync } from "node:fs";
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { APP_URL, CONSENT_ENDPOINT, type ConsentPayload, postConsent } from "../src/consent-api";
import { EXTENSION_DIR } from "./helpers";

const extension = getExtension("purchase.thank-you.block.render");

const payload: ConsentPayload = {
  consent: "granted",
  orderId: "gid://shopify/Order/7",
  checkoutToken: null,
  noticeVersion: "2022-10-31",
  wordingKey: "newsletter_checkbox.default",
  wordingLocale: "fr",
  wording: "Je souhaite recevoir les actualités de Ma Boutique par e-mail",
};

beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

describe("postConsent", () => {
  test("APP_URL is the application_url of shopify.app.toml", () => {
    const appToml = readFileSync(path.resolve(EXTENSION_DIR, "../../shopify.app.toml"), "utf8");
    expect(appToml).toMatch(new RegExp(`^application_url = "${APP_URL}"$`, "m"));
    expect(CONSENT_ENDPOINT).toBe(`${APP_URL}/api/checkout/consent`);
  });

  test("the default tester fetch is allowed (network_access = true in shopify.extension.toml)", async () => {
    await expect(postConsent(payload, async () => "t")).resolves.toBe(true);
  });

  test("POSTs the JSON payload with the token as Bearer and reports 2xx as saved", async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 201 }));
    extension.fetch = fetchMock as typeof fetch;

    await expect(postConsent(payload, async () => "signed.jwt.token")).resolves.toBe(true);
    expect(fetchMock).toHaveBeenCalledWith(CONSENT_ENDPOINT, {
      method: "POST",
      headers: { Authorization: "Bearer signed.jwt.token", "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
  });

  test.each([
    ["HTTP 401", async () => new Response(null, { status: 401 })],
    ["a network error", async () => Promise.reject(new TypeError("Failed to fetch"))],
  ])("resolves false on %s", async (_, failure) => {
    extension.fetch = vi.fn(failure) as typeof fetch;
    await expect(postConsent(payload, async () => "t")).resolves.toBe(false);
  });

  test("resolves false, without a request, when no session token can be had", async () => {
    const fetchMock = vi.fn();
    extension.fetch = fetchMock as typeof fetch;
    await expect(postConsent(payload, () => Promise.reject(new Error("expired")))).resolves.toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
