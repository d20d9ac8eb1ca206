// customers/email_marketing_consent_update: a change made in Shopify (the admin, a customer
// account, Shopify's own checkbox) or our own sync echoing back. Only real changes become events.
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { recordConsent } from "~/services/consents.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import { ensureShop } from "~/services/shops.server";
import { upsertSubject } from "~/services/subjects.server";
import { EmailMarketingConsentUpdateSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const customersEmailMarketingConsentUpdate = defineTopic({
  topic: "customers/email_marketing_consent_update",
  priority: 40,
  payloadSchema: EmailMarketingConsentUpdateSchema,
  async process(tx, { shopDomain, payload }) {
    const state = payload.email_marketing_consent.state?.toLowerCase();
    // Pending, not_subscribed, redacted, invalid: not a decision of the shopper's to record.
    if (state !== "subscribed" && state !== "unsubscribed") return;
    const email = normaliseEmail(payload.email_address);
    if (!email) return;
    const shop = await ensureShop(tx, shopDomain);
    const subject = await upsertSubject(tx, shop.id, { customerId: payload.customer_id, email });
    if (!subject) return;
    const row = await tx.shop.findUniqueOrThrow({
      where: { id: shop.id },
      select: { settings: true, locale: true },
    });
    const changedAt = payload.email_marketing_consent.consent_updated_at;
    const optInLevel = payload.email_marketing_consent.opt_in_level ?? "unknown";
    await recordConsent(tx, shopDomain, {
      shopId: shop.id,
      subject: { id: subject.id, email, shopifyCustomerId: subject.shopifyCustomerId },
      kind: state === "subscribed" ? "granted" : "withdrawn",
      lawfulBasis: "consent",
      source: "shopify",
      occurredAt: changedAt ? new Date(changedAt) : new Date(),
      ...(state === "subscribed" && {
        // Shopify keeps the state, not the text the shopper saw: say so rather than invent one.
        noticeVersion: parseShopSettings(row.settings).noticeVersion,
        wordingKey: "shopify.email_marketing_consent",
        wording: `Consent collected by Shopify (opt-in level: ${optInLevel}); wording not known to Vigie`,
        wordingLocale: row.locale === "fr" ? "fr" : "en",
      }),
    });
  },
});
