// POST /api/checkout/consent (the thank-you page's newsletter box) over HTTP against the built
// server and its worker, with session tokens signed exactly as Shopify signs them and the sandbox's
// simulated Shopify: CORS, token, size and body checks store nothing; a good request is accepted at
// once and becomes a ledger event for the order's buyer; a repeat is a duplicate; an old order is
// refused; an untick withdraws.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { DEMO_RECENT_ORDER } from "~/sandbox/simulators/shopify-demo-seed";
import { createEmptyDatabase, testDialects } from "../support/databases";
import { eventually, type RunningServer, startServer } from "../support/server";
import { checkoutClaims, signToken } from "../support/session-token";

const SHOP = "imera-paris.myshopify.com";
const WORDING = "I'd like to receive news from iméra by e-mail";
/** Camille's order of five days ago (the seed's second order). */
const OLD_ORDER = 5002;

describe.each(testDialects())("thank-you page consent over HTTP on %s", (dialect) => {
  let server: RunningServer;
  let db: Db;
  let drop: () => Promise<void>;
  let url: string;
  let sandbox: { apiKey: string; apiSecret: string };

  beforeAll(async () => {
    const empty = await createEmptyDatabase(dialect);
    drop = empty.drop;
    server = await startServer({ DATABASE_URL: empty.url });
    db = (await createDatabase(empty.url)).db;
    sandbox = server.sandbox();
    url = `${server.baseUrl}/api/checkout/consent`;
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
    await db.$disconnect();
    await drop();
  });

  const token = (overrides: Record<string, unknown> = {}, secret = sandbox.apiSecret) =>
    signToken(checkoutClaims(SHOP, sandbox.apiKey, overrides), secret);
  const payload = (overrides: Record<string, unknown> = {}) => ({
    consent: "granted",
    orderId: `gid://shopify/Order/${DEMO_RECENT_ORDER.id}`,
    checkoutToken: DEMO_RECENT_ORDER.checkoutToken,
    noticeVersion: "2022-10-31",
    wordingKey: "newsletter_checkbox.default",
    wordingLocale: "en",
    wording: WORDING,
    ...overrides,
  });
  const post = (body: string | object, bearer: string | null, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "https://extensions.shopifycdn.com",
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  /** The thank-you page's GET for the buyer's state; `order` overrides (null: header left out). */
  const state = (
    bearer: string | null,
    order: { orderId?: string | null; checkoutToken?: string | null } = {},
  ) => {
    const orderId =
      order.orderId === undefined ? `gid://shopify/Order/${DEMO_RECENT_ORDER.id}` : order.orderId;
    const checkout =
      order.checkoutToken === undefined ? DEMO_RECENT_ORDER.checkoutToken : order.checkoutToken;
    return fetch(url, {
      headers: {
        origin: "https://extensions.shopifycdn.com",
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(orderId ? { "vigie-order-id": orderId } : {}),
        ...(checkout ? { "vigie-checkout-token": checkout } : {}),
      },
    });
  };
  const receipts = () => db.webhookReceipt.count({ where: { source: "checkout" } });
  const lucas = () => db.subject.findFirstOrThrow({ where: { shopifyCustomerId: "7002" } });
  const orderEvents = async (orderId: number) =>
    db.consentEvent.findMany({ where: { orderId: String(orderId) }, orderBy: { seq: "asc" } });

  it("answers the CORS preflight of the extension's worker", async () => {
    const response = await fetch(url, {
      method: "OPTIONS",
      headers: {
        origin: "https://extensions.shopifycdn.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "Authorization, Content-Type, Vigie-Order-Id, Vigie-Checkout-Token",
      "access-control-allow-methods": "GET, POST, OPTIONS",
      "access-control-max-age": "7200",
    });
    expect(response.headers.get("set-cookie")).toBeNull();
    const put = await fetch(url, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers a GET for the state only with a valid session token and the order named in headers", async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string | null, string][] = [
      [null, "missing"],
      [token({}, "not-the-app-secret"), "signature"],
      [token({ exp: now - 60, nbf: now - 360, iat: now - 360 }), "expired"],
      [token({ aud: "another-app" }), "audience"],
    ];
    for (const [bearer, reason] of cases) {
      const response = await state(bearer);
      expect(response.status).toBe(401);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toEqual({ error: "invalid session token", reason });
    }
    const missing = await state(token(), { orderId: null, checkoutToken: null });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fields.sort()).toEqual(["checkoutToken", "orderId"]);
    expect((await state(token(), { orderId: "5004" })).status).toBe(400);
    const otherShop = signToken(
      checkoutClaims("not-installed.myshopify.com", sandbox.apiKey),
      sandbox.apiSecret,
    );
    expect((await state(otherShop)).status).toBe(404);
  });

  it("answers nothing about an order that is not this checkout's, this buyer's, or recent", async () => {
    const cases: [Parameters<typeof state>[1], Record<string, unknown>, string][] = [
      [{ checkoutToken: "not-this-orders-checkout" }, {}, "checkout_mismatch"],
      [{}, { sub: "gid://shopify/Customer/7001" }, "customer_mismatch"],
      [{ orderId: `gid://shopify/Order/${OLD_ORDER}`, checkoutToken: "whatever" }, {}, "order_too_old"],
      [{ orderId: "gid://shopify/Order/999999" }, {}, "order_not_found"],
    ];
    for (const [order, claims, reason] of cases) {
      const response = await state(token(claims), order);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "order not eligible", reason });
    }
  });

  it("tells the thank-you page that the buyer is not subscribed yet, and nothing else", async () => {
    const response = await state(token());
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toEqual({ newsletter: "not_subscribed" });
  });

  it("answers 401 and stores nothing without a valid session token", async () => {
    const before = await receipts();
    const now = Math.floor(Date.now() / 1000);
    const cases: [string | null, string][] = [
      [null, "missing"],
      ["not.a.token", "malformed"],
      [token({}, "not-the-app-secret"), "signature"],
      [token({ exp: now - 60, nbf: now - 360, iat: now - 360 }), "expired"],
      [token({ aud: "another-app" }), "audience"],
      [
        token({}, sandbox.apiSecret).replace(/^[^.]+/, Buffer.from('{"alg":"none"}').toString("base64url")),
        "algorithm",
      ],
    ];
    for (const [bearer, reason] of cases) {
      const response = await post(payload(), bearer);
      expect(response.status).toBe(401);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toEqual({ error: "invalid session token", reason });
    }
    expect(await receipts()).toBe(before);
  });

  it("answers 413 over 16 KiB, 415 for another media type, 400 naming bad fields, 404 for an unknown shop", async () => {
    const before = await receipts();
    const big = await post(payload({ wording: "x".repeat(17 * 1024) }), token());
    expect(big.status).toBe(413);
    expect(big.headers.get("access-control-allow-origin")).toBe("*");
    expect((await post("consent=granted", token(), { "content-type": "text/plain" })).status).toBe(415);
    const notJson = await post("{not json", token());
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "body is not JSON" });
    const secretValue = "camille.martin@example.fr";
    const bad = await post(
      payload({
        orderId: secretValue,
        consent: "maybe",
        wording: `${secretValue} ${"y".repeat(600)}`,
        wordingLocale: undefined,
      }),
      token(),
    );
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(JSON.parse(text).fields.sort()).toEqual(["consent", "orderId", "wording", "wordingLocale"]);
    expect(text).not.toContain(secretValue);
    const otherShop = signToken(
      checkoutClaims("not-installed.myshopify.com", sandbox.apiKey),
      sandbox.apiSecret,
    );
    expect((await post(payload(), otherShop)).status).toBe(404);
    expect(await receipts()).toBe(before);
  });

  it("accepts a tick at once, then records a grant for the order's buyer with the wording as proof", async () => {
    const bearer = token({ sub: "gid://shopify/Customer/7002" });
    const response = await post(payload(), bearer);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "accepted" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("set-cookie")).toBeNull();
    const receipt = await db.webhookReceipt.findFirstOrThrow({ where: { source: "checkout" } });
    expect(receipt).toMatchObject({ topic: "checkout/consent", shopDomain: SHOP });
    expect(receipt.deliveryId).toMatch(/^[0-9a-f]{32}:1:granted$/);
    expect(await db.job.count({ where: { jobKey: `webhook:checkout:${receipt.deliveryId}` } })).toBe(1);

    const [grant] = await eventually(async () => {
      const events = await orderEvents(DEMO_RECENT_ORDER.id);
      return events.length > 0 && events;
    });
    const subject = await lucas();
    expect(grant).toMatchObject({
      kind: "granted",
      source: "checkout",
      lawfulBasis: "consent",
      subjectId: subject.id,
      email: "lucas.bernard@example.fr",
      shopifyCustomerId: "7002",
      wording: WORDING,
      wordingKey: "newsletter_checkbox.default",
      wordingLocale: "en",
      noticeVersion: "2022-10-31",
      ipPrefix: "127.0.0.0/24",
    });
    expect(await db.job.count({ where: { type: "consent.sync", jobKey: `consent.sync:${grant?.id}` } })).toBe(
      1,
    );
    await eventually(
      async () => (await db.webhookReceipt.findUnique({ where: { id: receipt.id } }))?.processedAt,
    );

    // The same POST again (a retry, or the box ticked again after a reload): a duplicate.
    const again = await post(payload(), bearer);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "duplicate" });
    expect(await post(payload(), token({ sub: "gid://shopify/Customer/7002" }))).toHaveProperty(
      "status",
      200,
    );
    expect(await receipts()).toBe(1);
    expect(await orderEvents(DEMO_RECENT_ORDER.id)).toHaveLength(1);

    // Reloaded, the thank-you page asks again: the buyer (from Shopify's order) is subscribed.
    const reloaded = await state(bearer);
    expect(reloaded.status).toBe(200);
    expect(await reloaded.json()).toEqual({ newsletter: "subscribed" });
  });

  it("refuses an order older than 24 hours or from another checkout: audited, no event", async () => {
    const old = await post(
      payload({ orderId: `gid://shopify/Order/${OLD_ORDER}`, checkoutToken: "whatever-was-seen" }),
      token({ sub: "gid://shopify/Customer/7001" }),
    );
    expect(old.status).toBe(202);
    const forged = await post(payload({ checkoutToken: "not-this-orders-checkout" }), token());
    expect(forged.status).toBe(202);
    for (const reason of ["order_too_old", "checkout_mismatch"]) {
      await eventually(() =>
        db.auditEvent.findFirst({ where: { action: `consent.checkout_refused.${reason}` } }),
      );
    }
    expect(await orderEvents(OLD_ORDER)).toHaveLength(0);
    expect(await orderEvents(DEMO_RECENT_ORDER.id)).toHaveLength(1);
    const refused = await db.webhookReceipt.findMany({
      where: { source: "checkout", processedAt: { not: null } },
    });
    expect(refused.every((receipt) => receipt.body === null)).toBe(true);
  });

  it("records a withdrawal when the buyer unticks after the grant", async () => {
    // The grant reached Shopify and Shopify's echo of it was processed (an echo processed after the
    // withdrawal would be a change in Shopify of its own: not what this test is about).
    await eventually(() =>
      db.webhookReceipt.findFirst({
        where: { topic: "customers/email_marketing_consent_update", processedAt: { not: null } },
      }),
    );
    const response = await post(payload({ consent: "withdrawn" }), token());
    expect(response.status).toBe(202);
    const events = await eventually(async () => {
      const rows = await orderEvents(DEMO_RECENT_ORDER.id);
      return rows.length === 2 && rows;
    });
    expect(events.map((event) => [event.kind, event.source])).toEqual([
      ["granted", "checkout"],
      ["withdrawn", "checkout"],
    ]);
    const subject = await lucas();
    expect(await db.consentState.findFirst({ where: { subjectId: subject.id } })).toMatchObject({
      status: "unsubscribed",
    });
    expect(await (await state(token())).json()).toEqual({ newsletter: "not_subscribed" });
  });

  it("serves the sandbox storefront's thank-you page, whose box posts like the extension", async () => {
    const page = await (await fetch(`${server.baseUrl}/sandbox/storefront/thank-you?locale=en`)).text();
    expect(page).toContain(WORDING.replace("'", "&#39;"));
    expect(page).toContain(`gid://shopify/Order/${DEMO_RECENT_ORDER.id}`);
    const { token: sandboxToken } = await (
      await fetch(`${server.baseUrl}/sandbox/storefront/session-token`)
    ).json();
    // Ticked again after the untick: the buyer's latest choice is a new grant.
    expect((await post(payload(), sandboxToken)).status).toBe(202);
    const events = await eventually(async () => {
      const rows = await orderEvents(DEMO_RECENT_ORDER.id);
      return rows.length === 3 && rows;
    });
    expect(events.map((event) => event.kind)).toEqual(["granted", "withdrawn", "granted"]);
  });
});

describe("the thank-you page's state right after a tick, before the worker has run", () => {
  let server: RunningServer;
  let db: Db;
  let sandbox: { apiKey: string; apiSecret: string };

  beforeAll(async () => {
    // No worker: the tick stays a stored receipt, as in the instant after the POST.
    server = await startServer({ WORKER: "off" });
    db = (await createDatabase(`file:${server.dataDir}/vigie.sqlite`)).db;
    sandbox = server.sandbox();
  });
  afterAll(async () => {
    await db.$disconnect();
    expect(await server.stop()).toBe(0);
  });

  it("shows the buyer's latest choice on the page, ticked after a reload, unticked after an untick", async () => {
    const url = `${server.baseUrl}/api/checkout/consent`;
    const bearer = () => signToken(checkoutClaims(SHOP, sandbox.apiKey), sandbox.apiSecret);
    const order = {
      "vigie-order-id": `gid://shopify/Order/${DEMO_RECENT_ORDER.id}`,
      "vigie-checkout-token": DEMO_RECENT_ORDER.checkoutToken,
    };
    const state = async () =>
      (await fetch(url, { headers: { authorization: `Bearer ${bearer()}`, ...order } })).json();
    const post = (consent: string) =>
      fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer()}`, "content-type": "application/json" },
        body: JSON.stringify({
          consent,
          orderId: order["vigie-order-id"],
          checkoutToken: DEMO_RECENT_ORDER.checkoutToken,
          noticeVersion: "2022-10-31",
          wordingKey: "newsletter_checkbox.default",
          wordingLocale: "en",
          wording: WORDING,
        }),
      });
    expect(await state()).toEqual({ newsletter: "not_subscribed" });
    expect((await post("granted")).status).toBe(202);
    expect(await state()).toEqual({ newsletter: "subscribed" });
    expect((await post("withdrawn")).status).toBe(202);
    expect(await state()).toEqual({ newsletter: "not_subscribed" });
    expect(await db.consentEvent.count({ where: { orderId: String(DEMO_RECENT_ORDER.id) } })).toBe(0);
  });
});
