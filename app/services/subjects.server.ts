import type { Tx } from "~/db/client.server";
import { normaliseEmail, normalisePhone, shopifyId } from "~/domain/subjects/identifiers";

export type SubjectIdentifiers = {
  customerId?: number | string | null;
  email?: string | null;
  phone?: string | null;
  locale?: string | null;
  /** An order the subject placed: kept as the latest (retention runs from the last order). */
  orderedAt?: Date | null;
};

/**
 * Finds the shop's subject by Shopify customer id, else by e-mail, and fills in what it did not
 * know; creates one when neither matches. Returns null when there is nothing to identify anyone by.
 */
export async function upsertSubject(tx: Tx, shopId: string, identifiers: SubjectIdentifiers) {
  const customerId = shopifyId(identifiers.customerId);
  const email = normaliseEmail(identifiers.email);
  const phone = normalisePhone(identifiers.phone);
  const locale = identifiers.locale?.slice(0, 2).toLowerCase() || null;
  const orderedAt = identifiers.orderedAt ?? null;
  if (!customerId && !email) return null;
  const existing =
    (customerId &&
      (await tx.subject.findUnique({
        where: { shopId_shopifyCustomerId: { shopId, shopifyCustomerId: customerId } },
      }))) ||
    (email && (await tx.subject.findFirst({ where: { shopId, email }, orderBy: { createdAt: "asc" } })));
  if (!existing) {
    return tx.subject.create({
      data: { shopId, shopifyCustomerId: customerId, email, phone, locale, lastOrderAt: orderedAt },
      select: { id: true, email: true, shopifyCustomerId: true },
    });
  }
  return tx.subject.update({
    where: { id: existing.id },
    data: {
      shopifyCustomerId: existing.shopifyCustomerId ?? customerId,
      email: email ?? existing.email,
      phone: phone ?? existing.phone,
      locale: locale ?? existing.locale,
      lastOrderAt:
        orderedAt && (!existing.lastOrderAt || orderedAt > existing.lastOrderAt)
          ? orderedAt
          : existing.lastOrderAt,
    },
    select: { id: true, email: true, shopifyCustomerId: true },
  });
}

/**
 * Whether the shop holds `email` for one of its customers or contacts: a Shopify customer, someone
 * who ordered, or someone whose consent it records. A subject row made only by an earlier filing
 * of the same address does not count: nobody has confirmed that address yet.
 */
export async function emailOnFile(tx: Tx, shopId: string, email: string | null | undefined) {
  const normalised = normaliseEmail(email);
  if (!normalised) return false;
  const found = await tx.subject.findFirst({
    where: {
      shopId,
      email: normalised,
      OR: [
        { shopifyCustomerId: { not: null } },
        { lastOrderAt: { not: null } },
        { consentStates: { some: {} } },
      ],
    },
    select: { id: true },
  });
  return found !== null;
}
