// The privacy notice through the built sandbox server: version 1 published at the first start and
// served to shoppers through the app proxy in both languages; staff edit the record, preview, publish
// version 2; shoppers see it while version 1 stays readable, and staff read the difference.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { ActivityContentSchema, flattenForForm } from "~/domain/processing/record";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import { eventually, type RunningServer, startServer } from "../support/server";

describe("the privacy notice over HTTP", () => {
  let server: RunningServer;
  let db: Db;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  /** A privacy-centre URL with `extra` parameters, signed as Shopify's app proxy signs them all. */
  const signed = (pathname: string, extra: Record<string, string>) => {
    const query = new URLSearchParams({
      shop: "imera-paris.myshopify.com",
      logged_in_customer_id: "",
      path_prefix: "/apps/privacy",
      timestamp: String(Math.floor(Date.now() / 1000)),
      ...extra,
    });
    query.set("signature", signAppProxyQuery(query, server.sandbox().apiSecret));
    return `${server.baseUrl}/proxy/privacy${pathname}?${query}`;
  };
  const notice = async (extra: Record<string, string>) => {
    const url = signed("/notice", extra);
    const response = await fetch(url);
    // React separates adjacent texts with empty comments in server-rendered HTML.
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      html: (await response.text()).replaceAll("<!-- -->", ""),
    };
  };
  const post = (pathname: string, body: Record<string, string>) =>
    fetch(`${server.baseUrl}${pathname}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body).toString(),
    });

  it("serves the demo shop's first version to shoppers, in French and in English, linked from the privacy centre", async () => {
    const fr = await notice({ locale: "fr" });
    expect(fr.status).toBe(200);
    expect(fr.type).toBe("application/liquid; charset=utf-8");
    expect(fr.html).toContain("<h1>Politique de protection des données personnelles</h1>");
    expect(fr.html).toContain("iméra est responsable du traitement de vos données personnelles.");
    expect(fr.html).toContain("contact@imera-paris.com");
    expect(fr.html).toContain("la limitation du traitement (art. 18)");
    expect(fr.html).toContain("<h2>Votre droit d&#x27;opposition</h2>");
    expect(fr.html).toContain("réclamation à la CNIL");
    expect(fr.html).toContain("Version 1, en vigueur depuis le");
    const en = await notice({ locale: "en" });
    expect(en.html).toContain("<h2>Transfers outside the European Economic Area</h2>");
    expect(en.html).toContain(
      "United States (Stripe, Inc.), Stripe Payments Europe, Limited: European Commission adequacy decision",
    );
    expect(en.html).toContain("(being checked)");
    expect(en.html).toContain(
      "You can obtain human intervention, give your point of view and contest the decision",
    );
    // Nothing the shop typed can become Liquid.
    expect(en.html).not.toMatch(/\{/);

    const centre = await (await fetch(signed("/", { locale: "en" }))).text();
    expect(centre).toContain('href="/apps/privacy/notice?locale=en"');
  });

  it("refuses an unsigned call and answers 404 for a version that does not exist", async () => {
    expect(
      (await fetch(`${server.baseUrl}/proxy/privacy/notice?shop=imera-paris.myshopify.com`)).status,
    ).toBe(400);
    expect((await notice({ version: "9" })).status).toBe(404);
    expect((await notice({ version: "abc" })).status).toBe(404);
  });

  it("publishes staff's edit of the record as version 2; version 1 stays readable, and the difference is shown", async () => {
    let admin = await (await fetch(`${server.baseUrl}/app/notice?locale=en`)).text();
    expect(admin).toContain("Preview: the version in force");
    expect(admin).toContain("Version 1,");

    const row = await db.registerEntry.findFirstOrThrow({ where: { kind: "activity", key: "marketing" } });
    const saved = await post("/app/processing/marketing?locale=en", {
      ...flattenForForm(ActivityContentSchema.parse(JSON.parse(row.content))),
      revision: String(row.revision),
      intent: "save",
      "retention.1.months": "36",
      "retention.1.clock": "last_contact",
    });
    expect(saved.status).toBe(200);
    admin = await (await fetch(`${server.baseUrl}/app/notice?locale=en`)).text();
    expect(admin).toContain("Preview: not published yet");
    expect(admin).toContain("3 years after the last contact (customers)");

    const published = await post("/app/notice?locale=en", { intent: "publish" });
    expect(published.status).toBe(200);
    expect(await published.text()).toContain("Version 2 published.");
    expect((await notice({ locale: "en" })).html).toContain("3 years after the last contact (customers)");
    const v1 = await notice({ locale: "en", version: "1" });
    expect(v1.html).toContain("10 years after the last order (customers)");
    expect(v1.html).toContain("Version 1, in force since");

    const diff = (
      await (await fetch(`${server.baseUrl}/app/notice?locale=en&from=1&to=2`)).text()
    ).replaceAll("<!-- -->", "");
    expect(diff).toContain("From version 1 to version 2");
    expect(diff).toMatch(
      /data-op="removed"[^>]*>− - E-mail marketing: .*10 years after the last order \(customers\)/,
    );
    expect(diff).toMatch(
      /data-op="added"[^>]*>\+ - E-mail marketing: .*3 years after the last contact \(customers\)/,
    );
    expect(await db.auditEvent.count({ where: { action: "notice.published", actorType: "staff" } })).toBe(1);
  });

  it("writes the version in force as the store's own privacy policy when staff ask, in the shop's language", async () => {
    const storefrontPolicy = () =>
      fetch(`${server.baseUrl}/sandbox/storefront/policies/privacy-policy?locale=fr`);
    // Nothing is written to Shopify until staff ask.
    expect((await storefrontPolicy()).status).toBe(404);
    const version = (await db.noticeVersion.findFirstOrThrow({ orderBy: { version: "desc" } })).version;
    const asked = await post("/app/notice?locale=en", { intent: "store_policy", version: String(version) });
    expect(asked.status).toBe(200);
    expect((await asked.text()).replaceAll("<!-- -->", "")).toContain(
      `Version ${version} is being written to your store&#x27;s privacy policy.`,
    );
    const page = await eventually(async () => {
      const response = await storefrontPolicy();
      return response.status === 200 && (await response.text());
    }, 20_000);
    // The demo shop speaks French: its policy is the French notice, every text escaped.
    expect(page).toContain(`<p><em>Version ${version}, en vigueur depuis le`);
    expect(page).toContain("<h2>Votre droit d&#39;opposition</h2>");
    const admin = await eventually(async () => {
      const html = (await (await fetch(`${server.baseUrl}/app/notice?locale=fr`)).text()).replaceAll(
        "<!-- -->",
        "",
      );
      return html.includes("est la politique de confidentialité de la boutique depuis le") && html;
    });
    expect(admin).toContain(`La version ${version} est la politique de confidentialité de la boutique`);
    const actions = await db.auditEvent.findMany({
      where: { action: { startsWith: "notice.store_policy" } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorType: true, targetId: true },
    });
    expect(actions).toEqual([
      { action: "notice.store_policy_requested", actorType: "staff", targetId: String(version) },
      { action: "notice.store_policy_published", actorType: "system", targetId: String(version) },
    ]);
    // An unknown version is refused and queues nothing.
    expect((await post("/app/notice?locale=en", { intent: "store_policy", version: "99" })).status).toBe(404);
    expect((await post("/app/notice?locale=en", { intent: "store_policy", version: "x" })).status).toBe(400);
  });
  it("shows the notice in the shopper's German, Spanish or Italian, the shop's own texts in French marked as such", async () => {
    const de = await notice({ locale: "de-DE" });
    expect(de.status).toBe(200);
    expect(de.html).toContain("<h1>Datenschutzerklärung</h1>");
    expect(de.html).toContain(
      "iméra ist Verantwortlicher für die Verarbeitung Ihrer personenbezogenen Daten.",
    );
    expect(de.html).toContain("<h2>Ihr Widerspruchsrecht</h2>");
    expect(de.html).toContain('<p><span lang="fr">Gestion des commandes et service client</span></p>');
    expect(de.html).toContain("Version 2, gültig seit");
    expect(de.html).not.toContain("Politique de protection des données personnelles");
    expect(de.html).not.toContain("Your right to object");
    expect((await notice({ locale: "es" })).html).toContain("<h2>Su derecho de oposición</h2>");
    expect((await notice({ locale: "it" })).html).toContain("<h2>Il Suo diritto di opposizione</h2>");
  });

  it("shows a version published in French and English only in French to a German shopper, the page around it in German", async () => {
    const latest = await db.noticeVersion.findFirstOrThrow({ orderBy: { version: "desc" } });
    const { fr, en } = JSON.parse(latest.content);
    await db.noticeVersion.create({
      data: {
        shopId: latest.shopId,
        version: latest.version + 1,
        content: JSON.stringify({ fr, en }),
        publishedAt: new Date(),
        publishedBy: "dpo-1",
      },
    });
    const de = await notice({ locale: "de" });
    expect(de.status).toBe(200);
    expect(de.html).toContain('<h1 lang="fr">Politique de protection des données personnelles</h1>');
    expect(de.html).toContain('<section data-section="rights" lang="fr"><h2>Vos droits</h2>');
    expect(de.html).toContain(`<p data-testid="notice-version">Version ${latest.version + 1}, gültig seit`);
    expect(de.html).not.toContain("Datenschutzerklärung</h1>");
    // French and English shoppers read it as before, without a language mark.
    expect((await notice({ locale: "en" })).html).toContain("<h1>Privacy notice</h1>");
  });
});
