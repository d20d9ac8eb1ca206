// E-mails to a requester, in their language, with the shop's name and DPO contact filled in.
import type { RightsRequest } from "@prisma/client";
import type { Tx } from "~/db/client.server";
import { resolveLocale } from "~/i18n/locale";
import type { EmailMessage } from "~/mail/message";
import { queueEmail } from "~/mail/outbox.server";
import { parseShopSettings } from "../shop-settings.server";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestEmail = DistributiveOmit<EmailMessage, "shopName" | "dpoEmail">;

/** Queues an e-mail to the request's requester; nothing when the request has no requester address. */
export async function queueRequestEmail(
  tx: Tx,
  shop: { id: string; domain: string; name: string | null },
  request: Pick<RightsRequest, "id" | "requesterEmail" | "locale">,
  message: RequestEmail,
) {
  if (!request.requesterEmail) return null;
  const settings = await tx.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { settings: true } });
  const { dpoEmail } = parseShopSettings(settings.settings);
  return queueEmail(tx, {
    shopId: shop.id,
    shopDomain: shop.domain,
    requestId: request.id,
    to: request.requesterEmail,
    locale: resolveLocale(request.locale),
    message: {
      ...message,
      shopName: shop.name ?? shop.domain,
      ...(dpoEmail && { dpoEmail }),
    } as EmailMessage,
  });
}
