// orders/create: keeps the subject up to date (last order, for retention), counts the checkout
// for the consent rate, and turns a ticked newsletter box into a proven consent.
import { minimiseIp, parseCheckoutConsent } from "~/domain/consent";
import { buyerEmail } from "~/domain/subjects/buyer-email";
import { shopifyId } from "~/domain/subjects/identifiers";
import { recordCheckoutConsent } from "~/services/checkout-consent.server";
import { countCheckout } from "~/services/consents.server";
import { ensureShop } from "~/services/shops.server";
import { upsertSubject } from "~/services/subjects.server";
import { OrderSchema } from "./shopify-payloads";
import { defineTopic } from "./topic-handler";

export const ordersCreate = defineTopic({
  topic: "orders/create",
  priority: 50,
  payloadSchema: OrderSchema,
  async process(tx, { shopDomain, payload }, { links }) {
    const shop = await ensureShop(tx, shopDomain);
    const orderedAt = payload.created_at ? new Date(payload.created_at) : new Date();
    const subject = await upsertSubject(tx, shop.id, {
      customerId: payload.customer?.id,
      // The customer's address, else the order's contact address (domain/subjects/buyer-email).
      email: buyerEmail({ customer: payload.customer?.email, order: [payload.email, payload.contact_email] }),
      phone: payload.customer?.phone,
      locale: payload.customer?.locale ?? payload.customer_locale,
      orderedAt,
    });
    await countCheckout(tx, shop.id, orderedAt, "order");
    // An unticked box yields { granted: false }: never a withdrawal (GDPR recital 32, art. 7(3)).
    const consent = parseCheckoutConsent(payload.note_attributes);
    if (!consent.granted || !subject?.email) return;
    // Once per order: the thank-you page may have reported the same box (services/checkout-consent).
    await recordCheckoutConsent(
      tx,
      shopDomain,
      {
        shopId: shop.id,
        subject: { id: subject.id, email: subject.email, shopifyCustomerId: subject.shopifyCustomerId },
        kind: "granted",
        lawfulBasis: "consent",
        source: "checkout",
        occurredAt: orderedAt,
        noticeVersion: consent.noticeVersion,
        wordingKey: consent.wordingKey,
        wording: consent.wording,
        wordingLocale: consent.wordingLocale,
        orderId: shopifyId(payload.id) ?? undefined,
        ipPrefix: minimiseIp(payload.client_details?.browser_ip ?? payload.browser_ip) ?? undefined,
        userAgent: payload.client_details?.user_agent?.trim() || undefined,
      },
      orderedAt,
      () => links(shopDomain),
    );
  },
});
