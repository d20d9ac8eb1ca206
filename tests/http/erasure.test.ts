// Erasure end to end through the built server and the sandbox's Shopify, Stripe and Mailchimp
// simulators, each reached by its own client: a shopper files an erasure in the privacy centre and
// confirms it; staff read the dry run, execute it; every system is erased, the invoices are held,
// and the shopper receives the receipts.
import { createHash } from "node:crypto";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import {
  sandboxMailchimpCredentials,
  sandboxShopifyToken,
  sandboxStripeCredentials,
} from "~/sandbox/sandbox-systems.server";
import { postForm, signedProxyUrl } from "../support/app-proxy";
import { eventually, type RunningServer, startServer } from "../support/server";

const EMAIL = "camille.martin@example.fr";

describe("erasure through the sandbox", () => {
  let server: RunningServer;
  let db: Db;
  let systems: { shopify: string; mailchimp: string; stripe: { host: string; port: number } };

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    const line =
      server
        .output()
        .split("\n")
        .find((l) => l.includes('"sandbox systems"')) ?? "{}";
    systems = JSON.parse(line);
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  const signedProxy = (pathname: string) => signedProxyUrl(server, pathname);

  /** The three vendors, asked directly with their own clients: what do they still hold? */
  async function vendors() {
    const stripeKeys = sandboxStripeCredentials(server.sandbox());
    const stripe = new Stripe(stripeKeys.secretKey, { ...systems.stripe, protocol: "http" });
    const customers = (await stripe.customers.list({ email: EMAIL })).data;
    const mailchimp = sandboxMailchimpCredentials(server.sandbox());
    const hash = createHash("md5").update(EMAIL).digest("hex");
    const member = await fetch(`${systems.mailchimp}/lists/${mailchimp.audienceId}/members/${hash}`, {
      headers: { authorization: `Basic ${Buffer.from(`vigie:${mailchimp.apiKey}`).toString("base64")}` },
    });
    return { stripeCustomers: customers.length, mailchimpStatus: member.status };
  }

  it("dry run first, then every system erased on staff's go, with receipts and holds sent to the shopper", async () => {
    const before = await vendors();
    expect(before.stripeCustomers).toBeGreaterThan(0);
    expect(before.mailchimpStatus).toBe(200);

    expect(
      (await postForm(signedProxy("/requests"), { type: "erasure", email: EMAIL, locale: "fr" })).status,
    ).toBe(200);
    const request = await eventually(() =>
      db.rightsRequest.findFirst({ where: { requesterEmail: EMAIL, type: "erasure" } }),
    );
    const mail = await eventually(() =>
      db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.identity_code" } }),
    );
    const link = new URL(mail.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string);
    const confirmed = await postForm(signedProxy("/confirm"), {
      t: link.searchParams.get("t") ?? "",
      c: link.searchParams.get("c") ?? "",
    });
    expect(confirmed.status).toBe(200);
    const run = await eventually(
      () => db.erasureRun.findFirst({ where: { requestId: request.id, status: "planned" } }),
      20_000,
    );

    // Staff read the dry run in French: what each system will do. Nothing has happened yet.
    const page = await (await fetch(`${server.baseUrl}/app/requests/${request.id}?locale=fr`)).text();
    expect(page).toContain("Simulation\u00a0: rien n&#x27;a encore été effacé");
    expect(page).toContain("Exécuter l&#x27;effacement");
    expect(page).toContain("Client Stripe supprimé");
    expect(page).toContain("Contact supprimé définitivement");
    expect(page).toContain("Client effacé par Shopify");
    expect(await vendors()).toEqual(before);

    const approved = await fetch(`${server.baseUrl}/app/requests/${request.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "approve_erasure" }).toString(),
    });
    expect(approved.status).toBe(200);
    const done = await eventually(
      () => db.erasureRun.findFirst({ where: { id: run.id, status: "done" }, include: { receipts: true } }),
      45_000,
    );
    expect(done.receipts.filter((r) => r.outcome === "failed")).toEqual([]);
    expect(await vendors()).toEqual({ stripeCustomers: 0, mailchimpStatus: 404 });
    // Shopify has the erasure request pending: a second one is refused as already requested.
    const shopifyReceipt = done.receipts.find((r) => r.stepId.startsWith("shopify:customer-data-erasure:"));
    expect(shopifyReceipt).toMatchObject({ outcome: "done", vendorRef: "gid://shopify/Customer/7001" });
    const again = await fetch(`${systems.shopify}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-access-token": sandboxShopifyToken(server.sandbox()),
      },
      body: JSON.stringify({
        query:
          "mutation VigieCustomerRequestDataErasure($customerId: ID!) { customerRequestDataErasure(customerId: $customerId) { customerId userErrors { field message code } } }",
        variables: { customerId: "gid://shopify/Customer/7001" },
      }),
    });
    expect(JSON.stringify(await again.json())).toMatch(/already/);

    expect(await db.subject.count({ where: { email: EMAIL } })).toBe(0);
    const answer = await eventually(() =>
      db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.answer" } }),
    );
    expect(answer.to).toBe(EMAIL);
    expect(answer.text).toMatch(/Stripe — .*Client Stripe supprimé \(fait\)/);
    expect(answer.text).toMatch(/Mailchimp — Contact supprimé définitivement \(fait\)/);
    expect(answer.text).toContain("Éléments de facturation de vos commandes");
    expect(await db.legalHold.count({ where: { requestId: request.id, system: "shopify" } })).toBe(1);
    const after = await (await fetch(`${server.baseUrl}/app/requests/${request.id}?locale=en`)).text();
    expect(after).toContain("Erasure complete on");
    expect(after).toContain("Legal holds");
  });
});
