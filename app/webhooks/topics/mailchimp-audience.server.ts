// Mailchimp audience events (unsubscribe, cleaned, subscribe). The body is only a hint: the member
// is re-read from Mailchimp and only its real status is acted on, so a forged webhook for a
// still-subscribed member changes nothing.
import { z } from "zod";
import type { ReadConsentResult } from "~/connectors/connector";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { recordConsent } from "~/services/consents.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import { defineTopic, type TopicHandler } from "./topic-handler";

const MailchimpEventBodySchema = z.object({
  type: z.enum(["unsubscribe", "cleaned", "subscribe"]),
  fired_at: z.string(),
  "data[email]": z.string(),
});

function mailchimpTopic(type: "unsubscribe" | "cleaned" | "subscribe") {
  return defineTopic({
    topic: `mailchimp/${type}`,
    priority: 30,
    payloadSchema: MailchimpEventBodySchema,
    async load({ shopDomain, payload }, { connectors }): Promise<ReadConsentResult | null> {
      const { mailchimp } = await connectors(shopDomain);
      if (!mailchimp) return null;
      const email = normaliseEmail(payload["data[email]"]);
      if (!email) return null;
      return mailchimp.readConsent({ shopDomain, subjectId: "", email, shopifyCustomerId: null });
    },
    async process(tx, { shopDomain, payload, loaded: member }) {
      if (!member) return;
      const email = normaliseEmail(payload["data[email]"]);
      const shop = await tx.shop.findUnique({
        where: { domain: shopDomain },
        select: { id: true, settings: true, locale: true },
      });
      if (!shop || !email) return;
      const subject = await tx.subject.findFirst({
        where: { shopId: shop.id, email },
        orderBy: { createdAt: "asc" },
        select: { id: true, shopifyCustomerId: true },
      });
      if (!subject) return;
      const common = {
        shopId: shop.id,
        subject: { id: subject.id, email, shopifyCustomerId: subject.shopifyCustomerId },
        lawfulBasis: "consent" as const,
        source: "mailchimp" as const,
        occurredAt: member.changedAt ?? new Date(),
      };
      if (member.status === "unsubscribed" || member.status === "cleaned") {
        await recordConsent(tx, shopDomain, { ...common, kind: "withdrawn" });
      } else if (member.status === "subscribed" && type === "subscribe") {
        await recordConsent(tx, shopDomain, {
          ...common,
          kind: "granted",
          noticeVersion: parseShopSettings(shop.settings).noticeVersion,
          wordingKey: "mailchimp.signup_form",
          wording: "Consent collected by a Mailchimp signup form; wording not known to Vigie",
          wordingLocale: shop.locale === "fr" ? "fr" : "en",
        });
      }
    },
  });
}

export const MAILCHIMP_TOPIC_HANDLERS = [
  mailchimpTopic("unsubscribe"),
  mailchimpTopic("cleaned"),
  mailchimpTopic("subscribe"),
] as TopicHandler[];
