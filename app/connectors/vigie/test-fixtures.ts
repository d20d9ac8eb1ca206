// Seeds for the Vigie connector's tests, written through the real services (subjects, consent
// ledger, requests, payment checks, outbox, documents, audit), and a whole-database reader.
import { randomBytes } from "node:crypto";
import { Prisma } from "@prisma/client";
import type { SubjectRef } from "~/connectors/connector";
import type { Db } from "~/db/client.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "~/services/audit.server";
import { appendConsentEvent } from "~/services/consent-ledger.server";
import { storeDocument } from "~/services/documents.server";
import { openPaymentCheck } from "~/services/payment-checks.server";
import type { ProxyContext } from "~/services/privacy-centre/proxy-auth.server";
import { fileStorefrontRequest } from "~/services/privacy-centre/storefront-requests.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { fileStaffRequest } from "~/services/requests/staff-intake.server";
import { upsertSubject } from "~/services/subjects.server";

export const SECRET = randomBytes(32);

export type TestShop = {
  shop: { id: string; domain: string; name: string | null; locale: string };
  links: LinkContext;
  proxy: ProxyContext;
};

let shops = 0;

/** A new shop, with the link and proxy contexts the request services take. */
export async function createShop(db: Db, label: string): Promise<TestShop> {
  const domain = `${label}-${++shops}-${randomBytes(3).toString("hex")}.myshopify.com`;
  const row = await db.shop.create({
    data: { domain, name: "iméra", settings: JSON.stringify({ dpoEmail: "dpo@imera.example" }) },
  });
  const shop = { id: row.id, domain, name: row.name, locale: "fr" };
  // Cast: the link context grows with the request services; these fields are the ones used here.
  const links = {
    shopDomain: domain,
    proxyPrefix: "/apps/privacy",
    secret: SECRET,
    sandboxUrl: null,
    appUrl: "https://vigie.example",
  } as LinkContext;
  const proxy: ProxyContext = { shop, loggedInCustomerId: null, pathPrefix: "/apps/privacy", locale: "fr" };
  return { shop, links, proxy };
}

export type SeedOptions = {
  email: string;
  shopifyCustomerId: string;
  /** The requester's name in their requests. Default "Camille Martin". */
  name?: string;
  /** Consent events to append (alternating grant at checkout / withdrawal by staff). Default 3. */
  events?: number;
};

export type Seeded = {
  ref: SubjectRef;
  subjectId: string;
  requestIds: string[];
  paymentCheckId: string;
  eventIds: string[];
};

const WORDING = "Je souhaite recevoir la newsletter d'iméra.";

/**
 * One shopper with something in every table Vigie keeps about people: the Subject, consent
 * events (with a sync whose vendor detail quotes the address), a guest storefront request (code
 * check) and a staff request, a stray identity document, a payment check with its e-mail, a
 * consent confirmation e-mail and an audit event naming the subject.
 */
export async function seedShopper(db: Db, t: TestShop, options: SeedOptions): Promise<Seeded> {
  const { email, shopifyCustomerId } = options;
  const name = options.name ?? "Camille Martin";
  const subject = await db.$transaction((tx) =>
    upsertSubject(tx, t.shop.id, {
      customerId: shopifyCustomerId,
      email,
      phone: "+33 6 12 34 56 78",
      locale: "fr-FR",
      orderedAt: new Date("2026-03-02T09:00:00Z"),
    }),
  );
  if (!subject) throw new Error("seed: no subject");
  const eventIds: string[] = [];
  const total = options.events ?? 3;
  // Batches keep each transaction short (PostgreSQL interactive transactions time out at 5 s).
  for (let start = 0; start < total; start += 50) {
    await db.$transaction(async (tx) => {
      for (let i = start; i < Math.min(total, start + 50); i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
        const personal = { id: subject.id, email, shopifyCustomerId };
        const { event } =
          i % 2 === 0
            ? await appendConsentEvent(tx, {
                shopId: t.shop.id,
                subject: personal,
                kind: "granted",
                lawfulBasis: "consent",
                source: "checkout",
                occurredAt: at,
                noticeVersion: "2026-01-01",
                wordingKey: "newsletter_checkbox.default",
                wording: WORDING,
                wordingLocale: "fr",
                orderId: `order-${shopifyCustomerId}-${i}`,
                ipPrefix: "203.0.113.0/24",
                userAgent: "Mozilla/5.0 (Macintosh)",
              })
            : await appendConsentEvent(tx, {
                shopId: t.shop.id,
                subject: personal,
                kind: "withdrawn",
                lawfulBasis: "consent",
                source: "staff",
                occurredAt: at,
                actor: "staff-42",
              });
        eventIds.push(event.id);
      }
    });
  }
  const first = eventIds[0];
  if (first) {
    await db.consentSync.create({
      data: {
        eventId: first,
        system: "mailchimp",
        status: "done",
        outcome: "applied",
        detail: `member ${email}`,
      },
    });
  }

  const guest = await fileStorefrontRequest({
    db,
    links: t.links,
    proxy: t.proxy,
    form: { type: "erasure", email, name, message: "Effacez mes données, merci." },
  });
  const staff = await fileStaffRequest({
    db,
    links: t.links,
    shop: t.shop,
    staffId: "dpo",
    form: {
      type: "post_mortem_directive",
      email,
      name,
      message: "Mes directives.",
      directive_action: "record",
      directive_instructions: `Effacer le compte ${email} à mon décès.`,
      executor_name: "Jean Martin",
      executor_email: `proche.${email}`,
      specific_consent: "on",
    },
    locale: "fr",
    receivedAt: new Date("2026-02-01T10:00:00Z"),
  });
  const check = await db.identityCheck.findFirstOrThrow({ where: { requestId: guest.id } });

  const paymentCheckId = await db.$transaction(async (tx) => {
    // A document left behind (a check that never ended): the erasure's safety net must catch it.
    await storeDocument(tx, SECRET, {
      shopId: t.shop.id,
      ownerType: "identity_check",
      ownerId: check.id,
      name: "camille-martin-passport.pdf",
      mimeType: "application/pdf",
      bytes: Buffer.from("%PDF-1.4 passport"),
    });
    const payment = await openPaymentCheck(tx, t.links, t.shop, {
      stripeObjectId: `prv_${randomBytes(6).toString("hex")}`,
      reason: "elevated_risk_level",
      contact: {
        chargeId: `ch_${randomBytes(6).toString("hex")}`,
        paymentIntentId: `pi_${randomBytes(6).toString("hex")}`,
        email,
        orderRef: `#${shopifyCustomerId.slice(-4)}`,
        amount: 12_900,
        currency: "eur",
      },
    });
    await storeDocument(tx, SECRET, {
      shopId: t.shop.id,
      ownerType: "payment_check",
      ownerId: payment.id,
      name: "card.png",
      mimeType: "image/png",
      bytes: Buffer.from("png bytes"),
    });
    await queueEmail(tx, {
      shopId: t.shop.id,
      shopDomain: t.shop.domain,
      to: email,
      locale: "fr",
      message: {
        type: "consent.confirm",
        shopName: "iméra",
        confirmUrl: "https://imera.example/c",
        wording: WORDING,
      },
    });
    await recordAudit(tx, {
      shopId: t.shop.id,
      actorType: "staff",
      actorId: "staff-42",
      action: "consent.withdrawn.staff",
      targetType: "subject",
      targetId: subject.id,
    });
    return payment.id;
  });

  return {
    ref: { shopDomain: t.shop.domain, subjectId: subject.id, email, shopifyCustomerId },
    subjectId: subject.id,
    requestIds: [guest.id, staff.id],
    paymentCheckId,
    eventIds,
  };
}

/** Every model of the schema with its String columns (from Prisma's own description of it). */
export function stringColumns(): { model: string; delegate: string; fields: string[] }[] {
  return Prisma.dmmf.datamodel.models.map((m) => ({
    model: m.name,
    delegate: m.name.charAt(0).toLowerCase() + m.name.slice(1),
    fields: m.fields.filter((f) => f.kind === "scalar" && f.type === "String").map((f) => f.name),
  }));
}

type AnyDelegate = { findMany(args?: object): Promise<Record<string, unknown>[]> };

/** Every row of every table (tests only: small databases), keyed by model, in a stable order. */
export async function dumpDatabase(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const { model, delegate } of stringColumns()) {
    const rows = await (db as unknown as Record<string, AnyDelegate>)[delegate]?.findMany();
    dump[model] = (rows ?? []).map((r) =>
      JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? String(v) : v))),
    );
    dump[model]?.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return dump;
}

/** `model.field` of every String cell that contains one of `needles`. */
export async function cellsContaining(db: Db, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const { model, delegate, fields } of stringColumns()) {
    if (fields.length === 0) continue;
    const rows = await (db as unknown as Record<string, AnyDelegate>)[delegate]?.findMany();
    for (const row of rows ?? []) {
      for (const field of fields) {
        const value = row[field];
        if (typeof value === "string" && needles.some((n) => value.includes(n)))
          hits.push(`${model}.${field}`);
      }
    }
  }
  return [...new Set(hits)].sort();
}
