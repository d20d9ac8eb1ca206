import { readFileSync } from "node:fs";
import path from "node:path";
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  APP_URL,
  CONSENT_ENDPOINT,
  type ConsentPayload,
  fetchConsentState,
  postConsent,
} from "../src/consent-api";
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
  test("APP_URL is the application_url of shopify.app.toml, as npm run extension:url wrote it", () => {
    const appToml = readFileSync(path.resolve(EXTENSION_DIR, "../../shopify.app.toml"), "utf8");
    expect(appToml).toMatch(new RegExp(`^application_url = "${APP_URL}"$`, "m"));
    expect(CONSENT_ENDPOINT).toBe(`${APP_URL}/api/checkout/consent`);
  });

  test("the default tester fetch is allowed (network_access = true in shopify.extension.toml)", async () => {
    await expect(postConsent(payload, async () => "t")).resolves.toBe("saved");
  });

  test("POSTs the JSON payload with the token as Bearer and reports 2xx as saved", async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 201 }));
    extension.fetch = fetchMock as typeof fetch;

    await expect(postConsent(payload, async () => "signed.jwt.token")).resolves.toBe("saved");
    expect(fetchMock).toHaveBeenCalledWith(CONSENT_ENDPOINT, {
      method: "POST",
      headers: { Authorization: "Bearer signed.jwt.token", "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
  });

  test.each([
    ["HTTP 401", async () => new Response(null, { status: 401 })],
    ["a network error", async () => Promise.reject(new TypeError("Failed to fetch"))],
  ])("resolves failed on %s", async (_, failure) => {
    extension.fetch = vi.fn(failure) as typeof fetch;
    await expect(postConsent(payload, async () => "t")).resolves.toBe("failed");
  });

  test("resolves failed, without a request, when no session token can be had", async () => {
    const fetchMock = vi.fn();
    extension.fetch = fetchMock as typeof fetch;
    await expect(postConsent(payload, () => Promise.reject(new Error("expired")))).resolves.toBe("failed");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("reports a shop asking for an e-mail confirmation (double opt-in)", async () => {
    extension.fetch = vi.fn(async () =>
      Response.json({ status: "accepted", confirmation: "email" }, { status: 202 }),
    ) as typeof fetch;
    await expect(postConsent(payload, async () => "t")).resolves.toBe("confirm_by_email");
  });
});

describe("fetchConsentState", () => {
  const order = { orderId: "gid://shopify/Order/7", checkoutToken: "checkout-7" };

  test("GETs the state with the token as Bearer and the order in headers, never in the URL", async () => {
    const fetchMock = vi.fn(async () => Response.json({ newsletter: "subscribed" }));
    extension.fetch = fetchMock as typeof fetch;
    await expect(fetchConsentState(order, async () => "signed.jwt.token")).resolves.toBe("subscribed");
    expect(fetchMock).toHaveBeenCalledWith(CONSENT_ENDPOINT, {
      method: "GET",
      headers: {
        Authorization: "Bearer signed.jwt.token",
        "Vigie-Order-Id": "gid://shopify/Order/7",
        "Vigie-Checkout-Token": "checkout-7",
      },
    });
  });

  test.each([
    ["HTTP 403", async () => new Response(null, { status: 403 })],
    ["a network error", async () => Promise.reject(new TypeError("Failed to fetch"))],
    ["an unknown state", async () => Response.json({ newsletter: "maybe" })],
    ["a body that is not JSON", async () => new Response("<html>", { status: 200 })],
  ])("resolves null on %s", async (_, failure) => {
    extension.fetch = vi.fn(failure) as typeof fetch;
    await expect(fetchConsentState(order, async () => "t")).resolves.toBeNull();
  });

  test("asks nothing without an order or a checkout token", async () => {
    const fetchMock = vi.fn();
    extension.fetch = fetchMock as typeof fetch;
    await expect(fetchConsentState({ ...order, checkoutToken: null }, async () => "t")).resolves.toBeNull();
    await expect(fetchConsentState({ ...order, orderId: "" }, async () => "t")).resolves.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
