// What one batch of the backfill's lines does to the shop's subjects: customers become subjects (or
// complete the ones Vigie already knows), orders move their last order forward, and the marketing
// state Shopify holds is recorded as imported when it tells Vigie something it does not know.
// Every step converges: applying the same lines twice changes nothing the second time.
import type { ImportedCustomer, ImportedOrder } from "~/connectors/shopify/bulk-customers";
import { erasedAmong } from "~/connectors/vigie/erased-contacts.server";
import type { Tx } from "~/db/client.server";
import {
  appendConsentEvents,
  lockShopLedger,
  type RecordConsentInput,
} from "~/services/consent-ledger.server";

export type BatchOutcome = { customers: number; orders: number; consentStates: number };

/** Applies one batch (in the caller's transaction, with the progress that goes with it). */
export async function applyBackfillBatch(
  tx: Tx,
  shopId: string,
  lines: Array<{ customer: ImportedCustomer } | { order: ImportedOrder }>,
  now: Date,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { customers: 0, orders: 0, consentStates: 0 };
  const customers = new Map<string, ImportedCustomer>();
  const lastOrders = new Map<string, Date>();
  for (const line of lines) {
    if ("customer" in line) {
      customers.set(line.customer.customerId, line.customer);
      outcome.customers += 1;
    } else {
      outcome.orders += 1;
      const known = lastOrders.get(line.order.customerId);
      if (!known || line.order.createdAt > known) lastOrders.set(line.order.customerId, line.order.createdAt);
    }
  }
  outcome.customers -= await dropErasedCustomers(tx, shopId, customers);
  const { subjects, created } = await importCustomers(tx, shopId, [...customers.values()], now, lastOrders);
  outcome.consentStates = await importMarketingStates(tx, shopId, customers, subjects, now);
  // Orders follow their customer in the file, possibly in the next batch: the customer is stored by
  // then. A customer created by this batch was created with its last order already.
  for (const [customerId, at] of lastOrders) {
    if (created.has(customerId)) continue;
    await tx.subject.updateMany({
      where: {
        shopId,
        shopifyCustomerId: customerId,
        OR: [{ lastOrderAt: null }, { lastOrderAt: { lt: at } }],
      },
      data: { lastOrderAt: at },
    });
  }
  return outcome;
}

/**
 * Leaves out the customers Vigie erased whose account dates from before the erasure: Shopify erases
 * a customer up to 180 days after being asked (docs/decisions/084). One Vigie knows again (an order
 * placed since brought them back) is kept.
 */
async function dropErasedCustomers(tx: Tx, shopId: string, customers: Map<string, ImportedCustomer>) {
  const erased = await erasedAmong(
    tx,
    shopId,
    [...customers.values()].map((customer) => ({
      customerId: customer.customerId,
      email: customer.email,
      datedAt: customer.createdAt,
    })),
  );
  if (erased.size === 0) return 0;
  const known = await tx.subject.findMany({
    where: { shopId, shopifyCustomerId: { in: [...erased].map((ref) => ref.customerId) } },
    select: { shopifyCustomerId: true },
  });
  const knownIds = new Set(known.map((subject) => subject.shopifyCustomerId));
  let dropped = 0;
  for (const ref of erased)
    if (!knownIds.has(ref.customerId) && customers.delete(ref.customerId)) dropped += 1;
  return dropped;
}

type StoredSubject = {
  id: string;
  email: string | null;
  shopifyCustomerId: string | null;
  locale: string | null;
  orderCount: number | null;
  createdAt: Date;
};
const SUBJECT_FIELDS = {
  id: true,
  email: true,
  shopifyCustomerId: true,
  locale: true,
  orderCount: true,
  createdAt: true,
} as const;

/**
 * The batch's customers as subjects, by customer id: found by customer id, else by e-mail (as
 * upsertSubject finds them), completed where Shopify knows more; the others created in one insert.
 * A few queries per batch, and no write for a subject the batch leaves unchanged (a second run).
 */
async function importCustomers(
  tx: Tx,
  shopId: string,
  batch: ImportedCustomer[],
  now: Date,
  lastOrders: Map<string, Date>,
): Promise<{ subjects: Map<string, StoredSubject>; created: Set<string> }> {
  const byCustomer = new Map<string, StoredSubject>();
  const createdIds = new Set<string>();
  if (batch.length === 0) return { subjects: byCustomer, created: createdIds };
  const known = await tx.subject.findMany({
    where: { shopId, shopifyCustomerId: { in: batch.map((c) => c.customerId) } },
    select: SUBJECT_FIELDS,
  });
  for (const subject of known)
    if (subject.shopifyCustomerId) byCustomer.set(subject.shopifyCustomerId, subject);
  const emails = batch.flatMap((c) => (!byCustomer.has(c.customerId) && c.email ? [c.email] : []));
  const byEmail = new Map<string, StoredSubject>();
  if (emails.length > 0) {
    const found = await tx.subject.findMany({
      where: { shopId, email: { in: emails } },
      orderBy: { createdAt: "asc" },
      select: SUBJECT_FIELDS,
    });
    for (const subject of found)
      if (subject.email && !byEmail.has(subject.email)) byEmail.set(subject.email, subject);
  }
  const created: ImportedCustomer[] = [];
  for (const customer of batch) {
    const locale = customer.locale?.slice(0, 2).toLowerCase() || null;
    // Retention counts a contact's time from when the shop first had them, not from the import.
    const firstSeen = customer.createdAt && customer.createdAt < now ? customer.createdAt : now;
    const existing =
      byCustomer.get(customer.customerId) ?? (customer.email ? byEmail.get(customer.email) : undefined);
    if (!existing) {
      created.push(customer);
      continue;
    }
    const data = {
      ...(existing.shopifyCustomerId === null && { shopifyCustomerId: customer.customerId }),
      ...(customer.email && customer.email !== existing.email && { email: customer.email }),
      ...(existing.locale === null && locale && { locale }),
      ...(existing.orderCount !== customer.numberOfOrders && { orderCount: customer.numberOfOrders }),
      ...(firstSeen < existing.createdAt && { createdAt: firstSeen }),
    };
    const updated = Object.keys(data).length > 0 ? { ...existing, ...data } : existing;
    if (Object.keys(data).length > 0) await tx.subject.update({ where: { id: existing.id }, data });
    byCustomer.set(customer.customerId, updated);
  }
  if (created.length > 0) {
    await tx.subject.createMany({
      data: created.map((customer) => ({
        shopId,
        shopifyCustomerId: customer.customerId,
        email: customer.email,
        locale: customer.locale?.slice(0, 2).toLowerCase() || null,
        orderCount: customer.numberOfOrders,
        lastOrderAt: lastOrders.get(customer.customerId) ?? null,
        createdAt: customer.createdAt && customer.createdAt < now ? customer.createdAt : now,
      })),
    });
    for (const customer of created) createdIds.add(customer.customerId);
    const rows = await tx.subject.findMany({
      where: { shopId, shopifyCustomerId: { in: created.map((c) => c.customerId) } },
      select: SUBJECT_FIELDS,
    });
    for (const subject of rows)
      if (subject.shopifyCustomerId) byCustomer.set(subject.shopifyCustomerId, subject);
  }
  return { subjects: byCustomer, created: createdIds };
}

/**
 * Records Shopify's marketing states of the batch as imported (source `shopify_import`: no wording,
 * no notice, no proof claimed; GDPR art. 7(1)) where they tell Vigie something new: a state that
 * differs from Vigie's and is not older than it. SUBSCRIBED and UNSUBSCRIBED only: NOT_SUBSCRIBED,
 * PENDING, REDACTED and INVALID are no choice of the person's. Nothing is pushed anywhere: the state
 * came from Shopify. Chained in one append for the batch; returns how many were recorded.
 */
async function importMarketingStates(
  tx: Tx,
  shopId: string,
  customers: Map<string, ImportedCustomer>,
  subjects: Map<string, StoredSubject>,
  now: Date,
): Promise<number> {
  const candidates = [...customers.values()].flatMap((customer) => {
    const subject = subjects.get(customer.customerId);
    const state = customer.marketing?.state;
    const target = state === "SUBSCRIBED" ? "subscribed" : state === "UNSUBSCRIBED" ? "unsubscribed" : null;
    return subject?.email && customer.marketing && target
      ? [{ customer, subject, marketing: customer.marketing, target }]
      : [];
  });
  if (candidates.length === 0) return 0;
  const stored = () =>
    tx.consentState.findMany({
      where: { subjectId: { in: candidates.map((c) => c.subject.id) }, purpose: "newsletter" },
      select: { subjectId: true, status: true, since: true },
    });
  // Already in that state: nothing to record and nothing to lock, the usual case on a second run.
  const before = new Map((await stored()).map((s) => [s.subjectId, s.status]));
  if (candidates.every((c) => before.get(c.subject.id) === c.target)) return 0;
  // Read again under the shop's ledger lock: a webhook recording at the same time goes first or after.
  await lockShopLedger(tx, shopId);
  const current = new Map((await stored()).map((s) => [s.subjectId, s]));
  const recorded: Array<{ subjectId: string; at: Date }> = [];
  const inputs: RecordConsentInput[] = [];
  const seen = new Set<string>();
  for (const { customer, subject, marketing, target } of candidates) {
    const state = current.get(subject.id);
    if (state?.status === target || state?.status === "pending" || seen.has(subject.id)) continue;
    seen.add(subject.id);
    const occurredAt = marketing.updatedAt ?? customer.createdAt ?? now;
    // What Vigie recorded itself is newer, or the two cannot be ordered: Vigie's stands.
    if (
      state &&
      state.status !== "never" &&
      (!marketing.updatedAt || !state.since || occurredAt <= state.since)
    )
      continue;
    const at = occurredAt > now ? now : occurredAt;
    inputs.push({
      shopId,
      subject: {
        id: subject.id,
        email: subject.email as string,
        shopifyCustomerId: subject.shopifyCustomerId,
      },
      kind: target === "subscribed" ? "granted" : "withdrawn",
      lawfulBasis: "consent",
      source: "shopify_import",
      occurredAt: at,
    });
    recorded.push({ subjectId: subject.id, at });
  }
  if (inputs.length === 0) return 0;
  await appendConsentEvents(tx, inputs, now);
  // The contact retention counts from is the person's act in Shopify, not Vigie's reading of it.
  for (const { subjectId, at } of recorded) {
    await tx.consentState.updateMany({
      where: { subjectId, purpose: "newsletter" },
      data: { updatedAt: at },
    });
  }
  return inputs.length;
}
