// Payment checks end to end through the real server (policy §1): Stripe's signed fraud signal
// opens a check and e-mails the buyer; the buyer uploads documents through the storefront; staff
// decide, and the documents are deleted.
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/db/client.server";
import { sandboxStripeCredentials } from "~/sandbox/sandbox-systems.server";
import { signedStripeDelivery, stripeEvent } from "~/sandbox/simulators/stripe-webhooks";
import { eventually, type RunningServer, startServer } from "../support/server";

describe("payment checks through the sandbox", () => {
  let server: RunningServer;
  let db: Db;
  let chargeId: string;
  let webhookSecret: string;

  beforeAll(async () => {
    server = await startServer();
    db = (await createDatabase(`file:${path.join(server.dataDir, "vigie.sqlite")}`)).db;
    const line =
      server
        .output()
        .split("\n")
        .find((l) => l.includes('"sandbox systems"')) ?? "{}";
    const endpoint = JSON.parse(line).stripe as { host: string; port: number };
    const credentials = sandboxStripeCredentials(server.sandbox());
    webhookSecret = credentials.webhookSecret;
    const stripe = new Stripe(credentials.secretKey, {
      host: endpoint.host,
      port: endpoint.port,
      protocol: "http",
    });
    const [customer] = (await stripe.customers.list({ email: "camille.martin@example.fr" })).data;
    const [charge] = (await stripe.charges.list({ customer: customer?.id, limit: 1 })).data;
    chargeId = charge?.id as string;
  });
  afterAll(async () => {
    await db.$disconnect();
    await server.stop();
  });

  const deliver = (event: Record<string, unknown>, secret = webhookSecret) => {
    const { body, headers } = signedStripeDelivery(event, secret);
    return fetch(`${server.baseUrl}/webhooks/stripe`, { method: "POST", headers, body });
  };

  it("answers 400 to a bad signature and stores nothing", async () => {
    const before = await db.webhookReceipt.count();
    const response = await deliver(
      stripeEvent("review.opened", { id: "prv_forged", charge: chargeId }),
      "whsec_not_the_right_one_000000",
    );
    expect(response.status).toBe(400);
    expect(await db.webhookReceipt.count()).toBe(before);
    expect((await fetch(`${server.baseUrl}/webhooks/stripe`, { method: "POST", body: "{}" })).status).toBe(
      400,
    );
  });

  it("opens a check from a review, asks the buyer for documents, and ignores the same event twice", async () => {
    const event = stripeEvent("review.opened", {
      id: "prv_demo_1",
      object: "review",
      charge: chargeId,
      payment_intent: null,
      reason: "rule",
    });
    expect((await deliver(event)).status).toBe(200);
    expect(await (await deliver(event)).text()).toBe("OK (duplicate)");
    expect((await deliver(stripeEvent("charge.succeeded", { id: "ch_x" }))).status).toBe(200);
    const check = await eventually(() =>
      db.paymentCheck.findFirst({ where: { stripeObjectId: "prv_demo_1" } }),
    );
    expect(check).toMatchObject({
      status: "documents_requested",
      email: "camille.martin@example.fr",
      chargeId,
      reason: "review: rule",
    });
    const email = await eventually(() =>
      db.outboxEmail.findFirst({ where: { template: "payment_check.documents" } }),
    );
    expect(email.to).toBe("camille.martin@example.fr");
    expect(email.text).toContain("/sandbox/storefront/apps/privacy/documents?t=");
  });

  it("takes the buyer's documents encrypted, and deletes them when staff decide, keeping their hash", async () => {
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "payment_check.documents" } });
    const found = email.text.match(/https?:\/\/\S+\/documents\?\S+/)?.[0];
    expect(found).toBeDefined();
    const link = String(found).replace(/^https?:\/\/[^/]+/, server.baseUrl);
    const page = await fetch(link);
    expect(await page.text()).toContain('type="file"');
    const form = new FormData();
    form.set("t", new URL(link).searchParams.get("t") as string);
    form.set("locale", "fr");
    form.append(
      "file",
      new Blob([Buffer.from("%PDF-1.4 carte identité")], { type: "application/pdf" }),
      "identite.pdf",
    );
    const upload = await fetch(link.split("?")[0] as string, { method: "POST", body: form });
    expect(await upload.text()).toContain("Documents reçus");
    const check = await db.paymentCheck.findFirstOrThrow({ where: { stripeObjectId: "prv_demo_1" } });
    expect(check.status).toBe("documents_received");
    const stored = await db.document.findFirstOrThrow({ where: { ownerId: check.id } });
    expect(Buffer.from(stored.content).includes(Buffer.from("carte identité"))).toBe(false);
    const viewed = await fetch(`${server.baseUrl}/app/documents/${stored.id}`);
    expect(await viewed.text()).toContain("carte identité");

    const decided = await fetch(`${server.baseUrl}/app/payment-checks`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ checkId: check.id, outcome: "cleared" }),
    });
    expect(decided.status).toBe(200);
    expect(await db.document.count({ where: { ownerId: check.id } })).toBe(0);
    const after = await db.paymentCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(after.status).toBe("cleared");
    expect(JSON.parse(after.documentSha256s)).toEqual([stored.sha256]);
    // The link is dead once the check is over.
    expect((await fetch(link)).status).toBe(404);
    expect(
      await db.auditEvent.count({
        where: {
          action: {
            in: ["payment_check.opened", "documents.received", "document.viewed", "payment_check.cleared"],
          },
        },
      }),
    ).toBe(4);
  });
});
