// shopPolicyUpdate through the official-shaped client against the simulator on loopback: written
// when the scope is granted, ACCESS_DENIED without it, and Shopify's 512 KB limit as a userError.
import { afterEach, describe, expect, it } from "vitest";
import {
  type ShopifyAdminSimulator,
  startShopifyAdminSimulator,
} from "~/sandbox/simulators/shopify-admin.server";
import { DEFAULT_SCOPES } from "~/sandbox/simulators/shopify-admin-store";
import { createShopifyAdminClient } from "./admin-client.server";
import { createShopifyStorePolicy } from "./store-policy";

const SHOP = "policy-sim.myshopify.com";
let sim: ShopifyAdminSimulator;
afterEach(async () => {
  await sim?.stop();
});

async function start(scopes: string[]) {
  sim = await startShopifyAdminSimulator({ seed: { shops: [{ domain: SHOP, scopes }] } });
  return createShopifyStorePolicy(
    createShopifyAdminClient({ shop: SHOP, accessToken: sim.accessTokenFor(SHOP), baseUrl: sim.baseUrl }),
  );
}

describe("the store's privacy policy through shopPolicyUpdate", () => {
  it("writes the body as the shop's privacy policy, and writes it again in place", async () => {
    const policy = await start(DEFAULT_SCOPES);
    expect(await policy.publishPrivacyPolicy("<h2>Vos droits</h2>")).toEqual({
      ok: true,
      url: `https://${SHOP}/policies/privacy-policy`,
    });
    const first = sim.state.shop(SHOP).policies.get("PRIVACY_POLICY");
    expect(first?.body).toBe("<h2>Vos droits</h2>");
    await policy.publishPrivacyPolicy("<h2>Version 2</h2>");
    const second = sim.state.shop(SHOP).policies.get("PRIVACY_POLICY");
    expect(second).toMatchObject({ id: first?.id, body: "<h2>Version 2</h2>" });
  });

  it("answers access_denied when the shop did not grant write_legal_policies", async () => {
    const policy = await start(DEFAULT_SCOPES.filter((scope) => scope !== "write_legal_policies"));
    expect(await policy.publishPrivacyPolicy("<p>x</p>")).toEqual({
      ok: false,
      reason: "access_denied",
      codes: ["ACCESS_DENIED"],
    });
    expect(sim.state.shop(SHOP).policies.size).toBe(0);
  });

  it("is refused with Shopify's code for a body over 512 KB", async () => {
    const policy = await start(DEFAULT_SCOPES);
    expect(await policy.publishPrivacyPolicy("é".repeat(300 * 1024))).toEqual({
      ok: false,
      reason: "refused",
      codes: ["TOO_LONG"],
    });
  });
});
