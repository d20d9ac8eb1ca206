// Legal holds (GDPR art. 17(3)(b); Code de commerce L123-22): what an erasure keeps because the law
// requires it, with its scope, basis and end. Held values live sealed in LegalHold, out of the live
// tables; a hold whose data stays at the vendor (Stripe's finalised invoices) is recorded with no
// archive. Expired holds are released by a daily job.
import { createHmac } from "node:crypto";
import type { Connector, SubjectRef } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";
import { type LocalDate, toLocalDate } from "~/domain/deadlines/local-date";
import {
  ACCOUNTING_HOLD_BASIS,
  INVOICE_ARCHIVE_STEP,
  INVOICE_FIELDS,
  invoiceArchiveExpiry,
  invoicesFromOrderRecords,
} from "~/domain/erasure/invoice-archive";
import { accountingHoldExpiry } from "~/domain/erasure/legal-holds";
import type { ErasureReceipt, ExportRecord } from "~/domain/systems";
import { sealBytes } from "~/utils/secret-box.server";
import { recordAudit } from "../audit.server";

/** What Stripe keeps on a finalised invoice. */
export const STRIPE_INVOICE_FIELDS = [
  "invoice number",
  "date",
  "amounts",
  "billing name, e-mail and address",
];

type RunRef = { shopId: string; shopDomain: string; requestId: string };

/** Keyed, so the digest of held personal data reveals nothing without the app's key. */
const holdDigest = (key: Buffer, shopId: string, content: string) =>
  createHmac("sha256", key).update(`${shopId}\n${content}`).digest("hex");

/** A hold lasts to the end of its last day. */
const endOfDay = (date: LocalDate) => new Date(`${date}T23:59:59.999Z`);

/**
 * Archives the invoice facts of the subject's Shopify orders before Shopify redacts them: streamed
 * from the connector's export, only the order sections read, sealed into one hold. Idempotent.
 */
export async function archiveInvoices(
  db: Db,
  key: Buffer,
  run: RunRef,
  subject: SubjectRef,
  shopify: Connector,
): Promise<ErasureReceipt> {
  const at = new Date();
  const orders: ExportRecord[] = [];
  for await (const record of shopify.exportSubject(subject)) {
    if (record.section === "orders" || record.section === "order_inputs") orders.push(record);
  }
  const invoices = invoicesFromOrderRecords(orders);
  const expiry = invoiceArchiveExpiry(invoices);
  if (!expiry) return { stepId: INVOICE_ARCHIVE_STEP, outcome: "not_found", at };
  const facts = JSON.stringify(invoices);
  const digest = holdDigest(key, run.shopId, facts);
  // The same facts already held (a re-run, a second customers/redact): that hold covers them.
  const existing = await db.legalHold.findFirst({ where: { shopId: run.shopId, digest, releasedAt: null } });
  if (existing) return { stepId: INVOICE_ARCHIVE_STEP, outcome: "held", vendorRef: existing.id, at };
  const hold = await db.$transaction(async (tx) => {
    const created = await tx.legalHold.create({
      data: {
        ...run,
        system: "shopify",
        scope: JSON.stringify(INVOICE_FIELDS),
        basis: ACCOUNTING_HOLD_BASIS,
        expiresAt: endOfDay(expiry),
        archive: new Uint8Array(sealBytes(key, Buffer.from(facts))),
        digest,
      },
    });
    await holdAudit(tx, run, created.id, "shopify");
    return created;
  });
  return {
    stepId: INVOICE_ARCHIVE_STEP,
    outcome: "held",
    vendorRef: hold.id,
    detail: `${invoices.length} invoices`,
    at,
  };
}

/**
 * Records a hold whose data stays at the vendor (Stripe cannot delete a finalised invoice), keyed by
 * the step that keeps it (its id names the vendor's customer): idempotent across re-runs and repeats.
 */
export async function recordVendorHold(
  db: Db,
  key: Buffer,
  run: RunRef,
  system: "stripe",
  stepId: string,
  now = new Date(),
) {
  const digest = holdDigest(key, run.shopId, stepId);
  const existing = await db.legalHold.findFirst({ where: { shopId: run.shopId, digest, releasedAt: null } });
  if (existing) return existing;
  // The latest invoice is at most today's: its financial year ends no later than this one's.
  const expiry = accountingHoldExpiry(toLocalDate(now, "Europe/Paris"));
  return db.$transaction(async (tx) => {
    const created = await tx.legalHold.create({
      data: {
        ...run,
        system,
        scope: JSON.stringify(STRIPE_INVOICE_FIELDS),
        basis: ACCOUNTING_HOLD_BASIS,
        expiresAt: endOfDay(expiry),
        digest,
      },
    });
    await holdAudit(tx, run, created.id, system);
    return created;
  });
}

function holdAudit(tx: Tx, run: RunRef, holdId: string, system: string) {
  return recordAudit(tx, {
    shopId: run.shopId,
    actorType: "system",
    action: "hold.created",
    targetType: "request",
    targetId: run.requestId,
    data: { holdId, system },
  });
}

/**
 * Releases every hold whose period has ended: its sealed archive is destroyed. The row stays, with
 * no personal data, as the proof that the hold ended; for a shop that left (shop/redact), nothing stays.
 */
export async function releaseExpiredHolds(db: Db, now = new Date()) {
  const due = await db.legalHold.findMany({
    where: { expiresAt: { lt: now }, releasedAt: null },
    select: { id: true, shopId: true, requestId: true, system: true },
    take: 500,
  });
  for (const hold of due) {
    await db.$transaction(async (tx) => {
      const shop = await tx.shop.findUnique({ where: { id: hold.shopId }, select: { id: true } });
      if (!shop) {
        await tx.legalHold.deleteMany({ where: { id: hold.id } });
      } else {
        // Released once: a second run meanwhile (a worker that outlived its lease) finds it released.
        const { count } = await tx.legalHold.updateMany({
          where: { id: hold.id, releasedAt: null },
          data: { archive: null, releasedAt: now },
        });
        if (count === 0) return;
        await recordAudit(tx, {
          shopId: shop.id,
          actorType: "system",
          action: "hold.released",
          targetType: "request",
          targetId: hold.requestId ?? undefined,
          data: { holdId: hold.id, system: hold.system },
        });
      }
    });
  }
  return due.length;
}

/**
 * The erased people's keys (docs/decisions/084) end with the period of the orders that could name
 * them (art. 5(1)(e)); kept no longer, as a hold is not.
 */
export async function expireErasedContactKeys(db: Db, now = new Date()) {
  const { count } = await db.erasedContact.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
