// E-mails to a requester, in their language, with the shop's name and DPO contact filled in.
import type { RightsRequest } from "@prisma/client";
import type { Tx } from "~/db/client.server";
import { resolveShopperLocale } from "~/i18n/locale";
import { isMarketingRelated } from "~/mail/marketing";
import type { EmailMessage } from "~/mail/message";
import { queueEmail } from "~/mail/outbox.server";
import { parseShopSettings } from "../shop-settings.server";
import { unsubscribeUrlForAddress } from "../unsubscribe.server";
import type { LinkContext } from "./request-links.server";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestEmail = DistributiveOmit<EmailMessage, "shopName" | "dpoEmail">;

function linksOrThrow(links: LinkContext | null): LinkContext {
  if (!links) throw new Error("a marketing-related e-mail needs the link context of its withdrawal link");
  return links;
}

/**
 * Queues an e-mail to the request's requester; nothing when the request has no requester address.
 * An e-mail about a withdrawal of consent or an objection to marketing carries the one-click
 * withdrawal link of the subject with the requester's address, if there is one (built from
 * `links`; null only for e-mails that can never be marketing-related, such as an erasure's answer).
 */
export async function queueRequestEmail(
  tx: Tx,
  shop: { id: string; domain: string; name: string | null },
  request: Pick<RightsRequest, "id" | "requesterEmail" | "locale" | "type">,
  links: LinkContext | null,
  message: RequestEmail,
) {
  if (!request.requesterEmail) return null;
  const settings = await tx.shop.findUniqueOrThrow({ where: { id: shop.id }, select: { settings: true } });
  const { dpoEmail } = parseShopSettings(settings.settings);
  const unsubscribeUrl = isMarketingRelated(message.type, request.type)
    ? await unsubscribeUrlForAddress(tx, () => linksOrThrow(links), shop.id, request.requesterEmail)
    : undefined;
  return queueEmail(tx, {
    shopId: shop.id,
    shopDomain: shop.domain,
    requestId: request.id,
    to: request.requesterEmail,
    locale: resolveShopperLocale(request.locale),
    message: {
      ...message,
      shopName: shop.name ?? shop.domain,
      ...(dpoEmail && { dpoEmail }),
    } as EmailMessage,
    unsubscribeUrl,
  });
}
