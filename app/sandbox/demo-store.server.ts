// The sandbox's demo store: "iméra", a Paris shop whose published personal-data policy (dated
// 31.10.22) Vigie enforces. Created once, with a consent history that matches the simulated
// Shopify and Mailchimp; staff changes in the sandbox are kept across restarts.
import type { Db, Tx } from "~/db/client.server";
import { defaultWording } from "~/domain/consent";
import { DEFAULT_BANNER_COLOURS } from "~/domain/consent/banner-look";
import { recordAudit } from "~/services/audit.server";
import { appendConsentEvent } from "~/services/consent-ledger.server";
import { publishNotice } from "~/services/privacy-notice.server";
import type { ShopSettings } from "~/services/shop-settings.server";
import { clearShopPurged, isShopPurged } from "~/services/shops.server";
import { upsertSubject } from "~/services/subjects.server";
import { sealSecret } from "~/utils/secret-box.server";
import { webhookSecretHash } from "~/webhooks/mailchimp-intake.server";
import { seedDemoBreach } from "./demo-breach.server";
import {
  sandboxMailchimpCredentials,
  sandboxMailchimpWebhookSecret,
  sandboxStripeCredentials,
} from "./sandbox-systems.server";
import type { SandboxSettings } from "./settings.server";

export const DEMO_SETTINGS: ShopSettings = {
  dpoEmail: "contact@imera-paris.com",
  noticeVersion: "2022-10-31",
  // Off, as iméra's policy describes it: the box ticked at payment is the sign-up (§5), with no
  // confirmation step announced. Staff can switch it on in Settings (docs/decisions/039).
  doubleOptIn: false,
  // iméra sells from Paris: its dates of receipt are days of the Paris calendar (docs/decisions/037).
  timeZone: "Europe/Paris",
  retention: { customerYearsAfterLastOrder: 10, prospectYears: 3, repermissionLeadDays: 30 },
  banner: {
    askAgainOnChange: true,
    consentMode: false,
    position: "bottom",
    colours: DEFAULT_BANNER_COLOURS,
    texts: { fr: {}, en: {} },
  },
};

const DAY = 86_400_000;

// Fictional shoppers (example.* addresses never deliver); the same as the simulators'.
const DEMO_SHOPPERS = [
  { customerId: 7001, email: "camille.martin@example.fr", locale: "fr", orderedDaysAgo: 5 },
  { customerId: 7002, email: "lucas.bernard@example.fr", locale: "fr", orderedDaysAgo: 12 },
  { customerId: 7003, email: "emma.thomas@example.com", locale: "en" },
  { customerId: null, email: "newsletter.only@example.fr", locale: "fr" },
  // Her processing is restricted (GDPR art. 18): seedRestriction.
  { customerId: null, email: "jeanne.restreinte@example.fr", locale: "fr" },
];

/**
 * A person whose processing is restricted while she contests the accuracy of her data (art.
 * 18(1)(a)): her request answered, the restriction in force, so staff see the badge, the retention
 * page keeps her apart and her export shows it (docs/decisions/055, 069).
 */
async function seedRestriction(tx: Tx, shopId: string, now: Date) {
  const subject = await tx.subject.findFirstOrThrow({
    where: { shopId, email: "jeanne.restreinte@example.fr" },
  });
  const receivedAt = new Date(now.getTime() - 24 * DAY);
  const request = await tx.rightsRequest.create({
    data: {
      shopId,
      reference: `R-${receivedAt.getUTCFullYear()}-RSTR8`,
      type: "restriction",
      channel: "privacy_centre",
      state: "answered",
      details: JSON.stringify({ type: "restriction", ground: "accuracy_contested", recipientsAsked: false }),
      requesterEmail: subject.email,
      requesterEmailKey: subject.email,
      receivedAt,
      closedAt: new Date(now.getTime() - 20 * DAY),
      identityLevel: "verified",
      identityVerifiedAt: receivedAt,
      subjectId: subject.id,
    },
  });
  await tx.restriction.create({
    data: {
      shopId,
      subjectId: subject.id,
      requestId: request.id,
      ground: "accuracy_contested",
      status: "active",
      grantedBy: "sandbox",
      grantedAt: new Date(now.getTime() - 20 * DAY),
    },
  });
}

async function seedConsentHistory(tx: Tx, shopId: string, now: Date) {
  const subjects = await tx.subject.findMany({
    where: { shopId },
    select: { id: true, email: true, shopifyCustomerId: true },
  });
  const byEmail = (email: string) => {
    const s = subjects.find((x) => x.email === email);
    if (!s?.email) throw new Error(`demo shopper ${email} missing`);
    return { id: s.id, email: s.email, shopifyCustomerId: s.shopifyCustomerId };
  };
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const fr = defaultWording("fr", "iméra");
  const en = defaultWording("en", "iméra");
  const history = [
    {
      subject: byEmail("newsletter.only@example.fr"),
      kind: "granted" as const,
      source: "privacy_centre" as const,
      occurredAt: ago(200),
      wording: fr,
      ipPrefix: "198.51.100.0/24",
    },
    {
      subject: byEmail("emma.thomas@example.com"),
      kind: "granted" as const,
      source: "privacy_centre" as const,
      occurredAt: ago(45),
      wording: en,
      ipPrefix: "203.0.113.0/24",
    },
    {
      subject: byEmail("camille.martin@example.fr"),
      kind: "granted" as const,
      source: "checkout" as const,
      occurredAt: ago(30),
      wording: fr,
      orderId: "5001",
      ipPrefix: "192.0.2.0/24",
    },
    {
      subject: byEmail("emma.thomas@example.com"),
      kind: "withdrawn" as const,
      source: "shopify" as const,
      occurredAt: ago(10),
    },
  ];
  for (const event of history) {
    await appendConsentEvent(
      tx,
      {
        shopId,
        subject: event.subject,
        kind: event.kind,
        lawfulBasis: "consent",
        source: event.source,
        occurredAt: event.occurredAt,
        ...(event.wording && {
          noticeVersion: "2022-10-31",
          wordingKey: event.wording.key,
          wording: event.wording.text,
          wordingLocale: event.wording.locale,
          ipPrefix: event.ipPrefix,
          userAgent: "Mozilla/5.0 (demo)",
          orderId: "orderId" in event ? event.orderId : undefined,
        }),
      },
      event.occurredAt,
    );
  }
  // Six months of checkout orders with their share of ticked boxes, for the consent-rate chart:
  // mid-month, or today early in the month (a day to come has no orders yet).
  for (let month = 5; month >= 0; month--) {
    const day = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - month, Math.min(15, now.getUTCDate())),
    )
      .toISOString()
      .slice(0, 10);
    const orders = 40 + ((month * 17) % 23);
    await tx.consentCheckoutDay.create({
      data: { shopId, day, orders, granted: Math.round(orders * (0.28 + month * 0.02)) },
    });
  }
}

/**
 * The demo shop, created on the sandbox's first start. Not after `shop/redact` deleted it: that is
 * what the staff asked to see happen, so the admin says so and offers `recreateDemoStore` instead.
 */
export async function ensureDemoStore(
  db: Db,
  settings: SandboxSettings,
  encryptionKey: Buffer,
  now = new Date(),
): Promise<{ id: string } | null> {
  const existing = await db.shop.findUnique({ where: { domain: settings.shop }, select: { id: true } });
  if (existing) {
    // A demo shop re-created at start by an earlier version kept the purge marker, and with it
    // every sandbox webhook was dropped: the shop in use wins.
    await clearShopPurged(db, encryptionKey, settings.shop);
    await publishFirstNotice(db, existing.id, now);
    return existing;
  }
  if (await isShopPurged(db, encryptionKey, settings.shop)) return null;
  const created = await createDemoStore(db, settings, encryptionKey, now);
  await publishFirstNotice(db, created.id, now);
  return created;
}

/**
 * The demo shop's notice, version 1: its policy's facts as Vigie writes them from the drafted record
 * and registers (recipients and transfers still to confirm), published once so that the privacy
 * centre shows it from the first start.
 */
async function publishFirstNotice(db: Db, shopId: string, now: Date) {
  await seedDemoBreach(db, { id: shopId }, DEMO_SETTINGS.timeZone, now);
  if ((await db.noticeVersion.count({ where: { shopId } })) > 0) return;
  await publishNotice(db, { id: shopId }, { type: "system", id: "system" }, now);
}

/** After shop/redact: the demo shop again, as on a first start, its deliveries counting again. */
export async function recreateDemoStore(
  db: Db,
  settings: SandboxSettings,
  encryptionKey: Buffer,
  now = new Date(),
) {
  const existing = await db.shop.findUnique({ where: { domain: settings.shop }, select: { id: true } });
  const shop = existing ?? (await createDemoStore(db, settings, encryptionKey, now));
  await clearShopPurged(db, encryptionKey, settings.shop);
  await publishFirstNotice(db, shop.id, now);
  return shop;
}

async function createDemoStore(db: Db, settings: SandboxSettings, encryptionKey: Buffer, now: Date) {
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.create({
      data: { domain: settings.shop, name: "iméra", locale: "fr", settings: JSON.stringify(DEMO_SETTINGS) },
      select: { id: true },
    });
    for (const shopper of DEMO_SHOPPERS) {
      const orderedAt = shopper.orderedDaysAgo
        ? new Date(now.getTime() - shopper.orderedDaysAgo * DAY)
        : null;
      await upsertSubject(tx, shop.id, { ...shopper, orderedAt });
    }
    await seedConsentHistory(tx, shop.id, now);
    await seedRestriction(tx, shop.id, now);
    const credentials = sandboxMailchimpCredentials(settings);
    await tx.connectorSetting.create({
      data: {
        shopId: shop.id,
        connector: "mailchimp",
        config: JSON.stringify({
          audienceId: credentials.audienceId,
          serverPrefix: credentials.serverPrefix,
          archiveInsteadOfDelete: false,
        }),
        secrets: sealSecret(encryptionKey, JSON.stringify(credentials)),
        webhookSecretHash: webhookSecretHash(sandboxMailchimpWebhookSecret(settings)),
      },
    });
    await tx.connectorSetting.create({
      data: {
        shopId: shop.id,
        connector: "stripe",
        config: JSON.stringify({ mode: "test", redactionJobs: false }),
        secrets: sealSecret(encryptionKey, JSON.stringify(sandboxStripeCredentials(settings))),
      },
    });
    await recordAudit(tx, { shopId: shop.id, actorType: "system", action: "sandbox.created" });
    return shop;
  });
}
