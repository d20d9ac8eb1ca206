// A consent's life through the real server and worker, with the sandbox's simulated Shopify:
// a ticked checkout box becomes a ledger event and Shopify's state; Shopify's echo of our own
// change adds nothing; a withdrawal by the signed link reaches Shopify too.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { customerConsentQuery, runOperation } from "~/connectors/shopify/operations";
import { createDatabase, type Db } from "~/db/client.server";
import {
  sandboxMailchimpCredentials,
  sandboxMailchimpWebhookSecret,
  sandboxShopifyToken,
} from "~/sandbox/sandbox-systems.server";
import { unsubscribeToken } from "~/services/unsubscribe.server";
import { eventually, type RunningServer, startServer } from "../support/server";
import { samplePayloads, shopifyDelivery } from "../support/shopify-webhook";

const SHOP = "imera-paris.myshopify.com";
const ticked = [
  { name: "_vigie_consent", value: "granted" },
  { name: "_vigie_notice_version", value: "2022-10-31" },
  { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
  { name: "_vigie_wording_locale", value: "fr" },
  { name: "_vigie_wording", value: "Je souhaite recevoir les actualités de iméra par e-mail" },
];

describe("consent sync with the sandbox's Shopify", () => {
  let server: RunningServer;
  let db: Db;
  let shopifyUrl: string;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    shopifyUrl = JSON.parse(
      server
        .output()
        .split("\n")
        .find((l) => l.includes('"sandbox systems"')) ?? "{}",
    ).shopify;
    token = sandboxShopifyToken(server.sandbox());
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  async function shopifyConsent(customerId: number) {
    const client = createShopifyAdminClient({ shop: SHOP, accessToken: token, baseUrl: shopifyUrl });
    const { customer } = await runOperation(client, customerConsentQuery, {
      id: `gid://shopify/Customer/${customerId}`,
    });
    return customer?.emailMarketingConsent?.marketingState;
  }

  it("pushes a checkout consent to Shopify and records Shopify's echo as nothing new", async () => {
    expect(await shopifyConsent(7002)).not.toBe("SUBSCRIBED");
    const order = { ...samplePayloads.order(7002, "lucas.bernard@example.fr"), note_attributes: ticked };
    const delivery = shopifyDelivery(server.baseUrl, "orders/create", order, server.sandbox().apiSecret, {
      shop: SHOP,
    });
    expect((await fetch(delivery.url, delivery.init)).status).toBe(200);

    const subject = await eventually(() => db.subject.findFirst({ where: { shopifyCustomerId: "7002" } }));
    const sync = await eventually(() =>
      db.consentSync.findFirst({ where: { system: "shopify", event: { subjectId: subject.id } } }),
    );
    expect(sync).toMatchObject({ status: "done", outcome: "applied" });
    expect(await shopifyConsent(7002)).toBe("SUBSCRIBED");
    // Shopify tells us back about the change we made: processed, and no second event.
    await eventually(() =>
      db.webhookReceipt.findFirst({
        where: { topic: "customers/email_marketing_consent_update", processedAt: { not: null } },
      }),
    );
    expect(await db.consentEvent.count({ where: { subjectId: subject.id } })).toBe(1);
  });

  it("withdraws through the signed link and carries the withdrawal to Shopify", async () => {
    const subject = await db.subject.findFirstOrThrow({ where: { shopifyCustomerId: "7002" } });
    const key = Buffer.from(
      readFileSync(path.join(server.dataDir, "encryption.key"), "utf8").trim(),
      "base64",
    );
    const link = `${server.baseUrl}/consent/unsubscribe/${unsubscribeToken(key, subject.shopId, subject.id)}`;
    const page = await fetch(`${link}?locale=fr`);
    expect(await page.text()).toContain("Me désinscrire");
    // A GET (mail scanners follow links) withdraws nothing.
    expect(await db.consentEvent.count({ where: { subjectId: subject.id } })).toBe(1);
    const oneClick = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    const withdrawal = await db.consentEvent.findFirstOrThrow({
      where: { subjectId: subject.id, kind: "withdrawn" },
    });
    expect(withdrawal).toMatchObject({ source: "privacy_centre", ipPrefix: "127.0.0.0/24" });
    await eventually(async () => (await shopifyConsent(7002)) === "UNSUBSCRIBED");
    await eventually(
      async () =>
        (await db.webhookReceipt.count({
          where: { topic: "customers/email_marketing_consent_update", processedAt: { not: null } },
        })) === 2,
    );
    expect(await db.consentEvent.count({ where: { subjectId: subject.id } })).toBe(2);
    expect(await db.consentState.findFirst({ where: { subjectId: subject.id } })).toMatchObject({
      status: "unsubscribed",
    });
  });

  it("asks Mailchimp for a double opt-in when a shopper who unsubscribed there consents again", async () => {
    // Emma unsubscribed through Mailchimp's own link: Mailchimp refuses to resubscribe her directly.
    const order = { ...samplePayloads.order(7003, "emma.thomas@example.com"), note_attributes: ticked };
    const delivery = shopifyDelivery(server.baseUrl, "orders/create", order, server.sandbox().apiSecret, {
      shop: SHOP,
    });
    expect((await fetch(delivery.url, delivery.init)).status).toBe(200);
    const emma = await db.subject.findFirstOrThrow({ where: { shopifyCustomerId: "7003" } });
    const grant = await eventually(() =>
      db.consentEvent.findFirst({ where: { subjectId: emma.id, source: "checkout" } }),
    );
    const sync = await eventually(() =>
      db.consentSync.findFirst({ where: { eventId: grant.id, system: "mailchimp" } }),
    );
    expect(sync).toMatchObject({ status: "done", outcome: "pending_confirmation" });
  });

  it("refuses a forged or unknown unsubscribe link without changing anything", async () => {
    const response = await fetch(`${server.baseUrl}/consent/unsubscribe/forged.token`, { method: "POST" });
    expect(response.status).toBe(404);
    const page = await fetch(`${server.baseUrl}/consent/unsubscribe/forged.token?locale=en`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("This link is not valid");
  });
});

describe("Mailchimp webhooks into the sandbox", () => {
  let server: RunningServer;
  let db: Db;
  let hook: string;
  let mailchimpBase: string;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    hook = `${server.baseUrl}/webhooks/mailchimp/${sandboxMailchimpWebhookSecret(server.sandbox())}`;
    const line =
      server
        .output()
        .split("\n")
        .find((l) => l.includes('"sandbox systems"')) ?? "{}";
    mailchimpBase = JSON.parse(line).mailchimp;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  const form = (type: string, email: string, firedAt: string) =>
    new URLSearchParams({
      type,
      fired_at: firedAt,
      "data[email]": email,
      "data[list_id]": "imera2022",
      "data[action]": "unsub",
      "data[reason]": "manual",
    }).toString();
  const post = (url: string, body: string) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });

  it("answers Mailchimp's URL check (GET, HEAD, empty POST) and 404 to a wrong secret, storing nothing", async () => {
    expect((await fetch(hook)).status).toBe(200);
    expect((await fetch(hook, { method: "HEAD" })).status).toBe(200);
    expect((await post(hook, "")).status).toBe(200);
    const before = await db.webhookReceipt.count();
    const wrong = `${server.baseUrl}/webhooks/mailchimp/${"x".repeat(43)}`;
    expect((await fetch(wrong)).status).toBe(404);
    expect(
      (await post(wrong, form("unsubscribe", "camille.martin@example.fr", "2026-11-26 10:00:00"))).status,
    ).toBe(404);
    expect(await db.webhookReceipt.count()).toBe(before);
  });

  it("changes nothing for a forged unsubscribe of a member still subscribed in Mailchimp", async () => {
    const camille = await db.subject.findFirstOrThrow({ where: { email: "camille.martin@example.fr" } });
    const events = await db.consentEvent.count({ where: { subjectId: camille.id } });
    expect(
      (await post(hook, form("unsubscribe", "camille.martin@example.fr", "2026-11-26 10:00:01"))).status,
    ).toBe(200);
    await eventually(() =>
      db.webhookReceipt.findFirst({ where: { source: "mailchimp", processedAt: { not: null } } }),
    );
    expect(await db.consentEvent.count({ where: { subjectId: camille.id } })).toBe(events);
    expect(await db.consentState.findFirst({ where: { subjectId: camille.id } })).toMatchObject({
      status: "subscribed",
    });
  });

  it("records a real Mailchimp unsubscribe once, and carries it to Shopify", async () => {
    const { apiKey, audienceId } = sandboxMailchimpCredentials(server.sandbox());
    const hash = createHash("md5").update("camille.martin@example.fr").digest("hex");
    // The shopper clicks Mailchimp's own unsubscribe link: Mailchimp's state changes first.
    const patched = await fetch(`${mailchimpBase}/lists/${audienceId}/members/${hash}`, {
      method: "PATCH",
      headers: {
        authorization: `Basic ${Buffer.from(`any:${apiKey}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ status: "unsubscribed" }),
    });
    expect(patched.status).toBe(200);
    const body = form("unsubscribe", "camille.martin@example.fr", "2026-11-26 10:05:00");
    expect((await post(hook, body)).status).toBe(200);
    expect(await (await post(hook, body)).text()).toBe("OK (duplicate)");
    const camille = await db.subject.findFirstOrThrow({ where: { email: "camille.martin@example.fr" } });
    const withdrawal = await eventually(() =>
      db.consentEvent.findFirst({ where: { subjectId: camille.id, kind: "withdrawn" } }),
    );
    expect(withdrawal.source).toBe("mailchimp");
    const syncs = await eventually(async () => {
      const rows = await db.consentSync.findMany({ where: { eventId: withdrawal.id } });
      return rows.length === 2 && rows;
    });
    expect(Object.fromEntries(syncs.map((s) => [s.system, s.outcome]))).toEqual({
      shopify: "applied",
      mailchimp: "origin",
    });
  });
});
