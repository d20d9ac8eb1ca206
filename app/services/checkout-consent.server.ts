// A newsletter consent given at checkout for one order, whichever way it reaches Vigie: the order's
// attributes in orders/create (Plus stores), or the thank-you page's POST to /api/checkout/consent
// (every plan; docs/decisions/013). Both go through here, so that one order's box yields one act.
import type { Db, Tx } from "~/db/client.server";
import { direct } from "~/db/direct.server";
import { questionMarks } from "~/db/sql";
import { needsConfirmation } from "~/domain/consent";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { recordOwnFormGrant } from "./consent-confirmation.server";
import { currentConsent, type RecordConsentInput } from "./consent-ledger.server";
import {
  countCheckout,
  countCheckouts,
  type RecordOutcome,
  recordConsent,
  recordOwnFormGrants,
} from "./consents.server";
import { parseShopSettings } from "./shop-settings.server";
import type { AppLinks } from "./unsubscribe.server";

export type CheckoutConsentInput = RecordConsentInput & { kind: "granted" | "withdrawn"; source: "checkout" };

/**
 * Records a checkout grant or withdrawal through recordConsent's rules, plus one per order: a grant
 * is not recorded again when the order's latest event is already a grant (the attributes and the
 * thank-you page reporting the same box), nor when a later event of the order (a withdrawal on the
 * thank-you page) already says what the shopper decided after it. The order's first grant counts
 * in the consent-rate chart, on the day of the order (`orderedAt`). Under double opt-in the grant
 * waits for its confirmation (consent-confirmation.server.ts: `links` builds the e-mail's links).
 */
export async function recordCheckoutConsent(
  tx: Tx,
  shopDomain: string,
  input: CheckoutConsentInput,
  orderedAt: Date,
  links: () => AppLinks,
  now = new Date(),
): Promise<RecordOutcome> {
  if (input.kind === "withdrawn") return recordConsent(tx, shopDomain, input, now);
  const latest = input.orderId
    ? await tx.consentEvent.findFirst({
        where: {
          shopId: input.shopId,
          subjectId: input.subject.id,
          purpose: "newsletter",
          orderId: input.orderId,
        },
        orderBy: { seq: "desc" },
        select: { kind: true, occurredAt: true },
      })
    : null;
  if (orderDecided(latest, input)) return { recorded: false, reason: "already" };
  const outcome = await recordOwnFormGrant(tx, shopDomain, { ...input, kind: "granted" }, links, now);
  if (outcome.recorded && input.orderId && !latest) {
    await countCheckout(tx, input.shopId, orderedAt, "consent");
  }
  return outcome;
}

type OrderAct = { kind: string; occurredAt: Date };

/**
 * True when an order's latest event already says what a new grant for it would: a grant (whether
 * it subscribed at once or awaits its confirmation under double opt-in), or a later act.
 */
function orderDecided(latest: OrderAct | null | undefined, input: { occurredAt: Date }) {
  const granted = latest?.kind === "granted" || latest?.kind === "confirmation_requested";
  return latest ? granted || latest.occurredAt >= input.occurredAt : false;
}

/**
 * recordCheckoutConsent for several checkout grants of one shop, in order (a batch of
 * orders/create; docs/decisions/080): the orders' latest events read at once, the grants appended
 * together. A shop under double opt-in takes each grant in turn (its e-mails and audit entries).
 */
export async function recordCheckoutGrants(
  tx: Tx,
  shopDomain: string,
  grants: { input: CheckoutConsentInput; orderedAt: Date }[],
  links: () => AppLinks,
  now = new Date(),
) {
  const shopId = grants[0]?.input.shopId;
  if (!shopId) return;
  const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  if (
    parseShopSettings(shop.settings).doubleOptIn ||
    grants.some(({ input }) => input.kind !== "granted" || input.shopId !== shopId)
  ) {
    for (const { input, orderedAt } of grants)
      await recordCheckoutConsent(tx, shopDomain, input, orderedAt, links, now);
    return;
  }
  const orderIds = [...new Set(grants.flatMap(({ input }) => (input.orderId ? [input.orderId] : [])))];
  const earlier =
    orderIds.length > 0
      ? await (await direct(tx)).all<OrderAct & { subjectId: string | null; orderId: string; seq: number }>(
          `SELECT "subjectId", "orderId", "kind", "occurredAt", "seq" FROM "ConsentEvent"
            WHERE "shopId" = ? AND "purpose" = 'newsletter' AND "orderId" IN (${questionMarks(orderIds.length)})`,
          [shopId, ...orderIds],
        )
      : [];
  const latestOf = new Map<string, OrderAct & { seq: number }>();
  for (const event of earlier) {
    const key = `${event.subjectId}\n${event.orderId}`;
    if ((latestOf.get(key)?.seq ?? 0) < event.seq) latestOf.set(key, event);
  }
  const recorded: CheckoutConsentInput[] = [];
  const firstGrants: Date[] = [];
  for (const { input, orderedAt } of grants) {
    const key = input.orderId ? `${input.subject.id}\n${input.orderId}` : null;
    const latest = key ? latestOf.get(key) : undefined;
    if (orderDecided(latest, input)) continue;
    recorded.push(input);
    if (input.orderId && !latest) firstGrants.push(orderedAt);
    // A second delivery of the same order in this batch sees this grant, as it would in turn.
    if (key)
      latestOf.set(key, { kind: "granted", occurredAt: input.occurredAt, seq: Number.MAX_SAFE_INTEGER });
  }
  await recordOwnFormGrants(tx, shopDomain, recorded, now);
  await countCheckouts(tx, shopId, firstGrants, "consent");
}

/** What the thank-you page's box shows: nothing more than the state (no date, no wording). */
export type BuyerNewsletterState = "subscribed" | "pending" | "not_subscribed";

/**
 * The newsletter state of an order's buyer, as Shopify names them (customer id, else address),
 * for the thank-you page's box. `unprocessed`: the order's latest act on that page whose job has
 * not run yet, which is what the buyer last chose.
 */
export async function buyerNewsletterState(
  db: Db,
  shopId: string,
  buyer: { customerId: string | null; email: string | null },
  unprocessed: "granted" | "withdrawn" | null = null,
): Promise<BuyerNewsletterState> {
  const email = normaliseEmail(buyer.email);
  const subject =
    (buyer.customerId &&
      (await db.subject.findUnique({
        where: { shopId_shopifyCustomerId: { shopId, shopifyCustomerId: buyer.customerId } },
        select: { id: true },
      }))) ||
    (email &&
      (await db.subject.findFirst({
        where: { shopId, email },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      })));
  const state = subject ? await currentConsent(db, subject.id) : { status: "never" as const };
  if (unprocessed === "withdrawn") return "not_subscribed";
  if (unprocessed === "granted") {
    const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
    const { doubleOptIn } = parseShopSettings(shop.settings);
    return needsConfirmation({ doubleOptIn, source: "checkout", state }) ? "pending" : "subscribed";
  }
  if (state.status === "subscribed" || state.status === "pending") return state.status;
  return "not_subscribed";
}
