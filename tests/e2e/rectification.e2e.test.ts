// A rectification (GDPR art. 16, docs/decisions/068) in Chromium from end to end: the shopper types
// the corrected values in the sandbox storefront's privacy centre in French (a malformed one shown
// next to its field, nothing typed lost), confirms their address, staff read the diff per system
// and approve, and the values are read back from the Shopify, Stripe and Mailchimp simulators, each
// with its own client; the answer lists what changed.
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerProfileQuery } from "~/connectors/shopify/rectification";
import {
  sandboxMailchimpCredentials,
  sandboxShopifyToken,
  sandboxStripeCredentials,
} from "~/sandbox/sandbox-systems.server";
import { hasBrowser } from "../support/browser";
import { SANDBOX_START_MS, type SandboxBrowser, startSandboxBrowser } from "../support/sandbox-browser";
import { eventually } from "../support/server";

/** Camille, in the demo shop's Shopify (customer 7001), Stripe and Mailchimp. */
const EMAIL = "camille.martin@example.fr";
const NEW_EMAIL = "camille.durand@example.fr";

describe.runIf(hasBrowser)("a rectification with its corrected values in Chromium", () => {
  let sandbox: SandboxBrowser;
  let systems: { shopify: string; mailchimp: string; stripe: { host: string; port: number } };

  beforeAll(async () => {
    sandbox = await startSandboxBrowser({ trackersChosen: true });
    const line = sandbox.server
      .output()
      .split("\n")
      .find((l) => l.includes('"sandbox systems"'));
    systems = JSON.parse(line ?? "{}");
  }, SANDBOX_START_MS);
  afterAll(async () => {
    await sandbox?.close();
  });

  /** What each simulator holds now, asked with the vendor's own client or API. */
  async function vendors(email: string) {
    const settings = sandbox.server.sandbox();
    const shopify = await fetch(`${systems.shopify}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-access-token": sandboxShopifyToken(settings),
      },
      body: JSON.stringify({
        query: customerProfileQuery.document,
        variables: { id: "gid://shopify/Customer/7001" },
      }),
    });
    const stripeKeys = sandboxStripeCredentials(settings);
    const stripe = new Stripe(stripeKeys.secretKey, { ...systems.stripe, protocol: "http" });
    const mailchimp = sandboxMailchimpCredentials(settings);
    const hash = createHash("md5").update(email).digest("hex");
    const member = await fetch(`${systems.mailchimp}/lists/${mailchimp.audienceId}/members/${hash}`, {
      headers: { authorization: `Basic ${Buffer.from(`vigie:${mailchimp.apiKey}`).toString("base64")}` },
    });
    return {
      shopify: ((await shopify.json()) as { data: { customer: unknown } }).data.customer,
      stripe: (await stripe.customers.list({ email })).data,
      mailchimp: member.status === 200 ? ((await member.json()) as { merge_fields: unknown }) : null,
    };
  }

  async function fill(page: Page, values: Record<string, string>) {
    for (const [label, value] of Object.entries(values))
      await page.getByLabel(label, { exact: true }).fill(value);
  }

  it("the shopper types the corrected values in French, staff approve the diff, every system holds them and the answer lists them", async () => {
    const { page: shopper } = await sandbox.openPage("/sandbox/storefront", { locale: "fr" });
    await shopper.getByLabel(/Type de demande/).selectOption("rectification");
    // Only the rectification's own fields (and the recipients' box) are shown.
    expect(await shopper.getByLabel("Prénom", { exact: true }).isVisible()).toBe(true);
    expect(await shopper.getByLabel(/^E-mail de la personne décédée/).isVisible()).toBe(false);
    expect(await shopper.getByLabel("Code postal", { exact: true }).getAttribute("autocomplete")).toBe(
      "section-vigie-rectification postal-code",
    );
    await fill(shopper, {
      Prénom: "Camille",
      "Nom de famille": "Durand",
      "Numéro de téléphone (format international, par exemple +33 6 12 34 56 78)": "06 12 34 56 78",
      Adresse: "8 quai de la Charente",
      "Code postal": "75019",
      Ville: "Paris",
      "Pays (code à 2 lettres, par exemple FR)": "FR",
    });
    await shopper.locator("form [name=rect_email]").fill(NEW_EMAIL);
    await shopper.locator("form [name=email]").fill(EMAIL);
    await shopper.getByRole("button", { name: /Envoyer/ }).click();

    // A phone number without its country code is refused next to its field; nothing typed is lost.
    await expect.poll(() => shopper.getByTestId("error-rect_phone").count()).toBe(1);
    expect(await shopper.getByTestId("error-rect_phone").textContent()).toContain("format international");
    expect(await shopper.getByTestId("error-rect_first_name").count()).toBe(0);
    expect(await shopper.locator("[name=rect_phone]").getAttribute("aria-invalid")).toBe("true");
    expect(await shopper.locator("[name=rect_address1]").inputValue()).toBe("8 quai de la Charente");
    expect(await shopper.locator("[name=rect_email]").inputValue()).toBe(NEW_EMAIL);
    expect(await sandbox.db.rightsRequest.count({ where: { type: "rectification" } })).toBe(0);
    await shopper.locator("[name=rect_phone]").fill("+33 6 12 34 56 78");
    await shopper.getByRole("button", { name: /Envoyer/ }).click();
    await expect
      .poll(() => shopper.getByTestId("received").textContent())
      .toContain("Droit de rectification");

    const request = await sandbox.db.rightsRequest.findFirstOrThrow({
      where: { type: "rectification", requesterEmail: EMAIL },
    });
    expect(JSON.parse(request.details)).toEqual({
      type: "rectification",
      changes: {
        name: { first: "Camille", last: "Durand" },
        email: NEW_EMAIL,
        phone: "+33612345678",
        address: { line1: "8 quai de la Charente", line2: "", city: "Paris", zip: "75019", country: "FR" },
      },
    });
    // The shopper confirms their address when asked, with the e-mailed link (the sandbox's outbox).
    if (request.state === "identity_check") {
      const mail = await eventually(() =>
        sandbox.db.outboxEmail.findFirst({
          where: { requestId: request.id, template: "request.identity_code" },
        }),
      );
      const link = mail.text.match(/https?:\/\/\S+\/confirm\?\S+/)?.[0] as string;
      await shopper.goto(link.replace(/^https?:\/\/[^/]+/, sandbox.baseUrl));
      await shopper.getByRole("button", { name: "Confirmer" }).click();
      await expect.poll(() => shopper.getByTestId("message").textContent()).toContain(request.reference);
    }
    await shopper.close();

    // Staff open the request once every system was read: the diff, per system.
    const { page: staff } = await sandbox.openPage(`/app/requests/${request.id}`, {
      locale: "fr",
      hydrated: true,
    });
    await expect
      .poll(
        async () => {
          await staff.reload();
          return staff.getByTestId("approve-rectification").count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    const shopifyDiff = (await staff.getByTestId("rectification-shopify").textContent()) ?? "";
    expect(shopifyDiff).toContain("Nom — Camille Martin → Camille Durand");
    expect(shopifyDiff).toContain(`Adresse e-mail — ${EMAIL} → ${NEW_EMAIL}`);
    expect(shopifyDiff).toContain("Numéro de téléphone — +33600000001 → +33612345678");
    expect(shopifyDiff).toContain("→ 8 quai de la Charente, 75019 Paris, FR");
    for (const system of ["stripe", "mailchimp"])
      expect(await staff.getByTestId(`rectification-${system}`).textContent()).toContain(
        `${EMAIL} → ${NEW_EMAIL}`,
      );
    // Nothing was written by reading.
    expect((await vendors(EMAIL)).stripe).toHaveLength(1);

    await staff
      .getByTestId("approve-rectification")
      .getByRole("button", { name: "Appliquer les corrections" })
      .click();
    const dialog = staff.getByRole("dialog");
    await expect.poll(() => dialog.getByTestId("confirm-body").textContent()).toContain("Shopify");
    await dialog.getByRole("button", { name: "Appliquer les corrections" }).click();
    const run = await eventually(
      () => sandbox.db.rectificationRun.findFirst({ where: { requestId: request.id, status: "done" } }),
      60_000,
    );
    expect(run.status).toBe("done");

    // Read back from each simulator.
    const after = await vendors(NEW_EMAIL);
    expect(after.shopify).toMatchObject({
      firstName: "Camille",
      lastName: "Durand",
      defaultEmailAddress: { emailAddress: NEW_EMAIL },
      defaultPhoneNumber: { phoneNumber: "+33612345678" },
      defaultAddress: { address1: "8 quai de la Charente", zip: "75019", city: "Paris", countryCodeV2: "FR" },
    });
    expect(after.stripe).toHaveLength(1);
    expect(after.stripe[0]).toMatchObject({
      name: "Camille Durand",
      phone: "+33612345678",
      address: { line1: "8 quai de la Charente", postal_code: "75019", city: "Paris", country: "FR" },
    });
    expect(after.mailchimp?.merge_fields).toMatchObject({
      LNAME: "Durand",
      PHONE: "+33612345678",
      ADDRESS: { addr1: "8 quai de la Charente", zip: "75019", city: "Paris", country: "FR" },
    });
    expect((await vendors(EMAIL)).stripe).toHaveLength(0);

    // The answer, in French, lists what changed where; it goes to the address that was confirmed.
    const answer = await eventually(() =>
      sandbox.db.outboxEmail.findFirst({ where: { requestId: request.id, template: "request.answer" } }),
    );
    expect(answer.to).toBe(EMAIL);
    expect(answer.text).toContain("Nous avons corrigé vos données comme vous l'avez demandé.");
    expect(answer.text).toContain("Numéro de téléphone\u00a0: désormais +33612345678");
    expect(answer.text).toContain(`Adresse e-mail\u00a0: désormais ${NEW_EMAIL}`);
    expect(answer.text).toContain("Adresse postale\u00a0: désormais 8 quai de la Charente, 75019 Paris, FR");
    await staff.reload();
    await expect.poll(() => staff.getByText("Toutes les corrections ont été appliquées").count()).toBe(1);
    await staff.close();
  }, 240_000);
});
