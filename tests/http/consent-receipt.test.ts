// The shopper's consent receipt through the built server, with queries signed as Shopify's app proxy
// signs them: a signed-in customer's tracker choices come back as a readable page (FR and EN) and as a
// JSON download whose hashes are the ledger's; a guest is asked to sign in, a forged customer id is
// refused, and another customer sees none of it.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import type { ConsentReceipt } from "~/domain/consent/consent-receipt";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import { checkReceiptAgainstLedger } from "~/services/privacy-centre/consent-receipt.server";
import { eventually, type RunningServer, startServer } from "../support/server";

describe("the shopper's consent receipt in the privacy centre", () => {
  let server: RunningServer;
  let db: Db;
  let shopId: string;
  const customer = "7301";
  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    shopId = (await db.shop.findUniqueOrThrow({ where: { domain: "imera-paris.myshopify.com" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  function signed(route: string, extra: Record<string, string> = {}, who = "") {
    const query = new URLSearchParams({
      ...extra,
      shop: "imera-paris.myshopify.com",
      logged_in_customer_id: who,
      path_prefix: "/apps/privacy",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    query.set("signature", signAppProxyQuery(query, server.sandbox().apiSecret));
    return `${server.baseUrl}/proxy/privacy/${route}?${query}`;
  }

  async function choose(who: string, analytics: boolean) {
    const { version } = await (await fetch(signed("consent", { locale: "en" }))).json();
    const visitorId = randomUUID();
    const answer = await fetch(signed("consent", {}, who), {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.80" },
      body: JSON.stringify({
        visitorId,
        version,
        locale: "en",
        region: "FR",
        gpc: false,
        action: "custom",
        consent: { analytics, marketing: false, preferences: false, sale_of_data: false },
      }),
    });
    expect(answer.status).toBe(202);
    await eventually(async () =>
      (await db.consentEvent.count({ where: { shopId, visitorId } })) === 4 ? true : null,
    );
  }

  it("shows a signed-in customer their choices, page and JSON, and the JSON checks out against the ledger", async () => {
    await choose(customer, true);
    await choose(customer, false);

    const page = await fetch(signed("receipt", { locale: "fr" }, customer));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("application/liquid");
    const html = await page.text();
    expect(html).toContain("Mes consentements");
    expect(html).toContain("Mesure d&#x27;audience");
    expect(html).toMatch(/data-testid="record-state">Refusé/);
    expect(html).toContain("Bandeau cookies");
    const english = await (await fetch(signed("receipt", { locale: "en" }, customer))).text();
    expect(english).toContain("My consent records");
    expect(english).toContain("Consent given");

    const download = await fetch(signed("receipt", { locale: "en", format: "json" }, customer));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="consent-receipt-/);
    const receipt = (await download.json()) as ConsentReceipt;
    expect(receipt.principal).toEqual({ shopifyCustomerId: customer });
    const analytics = receipt.records.find((r) => r.purpose.id === "tracking_analytics");
    expect(analytics?.events.map((e) => e.type)).toEqual(["granted", "refused"]);
    expect(analytics?.state).toBe("refused");
    // The hashes in the shopper's hands are the ledger's own.
    const rows = await db.consentEvent.findMany({
      where: { id: { in: analytics?.events.map((e) => e.id) } },
    });
    expect(rows.map((r) => r.hash).sort()).toEqual(analytics?.events.map((e) => e.hash).sort());
    expect(html).toContain(analytics?.events[0]?.hash);
    expect(await checkReceiptAgainstLedger(db, shopId, receipt)).toEqual({ ok: true, events: 8 });
  });

  it("asks a guest to sign in, refuses a forged customer id, and shows another customer nothing of it", async () => {
    const guest = await fetch(signed("receipt", { locale: "en" }));
    expect(guest.status).toBe(401);
    expect(await guest.text()).toContain("Sign in to see your consent records");
    expect((await fetch(signed("receipt", { format: "json" }))).status).toBe(401);

    const forged = signed("receipt", { format: "json" }).replace(
      "logged_in_customer_id=",
      `logged_in_customer_id=${customer}`,
    );
    expect((await fetch(forged)).status).toBe(400);

    const other = (await (
      await fetch(signed("receipt", { format: "json" }, "7399"))
    ).json()) as ConsentReceipt;
    expect(other.records).toEqual([]);
    expect(await (await fetch(signed("receipt", { locale: "fr" }, "7399"))).text()).toContain(
      "Aucun consentement",
    );
  });

  it("is linked from the privacy centre's page", async () => {
    const html = await (await fetch(signed("", { locale: "en" }))).text();
    expect(html).toContain('href="/apps/privacy/receipt?locale=en"');
  });
});
