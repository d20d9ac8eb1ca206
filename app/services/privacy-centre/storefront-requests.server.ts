// Requests filed by shoppers in the storefront privacy centre. A signed-in customer (id from the
// verified proxy signature) is identified by their account: the answers go to the account's
// e-mail, never to an address typed in the form. Anyone else confirms the address they gave.
import type { Db } from "~/db/client.server";
import { requiredIdentityCheck } from "~/domain/requests/identity-policy";
import { notifyEnqueued } from "~/jobs/queue.server";
import { fileRequest } from "../requests/create-request.server";
import { detailsFromForm, type RequestForm } from "../requests/request-form";
import type { LinkContext } from "../requests/request-links.server";
import { upsertSubject } from "../subjects.server";
import type { ProxyContext } from "./proxy-auth.server";

export async function fileStorefrontRequest(options: {
  db: Db;
  links: LinkContext;
  proxy: ProxyContext;
  form: RequestForm;
  now?: Date;
}) {
  const { db, links, proxy, form } = options;
  const now = options.now ?? new Date();
  const details = detailsFromForm(form);
  const request = await db.$transaction(async (tx) => {
    const account = proxy.loggedInCustomerId
      ? await tx.subject.findFirst({
          where: { shopId: proxy.shop.id, shopifyCustomerId: proxy.loggedInCustomerId },
          select: { id: true, email: true, shopifyCustomerId: true },
        })
      : null;
    const byEmail =
      account ??
      (await tx.subject.findFirst({
        where: { shopId: proxy.shop.id, email: form.email },
        select: { id: true, email: true, shopifyCustomerId: true },
      }));
    const identity = requiredIdentityCheck({
      requestType: details.type,
      context: {
        channel: "storefront",
        appProxySignatureValid: true,
        loggedInCustomerId: proxy.loggedInCustomerId,
        subjectCustomerId: account?.shopifyCustomerId ?? null,
        emailMatchesCustomerOnFile: Boolean(byEmail),
      },
    });
    const verified = identity.level === "verified";
    const subject = byEmail ?? (await upsertSubject(tx, proxy.shop.id, { email: form.email }));
    return fileRequest(
      tx,
      links,
      {
        shop: proxy.shop,
        details,
        channel: "privacy_centre",
        requesterEmail: verified && account?.email ? account.email : form.email,
        requesterName: form.name,
        message: form.message,
        locale: proxy.locale,
        receivedAt: now,
        identity,
        subjectId: subject?.id ?? null,
        shopifyCustomerId: verified ? proxy.loggedInCustomerId : null,
        actor: { type: "shopper", id: null },
      },
      now,
    );
  });
  notifyEnqueued();
  return request;
}
