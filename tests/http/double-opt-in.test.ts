// Double opt-in and the one-click withdrawal end to end, through the built server, its worker, a
// real SMTP server on loopback and the sandbox's simulated Shopify and Mailchimp: staff switch the
// setting on; a ticked checkout box sends the confirmation e-mail (with List-Unsubscribe headers)
// and nothing else; the click confirms, and only then Shopify and Mailchimp subscribe the shopper;
// the mail client's one-click POST to the List-Unsubscribe URL withdraws, once, everywhere.
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopifyAdminClient } from "~/connectors/shopify/admin-client.server";
import { customerConsentQuery, runOperation } from "~/connectors/shopify/operations";
import { createDatabase, type Db } from "~/db/client.server";
import { sandboxMailchimpCredentials, sandboxShopifyToken } from "~/sandbox/sandbox-systems.server";
import { DEMO_RECENT_ORDER } from "~/sandbox/simulators/shopify-demo-seed";
import { eventually, type RunningServer, startServer } from "../support/server";
import { checkoutClaims, signToken } from "../support/session-token";
import { samplePayloads, shopifyDelivery } from "../support/shopify-webhook";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

const SHOP = "imera-paris.myshopify.com";
const LUCAS = "lucas.bernard@example.fr";
const WORDING = "Je souhaite recevoir les actualités de iméra par e-mail";
const ticked = [
  { name: "_vigie_consent", value: "granted" },
  { name: "_vigie_notice_version", value: "2022-10-31" },
  { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
  { name: "_vigie_wording_locale", value: "fr" },
  { name: "_vigie_wording", value: WORDING },
];

describe("double opt-in and one-click withdrawal through the server, SMTP and the simulators", () => {
  let sink: SmtpSink;
  let server: RunningServer;
  let db: Db;
  let systems: { shopify: string; mailchimp: string };

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startServer({ SMTP_URL: sink.url, MAIL_FROM: "iméra <dpo@imera-paris.example>" });
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    systems = JSON.parse(
      server
        .output()
        .split("\n")
        .find((l) => l.includes('"sandbox systems"')) ?? "{}",
    );
  });
  afterAll(async () => {
    await db.$disconnect();
    expect(await server.stop()).toBe(0);
    await sink.close();
  });

  async function shopifyConsent(customerId: number) {
    const client = createShopifyAdminClient({
      shop: SHOP,
      accessToken: sandboxShopifyToken(server.sandbox()),
      baseUrl: systems.shopify,
    });
    const { customer } = await runOperation(client, customerConsentQuery, {
      id: `gid://shopify/Customer/${customerId}`,
    });
    return customer?.emailMarketingConsent;
  }

  async function mailchimpStatus(email: string) {
    const { apiKey, audienceId } = sandboxMailchimpCredentials(server.sandbox());
    const hash = createHash("md5").update(email).digest("hex");
    const member = await fetch(`${systems.mailchimp}/lists/${audienceId}/members/${hash}`, {
      headers: { authorization: `Basic ${Buffer.from(`vigie:${apiKey}`).toString("base64")}` },
    });
    return member.status === 200 ? ((await member.json()) as { status: string }).status : member.status;
  }

  const lucasEvents = async () => {
    const subject = await db.subject.findFirst({ where: { email: LUCAS } });
    return subject
      ? db.consentEvent.findMany({ where: { subjectId: subject.id }, orderBy: { seq: "asc" } })
      : [];
  };

  it("staff switch double opt-in on in Settings (it is off for the demo shop)", async () => {
    const before = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(JSON.parse(before.settings).doubleOptIn).toBe(false);
    const page = await (await fetch(`${server.baseUrl}/app/settings?locale=fr`)).text();
    expect(page).toContain(
      "Double opt-in\u00a0: faire confirmer l&#x27;inscription à la newsletter par e-mail",
    );
    const saved = await fetch(`${server.baseUrl}/app/settings?index`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        intent: "privacy",
        dpoEmail: "contact@imera-paris.com",
        privacyNoticeUrl: "",
        noticeVersion: "2022-10-31",
        doubleOptIn: "on",
        customerYearsAfterLastOrder: "10",
        prospectYears: "3",
      }),
    });
    expect(saved.status).toBe(200);
    const after = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(JSON.parse(after.settings)).toMatchObject({
      doubleOptIn: true,
      dpoEmail: "contact@imera-paris.com",
    });
  });

  it("a ticked box sends the confirmation e-mail with List-Unsubscribe headers, and subscribes no one yet", async () => {
    expect((await shopifyConsent(7002))?.marketingState).not.toBe("SUBSCRIBED");
    const order = { ...samplePayloads.order(7002, LUCAS), note_attributes: ticked };
    const delivery = shopifyDelivery(server.baseUrl, "orders/create", order, server.sandbox().apiSecret, {
      shop: SHOP,
    });
    expect((await fetch(delivery.url, delivery.init)).status).toBe(200);

    const mail = await eventually(async () => sink.received.find((m) => m.envelope.to.includes(LUCAS)));
    expect(mail.subject).toBe("iméra — Confirmez votre inscription à notre newsletter");
    const unsubscribe = /^<(http:\/\/localhost:\d+\/consent\/unsubscribe\/[\w-]+\.[\w-]+)>$/.exec(
      mail.headers["list-unsubscribe"] ?? "",
    )?.[1];
    expect(unsubscribe).toBeDefined();
    expect(new URL(unsubscribe ?? "").port).toBe(String(server.port));
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    // The link is in the body too, and no personal data is in either link.
    expect(mail.text).toContain(`Me désinscrire\u00a0: ${unsubscribe}`);
    const confirm = /Confirmer mon inscription\u00a0: (\S+)/.exec(mail.text)?.[1] ?? "";
    expect(confirm).toMatch(
      new RegExp(`^http://localhost:${server.port}/consent/confirm/[\\w-]+\\.[\\w-]+$`),
    );
    for (const link of [confirm, unsubscribe ?? ""]) expect(link).not.toMatch(/lucas|bernard|%40|@/i);
    // The outbox row keeps what was sent, headers included.
    // Marked sent once the SMTP server has answered (just after it received the message).
    const row = await eventually(() =>
      db.outboxEmail.findFirst({ where: { to: LUCAS, template: "consent.confirm", status: "sent" } }),
    );
    expect(row.unsubUrl).toBe(unsubscribe);
    const outbox = await (await fetch(`${server.baseUrl}/app/outbox?locale=en`)).text();
    expect(outbox).toContain(`List-Unsubscribe: &lt;${unsubscribe}&gt;`);
    expect(outbox).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    const [request] = await lucasEvents();
    expect(request).toMatchObject({ kind: "confirmation_requested", source: "checkout", wording: WORDING });
    expect(await db.job.count({ where: { type: "consent.sync" } })).toBe(0);
    expect((await shopifyConsent(7002))?.marketingState).not.toBe("SUBSCRIBED");
    expect(await mailchimpStatus(LUCAS)).not.toBe("subscribed");
  });

  it("the click confirms (a GET does not): the ledger records it, then Shopify and Mailchimp subscribe", async () => {
    const row = await db.outboxEmail.findFirstOrThrow({ where: { to: LUCAS, template: "consent.confirm" } });
    const confirm = /Confirmer mon inscription\u00a0: (\S+)/.exec(row.text)?.[1] ?? "";
    const page = await fetch(confirm);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Confirmer mon inscription");
    expect(html).toContain(WORDING);
    expect(await lucasEvents()).toHaveLength(1);

    // The button posts the form back: no cookie, no CSRF token, only the signed link.
    const clicked = await fetch(confirm, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Mozilla/5.0 (webmail)" },
      body: "",
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain("Votre inscription est confirmée");
    const [request, grant] = await lucasEvents();
    expect(grant).toMatchObject({
      kind: "granted",
      source: "checkout",
      confirmsEventId: request?.id,
      wording: WORDING,
      orderId: request?.orderId,
      ipPrefix: "127.0.0.0/24",
      userAgent: "Mozilla/5.0 (webmail)",
    });
    await eventually(async () => (await shopifyConsent(7002))?.marketingState === "SUBSCRIBED");
    expect((await shopifyConsent(7002))?.marketingOptInLevel).toBe("CONFIRMED_OPT_IN");
    await eventually(async () => (await mailchimpStatus(LUCAS)) === "subscribed");
    // Shopify's echo of our own change adds nothing.
    await eventually(() =>
      db.webhookReceipt.findFirst({
        where: { topic: "customers/email_marketing_consent_update", processedAt: { not: null } },
      }),
    );
    expect(await lucasEvents()).toHaveLength(2);
    // A second click changes nothing.
    expect((await fetch(confirm, { method: "POST", body: "" })).status).toBe(200);
    expect(await lucasEvents()).toHaveLength(2);
  });

  it("the mail client's one-click POST to the List-Unsubscribe URL withdraws, once, and reaches Shopify and Mailchimp", async () => {
    const row = await db.outboxEmail.findFirstOrThrow({ where: { to: LUCAS, template: "consent.confirm" } });
    const url = row.unsubUrl ?? "";
    // A GET (a scanner following the link) withdraws nothing.
    expect((await fetch(url)).status).toBe(200);
    expect(await lucasEvents()).toHaveLength(2);
    const oneClick = () =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    expect((await oneClick()).status).toBe(200);
    const events = await lucasEvents();
    expect(events.map((e) => e.kind)).toEqual(["confirmation_requested", "granted", "withdrawn"]);
    await eventually(async () => (await shopifyConsent(7002))?.marketingState === "UNSUBSCRIBED");
    await eventually(async () => (await mailchimpStatus(LUCAS)) === "unsubscribed");
    // Idempotent: the provider may post again.
    expect((await oneClick()).status).toBe(200);
    expect(await lucasEvents()).toHaveLength(3);
  });

  it("on the thank-you page, a tick asks the buyer to confirm by e-mail, and a reload shows it pending", async () => {
    const url = `${server.baseUrl}/api/checkout/consent`;
    const { apiKey, apiSecret } = server.sandbox();
    const bearer = () => signToken(checkoutClaims(SHOP, apiKey), apiSecret);
    const orderId = `gid://shopify/Order/${DEMO_RECENT_ORDER.id}`;
    const ticked = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer()}`, "content-type": "application/json" },
      body: JSON.stringify({
        consent: "granted",
        orderId,
        checkoutToken: DEMO_RECENT_ORDER.checkoutToken,
        noticeVersion: "2022-10-31",
        wordingKey: "newsletter_checkbox.default",
        wordingLocale: "en",
        wording: "I'd like to receive news from iméra by e-mail",
      }),
    });
    expect(ticked.status).toBe(202);
    expect(await ticked.json()).toEqual({ status: "accepted", confirmation: "email" });
    const state = await fetch(url, {
      headers: {
        authorization: `Bearer ${bearer()}`,
        "vigie-order-id": orderId,
        "vigie-checkout-token": DEMO_RECENT_ORDER.checkoutToken,
      },
    });
    expect(await state.json()).toEqual({ newsletter: "pending" });
    // This time in English, the language of the box the buyer ticked.
    const mail = await eventually(async () =>
      sink.received.find((m) => m.subject === "iméra — Please confirm your newsletter subscription"),
    );
    expect(mail.envelope.to).toEqual([LUCAS]);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect((await lucasEvents()).at(-1)).toMatchObject({
      kind: "confirmation_requested",
      orderId: String(DEMO_RECENT_ORDER.id),
    });
    expect((await shopifyConsent(7002))?.marketingState).toBe("UNSUBSCRIBED");
  });
});
