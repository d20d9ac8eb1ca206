// Who is past the shop's retention periods (policy §4; GDPR art. 5(1)(e)): counted in the database,
// the first ones listed with why; and the sweep that files an erasure for each, for staff to approve.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { isAppError } from "~/domain/errors";
import { RESTRICTED_STATUSES } from "~/domain/requests/restriction";
import { OPEN_REQUEST_STATES, retentionCutoffs, retentionDue } from "~/domain/retention/retention-rules";
import type { ErasureStep } from "~/domain/systems";
import { FILTERED_COUNT_CAP } from "~/i18n/format-count";
import { recordAudit } from "./audit.server";
import { cappedCount } from "./capped-count.server";
import { approveErasure, parsePlan } from "./erasure/erasure-runs.server";
import { fileRequest } from "./requests/create-request.server";
import { isSubjectRestricted, NOT_RESTRICTED } from "./restriction/restrictions.server";
import { parseShopSettings } from "./shop-settings.server";

/** Subjects one sweep files erasures for: bounded work per click; the next sweep takes the rest. */
export const SWEEP_BATCH = 100;

/**
 * The rules of retentionDue as filters, for customers and for contacts who never ordered. GDPR
 * art. 18(2): a person whose processing is restricted is only stored, never erased by the sweep
 * (`restricted: true` gives those, kept and counted apart).
 */
function dueFilters(shopId: string, cutoffs: ReturnType<typeof retentionCutoffs>, restricted = false) {
  const noOpenRequest = { none: { state: { in: OPEN_REQUEST_STATES } } };
  const restriction: Prisma.SubjectWhereInput = restricted
    ? { restrictions: { some: { status: { in: RESTRICTED_STATUSES } } } }
    : NOT_RESTRICTED;
  const customers: Prisma.SubjectWhereInput = {
    shopId,
    lastOrderAt: { lt: cutoffs.customers },
    requests: noOpenRequest,
    ...restriction,
  };
  // Their sign-up, consent changes and requests all older than the cut-off. A customer whose orders
  // Shopify counts but Vigie could not read (older than 60 days without read_all_orders) is no prospect.
  const prospects: Prisma.SubjectWhereInput = {
    shopId,
    lastOrderAt: null,
    OR: [{ orderCount: null }, { orderCount: 0 }],
    createdAt: { lt: cutoffs.prospects },
    // Their last click or reply (docs/decisions/069), never an open.
    AND: [{ OR: [{ lastEngagedAt: null }, { lastEngagedAt: { lt: cutoffs.prospects } }] }],
    consentStates: { none: { updatedAt: { gte: cutoffs.prospects } } },
    requests: {
      none: { OR: [{ state: { in: OPEN_REQUEST_STATES } }, { receivedAt: { gte: cutoffs.prospects } }] },
    },
    ...restriction,
  };
  return { customers, prospects };
}

async function policyOf(db: Db, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  return parseShopSettings(shop.settings).retention;
}

const DUE_SELECT = {
  id: true,
  email: true,
  shopifyCustomerId: true,
  createdAt: true,
  lastOrderAt: true,
  lastEngagedAt: true,
  consentStates: { select: { updatedAt: true } },
  requests: { select: { receivedAt: true, state: true } },
} satisfies Prisma.SubjectSelect;

/**
 * The first `limit` subjects past their period, customers first, each with why and since when.
 * Two reads, each in the order of the (shopId, lastOrderAt, createdAt, id) index, so the database walks
 * the index and stops at `limit` instead of sorting every candidate (docs/decisions/086).
 */
async function dueSubjects(
  db: Db,
  shopId: string,
  cutoffs: ReturnType<typeof retentionCutoffs>,
  limit: number,
) {
  const { customers, prospects } = dueFilters(shopId, cutoffs);
  const oldestOrders = await db.subject.findMany({
    where: customers,
    orderBy: [{ lastOrderAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: DUE_SELECT,
  });
  const neverOrdered =
    oldestOrders.length < limit
      ? await db.subject.findMany({
          where: prospects,
          orderBy: { createdAt: "asc" },
          take: limit - oldestOrders.length,
          select: DUE_SELECT,
        })
      : [];
  return [...oldestOrders, ...neverOrdered].flatMap((subject) => {
    const lastContactAt = new Date(
      Math.max(
        subject.createdAt.getTime(),
        subject.lastEngagedAt?.getTime() ?? 0,
        ...subject.consentStates.map((state) => state.updatedAt.getTime()),
        ...subject.requests.map((request) => request.receivedAt.getTime()),
      ),
    );
    const openRequest = subject.requests.some((r) => (OPEN_REQUEST_STATES as string[]).includes(r.state));
    const reason = retentionDue({ lastOrderAt: subject.lastOrderAt, lastContactAt, openRequest }, cutoffs);
    return reason
      ? [
          {
            id: subject.id,
            email: subject.email,
            shopifyCustomerId: subject.shopifyCustomerId,
            reason,
            since: (reason === "customer" ? (subject.lastOrderAt as Date) : lastContactAt).toISOString(),
          },
        ]
      : [];
  });
}

/** Everyone past their period, counted exactly (the page caps its counts): customers and contacts. */
export async function retentionDueSet(db: Db, shopId: string, now = new Date()) {
  const { customers, prospects } = dueFilters(shopId, retentionCutoffs(now, await policyOf(db, shopId)));
  const [customerCount, prospectCount] = await Promise.all([
    db.subject.count({ where: customers }),
    db.subject.count({ where: prospects }),
  ]);
  return { customers: customerCount, prospects: prospectCount };
}

/**
 * Subjects past their period but restricted, oldest first. Read from the shop's restrictions (a few)
 * rather than by testing every subject past its period for one.
 */
async function restrictedPastPeriod(
  db: Db,
  shopId: string,
  kept: ReturnType<typeof dueFilters>,
  limit: number,
) {
  const restrictions = await db.restriction.findMany({
    where: { shopId, status: { in: RESTRICTED_STATUSES } },
    select: { subjectId: true },
  });
  if (restrictions.length === 0) return [];
  return db.subject.findMany({
    where: {
      id: { in: [...new Set(restrictions.map((r) => r.subjectId))] },
      OR: [kept.customers, kept.prospects],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, email: true, restrictions: { select: { requestId: true, ground: true } } },
  });
}

/** What the Retention page shows; its counts of who is due stop at 101 (shown "100+", docs/decisions/090). */
export async function retentionOverview(db: Db, shopId: string, now = new Date(), limit = 50) {
  const policy = await policyOf(db, shopId);
  const cutoffs = retentionCutoffs(now, policy);
  const { customers, prospects } = dueFilters(shopId, cutoffs);
  const kept = dueFilters(shopId, cutoffs, true);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ordersAccess: true } });
  const [customerCount, prospectCount, due, unknownLastOrder, restricted] = await Promise.all([
    // In the order of the (shopId, lastOrderAt, createdAt, id) index, which the filters walk.
    cappedCount(
      (cap) =>
        db.subject.count({
          where: customers,
          orderBy: [{ lastOrderAt: "asc" }, { createdAt: "asc" }],
          ...cap,
        }),
      FILTERED_COUNT_CAP,
    ),
    // With a cap of 100 PostgreSQL walks the index and probes the other tables row by row; at 1 000
    // it hashed every consent state of the shop instead (docs/decisions/090).
    cappedCount(
      (cap) =>
        db.subject.count({
          where: prospects,
          orderBy: [{ lastOrderAt: "asc" }, { createdAt: "asc" }],
          ...cap,
        }),
      FILTERED_COUNT_CAP,
    ),
    dueSubjects(db, shopId, cutoffs, limit),
    // Only shown when Shopify let Vigie read the last 60 days of orders: with every order readable,
    // no customer with orders lacks a last order date.
    shop.ordersAccess === "recent"
      ? cappedCount((cap) =>
          db.subject.count({
            where: { shopId, lastOrderAt: null, orderCount: { gt: 0 } },
            orderBy: { createdAt: "asc" },
            ...cap,
          }),
        )
      : 0,
    restrictedPastPeriod(db, shopId, kept, limit),
  ]);
  return {
    policy,
    counts: { customers: customerCount, prospects: prospectCount },
    /** Customers Shopify counts orders for whose last order date Vigie could not read. */
    unknownLastOrder,
    due,
    /** Past their period but restricted (GDPR art. 18(2)): kept, with the request that restricted them. */
    restricted: restricted.map((s) => ({
      id: s.id,
      email: s.email,
      requestId: s.restrictions[0]?.requestId ?? null,
      ground: s.restrictions[0]?.ground ?? null,
    })),
    // "recent": Shopify let Vigie read only the last 60 days of orders (docs/decisions/047).
    ordersAccess: shop.ordersAccess as "all" | "recent" | null,
  };
}

/**
 * Files an erasure request (channel `retention`, no requester: the shop erases on its own initiative,
 * GDPR art. 5(1)(e) and 17(1)(a)) for each of the first `SWEEP_BATCH` subjects past their period.
 * Each is planned like any erasure and runs only once staff approve its plan (approveErasure, from
 * the request page or approveRetentionErasures).
 * A subject that gained an open request meanwhile (a second sweep, a shopper's own request) is left.
 */
export async function sweepRetention(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  now = new Date(),
): Promise<{ filed: number }> {
  const row = await db.shop.findUniqueOrThrow({
    where: { id: shop.id },
    select: { name: true, locale: true },
  });
  const cutoffs = retentionCutoffs(now, await policyOf(db, shop.id));
  let filed = 0;
  for (const subject of await dueSubjects(db, shop.id, cutoffs, SWEEP_BATCH)) {
    const done = await db.$transaction(async (tx) => {
      // Locks the subject's row, so that two sweeps at once file one request.
      await tx.$executeRaw`UPDATE "Subject" SET "id" = "id" WHERE "id" = ${subject.id}`;
      const open = await tx.rightsRequest.count({
        where: { shopId: shop.id, subjectId: subject.id, state: { in: OPEN_REQUEST_STATES } },
      });
      if (open > 0) return false;
      // GDPR art. 18(2): restricted meanwhile: only stored, not erased.
      if (await isSubjectRestricted(tx, subject.id)) return false;
      await fileRequest(tx, null, {
        shop: { id: shop.id, domain: shop.domain, name: row.name },
        details: { type: "erasure" },
        channel: "retention",
        requesterEmail: null,
        locale: row.locale === "en" ? "en" : "fr",
        receivedAt: now,
        identity: { level: "verified", rationale: "retention_period" },
        subjectId: subject.id,
        shopifyCustomerId: subject.shopifyCustomerId,
        actor: { type: "staff", id: staffId },
      });
      return true;
    });
    if (done) filed += 1;
  }
  await recordAudit(db, {
    shopId: shop.id,
    actorType: "staff",
    actorId: staffId,
    action: "retention.swept",
    targetType: "shop",
    targetId: shop.id,
    data: { filed },
  });
  return { filed };
}

/** How many steps of each action one system's plan has. */
export type PlanSummary = { system: string; actions: Partial<Record<ErasureStep["action"], number>> }[];

/**
 * Retention erasures whose plan waits for staff, oldest first: who, and per system how many steps
 * delete, mask, archive or keep (the request page shows each plan in full).
 */
export async function plannedRetentionErasures(db: Db, shopId: string, limit = SWEEP_BATCH) {
  const runs = await db.erasureRun.findMany({
    where: {
      shopId,
      channel: "retention",
      status: "planned",
      request: { OR: [{ subjectId: null }, { subject: NOT_RESTRICTED }] },
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: {
      id: true,
      plan: true,
      request: { select: { id: true, reference: true, subject: { select: { email: true } } } },
    },
  });
  return runs.map((run) => ({
    runId: run.id,
    requestId: run.request.id,
    reference: run.request.reference,
    email: run.request.subject?.email ?? null,
    summary: parsePlan(run)
      .filter((plan) => plan.steps.length > 0)
      .map(({ system, steps }) => ({
        system,
        actions: steps.reduce<PlanSummary[number]["actions"]>((counts, step) => {
          counts[step.action] = (counts[step.action] ?? 0) + 1;
          return counts;
        }, {}),
      })),
  }));
}

/**
 * Approves the retention erasures staff were shown (`runIds`), each exactly as its request page
 * would (approveErasure: audited, execution queued). A run no longer planned is left out.
 */
export async function approveRetentionErasures(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  runIds: string[],
): Promise<{ approved: number }> {
  const runs = await db.erasureRun.findMany({
    where: { id: { in: runIds }, shopId: shop.id, channel: "retention", status: "planned" },
    select: { id: true },
  });
  let approved = 0;
  for (const run of runs) {
    try {
      if (await approveErasure(db, shop, staffId, run.id)) approved += 1;
    } catch (error) {
      // Restricted since it was planned (GDPR art. 18(2)): left planned, shown with why.
      if (!isAppError(error, "SUBJECT_RESTRICTED")) throw error;
    }
  }
  return { approved };
}
