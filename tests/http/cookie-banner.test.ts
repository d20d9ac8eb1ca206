// The cookie banner's proof intake (/proxy/privacy/consent) over HTTP against the built server, with
// queries signed exactly as Shopify's app proxy signs them: texts served, a choice appended to the
// ledger one event per purpose, and what is refused (forged or replayed signature, oversized or
// malformed body, stale banner version, too many choices from one network) stores nothing.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { signAppProxyQuery } from "~/sandbox/shopify-signing.server";
import { verifyLedger } from "~/services/consent-ledger.server";
import { eventually, type RunningServer, startServer } from "../support/server";

describe("the cookie banner's proxy endpoint", () => {
  let server: RunningServer;
  let db: Db;
  let shopId: string;
  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    shopId = (await db.shop.findUniqueOrThrow({ where: { domain: "imera-paris.myshopify.com" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  function signed(extra: Record<string, string> = {}, options: { secret?: string; customer?: string } = {}) {
    const query = new URLSearchParams({
      ...extra,
      shop: "imera-paris.myshopify.com",
      logged_in_customer_id: options.customer ?? "",
      path_prefix: "/apps/privacy",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    query.set("signature", signAppProxyQuery(query, options.secret ?? server.sandbox().apiSecret));
    return `${server.baseUrl}/proxy/privacy/consent?${query}`;
  }
  const post = (url: string, body: unknown, ip = "203.0.113.77") =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip, "user-agent": "Test/1.0" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const config = async (locale: string) => (await fetch(signed({ locale }))).json();
  const trackerEvents = () => db.consentEvent.count({ where: { shopId, source: "banner" } });
  const all = (value: boolean) => ({
    analytics: value,
    marketing: value,
    preferences: value,
    sale_of_data: value,
  });

  it("serves the texts in the visitor's language, with processors from the record of processing", async () => {
    const fr = await config("fr");
    const en = await config("en");
    expect(fr.version).toMatch(/^b2-[0-9a-f]{16}$/);
    // Each language has its own version (docs/decisions/082).
    expect(en.version).toMatch(/^b2-[0-9a-f]{16}$/);
    expect(en.version).not.toBe(fr.version);
    expect(fr.texts.refuseAll).toBe("Tout refuser");
    expect(en.texts.acceptAll).toBe("Accept all");
    const marketing = en.texts.purposes.find((p: { key: string }) => p.key === "marketing");
    expect(marketing.processors.join(" ")).toContain("advertising agencies");
    expect(fr.askAgain).toBe(false);
    const old = await (
      await fetch(signed({ locale: "fr", version: fr.version, decided_at: "2020-01-01T00:00:00.000Z" }))
    ).json();
    expect(old).toMatchObject({ askAgain: true, askAgainReason: "expired" });
  });

  it("records a custom choice as one event per purpose, with the proof fields, and the ledger still verifies", async () => {
    const { version } = await config("en");
    const visitorId = randomUUID();
    const before = await trackerEvents();
    const answer = await post(signed({}, { customer: "7001" }), {
      visitorId,
      version,
      locale: "en",
      region: "FR",
      gpc: false,
      action: "custom",
      consent: { ...all(false), analytics: true },
    });
    // Stored with its job at once; the worker appends it to the ledger.
    expect(answer.status).toBe(202);
    const rows = await eventually(async () => {
      const found = await db.consentEvent.findMany({ where: { shopId, visitorId }, orderBy: { seq: "asc" } });
      return found.length === 4 ? found : null;
    });
    expect(await trackerEvents()).toBe(before + 4);
    expect(rows.map((r) => [r.purpose, r.kind])).toEqual([
      ["tracking_analytics", "granted"],
      ["tracking_marketing", "refused"],
      ["tracking_preferences", "refused"],
      ["tracking_sale_of_data", "refused"],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        source: "banner",
        noticeVersion: version,
        wordingLocale: "en",
        region: "FR",
        gpc: false,
        ipPrefix: "203.0.113.0/24",
        shopifyCustomerId: "7001",
        email: null,
        subjectId: null,
      });
    }
    expect(rows[0]?.wording).toContain("Audience measurement");
    expect(await verifyLedger(db, shopId)).toMatchObject({ ok: true });
  });

  it("refuses a forged signature, a replay, an oversized or malformed body, and stores nothing", async () => {
    const { version } = await config("fr");
    const choice = {
      visitorId: randomUUID(),
      version,
      locale: "fr",
      gpc: false,
      action: "refuse_all",
      consent: all(false),
    };
    const before = await trackerEvents();
    expect((await post(signed({}, { secret: "not-the-secret" }), choice)).status).toBe(400);
    const forgedCustomer = signed().replace("logged_in_customer_id=", "logged_in_customer_id=7001");
    expect((await post(forgedCustomer, choice)).status).toBe(400);
    expect(
      (await post(`${server.baseUrl}/proxy/privacy/consent?shop=imera-paris.myshopify.com`, choice)).status,
    ).toBe(400);
    expect((await post(signed(), "x".repeat(5000))).status).toBe(413);
    expect((await post(signed(), "{not json")).status).toBe(400);
    expect((await post(signed(), { ...choice, email: "camille@example.fr" })).status).toBe(400);
    expect((await post(signed(), { ...choice, consent: all(true) })).status).toBe(400);
    expect((await post(signed(), { ...choice, version: "b1-0000000000000000" })).status).toBe(409);
    expect(await trackerEvents()).toBe(before);

    const url = signed();
    expect((await post(url, choice)).status).toBe(202);
    expect((await post(url, choice)).status).toBe(409);
    await eventually(async () => ((await trackerEvents()) === before + 4 ? true : null));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await trackerEvents()).toBe(before + 4);
  });

  it("limits how many choices one network makes in a minute", async () => {
    const { version } = await config("fr");
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const choice = {
        visitorId: randomUUID(),
        version,
        locale: "fr",
        gpc: true,
        action: "refuse_all",
        consent: all(false),
      };
      statuses.push((await post(signed(), choice, "198.51.100.9")).status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    // Another network is not held back.
    const other = {
      visitorId: randomUUID(),
      version,
      locale: "fr",
      gpc: false,
      action: "refuse_all",
      consent: all(false),
    };
    expect((await post(signed(), other, "192.0.2.1")).status).toBe(202);
  });
});
