import { randomUUID } from "node:crypto";
import { erasedAmong } from "~/connectors/vigie/erased-contacts.server";
import type { Tx } from "~/db/client.server";
import { direct, insertRows } from "~/db/direct.server";
import { questionMarks } from "~/db/sql";
import { normaliseEmail, normalisePhone, shopifyId } from "~/domain/subjects/identifiers";

export type SubjectIdentifiers = {
  customerId?: number | string | null;
  email?: string | null;
  phone?: string | null;
  locale?: string | null;
  /** An order the subject placed: kept as the latest (retention runs from the last order). */
  orderedAt?: Date | null;
};

type Known = {
  customerId: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  orderedAt: Date | null;
};

function known(identifiers: SubjectIdentifiers): Known {
  return {
    customerId: shopifyId(identifiers.customerId),
    email: normaliseEmail(identifiers.email),
    phone: normalisePhone(identifiers.phone),
    locale: identifiers.locale?.slice(0, 2).toLowerCase() || null,
    orderedAt: identifiers.orderedAt ?? null,
  };
}

type SubjectFields = {
  shopifyCustomerId: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  lastOrderAt: Date | null;
};

/** A subject's fields once `identifiers` are filled in: what it knew stays, unless newly known. */
function merged(existing: SubjectFields, k: Known): SubjectFields {
  return {
    shopifyCustomerId: existing.shopifyCustomerId ?? k.customerId,
    email: k.email ?? existing.email,
    phone: k.phone ?? existing.phone,
    locale: k.locale ?? existing.locale,
    lastOrderAt:
      k.orderedAt && (!existing.lastOrderAt || k.orderedAt > existing.lastOrderAt)
        ? k.orderedAt
        : existing.lastOrderAt,
  };
}

/**
 * Finds the shop's subject by Shopify customer id, else by e-mail, and fills in what it did not
 * know; creates one when neither matches. Returns null when there is nothing to identify anyone by.
 */
export async function upsertSubject(tx: Tx, shopId: string, identifiers: SubjectIdentifiers) {
  const k = known(identifiers);
  const { customerId, email } = k;
  if (!customerId && !email) return null;
  const existing =
    (customerId &&
      (await tx.subject.findUnique({
        where: { shopId_shopifyCustomerId: { shopId, shopifyCustomerId: customerId } },
      }))) ||
    (email && (await tx.subject.findFirst({ where: { shopId, email }, orderBy: { createdAt: "asc" } })));
  if (!existing) {
    return tx.subject.create({
      data: {
        shopId,
        shopifyCustomerId: customerId,
        email,
        phone: k.phone,
        locale: k.locale,
        lastOrderAt: k.orderedAt,
      },
      select: { id: true, email: true, shopifyCustomerId: true },
    });
  }
  return tx.subject.update({
    where: { id: existing.id },
    data: merged(existing, k),
    select: { id: true, email: true, shopifyCustomerId: true },
  });
}

/**
 * upsertSubject for several identifiers in turn (a batch of orders; docs/decisions/080), with
 * the same matching and merging: two reads, one insert of the new subjects, one update per known
 * subject. Returns each one's subject (or null), in the order given.
 */
export async function upsertSubjects(tx: Tx, shopId: string, list: SubjectIdentifiers[]) {
  const wanted = list.map(known);
  const customerIds = [...new Set(wanted.flatMap((k) => (k.customerId ? [k.customerId] : [])))];
  const emails = [...new Set(wanted.flatMap((k) => (k.email ? [k.email] : [])))];
  type Row = SubjectFields & { id: string; createdAt: Date };
  // On the driver: a batch's subjects read through Prisma cost more than the rest of the batch.
  const sql = await direct(tx);
  const read = (column: "shopifyCustomerId" | "email", values: string[]) =>
    values.length === 0
      ? []
      : sql.all<Row>(
          `SELECT "id", "shopifyCustomerId", "email", "phone", "locale", "lastOrderAt", "createdAt"
             FROM "Subject" WHERE "shopId" = ? AND "${column}" IN (${questionMarks(values.length)})`,
          [shopId, ...values],
        );
  const found: Row[] = [...(await read("shopifyCustomerId", customerIds)), ...(await read("email", emails))];
  const byCustomer = new Map<string, Row>();
  const byEmail = new Map<string, Row>();
  // The e-mail's oldest subject, as upsertSubject's findFirst finds it.
  const index = (row: Row) => {
    if (row.shopifyCustomerId) byCustomer.set(row.shopifyCustomerId, row);
    const first = row.email ? byEmail.get(row.email) : undefined;
    if (row.email && (!first || row.createdAt < first.createdAt)) byEmail.set(row.email, row);
  };
  for (const row of found) index(row);
  const created = new Set<Row>();
  const updated = new Set<Row>();
  const now = new Date();
  const subjects = wanted.map((k) => {
    if (!k.customerId && !k.email) return null;
    const existing = (k.customerId && byCustomer.get(k.customerId)) || (k.email && byEmail.get(k.email));
    if (!existing) {
      const row: Row = {
        id: randomUUID(),
        createdAt: now,
        ...merged({ shopifyCustomerId: null, email: null, phone: null, locale: null, lastOrderAt: null }, k),
      };
      created.add(row);
      index(row);
      return row;
    }
    Object.assign(existing, merged(existing, k));
    if (!created.has(existing)) updated.add(existing);
    index(existing);
    return existing;
  });
  await insertRows(
    tx,
    "Subject",
    [...created].map((row) => ({ shopId, ...row, updatedAt: now })),
  );
  // As Prisma stamps `@updatedAt`.
  for (const { id, shopifyCustomerId, email, phone, locale, lastOrderAt } of updated)
    await sql.run(
      `UPDATE "Subject" SET "shopifyCustomerId" = ?, "email" = ?, "phone" = ?, "locale" = ?, "lastOrderAt" = ?,
              "updatedAt" = ? WHERE "id" = ?`,
      [shopifyCustomerId, email, phone, locale, lastOrderAt, now, id],
    );
  return subjects.map(
    (row) => row && { id: row.id, email: row.email, shopifyCustomerId: row.shopifyCustomerId },
  );
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

/**
 * An account Vigie erased that Shopify has not erased yet (it may take 180 days): an update to it
 * (Shopify's own redaction sends one) must not bring the person back (docs/decisions/084).
 */
export async function erasedAccount(
  tx: Tx,
  shopId: string,
  payload: { id: string | number; email?: string | null },
  createdAt: Date | null,
) {
  const customerId = String(payload.id);
  const ref = {
    customerId,
    email: payload.email,
    datedAt: createdAt && !Number.isNaN(createdAt.getTime()) ? createdAt : null,
  };
  if ((await erasedAmong(tx, shopId, [ref])).size === 0) return false;
  return (await tx.subject.count({ where: { shopId, shopifyCustomerId: customerId } })) === 0;
}
