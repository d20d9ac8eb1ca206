// Payment checks (policy §1): Stripe flags an order; the shop asks the buyer for documents proving
// identity, address or means of payment; staff clear the order or refuse it, and the documents go.

import type { PaymentContact } from "~/connectors/stripe/payment-contact.server";
import type { Db, Tx } from "~/db/client.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "./audit.server";
import { deleteDocuments, listDocuments } from "./documents.server";
import type { LinkContext } from "./requests/request-links.server";
import { documentsUrl } from "./requests/request-links.server";
import { parseShopSettings } from "./shop-settings.server";

export const PAYMENT_CHECK_DOCUMENTS = ["identity", "billing_address", "payment_method"] as const;

/** Opens a check for a flagged payment (once per Stripe object) and e-mails the buyer. */
export async function openPaymentCheck(
  tx: Tx,
  links: LinkContext,
  shop: { id: string; domain: string; name: string | null; locale: string },
  input: { stripeObjectId: string; reason: string; contact: PaymentContact | null },
) {
  const existing = await tx.paymentCheck.findUnique({
    where: { shopId_stripeObjectId: { shopId: shop.id, stripeObjectId: input.stripeObjectId } },
  });
  if (existing) return existing;
  const email = input.contact?.email?.trim().toLowerCase() || null;
  const check = await tx.paymentCheck.create({
    data: {
      shopId: shop.id,
      stripeObjectId: input.stripeObjectId,
      chargeId: input.contact?.chargeId ?? null,
      paymentIntentId: input.contact?.paymentIntentId ?? null,
      orderRef: input.contact?.orderRef ?? null,
      email,
      reason: input.reason.slice(0, 200),
      status: email ? "documents_requested" : "open",
      requestedDocuments: JSON.stringify(PAYMENT_CHECK_DOCUMENTS),
    },
  });
  await recordAudit(tx, {
    shopId: shop.id,
    actorType: "stripe",
    action: "payment_check.opened",
    targetType: "payment_check",
    targetId: check.id,
    data: { reason: check.reason },
  });
  if (email) {
    const settings = await tx.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { settings: true } });
    const { dpoEmail } = parseShopSettings(settings.settings);
    const locale = shop.locale === "en" ? "en" : "fr";
    await queueEmail(tx, {
      shopId: shop.id,
      shopDomain: shop.domain,
      to: email,
      locale,
      message: {
        type: "payment_check.documents",
        shopName: shop.name ?? shop.domain,
        orderRef: check.orderRef ?? input.contact?.chargeId ?? check.id,
        documents: [...PAYMENT_CHECK_DOCUMENTS],
        uploadUrl: documentsUrl(links, { ownerType: "payment_check", ownerId: check.id }, locale),
        ...(dpoEmail && { dpoEmail }),
      },
    });
  }
  return check;
}

/** Staff record the outcome; the documents are deleted, their hashes kept. */
export async function decidePaymentCheck(
  db: Db,
  shop: { id: string },
  staffId: string,
  checkId: string,
  outcome: "cleared" | "order_refused",
  now = new Date(),
) {
  const decided = await db.$transaction(async (tx) => {
    const check = await tx.paymentCheck.findFirst({ where: { id: checkId, shopId: shop.id } });
    if (!check || check.status === "cleared" || check.status === "order_refused") return null;
    const hashes = await deleteDocuments(tx, { ownerType: "payment_check", ownerId: check.id });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: `payment_check.${outcome}`,
      targetType: "payment_check",
      targetId: check.id,
      data: { documentsDeleted: hashes.length },
    });
    return tx.paymentCheck.update({
      where: { id: check.id },
      data: {
        status: outcome,
        decidedBy: staffId,
        decidedAt: now,
        documentSha256s: JSON.stringify([...JSON.parse(check.documentSha256s), ...hashes]),
      },
    });
  });
  return decided;
}

/** The shop's latest payment checks for staff, with the documents sent for each. */
export async function listPaymentChecks(db: Db, shopId: string, take = 100) {
  const checks = await db.paymentCheck.findMany({ where: { shopId }, orderBy: { createdAt: "desc" }, take });
  return Promise.all(
    checks.map(async (c) => ({
      id: c.id,
      orderRef: c.orderRef ?? c.chargeId ?? "—",
      email: c.email,
      reason: c.reason,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      documents: (await listDocuments(db, { ownerType: "payment_check", ownerId: c.id })).map((d) => ({
        id: d.id,
        name: d.name,
      })),
    })),
  );
}
