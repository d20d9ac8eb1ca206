// GDPR art. 34: the notice to the people a breach puts at high risk. Staff choose who (every subject
// with an address, or addresses they paste, matched to the shop's subjects), see how many will get
// which e-mail, confirm, and the e-mails are queued in batches by jobs (BreachNoticeJob), each
// batch in one transaction with its progress. One BreachRecipient row per address and breach, with
// the e-mail it got: nobody is told twice, on a retry, after a crash or on a second click.
import type { Db, Tx } from "~/db/client.server";
import { BreachFactsSchema, missingNoticeFields, parseAddressList } from "~/domain/breaches/breach";
import { AppError } from "~/domain/errors";
import { LOCALES, type Locale } from "~/i18n/locale";
import { BreachNoticeJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { queueEmail } from "~/mail/outbox.server";
import type { Logger } from "~/utils/logger.server";
import { recordAudit } from "../audit.server";
import { parseShopSettings } from "../shop-settings.server";
import { applyBreachChange, breachReference } from "./breach-register.server";

/** Addresses queued per job run. */
export const NOTICE_BATCH_SIZE = 200;
/** A batch renders and stores 200 e-mails: more than Prisma's default 5 s on a loaded machine. */
const BATCH_TRANSACTION = { timeout: 60_000, maxWait: 30_000 };
/** Addresses staff may paste at once. */
export const MAX_PASTED_ADDRESSES = 5_000;

type ShopRef = { id: string; domain: string };
export type NoticeAudience = { audience: "all" } | { audience: "list"; addresses: string };

/** A subject's language when Vigie knows it ("fr-CA" → fr), else the shop's. */
export function noticeLocale(subjectLocale: string | null, shopLocale: string): Locale {
  const language = (subjectLocale ?? "").slice(0, 2).toLowerCase();
  if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  return (LOCALES as readonly string[]).includes(shopLocale) ? (shopLocale as Locale) : "fr";
}

async function shopLocale(db: Db | Tx, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { locale: true } });
  return shop.locale;
}

/** Pasted addresses matched to the shop's subjects: who would be told, in which language. */
async function matchList(db: Db | Tx, shopId: string, text: string) {
  const { valid, invalid } = parseAddressList(text);
  if (valid.length > MAX_PASTED_ADDRESSES) throw new AppError("BREACH_NO_RECIPIENTS", "too many addresses");
  const fallback = await shopLocale(db, shopId);
  const found = new Map<string, Locale>();
  for (let i = 0; i < valid.length; i += 500) {
    const subjects = await db.subject.findMany({
      where: { shopId, email: { in: valid.slice(i, i + 500) } },
      select: { email: true, locale: true },
    });
    for (const subject of subjects) {
      if (subject.email && !found.has(subject.email)) {
        found.set(subject.email, noticeLocale(subject.locale, fallback));
      }
    }
  }
  return { matched: found, unknown: valid.length - found.size, invalid: invalid.length };
}

/** How many people the notice would reach, per language, before staff confirm. */
export async function previewNotice(db: Db, shop: ShopRef, breachId: string, choice: NoticeAudience) {
  await noticeBreach(db, shop.id, breachId);
  if (choice.audience === "list") {
    const { matched, unknown, invalid } = await matchList(db, shop.id, choice.addresses);
    const byLocale = { fr: 0, en: 0 };
    for (const locale of matched.values()) byLocale[locale]++;
    return { total: matched.size, byLocale, unknown, invalid };
  }
  const fallback = await shopLocale(db, shop.id);
  const groups = await db.subject.groupBy({
    by: ["locale"],
    where: { shopId: shop.id, email: { not: null } },
    _count: { _all: true },
  });
  const byLocale = { fr: 0, en: 0 };
  for (const group of groups) byLocale[noticeLocale(group.locale, fallback)] += group._count._all;
  return { total: byLocale.fr + byLocale.en, byLocale, unknown: 0, invalid: 0 };
}

/** The breach, if its notice may be sent: art. 34 decision "yes", not closed, not sent already. */
async function noticeBreach(db: Db | Tx, shopId: string, breachId: string) {
  const breach = await db.breach.findFirst({ where: { id: breachId, shopId } });
  if (!breach) throw new AppError("NOT_FOUND", `no breach ${breachId}`);
  if (breach.state === "closed") throw new AppError("BREACH_CLOSED", "closed breach");
  if (breach.informRequired !== true) throw new AppError("BREACH_NOTICE_NOT_DECIDED", "art. 34 decision");
  if (breach.noticeStatus) throw new AppError("BREACH_NOTICE_ALREADY_SENT", "notice already started");
  return breach;
}

/**
 * Staff confirm the notice: the audience is fixed (pasted addresses become recipients now; "all"
 * is read subject by subject by the batches) and the first batch job is queued. Irreversible;
 * refused when the breach's texts lack what art. 34(2) requires in a language needed.
 */
export async function startNotice(
  db: Db,
  shop: ShopRef,
  staffId: string,
  breachId: string,
  choice: NoticeAudience,
  now = new Date(),
) {
  const preview = await previewNotice(db, shop, breachId, choice);
  if (preview.total === 0) throw new AppError("BREACH_NO_RECIPIENTS", "nobody to tell");
  const matched =
    choice.audience === "list" ? (await matchList(db, shop.id, choice.addresses)).matched : null;
  return db.$transaction(async (tx) => {
    const before = await noticeBreach(tx, shop.id, breachId);
    const facts = BreachFactsSchema.parse(JSON.parse(before.facts));
    const locales = LOCALES.filter((locale) => preview.byLocale[locale] > 0);
    const missing = missingNoticeFields(facts, locales);
    if (missing.length > 0) throw new AppError("BREACH_NOTICE_INCOMPLETE", "texts missing", missing);
    await applyBreachChange(
      tx,
      shop,
      { type: "staff", id: staffId },
      before,
      "notice_started",
      {
        noticeAudience: choice.audience,
        noticeStatus: "sending",
        noticeTotal: preview.total,
        noticeStartedAt: now,
        noticeStartedBy: staffId,
      },
      now,
    );
    // After the compare-and-set above: of two confirmations at once, the second stops there.
    await tx.breachRecipient.createMany({
      data: [...(matched ?? [])].map(([email, locale]) => ({ breachId, shopId: shop.id, email, locale })),
    });
    await enqueue(
      tx,
      BreachNoticeJob,
      { breachId },
      { key: noticeJobKey(breachId, 0), shopDomain: shop.domain },
    );
    return preview;
  }, BATCH_TRANSACTION);
}

const noticeJobKey = (breachId: string, batch: number) => `${BreachNoticeJob.id}:${breachId}:${batch}`;

/**
 * One batch of a breach's notice (the job): up to NOTICE_BATCH_SIZE people get their e-mail queued,
 * in one transaction that also moves the batch counter on (compare-and-set: a second run of the
 * same batch does nothing), then the next batch's job is queued, or the notice marked done.
 */
export async function sendBreachNoticeBatch({ db, log }: { db: Db; log: Logger }, breachId: string) {
  const result = await db.$transaction(async (tx) => {
    const breach = await tx.breach.findUnique({
      where: { id: breachId },
      include: { shop: { select: { id: true, domain: true, name: true, settings: true, locale: true } } },
    });
    // Gone with its shop, or finished by an earlier run.
    if (breach?.noticeStatus !== "sending") return null;
    const batch = breach.noticeBatches;
    const moved = await tx.breach.updateMany({
      where: { id: breachId, noticeStatus: "sending", noticeBatches: batch },
      data: { noticeBatches: batch + 1 },
    });
    if (moved.count !== 1) return null;
    const { shop } = breach;
    const facts = BreachFactsSchema.parse(JSON.parse(breach.facts));
    const contact = facts.dpoContact || parseShopSettings(shop.settings).dpoEmail || shop.domain;
    const send = (email: string, locale: Locale) =>
      queueEmail(tx, {
        shopId: shop.id,
        shopDomain: shop.domain,
        to: email,
        locale,
        message: {
          type: "breach.notice",
          shopName: shop.name ?? shop.domain,
          reference: breachReference(breach.number),
          nature: facts.nature[locale],
          consequences: facts.consequences[locale],
          measures: facts.measures[locale],
          contact,
        },
      });
    let queued = 0;
    let more: boolean;
    let cursor = breach.noticeCursor;
    if (breach.noticeAudience === "all") {
      const subjects = await tx.subject.findMany({
        where: { shopId: shop.id, email: { not: null }, ...(cursor && { id: { gt: cursor } }) },
        orderBy: { id: "asc" },
        take: NOTICE_BATCH_SIZE,
        select: { id: true, email: true, locale: true },
      });
      const emails = subjects.map((s) => s.email as string);
      const already = new Set(
        (
          await tx.breachRecipient.findMany({
            where: { breachId, email: { in: emails } },
            select: { email: true },
          })
        ).map((r) => r.email),
      );
      for (const subject of subjects) {
        const email = subject.email as string;
        // The same address on two subjects (or told in an earlier batch): once only.
        if (already.has(email)) continue;
        already.add(email);
        const locale = noticeLocale(subject.locale, shop.locale);
        const emailId = await send(email, locale);
        await tx.breachRecipient.create({ data: { breachId, shopId: shop.id, email, locale, emailId } });
        queued++;
      }
      cursor = subjects.at(-1)?.id ?? cursor;
      more = subjects.length === NOTICE_BATCH_SIZE;
    } else {
      const waiting = await tx.breachRecipient.findMany({
        where: { breachId, emailId: null },
        orderBy: { id: "asc" },
        take: NOTICE_BATCH_SIZE,
        select: { id: true, email: true, locale: true },
      });
      for (const recipient of waiting) {
        const emailId = await send(recipient.email, noticeLocale(recipient.locale, shop.locale));
        await tx.breachRecipient.update({ where: { id: recipient.id }, data: { emailId } });
        queued++;
      }
      more = waiting.length === NOTICE_BATCH_SIZE;
    }
    if (more) {
      await tx.breach.update({ where: { id: breachId }, data: { noticeCursor: cursor } });
      await enqueue(
        tx,
        BreachNoticeJob,
        { breachId },
        { key: noticeJobKey(breachId, batch + 1), shopDomain: shop.domain },
      );
    } else {
      const total = await tx.breachRecipient.count({ where: { breachId } });
      await tx.breach.update({
        where: { id: breachId },
        data: { noticeCursor: cursor, noticeStatus: "done", noticeDoneAt: new Date(), noticeTotal: total },
      });
    }
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "system",
      action: more ? "breach.notice_batch" : "breach.notice_done",
      targetType: "breach",
      targetId: breachId,
      data: { batch, queued },
    });
    return { batch, queued, more };
  }, BATCH_TRANSACTION);
  if (result) log.info("breach notice batch queued", { breachId, ...result });
  return result;
}
