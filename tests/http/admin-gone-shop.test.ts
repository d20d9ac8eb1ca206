// The embedded app (Shopify credentials set) for a shop that uninstalled Vigie or whose data
// shop/redact purged, while a session of it is still stored: the admin never acts on that session
// (never re-creates the purged shop, never a 500) but sends the request back through Shopify's
// authentication, as Shopify's library does for a session it cannot use.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { isShopPurged, markShopPurged } from "~/services/shops.server";
import { type RunningServer, startServer } from "../support/server";
import { signToken } from "../support/session-token";

const API_KEY = "test-api-key";
const API_SECRET = "test-api-secret";
const APP_URL = "https://vigie.example.com";
// Shopify's library answers 410 to what looks like a bot: be a browser.
const BROWSER = {
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
};

describe("admin loads for a shop that is gone", () => {
  let server: RunningServer;
  let db: Db;
  let key: Buffer;
  beforeAll(async () => {
    server = await startServer({
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: API_SECRET,
      SHOPIFY_APP_URL: APP_URL,
      SCOPES: "read_customers,write_customers",
    });
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    key = Buffer.from(readFileSync(path.join(server.dataDir, "encryption.key"), "utf8").trim(), "base64");
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  /** An offline session as the library stores it, and the admin's signed session token for the shop. */
  async function signedIn(shop: string) {
    await db.session.create({
      data: {
        id: `offline_${shop}`,
        shop,
        state: "",
        isOnline: false,
        scope: "read_customers,write_customers",
        accessToken: "shpat_test",
      },
    });
    const now = Math.floor(Date.now() / 1000);
    return signToken(
      {
        iss: `https://${shop}/admin`,
        dest: `https://${shop}`,
        aud: API_KEY,
        sub: "42",
        exp: now + 60,
        nbf: now - 5,
        iat: now - 5,
        jti: `jti-${Math.random()}`,
        sid: "sid",
      },
      API_SECRET,
    );
  }

  function adminUrl(shop: string, token: string) {
    const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString(
      "base64",
    );
    return `${server.baseUrl}/app?embedded=1&shop=${shop}&host=${host}&id_token=${token}`;
  }

  it("serves an installed shop from its session (the test's own check)", async () => {
    const shop = "still-here.myshopify.com";
    const token = await signedIn(shop);
    expect((await fetch(adminUrl(shop, token), { redirect: "manual", headers: BROWSER })).status).toBe(200);
  });

  it("a purged shop's page load goes through the session-token bounce, and the shop is not re-created", async () => {
    const shop = "purged-shop.myshopify.com";
    const token = await signedIn(shop);
    await markShopPurged(db, key, shop);
    const answer = await fetch(adminUrl(shop, token), { redirect: "manual", headers: BROWSER });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location") ?? "", server.baseUrl);
    expect(location.pathname).toBe("/auth/session-token");
    expect(location.searchParams.get("shopify-reload")).toMatch(new RegExp(`^${APP_URL}/app\\?`));
    expect(location.searchParams.get("id_token")).toBeNull();
    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect(await db.shop.count({ where: { domain: shop } })).toBe(0);
    expect(await isShopPurged(db, key, shop)).toBe(true);
  });

  it("an uninstalled shop's fetch gets 401 with Shopify's retry header", async () => {
    const shop = "uninstalled-shop.myshopify.com";
    const token = await signedIn(shop);
    await db.shop.create({ data: { domain: shop, state: "uninstalled", uninstalledAt: new Date() } });
    const answer = await fetch(`${server.baseUrl}/app?_data=routes/app`, {
      headers: { ...BROWSER, authorization: `Bearer ${token}` },
      redirect: "manual",
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("x-shopify-retry-invalid-session-request")).toBe("1");
    expect(await db.session.count({ where: { shop } })).toBe(0);
  });
});
