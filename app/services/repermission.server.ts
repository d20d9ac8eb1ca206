// Re-permission before the prospects' period ends (docs/decisions/069; CNIL: 3 years from the last
// contact the person initiated). A job asks, in batches, each newsletter subscriber who never
// ordered and whose period ends within the shop's lead time, once per period (unique row per
// subject and period end): a `repermission_requested` ledger event, the e-mail, an audit entry, in
// one transaction. Their click on the signed link records a renewed consent with its proof; silence
// lets the retention sweep file their erasure once the period is over.

import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { z } from "zod";
import type { ShopConnectors } from "~/connectors/registry.server";
import type { Db, Tx } from "~/db/client.server";
import { minimiseIp, type WordingLocale } from "~/domain/consent";
import { toLocalDate } from "~/domain/deadlines/local-date";
import {
  decideRenewal,
  lastContact,
  lastEngagement,
  periodEnd,
  type RenewalDecision,
  repermissionDue,
  repermissionSkip,
} from "~/domain/retention/repermission";
import { OPEN_REQUEST_STATES, yearsBefore } from "~/domain/retention/retention-rules";
import { FILTERED_COUNT_CAP } from "~/i18n/format-count";
import { SHOPPER_FALLBACK, shopperLocaleOf } from "~/i18n/locale";
import { createShopperTranslator } from "~/i18n/translate";
import type { JobContext } from "~/jobs/handler";
import { RepermissionBatchJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { queueEmail } from "~/mail/outbox.server";
import { signToken, verifyToken } from "~/utils/signed-token.server";
import { recordAudit } from "./audit.server";
import { cappedCount, cappedCountOverWalks, type Walk, type WalkedCount } from "./capped-count.server";
import { appendConsentEvent, currentConsent, lockShopLedger } from "./consent-ledger.server";
import { recordConsent } from "./consents.server";
import { isSubjectRestricted, NOT_RESTRICTED } from "./restriction/restrictions.server";
import { parseShopSettings } from "./shop-settings.server";
import { type AppLinks, unsubscribeUrl } from "./unsubscribe.server";

/** Subjects one job looks at; the next batch is queued when this one was full. */
export const REPERMISSION_BATCH = 50;
const DAY_MS = 86_400_000;
/** The catalogue key of the sentence a renewal agrees to (recorded as its wording). */
const WORDING_KEY = "shopper.repermission.wording";

type Policy = { prospectYears: number; repermissionLeadDays: number };

/** The lead window: a period ending by now + lead began with a last contact in (cutoff, latest]. */
function leadWindow(now: Date, policy: Policy) {
  return {
    latest: yearsBefore(new Date(now.getTime() + policy.repermissionLeadDays * DAY_MS), policy.prospectYears),
    cutoff: yearsBefore(now, policy.prospectYears),
  };
}

/**
 * Newsletter subscribers who never ordered, not restricted, who did not object, with no contact
 * after `latest` (their period ends within the lead time), not asked for a period still running.
 * With one contact after `cutoff` (their period still runs: `stillRunning`), a candidate.
 */
function candidateBase(shopId: string, now: Date, policy: Policy): Prisma.SubjectWhereInput {
  const { latest } = leadWindow(now, policy);
  return {
    shopId,
    email: { not: null },
    lastOrderAt: null,
    OR: [{ orderCount: null }, { orderCount: 0 }],
    marketingObjectionAt: null,
    ...NOT_RESTRICTED,
    createdAt: { lte: latest },
    consentStates: {
      some: { purpose: "newsletter", status: "subscribed" },
      none: { updatedAt: { gt: latest } },
    },
    requests: { none: { OR: [{ state: { in: OPEN_REQUEST_STATES } }, { receivedAt: { gt: latest } }] } },
    repermissions: { none: { periodEndsAt: { gt: now } } },
  };
}

/**
 * Newsletter subscribers who never ordered, not restricted, who did not object, whose last contact
 * ends their period within the lead time and not yet, and who were not asked for a period still
 * running. The exact period end is computed per subject (askBatch); this narrows the rows read.
 */
export function candidateFilter(shopId: string, now: Date, policy: Policy): Prisma.SubjectWhereInput {
  const { latest, cutoff } = leadWindow(now, policy);
  return {
    ...candidateBase(shopId, now, policy),
    AND: [
      { OR: [{ lastEngagedAt: null }, { lastEngagedAt: { lte: latest } }] },
      {
        OR: [
          { createdAt: { gt: cutoff } },
          { consentStates: { some: { updatedAt: { gt: cutoff } } } },
          { requests: { some: { receivedAt: { gt: cutoff } } } },
          { lastEngagedAt: { gt: cutoff } },
        ],
      },
    ],
  };
}

/**
 * How many candidates (candidateFilter), capped at `cap` (cap + 1 means more). Their filter's OR of
 * four contacts has no index: read as it is, it tests every contact who never ordered. A candidate's
 * contacts are all at or before `latest` and one is after `cutoff`: that one lies in the lead window
 * (cutoff, latest] (docs/decisions/090). Those who signed up in it are counted on the retention
 * index; the others clicked, changed a consent or made a request in it, and three walks on indexes
 * read those rows (2 000 at most: beyond, `complete` is false and the count a lower bound).
 */
export async function countRepermissionCandidates(
  db: Db,
  shopId: string,
  policy: Policy,
  now = new Date(),
  { cap = FILTERED_COUNT_CAP, ...walking }: { cap?: number; budget?: number; page?: number } = {},
): Promise<WalkedCount> {
  const { latest, cutoff } = leadWindow(now, policy);
  const base: Prisma.SubjectWhereInput = {
    ...candidateBase(shopId, now, policy),
    AND: [{ OR: [{ lastEngagedAt: null }, { lastEngagedAt: { lte: latest } }] }],
  };
  const within = { gt: cutoff, lte: latest };
  const signedUp = await cappedCount(
    (take) =>
      db.subject.count({
        where: { ...base, createdAt: within },
        // The index's own order (lastOrderAt is null here).
        orderBy: [{ lastOrderAt: "asc" }, { createdAt: "asc" }],
        ...take,
      }),
    cap,
  );
  if (signedUp > cap) return { count: cap + 1, complete: true };
  const walks: Walk[] = [
    // Clicked within the window.
    async (after, take) =>
      (
        await db.subject.findMany({
          where: {
            shopId,
            lastEngagedAt: { ...within, ...(after && { gte: after.at }) },
            ...(after && { OR: [{ lastEngagedAt: { gt: after.at } }, { id: { gt: after.key } }] }),
          },
          orderBy: [{ lastEngagedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, lastEngagedAt: true },
        })
      ).map((row) => ({ subjectId: row.id, at: row.lastEngagedAt as Date, key: row.id })),
    // A request received within the window.
    async (after, take) =>
      (
        await db.rightsRequest.findMany({
          where: {
            shopId,
            subjectId: { not: null },
            receivedAt: { ...within, ...(after && { gte: after.at }) },
            ...(after && { OR: [{ receivedAt: { gt: after.at } }, { id: { gt: after.key } }] }),
          },
          orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, subjectId: true, receivedAt: true },
        })
      ).map((row) => ({ subjectId: row.subjectId as string, at: row.receivedAt, key: row.id })),
    // A consent changed within the window (two purposes at the same instant: the person is seen).
    async (after, take) =>
      (
        await db.consentState.findMany({
          where: {
            shopId,
            updatedAt: { ...within, ...(after && { gte: after.at }) },
            ...(after && { OR: [{ updatedAt: { gt: after.at } }, { subjectId: { gt: after.key } }] }),
          },
          orderBy: [{ updatedAt: "asc" }, { subjectId: "asc" }],
          take,
          select: { subjectId: true, updatedAt: true },
        })
      ).map((row) => ({ subjectId: row.subjectId, at: row.updatedAt, key: row.subjectId })),
  ];
  // Signed up at or before the cut-off: nobody counted above is counted again.
  const others = await cappedCountOverWalks(
    walks,
    (ids) => db.subject.count({ where: { ...base, createdAt: { lte: cutoff }, id: { in: ids } } }),
    cap - signedUp,
    walking,
  );
  return { count: signedUp + others.count, complete: others.complete };
}

async function shopOf(db: Db | Tx, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { id: true, domain: true, name: true, locale: true, settings: true },
  });
  const settings = parseShopSettings(shop.settings);
  return { ...shop, settings, policy: settings.retention };
}

/** The subscriber's language when Vigie writes it, else the shop's, else French. */
function localeOf(subjectLocale: string | null, shopLocale: string): WordingLocale {
  return shopperLocaleOf(subjectLocale) ?? shopperLocaleOf(shopLocale) ?? SHOPPER_FALLBACK;
}

/** The sentence a click on the renewal link agrees to, exactly as the e-mail and the page show it. */
function renewalWording(locale: WordingLocale, shopName: string) {
  return createShopperTranslator(locale)(WORDING_KEY, { shop: shopName });
}

const RenewTokenSchema = z.object({ s: z.string().min(1), r: z.string().min(1) });

/** The renewal link of one ask; it expires when the period it was sent for ends. */
export function repermissionUrl(
  links: AppLinks,
  ask: { id: string; shopId: string; periodEndsAt: Date },
  now = new Date(),
) {
  const ttlSeconds = Math.max(60, Math.floor((ask.periodEndsAt.getTime() - now.getTime()) / 1000));
  const token = signToken(links.secret, "repermission", { s: ask.shopId, r: ask.id }, { ttlSeconds, now });
  return `${links.appUrl}/consent/renew/${token}`;
}

export type BatchContext = {
  db: Db;
  links: AppLinks;
  /** Mailchimp's opens and clicks; null or absent when Mailchimp is not connected. */
  engagement?: ShopConnectors["mailchimpEngagement"];
};

export type BatchOutcome = { asked: number; skipped: number; next: string | null };

/**
 * Asks one batch (`batch` subjects after the id `after`). Before asking, the person's clicks in
 * Mailchimp since their last known contact are read: a click moves their period and they are not
 * asked yet. Each ask is one transaction under the shop's ledger lock; a second worker finds the
 * row and asks nobody twice (and the unique constraint refuses a second row for the same period).
 */
export async function askRepermissionBatch(
  context: BatchContext,
  shopId: string,
  after?: string,
  now = new Date(),
  batch = REPERMISSION_BATCH,
): Promise<BatchOutcome> {
  const { db } = context;
  const shop = await shopOf(db, shopId);
  const rows = await db.subject.findMany({
    where: { ...candidateFilter(shopId, now, shop.policy), ...(after && { id: { gt: after } }) },
    orderBy: { id: "asc" },
    take: batch,
    select: {
      id: true,
      email: true,
      createdAt: true,
      lastEngagedAt: true,
      consentStates: { select: { updatedAt: true } },
      requests: { select: { receivedAt: true } },
    },
  });
  let asked = 0;
  let skipped = 0;
  for (const row of rows) {
    const contacts = [
      row.createdAt,
      row.lastEngagedAt,
      ...row.consentStates.map((s) => s.updatedAt),
      ...row.requests.map((r) => r.receivedAt),
    ];
    let last = lastContact(contacts);
    if (context.engagement && row.email) {
      // The person's own clicks (an open does not count): read only for those about to be asked.
      const engaged = lastEngagement(await context.engagement.engagements(row.email, last));
      if (engaged && engaged > last) {
        await db.subject.update({ where: { id: row.id }, data: { lastEngagedAt: engaged } });
        last = engaged;
      }
    }
    const periodEndsAt = periodEnd(last, shop.policy.prospectYears);
    if (!repermissionDue(periodEndsAt, now, shop.policy.repermissionLeadDays)) {
      skipped++;
      continue;
    }
    const outcome = await askOne(context, shop, row.id, periodEndsAt, now).catch((error: unknown) => {
      // Another worker asked for this period first: its row stands, this transaction rolled back.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "already";
      throw error;
    });
    if (outcome === "asked") asked++;
    else skipped++;
  }
  const next = rows.length === batch ? (rows[rows.length - 1]?.id ?? null) : null;
  return { asked, skipped, next };
}

async function askOne(
  context: BatchContext,
  shop: Awaited<ReturnType<typeof shopOf>>,
  subjectId: string,
  periodEndsAt: Date,
  now: Date,
) {
  return context.db.$transaction(async (tx) => {
    await lockShopLedger(tx, shop.id);
    const existing = await tx.repermission.findUnique({
      where: { subjectId_periodEndsAt: { subjectId, periodEndsAt } },
      select: { id: true },
    });
    if (existing) return "already";
    const subject = await tx.subject.findUniqueOrThrow({
      where: { id: subjectId },
      select: { email: true, shopifyCustomerId: true, locale: true, marketingObjectionAt: true },
    });
    const state = await currentConsent(tx, subjectId);
    const skip = repermissionSkip({
      status: state.status,
      objected: subject.marketingObjectionAt !== null,
      restricted: await isSubjectRestricted(tx, subjectId),
    });
    if (skip || !subject.email) return skip ?? "no_address";
    const person = { id: subjectId, email: subject.email, shopifyCustomerId: subject.shopifyCustomerId };
    const { event } = await appendConsentEvent(
      tx,
      {
        shopId: shop.id,
        subject: person,
        kind: "repermission_requested",
        lawfulBasis: state.lawfulBasis === "soft_opt_in" ? "soft_opt_in" : "consent",
        source: "system",
        occurredAt: now,
      },
      now,
    );
    const ask = await tx.repermission.create({
      data: { shopId: shop.id, subjectId, periodEndsAt, requestEventId: event.id },
    });
    const shopName = shop.name ?? shop.domain;
    const locale = localeOf(subject.locale, shop.locale);
    const emailId = await queueEmail(tx, {
      shopId: shop.id,
      shopDomain: shop.domain,
      to: subject.email,
      locale,
      message: {
        type: "consent.repermission",
        shopName,
        renewUrl: repermissionUrl(context.links, ask, now),
        wording: renewalWording(locale, shopName),
        // The last day of the period, in the shop's calendar.
        endsOn: toLocalDate(new Date(periodEndsAt.getTime() - 1), shop.settings.timeZone),
        writtenOn: toLocalDate(now, shop.settings.timeZone),
        years: shop.policy.prospectYears,
      },
      unsubscribeUrl: unsubscribeUrl(context.links, shop.id, subjectId),
    });
    await tx.repermission.update({ where: { id: ask.id }, data: { emailId } });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "system",
      action: "consent.repermission_requested",
      targetType: "subject",
      targetId: subjectId,
    });
    return "asked";
  });
}

/** Runs one batch job (the shop's links and Mailchimp) and queues the next while batches come back full. */
export async function runRepermissionBatch(
  context: Pick<JobContext, "db" | "links" | "connectors" | "log">,
  payload: { shopId: string; run: string; after?: string },
  now = new Date(),
) {
  const shop = await context.db.shop.findUnique({ where: { id: payload.shopId }, select: { domain: true } });
  if (!shop) return null;
  const batch: BatchContext = {
    db: context.db,
    links: context.links(shop.domain),
    engagement: (await context.connectors(shop.domain)).mailchimpEngagement,
  };
  const outcome = await askRepermissionBatch(batch, payload.shopId, payload.after, now);
  if (outcome.asked > 0) context.log.info("re-permission e-mails queued", { asked: outcome.asked });
  if (outcome.next) await queueBatch(context.db, payload.shopId, payload.run, outcome.next);
  return outcome;
}

async function queueBatch(db: Db | Tx, shopId: string, run: string, after?: string) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { domain: true } });
  return enqueue(
    db,
    RepermissionBatchJob,
    { shopId, run, ...(after && { after }) },
    { shopDomain: shop.domain, key: `${RepermissionBatchJob.id}:${shopId}:${run}:${after ?? ""}` },
  );
}

/** Daily: the first batch of every installed shop (one run per shop and day). */
export async function queueDailyRepermissions(db: Db, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  const shops = await db.shop.findMany({ where: { state: "installed" }, select: { id: true } });
  let queued = 0;
  for (const shop of shops) if (await queueBatch(db, shop.id, day)) queued++;
  return queued;
}

/** Staff send the e-mails now rather than at the daily run (audited). */
export async function startRepermission(db: Db, shop: { id: string }, staffId: string) {
  await db.$transaction(async (tx) => {
    await queueBatch(tx, shop.id, `staff-${randomUUID()}`);
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "retention.repermission_started",
      targetType: "shop",
      targetId: shop.id,
    });
  });
}

/**
 * What the retention page shows: who is to be asked (capped at 1 000, docs/decisions/086 and 090),
 * who was, who renewed, who stayed silent (capped at 10 000).
 */
export async function repermissionProgress(db: Db, shopId: string, now = new Date()) {
  const shop = await shopOf(db, shopId);
  // The asks are counted on (shopId, periodEndsAt), capped like the dashboard's counts (renewed and
  // ended grow with the years).
  const asks = (where: Prisma.RepermissionWhereInput) =>
    cappedCount((cap) =>
      db.repermission.count({ where: { shopId, ...where }, orderBy: { periodEndsAt: "asc" }, ...cap }),
    );
  const [candidates, asked, renewed, ended, running] = await Promise.all([
    countRepermissionCandidates(db, shopId, shop.policy, now),
    asks({ renewedAt: null, periodEndsAt: { gt: now } }),
    asks({ renewedAt: { not: null } }),
    asks({ renewedAt: null, periodEndsAt: { lte: now } }),
    db.job.count({
      where: {
        shopDomain: shop.domain,
        type: RepermissionBatchJob.id,
        status: { in: ["pending", "running"] },
      },
    }),
  ]);
  return {
    leadDays: shop.policy.repermissionLeadDays,
    due: candidates.count,
    /** False when `due` is a lower bound: the walks stopped at their budget (docs/decisions/090). */
    dueComplete: candidates.complete,
    asked,
    renewed,
    ended,
    running: running > 0,
  };
}

export type RenewalLink =
  | { found: false }
  | {
      found: true;
      shopName: string;
      locale: WordingLocale;
      /** The last day of the period, in the shop's calendar. */
      endsOn: string;
      wording: string;
      decision: RenewalDecision;
    };

/** The ask a link names: genuine and unexpired, or genuine but past its period (`expired`). */
async function askOfLink(db: Db | Tx, secret: Buffer, token: string, now: Date) {
  const claims =
    verifyToken(secret, "repermission", token, RenewTokenSchema, now) ??
    verifyToken(secret, "repermission", token, RenewTokenSchema, new Date(0));
  if (!claims) return null;
  const ask = await db.repermission.findFirst({
    where: { id: claims.r, shopId: claims.s },
    include: { subject: { select: { id: true, email: true, shopifyCustomerId: true, locale: true } } },
  });
  if (!ask?.subject.email) return null;
  const shop = await shopOf(db, ask.shopId);
  const locale = localeOf(ask.subject.locale, shop.locale);
  const shopName = shop.name ?? shop.domain;
  return {
    ask,
    shop,
    email: ask.subject.email,
    link: {
      found: true as const,
      shopName,
      locale,
      endsOn: toLocalDate(new Date(ask.periodEndsAt.getTime() - 1), shop.settings.timeZone),
      wording: renewalWording(locale, shopName),
    },
  };
}

/** What the link would do now (GET shows it; mail scanners follow links, so a GET never renews). */
export async function inspectRenewalLink(db: Db, secret: Buffer, token: string, now = new Date()) {
  const found = await askOfLink(db, secret, token, now);
  if (!found) return { found: false } as RenewalLink;
  const state = await currentConsent(db, found.ask.subjectId);
  return { ...found.link, decision: decideRenewal(found.ask, state, now) } satisfies RenewalLink;
}

/**
 * The click (POST): records the renewed consent — the sentence shown, the notice in force, the
 * time, the minimised IP and the browser, source `privacy_centre` like the other links — and marks
 * the ask answered, under the shop's ledger lock. Idempotent: a second click records nothing.
 */
export async function renewBySignedLink(options: {
  db: Db;
  secret: Buffer;
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<RenewalLink> {
  const now = options.now ?? new Date();
  const found = await askOfLink(options.db, options.secret, options.token, now);
  if (!found) return { found: false };
  const { ask, shop, link } = found;
  const decision = await options.db.$transaction(async (tx) => {
    await lockShopLedger(tx, shop.id);
    const current = await tx.repermission.findUniqueOrThrow({ where: { id: ask.id } });
    const decided = decideRenewal(current, await currentConsent(tx, ask.subjectId), now);
    if (decided !== "renew") return decided;
    const outcome = await recordConsent(
      tx,
      shop.domain,
      {
        shopId: shop.id,
        subject: { id: ask.subjectId, email: found.email, shopifyCustomerId: ask.subject.shopifyCustomerId },
        kind: "granted",
        lawfulBasis: "consent",
        source: "privacy_centre",
        occurredAt: now,
        noticeVersion: shop.settings.noticeVersion,
        wordingKey: WORDING_KEY,
        wording: link.wording,
        wordingLocale: link.locale,
        ipPrefix: minimiseIp(options.ip) ?? undefined,
        userAgent: options.userAgent?.trim() || undefined,
      },
      now,
    );
    await tx.repermission.update({
      where: { id: ask.id },
      data: { renewedAt: now, renewedEventId: outcome.recorded ? outcome.eventId : null },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "shopper",
      action: "consent.repermission_renewed",
      targetType: "subject",
      targetId: ask.subjectId,
    });
    return decided;
  });
  return { ...link, decision };
}
