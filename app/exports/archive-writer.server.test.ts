import { createHash } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SystemName } from "~/domain/systems";
import {
  GENERATED_AT,
  RECORDS,
  SCRIPT,
  SUBJECT,
  stream,
  tempDir,
  testZip,
  writeArchiveFile,
  zipEntries,
  zipEntry,
} from "../../tests/fixtures/export-archives";
import { ManifestSchema, PortabilityFileSchema, SystemFileSchema } from "./schema";

const SYSTEMS: SystemName[] = ["shopify", "stripe", "mailchimp", "vigie"];

function options(locale: "fr" | "en" = "fr") {
  return {
    subject: SUBJECT,
    locale,
    generatedAt: GENERATED_AT,
    systems: SYSTEMS.map((system) => ({ system, records: stream(RECORDS[system]) })),
    contactEmail: "contact@imera-paris.com",
  };
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const text = (file: string, name: string) => zipEntry(file, name).toString("utf8");
const json = (file: string, name: string): unknown => JSON.parse(text(file, name));

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeExportArchive", () => {
  it("writes the documented entries, in order, into a zip that unzip reads without error", async () => {
    const { file } = await writeArchiveFile(dir, options());

    expect(zipEntries(file)).toEqual([
      "shopify.json",
      "stripe.json",
      "mailchimp.json",
      "vigie.json",
      "csv/shopify-orders.csv",
      "csv/stripe-charges.csv",
      "csv/stripe-payment_intents.csv",
      "csv/stripe-invoices.csv",
      "csv/vigie-consent_events.csv",
      "csv/vigie-rights_requests.csv",
      "csv/vigie-audit.csv",
      "portability.json",
      "README.html",
      "manifest.json",
    ]);
    expect(testZip(file)).toContain("No errors detected");
  });

  it("writes each system's records in arrival order, with the subject and per-section counts", async () => {
    const { file, result } = await writeArchiveFile(dir, options());

    for (const system of SYSTEMS) {
      const parsed = SystemFileSchema.parse(json(file, `${system}.json`));
      expect(parsed).toMatchObject({ system, generatedAt: GENERATED_AT.toISOString(), subject: SUBJECT });
      expect(parsed.records).toEqual(RECORDS[system]);
    }
    const shopify = SystemFileSchema.parse(json(file, "shopify.json"));
    expect(shopify.counts).toEqual({
      customer: { records: 2, provided: 1 },
      addresses: { records: 1, provided: 1 },
      marketing: { records: 1, provided: 0 },
      orders: { records: 2, provided: 0 },
      order_inputs: { records: 2, provided: 2 },
    });
    // Data is kept verbatim in JSON, markup included: JSON is not HTML.
    expect(text(file, "shopify.json")).toContain(JSON.stringify(SCRIPT));
    expect(result.counts).toEqual({
      shopify: { customer: 2, addresses: 1, marketing: 1, orders: 2, order_inputs: 2 },
      stripe: { customer: 2, charges: 2, payment_intents: 1, invoices: 2, early_fraud_warnings: 1 },
      mailchimp: { member: 2, marketing_permissions: 1, activity: 2 },
      vigie: { consent_events: 1, rights_requests: 1, audit: 1, identity_checks: 1 },
    });
  });

  it("puts only the provided records in portability.json, grouped by system then section", async () => {
    const { file } = await writeArchiveFile(dir, options());

    const portability = PortabilityFileSchema.parse(json(file, "portability.json"));
    const provided = (system: SystemName, section: string) =>
      RECORDS[system].filter((r) => r.provided && r.section === section).map((r) => r.data);
    expect(portability.systems).toEqual({
      shopify: {
        customer: provided("shopify", "customer"),
        addresses: provided("shopify", "addresses"),
        order_inputs: provided("shopify", "order_inputs"),
      },
      stripe: {
        customer: provided("stripe", "customer"),
        charges: provided("stripe", "charges"),
        invoices: provided("stripe", "invoices"),
      },
      mailchimp: {
        member: provided("mailchimp", "member"),
        marketing_permissions: provided("mailchimp", "marketing_permissions"),
      },
      vigie: {
        consent_events: provided("vigie", "consent_events"),
        rights_requests: provided("vigie", "rights_requests"),
      },
    });
    expect(Object.keys(portability.systems.shopify ?? {})).toEqual(["customer", "addresses", "order_inputs"]);
    expect(portability.subject).toEqual(SUBJECT);
  });

  it("writes tabular sections as RFC 4180 CSV with a BOM, on their declared columns, formulas neutralised", async () => {
    const { file } = await writeArchiveFile(dir, options());

    // Declared columns, in their order, whatever each record holds; a key without a column
    // (shippingLine) stays in shopify.json only.
    expect(text(file, "csv/shopify-orders.csv")).toBe(
      "\uFEFFprovided,orderId,name,createdAt,processedAt,cancelledAt,financialStatus,fulfillmentStatus,total,lineItems\r\n" +
        'false,gid://shopify/Order/1,#1001,,,,PAID,,"{""amount"":""59.00"",""currencyCode"":""EUR""}",' +
        '"[{""title"":""Bougie \\""Ambre\\"", 200 g"",""quantity"":2}]"\r\n' +
        "false,gid://shopify/Order/2,'=1+1,,,2026-11-20T10:00:00Z,REFUNDED,," +
        '"{""amount"":""-5.00"",""currencyCode"":""EUR""}",[]\r\n',
    );
    expect(text(file, "shopify.json")).toContain('"shippingLine":"Colissimo"');
    // Text starting with "-" is neutralised, a negative number is not; a line break is quoted.
    expect(text(file, "csv/stripe-invoices.csv")).toBe(
      "\uFEFFprovided,id,customerName,customerEmail,customerPhone,customerAddress,customerShipping,number," +
        "status,created,currency,total,amountDue,amountPaid,description,periodStart,periodEnd,subscription," +
        "lines,hostedInvoiceUrl,invoicePdf\r\n" +
        `true,in_1,'-Camille${",".repeat(18)}\r\n` +
        'false,in_1,,,,,,INV-0001,,,,,-100,,"Commande #1001\nLivraison",,,,,,\r\n',
    );
    const charges = text(file, "csv/stripe-charges.csv").split("\r\n");
    expect(charges[0]).toMatch(/^\uFEFFprovided,id,billingDetails,receiptEmail,shipping,created,amount,/);
    expect(charges[1]).toBe(
      `true,ch_1,"{""name"":""Camille Martin"",""address"":{""city"":""Paris""}}"${",".repeat(18)}`,
    );
    expect(charges[2]).toBe(
      'false,ch_1,,,,,5900,,,,true,,,\'@SUM(1+1)*cmd|\' /C calc\'!A0,,,,"{""riskLevel"":""normal""}",,,',
    );
  });

  it("writes a README in the requested language with each system's purposes, retention, recipients and counts", async () => {
    const fr = text((await writeArchiveFile(dir, options("fr"))).file, "README.html");
    await rm(`${dir}/archive.zip`);
    const en = text((await writeArchiveFile(dir, options("en"))).file, "README.html");

    expect(fr).not.toBe(en);
    expect(fr).toContain('<html lang="fr">');
    expect(en).toContain('<html lang="en">');
    for (const fact of [
      "Vos données personnelles chez",
      "Jusqu&#39;à 10 ans après votre dernière commande",
      "3 ans au plus si vous n&#39;avez jamais commandé",
      "L123-22",
      "Votre consentement (RGPD art. 6(1)(a))",
      "Stripe, prestataire de paiement",
      "Mailchimp, notre outil d&#39;envoi d&#39;e-mails",
      "les transporteurs",
      "Décision automatisée",
      "portability.json",
      "contact@imera-paris.com",
      "CNIL",
    ]) {
      expect(fr).toContain(fact);
    }
    for (const fact of [
      "Your personal data held by",
      "Up to 10 years after your last order",
      "at most 3 years if you never ordered",
      "Your consent (GDPR art. 6(1)(a))",
      "Stripe, the payment provider",
      "Automated decision-making",
    ]) {
      expect(en).toContain(fact);
    }
    // Per section: items, provided by the shopper, and where the rest comes from.
    expect(fr).toMatch(
      /<code>order_inputs<\/code><\/td><td>[^<]+<\/td><td class="n">2<\/td><td class="n">2<\/td><td>Vous : 2<\/td>/,
    );
    expect(fr).toMatch(
      /<code>customer<\/code><\/td><td>Votre fiche client chez Stripe[^<]*<\/td><td class="n">2<\/td><td class="n">1<\/td><td>Vous : 1<br>Stripe, votre banque et iméra &lt;script&gt;/,
    );
    expect(en).toMatch(
      /<code>orders<\/code><\/td><td>[^<]+<\/td><td class="n">2<\/td><td class="n">0<\/td><td>Shopify and iméra/,
    );
    for (const page of [fr, en]) {
      expect(page).not.toContain("<script");
      expect(page).toContain("iméra &lt;script&gt;alert(&#39;shop&#39;)&lt;/script&gt; &amp; co");
      expect(page).toContain("REQ-2026-0042");
      expect(page).toContain("Content-Security-Policy");
    }
  });

  it("lists every other entry in the manifest with the SHA-256 of its bytes, and returns the zip's own", async () => {
    const { file, result } = await writeArchiveFile(dir, options());

    const manifest = ManifestSchema.parse(json(file, "manifest.json"));
    const names = zipEntries(file);
    expect(manifest.entries.map((entry) => entry.path)).toEqual(
      names.filter((name) => name !== "manifest.json"),
    );
    for (const entry of manifest.entries) {
      const bytes = zipEntry(file, entry.path);
      expect({ path: entry.path, sha256: sha256(bytes), bytes: bytes.length }).toEqual(entry);
    }
    expect(manifest.systems.stripe?.sections.invoices).toEqual({ records: 2, provided: 1 });
    expect(manifest.csv).toContainEqual({
      path: "csv/shopify-orders.csv",
      system: "shopify",
      section: "orders",
      rows: 2,
    });
    expect(manifest).toMatchObject({
      locale: "fr",
      subject: SUBJECT,
      generatedAt: GENERATED_AT.toISOString(),
    });

    const zip = await readFile(file);
    expect(result).toMatchObject({ bytes: zip.length, sha256: sha256(zip) });
  });

  it("gives the same bytes for the same inputs", async () => {
    const first = await writeArchiveFile(dir, options());
    await rm(first.file);
    const second = await writeArchiveFile(dir, options());

    expect(second.result.sha256).toBe(first.result.sha256);
  });

  it("writes an empty system file and says so in the README when a system holds nothing", async () => {
    const { file } = await writeArchiveFile(dir, {
      subject: SUBJECT,
      locale: "en",
      generatedAt: GENERATED_AT,
      systems: [
        { system: "mailchimp", records: stream([]) },
        { system: "shopify", records: stream(RECORDS.shopify.slice(0, 1)) },
      ],
    });

    expect(zipEntries(file)).toEqual([
      "mailchimp.json",
      "shopify.json",
      "portability.json",
      "README.html",
      "manifest.json",
    ]);
    const mailchimp = SystemFileSchema.parse(json(file, "mailchimp.json"));
    expect(mailchimp).toMatchObject({ records: [], counts: {} });
    expect(PortabilityFileSchema.parse(json(file, "portability.json")).systems).toEqual({
      mailchimp: {},
      shopify: { customer: [RECORDS.shopify[0]?.data] },
    });
    expect(text(file, "README.html")).toMatch(
      /<h2>Mailchimp[^<]*<\/h2>\n<p>[^\n]*<\/p>\n<p>This system holds no data about you\.<\/p>/,
    );
  });
});
