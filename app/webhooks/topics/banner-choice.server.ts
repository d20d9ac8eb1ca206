// A cookie-banner choice, stored as a receipt by the proof intake (app/http/banner-intake.server.ts)
// and appended to the ledger here, in the worker: one event per purpose, with the wording the
// intake took from the banner version the visitor saw (docs/decisions/044, 045).
import { z } from "zod";
import { SHOPIFY_TRACKING_KEYS, TrackerChoiceSchema } from "~/domain/consent";
import { appendTrackerChoice } from "~/services/cookie-banner.server";
import { defineTopic } from "./topic-handler";

export const BANNER_SOURCE = "banner";
export const BANNER_CHOICE_TOPIC = "banner/choice";

/** The receipt's body: the choice as posted, what the proxy signed, and the texts shown. */
export const BannerChoiceReceiptSchema = z.object({
  choice: TrackerChoiceSchema,
  occurredAt: z.iso.datetime(),
  shopifyCustomerId: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable(),
  ipPrefix: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Per purpose, the exact text shown (purposeWording of the version the visitor saw). */
  wordings: z.object(Object.fromEntries(SHOPIFY_TRACKING_KEYS.map((k) => [k, z.string().min(1).max(2000)]))),
});
export type BannerChoiceReceipt = z.infer<typeof BannerChoiceReceiptSchema>;

export const bannerChoice = defineTopic({
  topic: BANNER_CHOICE_TOPIC,
  priority: 30,
  payloadSchema: BannerChoiceReceiptSchema,
  async process(tx, { shopDomain, payload }) {
    const shop = await tx.shop.findUnique({ where: { domain: shopDomain }, select: { id: true } });
    if (!shop) return;
    await appendTrackerChoice(tx, shop.id, payload as BannerChoiceReceipt);
  },
});
