// What one batch of the guest orders' lines does to the shop's subjects (docs/decisions/070): each
// buyer who ordered without an account becomes a subject found by e-mail (the shop's subject with that
// address if there is one, a customer's included: never a second one), with the last order moved
// forward, the count of their orders without an account, and the time the shop first had them. No
// marketing state: an order placed without an account says nothing of the buyer's consent.
import type { ImportedGuestOrder } from "~/connectors/shopify/bulk-guest-orders";
import { erasedAmong } from "~/connectors/vigie/erased-contacts.server";
import type { Tx } from "~/db/client.server";

export type GuestBatchOutcome = {
  /** Orders placed without an account applied. */
  guestOrders: number;
  /** E-mail addresses seen for the first time in this pass over the file. */
  guests: number;
};

/**
 * Before a pass over the guest orders' file (in the transaction that starts it): the counts of the
 * last pass are cleared, and this pass counts every order once (each batch commits with the offset
 * it reached, so a resumed pass never counts a line twice). A run again therefore ends with the
 * same counts; the last order and the first-seen date only ever move one way.
 */
export async function resetGuestOrderCounts(tx: Tx, shopId: string) {
  await tx.subject.updateMany({
    where: { shopId, guestOrderCount: { not: null } },
    data: { guestOrderCount: null },
  });
}

/** Applies one batch (in the caller's transaction, with the progress that goes with it). */
export async function applyGuestOrdersBatch(
  tx: Tx,
  shopId: string,
  orders: ImportedGuestOrder[],
  now: Date,
): Promise<GuestBatchOutcome> {
  // A guest Vigie erased stays erased: Shopify keeps their orders for the accounts (docs/decisions/084).
  const erased = await erasedAmong(
    tx,
    shopId,
    orders.map((order) => ({ order, email: order.email, datedAt: order.createdAt })),
  );
  const skipped = new Set([...erased].map((ref) => ref.order));
  const buyers = new Map<string, { orders: number; last: Date; first: Date }>();
  for (const order of orders) {
    if (skipped.has(order)) continue;
    const known = buyers.get(order.email);
    if (!known) buyers.set(order.email, { orders: 1, last: order.createdAt, first: order.createdAt });
    else {
      known.orders += 1;
      if (order.createdAt > known.last) known.last = order.createdAt;
      if (order.createdAt < known.first) known.first = order.createdAt;
    }
  }
  const applied = orders.length - skipped.size;
  if (buyers.size === 0) return { guestOrders: applied, guests: 0 };
  // As upsertSubject finds someone by e-mail: the oldest subject with that address.
  const found = await tx.subject.findMany({
    where: { shopId, email: { in: [...buyers.keys()] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, lastOrderAt: true, guestOrderCount: true, createdAt: true },
  });
  const byEmail = new Map<string, (typeof found)[number]>();
  for (const subject of found)
    if (subject.email && !byEmail.has(subject.email)) byEmail.set(subject.email, subject);

  let guests = 0;
  const created: Array<{ email: string; orders: number; last: Date; firstSeen: Date }> = [];
  for (const [email, buyer] of buyers) {
    // Retention counts from when the shop first had the person, not from the import.
    const firstSeen = buyer.first < now ? buyer.first : now;
    const subject = byEmail.get(email);
    if (!subject) {
      created.push({ email, orders: buyer.orders, last: buyer.last, firstSeen });
      guests += 1;
      continue;
    }
    if (subject.guestOrderCount === null) guests += 1;
    await tx.subject.update({
      where: { id: subject.id },
      data: {
        guestOrderCount: (subject.guestOrderCount ?? 0) + buyer.orders,
        ...((!subject.lastOrderAt || buyer.last > subject.lastOrderAt) && { lastOrderAt: buyer.last }),
        ...(firstSeen < subject.createdAt && { createdAt: firstSeen }),
      },
    });
  }
  if (created.length > 0) {
    await tx.subject.createMany({
      data: created.map((buyer) => ({
        shopId,
        email: buyer.email,
        lastOrderAt: buyer.last,
        guestOrderCount: buyer.orders,
        createdAt: buyer.firstSeen,
      })),
    });
  }
  return { guestOrders: applied, guests };
}
