// The privacy notice (GDPR art. 13–14): drafted at any time from the record of processing and the
// processors register, published by staff as numbered versions that shoppers then read in the
// privacy centre; any two versions compared line by line.
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { diffLines } from "~/domain/notice/diff";
import { buildNotice, type Notice, type NoticeContent, noticeLines } from "~/domain/notice/notice";
import { ProcessorContentSchema, readProcessor } from "~/domain/processing/processors";
import { ActivityContentSchema } from "~/domain/processing/record";
import { type Locale, SHOPPER_LOCALES, type ShopperLocale } from "~/i18n/locale";
import { recordAudit } from "./audit.server";
import { ensureActivities } from "./processing-register.server";
import { ensureProcessors } from "./processors-register.server";
import { listEntries } from "./register-entries.server";
import { parseShopSettings } from "./shop-settings.server";

export type { NoticeContent };

/** The notice as the record and registers stand now, in every shopper language (docs/decisions/083). */
export async function draftNotice(db: Db, shopId: string): Promise<Record<ShopperLocale, Notice>> {
  await ensureActivities(db, shopId);
  await ensureProcessors(db, shopId);
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      name: true,
      domain: true,
      settings: true,
      connectors: { where: { enabled: true, secrets: { not: null } }, select: { connector: true } },
    },
  });
  const connected = new Set(shop.connectors.map(({ connector }) => connector));
  const applies = (entry: { requires: string | null }) => !entry.requires || connected.has(entry.requires);
  const activities = (await listEntries(db, shopId, "activity", ActivityContentSchema)).filter(applies);
  const processors = (await listEntries(db, shopId, "processor", ProcessorContentSchema))
    .filter(applies)
    .map((entry) => ({ content: entry.content, confirmed: readProcessor(entry, "en").confirmed }));
  const input = {
    shopName: shop.name ?? shop.domain,
    contactEmail: parseShopSettings(shop.settings).dpoEmail ?? null,
    privacyCentreUrl: `https://${shop.domain}/apps/privacy`,
    activities,
    processors,
  };
  return Object.fromEntries(SHOPPER_LOCALES.map((locale) => [locale, buildNotice(input, locale)])) as Record<
    ShopperLocale,
    Notice
  >;
}

const VERSION_SELECT = {
  version: true,
  publishedAt: true,
  publishedBy: true,
  storePolicyStatus: true,
  storePolicyAt: true,
  storePolicyError: true,
} as const;

/**
 * Publishes the draft as the next version, audited; nothing new when it is the same as the version
 * in force. Two publishes at once: one wins the number, the other is refused (REGISTER_ENTRY_STALE).
 */
export async function publishNotice(
  db: Db,
  shop: { id: string },
  actor: { type: "staff" | "system"; id: string },
  now = new Date(),
) {
  const draft = JSON.stringify(await draftNotice(db, shop.id));
  const latest = await db.noticeVersion.findFirst({
    where: { shopId: shop.id },
    orderBy: { version: "desc" },
    select: { version: true, content: true },
  });
  if (latest?.content === draft) return { version: latest.version, created: false };
  const version = (latest?.version ?? 0) + 1;
  try {
    await db.$transaction(async (tx) => {
      await tx.noticeVersion.create({
        data: { shopId: shop.id, version, content: draft, publishedAt: now, publishedBy: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        shopId: shop.id,
        actorType: actor.type,
        actorId: actor.id,
        action: "notice.published",
        targetType: "notice_version",
        targetId: String(version),
      });
    });
  } catch (error) {
    if ((error as { code?: string })?.code === "P2002") {
      throw new AppError("REGISTER_ENTRY_STALE", "another version was published meanwhile");
    }
    throw error;
  }
  return { version, created: true };
}

/** Every published version, newest first. */
export function noticeVersions(db: Db, shopId: string) {
  return db.noticeVersion.findMany({
    where: { shopId },
    orderBy: { version: "desc" },
    select: VERSION_SELECT,
  });
}

/** A published version (the one in force when `version` is absent); null when none. */
export async function publishedNotice(db: Db, shopId: string, version?: number) {
  const row = await db.noticeVersion.findFirst({
    where: { shopId, ...(version !== undefined && { version }) },
    orderBy: { version: "desc" },
    select: { ...VERSION_SELECT, content: true },
  });
  if (!row) return null;
  return { ...row, content: JSON.parse(row.content) as NoticeContent };
}

/** What changed from version `from` to version `to`, in one staff language; null when either is unknown. */
export async function compareNoticeVersions(
  db: Db,
  shopId: string,
  from: number,
  to: number,
  locale: Locale,
) {
  const [before, after] = await Promise.all([
    publishedNotice(db, shopId, from),
    publishedNotice(db, shopId, to),
  ]);
  if (!before || !after || before.version !== from || after.version !== to) return null;
  return diffLines(noticeLines(before.content[locale]), noticeLines(after.content[locale]));
}
