// Who a SubjectRef is in Vigie's own store, for one shop: the Subject rows it matches and every
// identifier those rows and the ref carry. Every query here and downstream is scoped by shopId:
// two shops may well hold the same e-mail, and each shop's data is its own (GDPR art. 28(3)(a)).
import type { Prisma } from "@prisma/client";
import type { SubjectRef } from "~/connectors/connector";
import type { Db, Tx } from "~/db/client.server";
import { normaliseEmail, shopifyId } from "~/domain/subjects/identifiers";

/** The subject's identifiers within one shop. */
export type VigieScope = {
  shopId: string;
  /** Subject rows of this shop the ref matches. */
  subjectIds: string[];
  /** Ids to match in other tables: the rows found plus the ref's own id (rows left by a partial erasure). */
  linkedIds: string[];
  /** Normalised e-mails: the ref's and the rows'. */
  emails: string[];
  /** Shopify numeric customer ids, as text. */
  shopifyCustomerIds: string[];
};

const GID = /^gid:\/\/shopify\/Customer\/(\d+)$/;

/** Shopify's numeric id from a number-as-text or a Customer GID; null otherwise. */
export function customerIdOf(value: string | null | undefined): string | null {
  const gid = value?.trim().match(GID);
  return shopifyId(gid ? gid[1] : value);
}

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => typeof v === "string" && v !== "")),
];

/** A where-clause matching any of `conditions`, or nothing at all when there are none. */
export function anyOf<W>(conditions: (W | null)[]): { OR: W[] } | { id: { in: never[] } } {
  const present = conditions.filter((c): c is W => c !== null);
  return present.length > 0 ? { OR: present } : { id: { in: [] } };
}

const inList = <K extends string>(key: K, values: string[]) =>
  values.length > 0 ? ({ [key]: { in: values } } as Record<K, { in: string[] }>) : null;

/**
 * Resolves the ref in one shop. A Subject row matches on the ref's subject id, its normalised
 * e-mail or its Shopify customer id: one person may have two rows (a guest checkout keyed by
 * e-mail, an account keyed by customer id), and an erasure must reach both (GDPR art. 17(1)).
 */
export async function resolveScope(db: Db | Tx, shopId: string, ref: SubjectRef): Promise<VigieScope> {
  const email = normaliseEmail(ref.email);
  const customerId = customerIdOf(ref.shopifyCustomerId);
  const rows = await db.subject.findMany({
    where: {
      shopId,
      ...anyOf<Prisma.SubjectWhereInput>([
        ref.subjectId ? { id: ref.subjectId } : null,
        email ? { email } : null,
        customerId ? { shopifyCustomerId: customerId } : null,
      ]),
    },
    select: { id: true, email: true, shopifyCustomerId: true },
    orderBy: { id: "asc" },
    // A person has a handful of rows at most; the bound keeps a pathological shop from loading more.
    take: 100,
  });
  const subjectIds = rows.map((r) => r.id);
  return {
    shopId,
    subjectIds,
    linkedIds: unique([...subjectIds, ref.subjectId]),
    emails: unique([email, ...rows.map((r) => normaliseEmail(r.email))]),
    shopifyCustomerIds: unique([customerId, ...rows.map((r) => r.shopifyCustomerId)]),
  };
}

/** The subject's consent events still linkable to them (pseudonymised ones no longer are). */
export function consentEventWhere(scope: VigieScope): Prisma.ConsentEventWhereInput {
  return {
    shopId: scope.shopId,
    pseudonymised: false,
    ...anyOf<Prisma.ConsentEventWhereInput>([
      inList("subjectId", scope.linkedIds),
      inList("email", scope.emails),
      inList("shopifyCustomerId", scope.shopifyCustomerIds),
    ]),
  };
}

/** The subject's rights requests: linked to their Subject, or filed from their address or account. */
export function requestWhere(scope: VigieScope): Prisma.RightsRequestWhereInput {
  return {
    shopId: scope.shopId,
    ...anyOf<Prisma.RightsRequestWhereInput>([
      inList("subjectId", scope.linkedIds),
      inList("requesterEmail", scope.emails),
      inList("shopifyCustomerId", scope.shopifyCustomerIds),
    ]),
  };
}

/** E-mails Vigie wrote to the subject: to their address, or about one of their requests. */
export function emailWhere(scope: VigieScope, requestIds: string[]): Prisma.OutboxEmailWhereInput {
  return {
    shopId: scope.shopId,
    ...anyOf<Prisma.OutboxEmailWhereInput>([inList("to", scope.emails), inList("requestId", requestIds)]),
  };
}

/** Payment checks opened for the subject's address (Stripe gives no other link to them). */
export function paymentCheckWhere(scope: VigieScope): Prisma.PaymentCheckWhereInput {
  return { shopId: scope.shopId, ...anyOf<Prisma.PaymentCheckWhereInput>([inList("email", scope.emails)]) };
}

/** Ids of the subject's requests (few per person), to reach the rows that hang off them. */
export async function requestIdsOf(db: Db | Tx, scope: VigieScope): Promise<string[]> {
  const rows = await db.rightsRequest.findMany({
    where: requestWhere(scope),
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
