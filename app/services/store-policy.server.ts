// The published privacy notice written as the store's own Shopify privacy policy, when staff ask:
// one version at a time, through a job (Shopify may be slow or refuse), its outcome kept on the
// version and audited. Shopify keeps one body per policy: the shop's own language is written.

import { POLICY_BODY_MAX_BYTES } from "~/connectors/shopify/store-policy";
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { noticeHtml } from "~/domain/notice/notice-html";
import { formatDate } from "~/i18n/format-date";
import { resolveLocale } from "~/i18n/locale";
import { createTranslator } from "~/i18n/translate";
import type { JobContext } from "~/jobs/handler";
import { StorePolicyJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { recordAudit } from "./audit.server";
import type { NoticeContent } from "./privacy-notice.server";
import { parseShopSettings } from "./shop-settings.server";

/** Staff ask for a published version to become the store's privacy policy (queued, audited). */
export async function requestStorePolicy(db: Db, shop: { id: string }, staffId: string, version: number) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.noticeVersion.updateMany({
      where: { shopId: shop.id, version },
      data: { storePolicyStatus: "queued", storePolicyError: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "no such notice version");
    await enqueue(tx, StorePolicyJob, { shopId: shop.id, version });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "notice.store_policy_requested",
      targetType: "notice_version",
      targetId: String(version),
    });
  });
}

/** The job: writes the version through Shopify's Admin API and records what Shopify answered. */
export async function publishStorePolicy(context: JobContext, shopId: string, version: number) {
  const { db } = context;
  const row = await db.noticeVersion.findFirst({
    where: { shopId, version },
    select: { content: true, publishedAt: true, storePolicyStatus: true, shop: true },
  });
  // Already written (a re-run after a crash), or gone with the shop.
  if (row?.storePolicyStatus !== "queued") return;
  const locale = resolveLocale(row.shop.locale);
  const t = createTranslator(locale);
  const date = formatDate(locale, row.publishedAt, {
    timeZone: parseShopSettings(row.shop.settings).timeZone,
  });
  const body = noticeHtml(
    (JSON.parse(row.content) as NoticeContent)[locale],
    t("privacy.noticeVersionLine", { version, date }),
  );
  const finish = async (data: { storePolicyStatus: string; storePolicyError: string | null }) => {
    await db.$transaction(async (tx) => {
      await tx.noticeVersion.updateMany({
        where: { shopId, version },
        data: { ...data, storePolicyAt: new Date() },
      });
      await recordAudit(tx, {
        shopId,
        actorType: "system",
        action:
          data.storePolicyStatus === "published"
            ? "notice.store_policy_published"
            : "notice.store_policy_failed",
        targetType: "notice_version",
        targetId: String(version),
        data: data.storePolicyError ? { error: data.storePolicyError } : undefined,
      });
    });
  };
  if (Buffer.byteLength(body, "utf8") > POLICY_BODY_MAX_BYTES) {
    return finish({ storePolicyStatus: "failed", storePolicyError: "too_long" });
  }
  const policy = (await context.connectors(row.shop.domain)).shopifyStorePolicy;
  if (!policy) return finish({ storePolicyStatus: "failed", storePolicyError: "shopify_not_connected" });
  // Network and throttling errors throw: the queue retries with backoff.
  const result = await policy.publishPrivacyPolicy(body);
  if (result.ok) return finish({ storePolicyStatus: "published", storePolicyError: null });
  return finish({
    storePolicyStatus: "failed",
    storePolicyError:
      result.reason === "access_denied" ? "access_denied" : result.codes.join(",").slice(0, 200),
  });
}
