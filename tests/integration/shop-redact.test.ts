// shop/redact on real databases (Shopify's mandatory compliance webhooks; GDPR art. 17): every row
// of the shop goes, in every table, whatever table is added later; another shop's rows and the
// shop's legal holds (Code de commerce L123-22) stay; a reinstalled shop is not purged.

import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { finished } from "node:stream/promises";
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordErasedContacts } from "~/connectors/vigie/erased-contacts.server";
import type { Db } from "~/db/client.server";
import { flattenForForm } from "~/domain/processing/record";
import { sendBreachNoticeBatch, startNotice } from "~/services/breaches/breach-notice.server";
import { decideInformation, recordBreach } from "~/services/breaches/breach-register.server";
import { requestLedgerVerification } from "~/services/consent-admin.server";
import { storeDocument } from "~/services/documents.server";
import { sendShopDigest } from "~/services/dpo-digest.server";
import { chunkSink } from "~/services/exports/chunks.server";
import { openPaymentCheck } from "~/services/payment-checks.server";
import { fileFromPrivacyCentre } from "~/services/privacy-centre/storefront-requests.server";
import { publishNotice } from "~/services/privacy-notice.server";
import { activityForEdit, saveActivity } from "~/services/processing-register.server";
import { fileRequest } from "~/services/requests/create-request.server";
import { answerRequest } from "~/services/requests/request-actions.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { isShopPurged, markShopInstalled } from "~/services/shops.server";
import { sealSecret } from "~/utils/secret-box.server";
import { processDelivery } from "~/webhooks/process-delivery.server";
import { createReceiptStore, type ReceiptStore } from "~/webhooks/receipts.server";
import { createTestDatabase, type TestDatabase, testDialects } from "../support/databases";
import { samplePayloads } from "../support/shopify-webhook";
import { TEST_SECRET_KEY, testJobContext } from "../support/test-logger";

const SECRET = randomBytes(32);

/** Models that hold nothing of any shop, with why; every other model must be seeded below. */
const SHOPLESS_MODELS: Record<string, string> = {
  ProxyReplay: "a SHA-256 of an app-proxy signature, path and body, kept minutes against replays",
  PurgedShop: "a keyed digest of a purged shop's domain, written by the purge itself",
};

type Row = Record<string, unknown>;
type Snapshot = Map<string, Row[]>;
type Model = (typeof Prisma.dmmf.datamodel.models)[number];
/** Every model of the client (a model added later is scanned without touching this file). */
const MODELS = Prisma.dmmf.datamodel.models;

/**
 * Primary keys and foreign keys per model. The client's runtime model list leaves them out, so
 * they are read from the schema itself: `@id`, `@@id([…])`, `@relation(fields: […], references: […])`.
 */
function schemaKeys() {
  const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  const list = (text: string) => text.split(",").map((s) => s.trim());
  const keys = new Map<
    string,
    { id: string[]; relations: { to: string; from: string[]; refs: string[] }[] }
  >();
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const id: string[] = [];
    const relations: { to: string; from: string[]; refs: string[] }[] = [];
    for (const line of (body as string).split("\n").map((l) => l.trim())) {
      const compound = line.match(/^@@id\(\[([^\]]+)\]/);
      if (compound) id.push(...list(compound[1] as string));
      const field = line.match(/^(\w+)\s+(\w+)/);
      if (!field) continue;
      if (/\s@id\b/.test(line)) id.push(field[1] as string);
      const relation = line.match(/@relation\([^)]*fields:\s*\[([^\]]+)\][^)]*references:\s*\[([^\]]+)\]/);
      if (relation) {
        relations.push({
          to: field[2] as string,
          from: list(relation[1] as string),
          refs: list(relation[2] as string),
        });
      }
    }
    keys.set(name as string, { id, relations });
  }
  for (const model of MODELS) {
    if (!keys.get(model.name)?.id.length) throw new Error(`no primary key read for model ${model.name}`);
  }
  return keys;
}
const KEYS = schemaKeys();

/** Every row of every model, read through Prisma's own model list. */
async function snapshot(db: Db): Promise<Snapshot> {
  const rows: Snapshot = new Map();
  for (const model of MODELS) {
    const name = model.name.charAt(0).toLowerCase() + model.name.slice(1);
    const delegate = (db as unknown as Record<string, { findMany(): Promise<Row[]> }>)[name];
    if (!delegate) throw new Error(`no Prisma delegate for model ${model.name}`);
    rows.set(model.name, await delegate.findMany());
  }
  return rows;
}

const keyOf = (row: Row, fields: readonly string[]) => JSON.stringify(fields.map((f) => String(row[f])));
const idOf = (model: string, row: Row) => keyOf(row, KEYS.get(model)?.id ?? []);

/** The text (and byte) columns of a row that contain one of `markers`. */
function mentions(model: Model, row: Row, markers: string[]): string[] {
  return model.fields.flatMap((field) => {
    const value = row[field.name];
    if (value === null || value === undefined) return [];
    const text =
      field.type === "String"
        ? String(value)
        : field.type === "Bytes"
          ? Buffer.from(value as Uint8Array).toString("utf8")
          : null;
    return text !== null && markers.some((m) => text.includes(m)) ? [`${model.name}.${field.name}`] : [];
  });
}

/**
 * The rows of one shop, by primary key per model: those naming the shop (id, domain) or its
 * shopper (e-mail), then, until nothing changes, those whose foreign key points at such a row
 * (export chunks, consent syncs, request tasks… name neither).
 */
function rowsOf(snap: Snapshot, markers: string[]): Map<string, Set<string>> {
  const owned = new Map<string, Set<Row>>(
    MODELS.map((m) => [
      m.name,
      new Set((snap.get(m.name) ?? []).filter((r) => mentions(m, r, markers).length)),
    ]),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const model of MODELS) {
      const mine = owned.get(model.name) as Set<Row>;
      for (const { to, from, refs } of KEYS.get(model.name)?.relations ?? []) {
        const parents = new Set([...(owned.get(to) ?? [])].map((r) => keyOf(r, refs)));
        for (const row of snap.get(model.name) ?? []) {
          if (mine.has(row) || from.some((f) => row[f] === null) || !parents.has(keyOf(row, from))) continue;
          mine.add(row);
          changed = true;
        }
      }
    }
  }
  return new Map([...owned].map(([model, rows]) => [model, new Set([...rows].map((r) => idOf(model, r)))]));
}

describe.each(testDialects())("shop/redact on %s", (dialect) => {
  let t: TestDatabase;
  let receipts: ReceiptStore;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    receipts = createReceiptStore(t.url);
  });
  afterAll(async () => {
    await receipts.close();
    await t.drop();
  });

  /** Stores a delivery like the intake does, then runs its job like the worker does. */
  async function deliver(shop: string, topic: string, payload: unknown) {
    const deliveryId = `d-${randomBytes(8).toString("hex")}`;
    const stored = await receipts.store(
      { source: "shopify", deliveryId, shopDomain: shop, topic, body: JSON.stringify(payload) },
      { priority: 10 },
    );
    expect(stored).toBe(true);
    const receipt = await t.db.webhookReceipt.findFirstOrThrow({ where: { deliveryId } });
    const job = await t.db.job.findFirstOrThrow({ where: { jobKey: `webhook:shopify:${deliveryId}` } });
    const context = testJobContext({ db: t.db, dialect, jobId: job.id, shopDomain: shop });
    await processDelivery(context, receipt.id);
    return { receipt, job };
  }

  /** An order with a ticked newsletter box, as the checkout extension leaves it. */
  const orderWithConsent = (customerId: number, email: string) => ({
    ...samplePayloads.order(customerId, email),
    client_details: { browser_ip: "203.0.113.42", user_agent: "Mozilla/5.0" },
    note_attributes: [
      { name: "_vigie_consent", value: "granted" },
      { name: "_vigie_notice_version", value: "2026-11-01" },
      { name: "_vigie_wording_key", value: "newsletter_checkbox.default" },
      { name: "_vigie_wording_locale", value: "fr" },
      { name: "_vigie_wording", value: "Je souhaite recevoir les actualités par e-mail" },
    ],
  });

  /** A shop with rows in every shop-related model, through the real services where they exist. */
  async function seedShop(label: string, customerId: number, email: string) {
    const domain = `${label}-${dialect}-${++n}.myshopify.com`;
    const shop = await t.db.shop.create({
      data: { domain, name: `Boutique ${label}`, settings: JSON.stringify({ dpoEmail: `dpo@${domain}` }) },
    });
    const ref = { id: shop.id, domain, name: shop.name, locale: "fr" };
    const links: LinkContext = {
      shopDomain: domain,
      proxyPrefix: "/apps/privacy",
      secret: SECRET,
      sandboxUrl: null,
      appUrl: "https://vigie.example.com",
    };
    // Subject, consent event, ledger head, consent state, checkout day, sync job, receipt.
    await deliver(domain, "orders/create", orderWithConsent(customerId, email));
    // Shopify-channel access request: tasks, audit, export archive and parts, export jobs.
    await deliver(domain, "customers/data_request", samplePayloads.dataRequest(domain, customerId, email));
    const subject = await t.db.subject.findFirstOrThrow({ where: { shopId: shop.id } });
    const event = await t.db.consentEvent.findFirstOrThrow({ where: { shopId: shop.id } });
    await t.db.consentSync.create({
      data: { eventId: event.id, system: "mailchimp", status: "done", outcome: "subscribed" },
    });
    const archive = await t.db.exportArchive.findFirstOrThrow({ where: { shopId: shop.id } });
    const { sink } = chunkSink(t.db, TEST_SECRET_KEY, archive.id, "part:vigie");
    sink.end(Buffer.from(`${JSON.stringify({ email })}\n`));
    await finished(sink);
    // Storefront requests: e-mailed identity code (pause, check, e-mails), then a signed-in erasure.
    const { access, erasure } = await t.db.$transaction(async (tx) => {
      const base = {
        shop: ref,
        channel: "privacy_centre" as const,
        requesterEmail: email,
        requesterName: "Camille Martin",
        locale: "fr" as const,
        receivedAt: new Date(),
        subjectId: subject.id,
        actor: { type: "shopper" as const },
      };
      return {
        access: await fileRequest(tx, links, {
          ...base,
          details: { type: "access" },
          message: "Je veux mes données",
          identity: { level: "email_link", sendTo: "address_given", rationale: "email_control" },
        }),
        erasure: await fileRequest(tx, links, {
          ...base,
          details: { type: "erasure" },
          identity: { level: "verified", rationale: "signed_in_customer" },
          shopifyCustomerId: String(customerId),
        }),
      };
    });
    const check = await t.db.identityCheck.findFirstOrThrow({ where: { requestId: access.id } });
    // Filing the erasure may already have started its run (startWork): take it, or make one.
    const run = await t.db.erasureRun.upsert({
      where: { requestId: erasure.id },
      update: {},
      create: {
        shopId: shop.id,
        requestId: erasure.id,
        channel: "privacy_centre",
        status: "done",
        plan: JSON.stringify([{ system: "vigie", steps: [{ id: "vigie:subject" }] }]),
        approvedBy: "staff-1",
        approvedAt: new Date(),
      },
    });
    await t.db.erasureReceipt.create({
      data: { runId: run.id, stepId: "vigie:subject", system: "vigie", outcome: "done", at: new Date() },
    });
    // A restriction of processing (art. 18) and the recipients told of the erasure (art. 19).
    await t.db.restriction.create({
      data: {
        shopId: shop.id,
        subjectId: subject.id,
        requestId: access.id,
        ground: "accuracy_contested",
        grantedBy: "staff-1",
        grantedAt: new Date(),
      },
    });
    await t.db.recipientNotice.create({
      data: {
        requestId: erasure.id,
        recipient: "mailchimp",
        name: "Mailchimp",
        channel: "connector",
        status: "done",
      },
    });
    await t.db.$transaction(async (tx) => {
      await storeDocument(tx, TEST_SECRET_KEY, {
        shopId: shop.id,
        ownerType: "identity_check",
        ownerId: check.id,
        name: "carte-identite.pdf",
        mimeType: "application/pdf",
        bytes: Buffer.from("%PDF-1.7 identity card"),
      });
      // A flagged payment: the check, its audit event and the e-mail to the buyer.
      await openPaymentCheck(tx, links, ref, {
        stripeObjectId: `prv_${label}`,
        reason: "elevated_risk_level",
        contact: {
          chargeId: `ch_${label}`,
          paymentIntentId: `pi_${label}`,
          email,
          orderRef: "#1001",
          amount: 4200,
          currency: "eur",
        },
      });
    });
    await t.db.connectorSetting.create({
      data: {
        shopId: shop.id,
        connector: "mailchimp",
        config: JSON.stringify({ audienceId: "a1b2c3d4e5", serverPrefix: "us21" }),
        secrets: sealSecret(TEST_SECRET_KEY, JSON.stringify({ apiKey: "0123456789abcdef-us21" })),
        webhookSecretHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      },
    });
    // A privacy-centre filing, counted against the limits (keyed digests, by shop).
    await fileFromPrivacyCentre({
      db: t.db,
      links,
      proxy: {
        shop: ref,
        loggedInCustomerId: null,
        pathPrefix: "/apps/privacy",
        shopperLocale: "fr",
      },
      form: { type: "portability", email, name: "", message: "" },
      clientIp: "203.0.113.42",
    });
    // Its import from Shopify (docs/decisions/046): the run's progress goes with the shop.
    await t.db.backfill.create({
      data: { shopId: shop.id, trigger: "install", status: "done", customers: 1, linesDone: 1 },
    });
    // A post-mortem directive in the register: it goes with the shop (docs/decisions/035).
    const directive = await t.db.$transaction((tx) =>
      fileRequest(tx, links, {
        shop: ref,
        channel: "privacy_centre",
        requesterEmail: email,
        locale: "fr",
        receivedAt: new Date(),
        subjectId: subject.id,
        shopifyCustomerId: String(customerId),
        actor: { type: "shopper" },
        identity: { level: "verified", rationale: "signed_in_customer" },
        details: {
          type: "post_mortem_directive",
          action: "record",
          instructions: "Effacer mon compte à mon décès.",
          executor: null,
          specificConsent: true,
        },
      }),
    );
    await answerRequest(t.db, links, ref, { type: "staff", id: "staff-1" }, directive.id, "Enregistrées.");
    // A job whose payload names the shop by id only.
    await requestLedgerVerification(t.db, { id: shop.id, domain }, "staff-1");
    // Its record of processing, processors register (an edit in their history) and published notice.
    const { entry } = await activityForEdit(t.db, shop.id, "orders", "fr");
    await saveActivity(
      t.db,
      ref,
      "staff-1",
      "orders",
      Object.entries({ ...flattenForForm(entry.content), revision: "1", "data.fr": `Adresse de ${email}` }),
    );
    await publishNotice(t.db, ref, { type: "staff", id: "staff-1" });
    // The DPO's digest of the day (docs/decisions/056): its record and its e-mail.
    await sendShopDigest(
      t.db,
      () => links,
      { ...ref, settings: shop.settings },
      new Date("2026-12-03T10:00:00Z"),
    );
    // A breach in its register, its history and the art. 34 notice to the shopper (docs/decisions/052).
    const breach = await recordBreach(
      t.db,
      ref,
      "staff-1",
      Object.entries({
        title: "E-mail misdirected",
        "nature.fr": `Suivi de commande de ${email} envoyé à un tiers`,
        "consequences.fr": "Adresse lue par un tiers",
        "measures.fr": "Message supprimé",
        dpoContact: `dpo@${domain}`,
        awareAt: "2026-11-02T09:00",
      }),
    );
    await decideInformation(t.db, ref, "staff-1", breach.id, { required: "yes", reasoning: "Home address" });
    await startNotice(t.db, ref, "staff-1", breach.id, { audience: "list", addresses: email });
    await sendBreachNoticeBatch(testJobContext({ db: t.db, dialect }), breach.id);
    // A rectification run with a system's receipt (docs/decisions/068) and a re-permission ask (069).
    const rectification = await t.db.rectificationRun.create({
      data: { shopId: shop.id, requestId: directive.id, status: "done", plan: "{}" },
    });
    await t.db.rectificationReceipt.create({
      data: { runId: rectification.id, system: "shopify", outcome: "done", at: new Date() },
    });
    await t.db.repermission.create({
      data: {
        shopId: shop.id,
        subjectId: subject.id,
        periodEndsAt: new Date("2027-01-01T00:00:00Z"),
        requestEventId: "event-asking",
      },
    });
    // A person erased before the shop left: their keys go with the shop (docs/decisions/084).
    await t.db.$transaction((tx) =>
      recordErasedContacts(tx, shop.id, [{ email: `erased.${email}` }], new Date(), true),
    );
    return { shop, domain, email };
  }

  async function offlineSession(domain: string) {
    await t.db.session.create({
      data: {
        id: `offline_${domain}`,
        shop: domain,
        state: "s",
        accessToken: "shpat_token",
        email: `owner@${domain}`,
      },
    });
  }

  it("purges every row of the shop in every table but its legal holds, and nothing of another", async () => {
    const gone = await seedShop("gone", 191167, "camille.gone@example.com");
    const kept = await seedShop("kept", 202278, "dominique.kept@example.com");
    await offlineSession(kept.domain);
    // Shopify's order of events: the uninstall (sessions go), then shop/redact 48 h later.
    await deliver(gone.domain, "app/uninstalled", samplePayloads.uninstalled(gone.domain));
    // A session stored after the uninstall (an auth racing it) must go as well.
    await offlineSession(gone.domain);
    const hold = await t.db.legalHold.create({
      data: {
        shopId: gone.shop.id,
        shopDomain: gone.domain,
        system: "stripe",
        scope: JSON.stringify(["invoice_number", "amount", "billing_name"]),
        basis: "Code de commerce L123-22",
        expiresAt: new Date("2036-12-31T23:59:59Z"),
        archive: new Uint8Array(randomBytes(48)),
      },
    });
    const goneMarkers = [gone.shop.id, gone.domain, gone.email];
    const keptMarkers = [kept.shop.id, kept.domain, kept.email];
    const before = await snapshot(t.db);
    const goneBefore = rowsOf(before, goneMarkers);
    const keptBefore = rowsOf(before, keptMarkers);
    // Every model must hold something of the purged shop, or the scan below proves nothing for it.
    const unseeded = MODELS.map((m) => m.name).filter(
      (name) => !(name in SHOPLESS_MODELS) && (goneBefore.get(name)?.size ?? 0) === 0,
    );
    expect(unseeded, "models with no row of the purged shop: seed them in seedShop()").toEqual([]);
    // And the other shop too (it has no legal hold), so its before/after counts prove something.
    const keptUnseeded = MODELS.map((m) => m.name).filter(
      (name) => !(name in SHOPLESS_MODELS) && name !== "LegalHold" && (keptBefore.get(name)?.size ?? 0) === 0,
    );
    expect(keptUnseeded, "models with no row of the other shop").toEqual([]);

    const purges = [(await deliver(gone.domain, "shop/redact", samplePayloads.shopRedact(gone.domain))).job];
    const check = async () => {
      const after = await snapshot(t.db);
      const exempt = (model: string, row: Row) =>
        model === "LegalHold" || (model === "Job" && purges.some((job) => job.id === row.id));
      const leaks: string[] = [];
      const survivors: string[] = [];
      for (const model of MODELS) {
        const ownedBefore = goneBefore.get(model.name) as Set<string>;
        for (const row of after.get(model.name) ?? []) {
          if (exempt(model.name, row)) continue;
          leaks.push(...mentions(model, row, goneMarkers));
          if (ownedBefore.has(idOf(model.name, row))) survivors.push(model.name);
        }
      }
      expect([...new Set(leaks)], "columns still naming the purged shop or its shopper").toEqual([]);
      expect([...new Set(survivors)], "models still holding rows of the purged shop").toEqual([]);
      const keptAfter = rowsOf(after, keptMarkers);
      const counts = (rows: Map<string, Set<string>>) =>
        Object.fromEntries([...rows].map(([model, keys]) => [model, keys.size]));
      expect(counts(keptAfter)).toEqual(counts(keptBefore));
      expect(await t.db.legalHold.findUnique({ where: { id: hold.id } })).toEqual(hold);
      // Only the latest purge's own job row remains, as the record that it ran.
      expect(await t.db.job.findMany({ where: { shopDomain: gone.domain }, select: { id: true } })).toEqual([
        { id: purges.at(-1)?.id },
      ]);
    };
    await check();

    // Shopify may deliver shop/redact again (a retry, a new delivery id): nothing breaks.
    purges.push((await deliver(gone.domain, "shop/redact", samplePayloads.shopRedact(gone.domain))).job);
    await check();
  });

  it("drops deliveries that arrive after the purge, and takes the shop back once it reinstalls", async () => {
    const domain = `after-${dialect}-${++n}.myshopify.com`;
    const email = "jo.after@example.com";
    await deliver(domain, "orders/create", orderWithConsent(414490, email));
    await deliver(domain, "app/uninstalled", samplePayloads.uninstalled(domain));
    const purge = (await deliver(domain, "shop/redact", samplePayloads.shopRedact(domain))).job;

    // Retries and deliveries queued behind the purge, one of each kind that would create rows.
    const late = [
      await deliver(domain, "orders/create", orderWithConsent(414490, email)),
      await deliver(domain, "customers/data_request", samplePayloads.dataRequest(domain, 414490, email)),
      await deliver(domain, "customers/redact", samplePayloads.redact(domain, 414490, email)),
      await deliver(domain, "app/uninstalled", samplePayloads.uninstalled(domain)),
    ];
    const after = await snapshot(t.db);
    const lateJobs = new Set([purge.id, ...late.map(({ job }) => job.id)]);
    const leaks = MODELS.flatMap((model) =>
      (after.get(model.name) ?? [])
        // The queue's own rows name the shop by domain only, and carry no personal data.
        .filter((row) => !(model.name === "Job" && lateJobs.has(row.id as string)))
        .flatMap((row) => mentions(model, row, [domain, email])),
    );
    expect([...new Set(leaks)], "columns naming the purged shop or its shopper").toEqual([]);
    expect(await t.db.shop.count({ where: { domain } })).toBe(0);
    expect(await isShopPurged(t.db, TEST_SECRET_KEY, domain)).toBe(true);
    // What is kept is keyed, not the domain's plain SHA-256 (shop domains are easily guessed).
    const plain = createHash("sha256").update(domain).digest("hex");
    expect(await t.db.purgedShop.count({ where: { domainDigest: plain } })).toBe(0);

    // The merchant installs the app again: the shop's deliveries count again.
    await markShopInstalled(t.db, TEST_SECRET_KEY, domain);
    await deliver(domain, "orders/create", orderWithConsent(414490, email));
    const shop = await t.db.shop.findUniqueOrThrow({ where: { domain } });
    expect(await t.db.subject.count({ where: { shopId: shop.id, email } })).toBe(1);
    expect(
      await t.db.webhookReceipt.count({ where: { shopDomain: domain, processedAt: { not: null } } }),
    ).toBe(1);
  });

  it("does not purge a shop that reinstalled before shop/redact ran, and records why", async () => {
    const domain = `back-${dialect}-${++n}.myshopify.com`;
    await deliver(domain, "orders/create", samplePayloads.order(303389, "claude.back@example.com"));
    await deliver(domain, "app/uninstalled", samplePayloads.uninstalled(domain));
    // What the auth hook does on a reinstall (app/shopify.server.ts afterAuth), some time later.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await markShopInstalled(t.db, TEST_SECRET_KEY, domain);
    await offlineSession(domain);
    const { receipt } = await deliver(domain, "shop/redact", samplePayloads.shopRedact(domain));
    const shop = await t.db.shop.findUniqueOrThrow({ where: { domain } });
    expect(shop.state).toBe("installed");
    expect(await t.db.subject.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await t.db.session.count({ where: { shop: domain } })).toBe(1);
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: domain } })).toBe(3);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "shop.purge_cancelled" },
    });
    expect(audit).toMatchObject({ actorType: "shopify", actorId: null });
    expect(JSON.parse(audit.data)).toEqual({ receiptId: receipt.id });
  });

  it("purges a shop whose app/uninstalled is still queued behind shop/redact", async () => {
    const domain = `late-${dialect}-${++n}.myshopify.com`;
    // Installed yesterday; the uninstall arrived but its job (priority 20) has not run yet.
    const shop = await t.db.shop.create({ data: { domain, installedAt: new Date(Date.now() - 86_400_000) } });
    await t.db.subject.create({ data: { shopId: shop.id, email: "eve.late@example.com" } });
    const body = JSON.stringify(samplePayloads.uninstalled(domain));
    await receipts.store(
      { source: "shopify", deliveryId: `u-${domain}`, shopDomain: domain, topic: "app/uninstalled", body },
      { priority: 20 },
    );
    const { job } = await deliver(domain, "shop/redact", samplePayloads.shopRedact(domain));
    expect(await t.db.shop.count({ where: { domain } })).toBe(0);
    expect(await t.db.subject.count({ where: { email: "eve.late@example.com" } })).toBe(0);
    expect(await t.db.webhookReceipt.count({ where: { shopDomain: domain } })).toBe(0);
    expect(await t.db.job.findMany({ where: { shopDomain: domain }, select: { id: true } })).toEqual([
      { id: job.id },
    ]);
  });
});
