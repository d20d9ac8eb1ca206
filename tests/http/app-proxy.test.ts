// The storefront privacy centre's app-proxy endpoints, probed over HTTP against the built server
// with queries signed exactly as Shopify signs them: good, bad, stale, replayed.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { signAppProxyQuery } from "~/http/app-proxy.server";
import { type RunningServer, startServer } from "../support/server";

describe("the app proxy over HTTP", () => {
  let server: RunningServer;
  let db: Db;
  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  function signed(
    pathname: string,
    options: {
      secret?: string;
      at?: number;
      customer?: string;
      shop?: string;
      extra?: Record<string, string>;
    } = {},
  ) {
    const query = new URLSearchParams({
      ...options.extra,
      shop: options.shop ?? "imera-paris.myshopify.com",
      logged_in_customer_id: options.customer ?? "",
      path_prefix: "/apps/privacy",
      timestamp: String(options.at ?? Math.floor(Date.now() / 1000)),
    });
    query.set("signature", signAppProxyQuery(query, options.secret ?? server.sandbox().apiSecret));
    return `${server.baseUrl}/proxy/privacy${pathname}?${query}`;
  }
  const post = (url: string, body: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });

  it("serves the privacy centre as Liquid for a good signature, in the theme", async () => {
    // Shopify signs every query parameter, the storefront's own (here ?locale=fr) included.
    const response = await fetch(signed("", { extra: { locale: "fr" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/liquid");
    expect(await response.text()).toContain("Vos données personnelles");
  });

  it("answers 400 to a bad, missing or stale signature and stores nothing", async () => {
    const before = await db.rightsRequest.count();
    const body = "type=access&email=a%40example.fr&locale=fr";
    const wrongSecret = signed("/requests", { secret: "not-the-secret" });
    const stale = signed("/requests", { at: Math.floor(Date.now() / 1000) - 91 });
    const tampered = signed("/requests").replace("logged_in_customer_id=", "logged_in_customer_id=7001");
    const unsigned = `${server.baseUrl}/proxy/privacy/requests?shop=imera-paris.myshopify.com`;
    for (const url of [wrongSecret, stale, tampered, unsigned]) {
      const response = await post(url, body);
      expect(response.status, url).toBe(400);
    }
    expect(await db.rightsRequest.count()).toBe(before);
  });

  it("refuses a replayed POST (same signature, path and body) but accepts a different one in the same second", async () => {
    const url = signed("/requests");
    const body = "type=portability&email=replay%40example.fr&locale=en";
    expect((await post(url, body)).status).toBe(200);
    expect((await post(url, body)).status).toBe(409);
    expect((await post(url, "type=access&email=replay%40example.fr&locale=en")).status).toBe(200);
    expect(await db.rightsRequest.count({ where: { requesterEmail: "replay@example.fr" } })).toBe(2);
  });

  it("answers 404 for a shop that has not installed Vigie, and never trusts an unsigned customer id", async () => {
    expect((await fetch(signed("", { shop: "stranger.myshopify.com" }))).status).toBe(404);
    const spoofed = `${signed("/requests")}&logged_in_customer_id=7001`;
    expect((await post(spoofed, "type=access&email=x%40example.fr")).status).toBe(400);
  });

  it("shows a clear error page for an invalid form, and files nothing", async () => {
    const response = await post(signed("/requests"), "type=not-a-right&email=nope&locale=fr");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Votre demande n&#x27;a pas pu être envoyée");
  });
});
