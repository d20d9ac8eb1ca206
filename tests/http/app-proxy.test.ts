// The storefront privacy centre's app-proxy endpoints, probed over HTTP against the built server
// with queries signed exactly as Shopify signs them: good, bad, stale, replayed.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
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
  const post = (url: string, body: string, clientIp?: string) =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        // Shopify's proxy names the shopper's address so; the default is the test's own loopback.
        ...(clientIp && { "x-forwarded-for": clientIp }),
      },
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

  it("answers a fourth filing for one address within minutes with 429, Retry-After and the form kept, in French and English", async () => {
    const statuses = [];
    for (const name of ["Un", "Deux", "Trois"]) {
      const body = new URLSearchParams({ type: "erasure", email: "flood@example.fr", name, locale: "fr" });
      statuses.push(
        (await post(signed("/requests"), body.toString(), `198.51.100.${statuses.length + 1}`)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200]);
    // One request, its code sent three times: the shopper saw "check your e-mail" each time.
    expect(await db.rightsRequest.count({ where: { requesterEmail: "flood@example.fr" } })).toBe(1);
    expect(
      await db.outboxEmail.count({ where: { to: "flood@example.fr", template: "request.identity_code" } }),
    ).toBe(3);
    for (const [locale, title, kept] of [
      ["fr", "Trop de demandes en peu de temps", "Quatre"],
      ["en", "Too many requests in a short time", "Four"],
    ] as const) {
      const body = new URLSearchParams({ type: "erasure", email: "flood@example.fr", name: kept, locale });
      const response = await post(signed("/requests"), body.toString(), "198.51.100.9");
      expect(response.status).toBe(429);
      const wait = Number(response.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      const page = await response.text();
      expect(page).toContain(title);
      expect(page).toContain(`${Math.ceil(wait / 60)} min`);
      // The form again, as it was typed.
      expect(page).toMatch(/<option value="erasure" selected="">/);
      expect(page).toContain(`value="${kept}"`);
    }
    expect(await db.rightsRequest.count({ where: { requesterEmail: "flood@example.fr" } })).toBe(1);
    expect(
      await db.outboxEmail.count({ where: { to: "flood@example.fr", template: "request.identity_code" } }),
    ).toBe(3);
  });

  it.each([
    ["fr", "Les directives ne sont enregistrées qu&#x27;avec un consentement donné pour elles"],
    ["en", "Directives are recorded only with a consent given for them"],
  ] as const)(
    "shows the form again with what was typed and the error next to its field (%s)",
    async (locale, error) => {
      const body = new URLSearchParams({
        type: "post_mortem_directive",
        email: `typed-${locale}@example.fr`,
        name: "Jean Martin",
        locale,
        directive_action: "record",
        directive_instructions: "Effacer mon compte & garder <mes> factures.",
        executor_name: "Claire Martin",
        executor_email: "claire@example.fr",
      });
      const response = await post(signed("/requests"), body.toString(), "192.0.2.10");
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('data-testid="error-specific_consent"');
      expect(page).toContain(error);
      expect(page).toMatch(/id="vigie-specific_consent"[^>]*aria-invalid="true"/);
      expect(page).toContain("Effacer mon compte &amp; garder &lt;mes&gt; factures.</textarea>");
      expect(page).toContain('value="Claire Martin"');
      expect(page).toContain(`value="typed-${locale}@example.fr"`);
      expect(page).toMatch(/<option value="post_mortem_directive" selected="">/);
      expect(await db.rightsRequest.count({ where: { requesterEmail: `typed-${locale}@example.fr` } })).toBe(
        0,
      );
    },
  );

  it("shows a clear error page for an invalid form, and files nothing", async () => {
    const response = await post(signed("/requests"), "type=not-a-right&email=nope&locale=fr");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Votre demande n&#x27;a pas pu être envoyée");
  });
});
