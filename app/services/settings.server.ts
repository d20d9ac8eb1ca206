// A shop's settings: its privacy settings and its connections (Mailchimp credentials, sealed).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  createMailchimpConnector,
  MailchimpCredentialsError,
  parseMailchimpCredentials,
} from "~/connectors/mailchimp/connector.server";
import type { Db } from "~/db/client.server";
import { AppError } from "~/domain/errors";
import { openSecret, sealSecret } from "~/utils/secret-box.server";
import { webhookSecretHash } from "~/webhooks/mailchimp-intake.server";
import { recordAudit } from "./audit.server";
import { parseShopSettings, ShopSettingsSchema } from "./shop-settings.server";

type ShopRef = { id: string; domain: string };

export const PrivacySettingsFormSchema = z.object({
  dpoEmail: z.union([z.literal(""), z.email()]),
  privacyNoticeUrl: z.union([z.literal(""), z.url()]),
  noticeVersion: z.string().trim().min(1).max(64),
  doubleOptIn: z.enum(["on"]).optional(),
  customerYearsAfterLastOrder: z.coerce.number().int().min(1).max(30),
  prospectYears: z.coerce.number().int().min(1).max(10),
  /** Kept as it is when the form leaves it out. */
  repermissionLeadDays: z.coerce.number().int().min(7).max(180).optional(),
});

export const MailchimpFormSchema = z.object({
  apiKey: z.string().trim().max(100),
  audienceId: z.string().trim().max(32),
  archiveInsteadOfDelete: z.enum(["on"]).optional(),
});

export async function getSettings(db: Db, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { settings: true, connectors: { where: { connector: "mailchimp" } } },
  });
  const mailchimp = shop.connectors[0];
  const config = mailchimp
    ? (JSON.parse(mailchimp.config) as {
        audienceId?: string;
        serverPrefix?: string;
        archiveInsteadOfDelete?: boolean;
      })
    : null;
  return {
    privacy: parseShopSettings(shop.settings),
    mailchimp: mailchimp
      ? {
          configured: Boolean(mailchimp.secrets),
          audienceId: config?.audienceId ?? "",
          serverPrefix: config?.serverPrefix ?? "",
          archiveInsteadOfDelete: Boolean(config?.archiveInsteadOfDelete),
          webhookConfigured: Boolean(mailchimp.webhookSecretHash),
        }
      : null,
  };
}

export async function savePrivacySettings(
  db: Db,
  shop: ShopRef,
  staffId: string,
  form: z.infer<typeof PrivacySettingsFormSchema>,
) {
  const current = await db.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { settings: true } });
  const previous = parseShopSettings(current.settings);
  const next = ShopSettingsSchema.parse({
    ...previous,
    dpoEmail: form.dpoEmail || undefined,
    privacyNoticeUrl: form.privacyNoticeUrl || undefined,
    noticeVersion: form.noticeVersion,
    doubleOptIn: form.doubleOptIn === "on",
    retention: {
      customerYearsAfterLastOrder: form.customerYearsAfterLastOrder,
      prospectYears: form.prospectYears,
      repermissionLeadDays: form.repermissionLeadDays ?? previous.retention.repermissionLeadDays,
    },
  });
  await db.$transaction(async (tx) => {
    await tx.shop.update({ where: { id: shop.id }, data: { settings: JSON.stringify(next) } });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "settings.privacy.updated",
    });
  });
}

/**
 * Stores Mailchimp credentials, sealed. A blank API key keeps the stored one (the form never shows
 * it back). Refuses with MAILCHIMP_CREDENTIALS_INVALID naming the bad fields.
 */
export async function saveMailchimpSettings(
  db: Db,
  secretKey: Buffer,
  shop: ShopRef,
  staffId: string,
  form: z.infer<typeof MailchimpFormSchema>,
) {
  const existing = await db.connectorSetting.findUnique({
    where: { shopId_connector: { shopId: shop.id, connector: "mailchimp" } },
  });
  const storedKey = existing?.secrets
    ? (JSON.parse(openSecret(secretKey, existing.secrets)) as { apiKey: string }).apiKey
    : "";
  const apiKey = form.apiKey || storedKey;
  const credentials = mailchimpCredentialsOf({
    apiKey,
    serverPrefix: apiKey.split("-").at(-1) ?? "",
    audienceId: form.audienceId,
    archiveInsteadOfDelete: form.archiveInsteadOfDelete === "on",
  });
  const config = JSON.stringify({
    audienceId: credentials.audienceId,
    serverPrefix: credentials.serverPrefix,
    archiveInsteadOfDelete: Boolean(credentials.archiveInsteadOfDelete),
  });
  const secrets = sealSecret(secretKey, JSON.stringify(credentials));
  await db.$transaction(async (tx) => {
    await tx.connectorSetting.upsert({
      where: { shopId_connector: { shopId: shop.id, connector: "mailchimp" } },
      create: { shopId: shop.id, connector: "mailchimp", config, secrets },
      update: { config, secrets, enabled: true },
    });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "settings.mailchimp.updated",
    });
  });
}

/** A new secret webhook URL for Mailchimp (the old one stops working). Shown once: only its hash is kept. */
export async function rotateMailchimpWebhook(db: Db, shop: ShopRef, staffId: string, publicUrl: string) {
  const secret = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const { count } = await tx.connectorSetting.updateMany({
      where: { shopId: shop.id, connector: "mailchimp" },
      data: { webhookSecretHash: webhookSecretHash(secret) },
    });
    if (count === 0) throw new Error("configure Mailchimp before its webhook");
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "settings.mailchimp.webhook_rotated",
    });
  });
  return `${publicUrl}/webhooks/mailchimp/${secret}`;
}

export async function removeMailchimp(db: Db, shop: ShopRef, staffId: string) {
  await db.$transaction(async (tx) => {
    await tx.connectorSetting.deleteMany({ where: { shopId: shop.id, connector: "mailchimp" } });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "settings.mailchimp.removed",
    });
  });
}

/** Whether the stored Mailchimp credentials work (ping and audience). */
export async function testMailchimp(db: Db, secretKey: Buffer, shopId: string, basePath?: string) {
  const setting = await db.connectorSetting.findUnique({
    where: { shopId_connector: { shopId, connector: "mailchimp" } },
  });
  if (!setting?.secrets) return { ok: false, detail: "not configured" };
  const connector = createMailchimpConnector({
    credentials: JSON.parse(openSecret(secretKey, setting.secrets)),
    basePath,
  });
  return connector.testConnection();
}

/** The connector's own validation, as the refusal staff see next to the fields at fault. */
function mailchimpCredentialsOf(input: Parameters<typeof parseMailchimpCredentials>[0]) {
  try {
    return parseMailchimpCredentials(input);
  } catch (error) {
    if (error instanceof MailchimpCredentialsError)
      throw new AppError("MAILCHIMP_CREDENTIALS_INVALID", error.message, error.fields);
    throw error;
  }
}
