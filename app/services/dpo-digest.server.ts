// The DPO's daily digest and the dashboard's "Attention" card (docs/decisions/056): one list of
// sections, each collecting what needs the DPO, read by both. The digest goes once per day of the
// shop's calendar, at DIGEST_LOCAL_HOUR there, to the DPO e-mail from Settings, in the shop's
// language; a day with nothing to say sends nothing.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { breachClock } from "~/domain/breaches/clock";
import { type LocalDate, toLocalDate, toLocalDateTime } from "~/domain/deadlines/local-date";
import { REQUEST_TYPE_INFO, type RequestType } from "~/domain/requests/request-types";
import { formatDateTime, formatDeadline } from "~/i18n/format-date";
import { resolveLocale } from "~/i18n/locale";
import { createTranslator, jobWork, type MessageKey } from "~/i18n/translate";
import { queueEmail } from "~/mail/outbox.server";
import type { LinkContext } from "~/services/requests/request-links.server";
import { breachReference } from "./breaches/breach-register.server";
import { dueWhere, fillMissingClocks } from "./requests/request-list.server";
import { parseShopSettings } from "./shop-settings.server";

/** The hour of the shop's day the digest leaves (08:00, before the working day). */
export const DIGEST_LOCAL_HOUR = 8;
/** Items shown per section; the section's heading carries the full count. */
export const DIGEST_SECTION_ITEMS = 20;
/** Vigie's handle (shopify.app.toml): admin links are https://<shop>/admin/apps/<handle>/app/…. */
export const APP_HANDLE = "vigie-privacy";

export type Bilingual = { fr: string; en: string };
/** One line: what, and where in the admin (a path under /app). */
export type DigestItem = { text: Bilingual; path: string };

export type DigestWindow = {
  shop: { id: string; domain: string };
  /** The previous digest's time (new requests are counted from it); a day before `now` for the first. */
  since: Date;
  now: Date;
  /** The shop's calendar day at `now`. */
  today: LocalDate;
  /** The shop's time zone (times written in it). */
  timeZone: string;
};

function breachTitle(facts: string): string {
  try {
    const title = (JSON.parse(facts) as { title?: unknown }).title;
    return typeof title === "string" ? title : "";
  } catch {
    return "";
  }
}

export type DigestSection = {
  id: string;
  title: Bilingual;
  /** The section's items (at most `limit`) and how many there are in all. */
  collect(db: Db, window: DigestWindow, limit: number): Promise<{ total: number; items: DigestItem[] }>;
};

function requestItem(
  row: { id: string; reference: string; type: string; dueOn: string | null },
  when: (locale: "fr" | "en") => string,
): DigestItem {
  const label = (locale: "fr" | "en") =>
    `${row.reference} · ${REQUEST_TYPE_INFO[row.type as RequestType]?.label[locale] ?? row.type} · ${when(locale)}`;
  return { text: { fr: label("fr"), en: label("en") }, path: `/app/requests/${row.id}` };
}

async function requestSection(
  db: Db,
  where: Prisma.RightsRequestWhereInput,
  orderBy: Prisma.RightsRequestOrderByWithRelationInput[],
  limit: number,
  when: (row: Parameters<typeof due>[0], locale: "fr" | "en", today: LocalDate) => string,
  today: LocalDate,
) {
  const [total, rows] = await Promise.all([
    db.rightsRequest.count({ where }),
    db.rightsRequest.findMany({
      where,
      orderBy,
      take: limit,
      select: {
        id: true,
        reference: true,
        type: true,
        dueOn: true,
        state: true,
        closedAt: true,
        clockPaused: true,
      },
    }),
  ]);
  return { total, items: rows.map((row) => requestItem(row, (locale) => when(row, locale, today))) };
}

/**
 * "due in 5 days — 8 January" / « échéance dans 5 jours — 8 janvier », seen from the shop's today;
 * read as the request list reads the clock (dueWhere): a closed request says its state (a new one
 * may already be answered), a paused one that it waits for the requester's identity.
 */
function due(
  row: { dueOn: string | null; state: string; closedAt: Date | null; clockPaused: boolean },
  locale: "fr" | "en",
  today: LocalDate,
) {
  const t = createTranslator(locale);
  if (row.closedAt) return t(`requestList.states.${row.state}` as MessageKey);
  if (row.clockPaused) return t("requestList.due.paused");
  return `${locale === "fr" ? "échéance" : "due"} ${row.dueOn ? formatDeadline(locale, row.dueOn, today) : "—"}`;
}

const HOUR_MS = 3_600_000;

/** A breach's 72-hour clock in words: "41 h left — until …" / "5 h late — since …". */
function breachClockText(msLeft: number, deadline: Date, locale: "fr" | "en", timeZone: string) {
  const at = formatDateTime(locale, deadline, { timeZone });
  if (msLeft >= 0) {
    const hours = Math.floor(msLeft / HOUR_MS);
    return locale === "fr" ? `reste ${hours} h — avant le ${at}` : `${hours} h left — until ${at}`;
  }
  const hours = Math.ceil(-msLeft / HOUR_MS);
  return locale === "fr" ? `${hours} h de retard — depuis le ${at}` : `${hours} h late — since ${at}`;
}

/**
 * What the digest and the dashboard's card say, in this order. A new kind of item (e.g. the breach
 * register's 72-hour clocks, GDPR art. 33(1)) is one more entry here.
 */
export const DIGEST_SECTIONS: DigestSection[] = [
  {
    id: "overdue",
    title: { fr: "Demandes en retard", en: "Overdue requests" },
    // GDPR art. 12(3): one month from receipt; past it, the answer is late.
    collect: (db, w, limit) =>
      requestSection(
        db,
        { shopId: w.shop.id, ...dueWhere("overdue", w.today) },
        [{ dueOn: "asc" }, { id: "asc" }],
        limit,
        due,
        w.today,
      ),
  },
  {
    id: "due_soon",
    title: { fr: "Demandes à rendre sous 7 jours", en: "Requests due within 7 days" },
    collect: (db, w, limit) =>
      requestSection(
        db,
        { shopId: w.shop.id, ...dueWhere("due_soon", w.today) },
        [{ dueOn: "asc" }, { id: "asc" }],
        limit,
        due,
        w.today,
      ),
  },
  {
    id: "new_requests",
    title: { fr: "Nouvelles demandes", en: "New requests" },
    collect: (db, w, limit) =>
      requestSection(
        db,
        { shopId: w.shop.id, createdAt: { gte: w.since, lte: w.now } },
        [{ createdAt: "desc" }, { id: "desc" }],
        limit,
        due,
        w.today,
      ),
  },
  {
    id: "breach_clocks",
    title: { fr: "Violations : délai de 72 heures", en: "Breaches: the 72-hour clock" },
    // GDPR art. 33(1): the CNIL is notified within 72 hours of awareness, unless no risk is likely.
    async collect(db, w, limit) {
      const where = {
        shopId: w.shop.id,
        state: { not: "closed" },
        notifiedAt: null,
        // Undecided or required: NOT { false } would also drop the undecided (SQL's NULL).
        OR: [{ notificationRequired: null }, { notificationRequired: true }],
      };
      const [total, rows] = await Promise.all([
        db.breach.count({ where }),
        db.breach.findMany({
          where,
          orderBy: [{ awareAt: "asc" }, { id: "asc" }],
          take: limit,
          select: { id: true, number: true, awareAt: true, facts: true },
        }),
      ]);
      return {
        total,
        items: rows.map((row) => {
          const clock = breachClock({ awareAt: row.awareAt, now: w.now, notificationRequired: true });
          const title = breachTitle(row.facts);
          const line = (locale: "fr" | "en") =>
            [
              breachReference(row.number),
              title,
              breachClockText(clock.msLeft, clock.deadline, locale, w.timeZone),
            ]
              .filter(Boolean)
              .join(" · ");
          return { text: { fr: line("fr"), en: line("en") }, path: `/app/breaches/${row.id}` };
        }),
      };
    },
  },
  {
    id: "dead_jobs",
    title: { fr: "Tâches en échec", en: "Failed jobs" },
    async collect(db, w, limit) {
      const where = { shopDomain: w.shop.domain, status: "dead" };
      const [total, rows] = await Promise.all([
        db.job.count({ where }),
        db.job.findMany({
          where,
          orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
          take: limit,
          select: { id: true, type: true, attempts: true },
        }),
      ]);
      return {
        total,
        items: rows.map((job) => ({
          text: {
            fr: `${jobWork("fr", job.type)} · arrêtée après ${job.attempts} essai(s)`,
            en: `${jobWork("en", job.type)} · stopped after ${job.attempts} attempt(s)`,
          },
          // The dashboard lists dead jobs with their error and a Retry button.
          path: "/app#dead-jobs",
        })),
      };
    },
  },
];

export type DigestSectionResult = { id: string; title: Bilingual; total: number; items: DigestItem[] };

/** Every section with something to say, for one shop at `now`. */
export async function collectDigest(
  db: Db,
  shop: { id: string; domain: string },
  options: { now?: Date; since?: Date; timeZone?: string; limit?: number } = {},
): Promise<DigestSectionResult[]> {
  const now = options.now ?? new Date();
  const timeZone =
    options.timeZone ??
    parseShopSettings(
      (await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { settings: true } })).settings,
    ).timeZone;
  await fillMissingClocks(db, shop.id, now);
  const window: DigestWindow = {
    shop,
    now,
    since: options.since ?? new Date(now.getTime() - 86_400_000),
    today: toLocalDate(now, timeZone),
    timeZone,
  };
  // Read at once (the dashboard waits for them), kept in the sections' order.
  const collected = await Promise.all(
    DIGEST_SECTIONS.map((section) => section.collect(db, window, options.limit ?? DIGEST_SECTION_ITEMS)),
  );
  return DIGEST_SECTIONS.flatMap((section, i) => {
    const { total, items } = collected[i] as Awaited<ReturnType<typeof section.collect>>;
    return total > 0 ? [{ id: section.id, title: section.title, total, items }] : [];
  });
}

/** The dashboard's "Attention" card: the same sections, new requests counted since the last digest. */
export async function attentionItems(db: Db, shop: { id: string; domain: string }, now = new Date()) {
  const previous = await db.dpoDigest.findFirst({
    where: { shopId: shop.id, createdAt: { lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const since = previous && previous.createdAt > dayAgo ? previous.createdAt : dayAgo;
  return collectDigest(db, shop, { now, since, limit: 10 });
}

/** Where an admin path opens: the sandbox's own pages, or the app inside the shop's Shopify admin. */
export function adminUrl(links: LinkContext, path: string): string {
  return links.sandboxUrl
    ? `${links.appUrl}${path}`
    : `https://${links.shopDomain}/admin/apps/${APP_HANDLE}${path}`;
}

function localHour(now: Date, timeZone: string): number {
  return Number(toLocalDateTime(now, timeZone).slice(11, 13));
}

export type DigestOutcome = "sent" | "empty" | "no_recipient";

/**
 * Builds and sends one shop's digest for its day at `now`, once: the DpoDigest row (unique per shop
 * and day) and the e-mail are written in one transaction, so a crash leaves either both or neither,
 * and a second run that day finds the row. Returns null when already done (or too early).
 */
export async function sendShopDigest(
  db: Db,
  links: (shopDomain: string) => LinkContext,
  shop: { id: string; domain: string; name: string | null; locale: string; settings: string },
  now = new Date(),
): Promise<DigestOutcome | null> {
  const settings = parseShopSettings(shop.settings);
  const day = toLocalDate(now, settings.timeZone);
  if (localHour(now, settings.timeZone) < DIGEST_LOCAL_HOUR) return null;
  const done = await db.dpoDigest.findUnique({ where: { shopId_day: { shopId: shop.id, day } } });
  if (done) return null;
  const previous = await db.dpoDigest.findFirst({
    where: { shopId: shop.id },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const sections = await collectDigest(db, shop, {
    now,
    timeZone: settings.timeZone,
    since: previous?.createdAt,
  });
  const outcome: DigestOutcome =
    sections.length === 0 ? "empty" : settings.dpoEmail ? "sent" : "no_recipient";
  const link = links(shop.domain);
  try {
    await db.$transaction(async (tx) => {
      const digest = await tx.dpoDigest.create({
        data: {
          shopId: shop.id,
          day,
          outcome,
          itemCount: sections.reduce((sum, s) => sum + s.total, 0),
          createdAt: now,
        },
      });
      if (outcome !== "sent" || !settings.dpoEmail) return;
      const emailId = await queueEmail(tx, {
        shopId: shop.id,
        shopDomain: shop.domain,
        to: settings.dpoEmail,
        locale: resolveLocale(shop.locale),
        message: {
          type: "dpo.digest",
          shopName: shop.name ?? shop.domain,
          day,
          dashboardUrl: adminUrl(link, "/app"),
          sections: sections.map((s) => ({
            id: s.id,
            title: s.title,
            total: s.total,
            items: s.items.map((item) => ({ text: item.text, href: adminUrl(link, item.path) })),
          })),
        },
      });
      await tx.dpoDigest.update({ where: { id: digest.id }, data: { emailId } });
    });
  } catch (error) {
    // Another worker wrote this day's digest first: it is done.
    if ((error as { code?: string })?.code === "P2002") return null;
    throw error;
  }
  return outcome;
}

/** The hourly sweep: every installed shop whose digest hour has come and whose day has none yet. */
export async function sendDueDigests(db: Db, links: (shopDomain: string) => LinkContext, now = new Date()) {
  const shops = await db.shop.findMany({
    where: { state: "installed" },
    select: { id: true, domain: true, name: true, locale: true, settings: true },
    orderBy: { id: "asc" },
  });
  const outcomes: Record<DigestOutcome, number> = { sent: 0, empty: 0, no_recipient: 0 };
  for (const shop of shops) {
    const outcome = await sendShopDigest(db, links, shop, now);
    if (outcome) outcomes[outcome]++;
  }
  return outcomes;
}
