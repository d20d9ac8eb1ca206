// Requests filed by shoppers in the storefront privacy centre. A signed-in customer (id from the
// verified proxy signature) is identified by their account: the answers go to the account's
// e-mail, never to an address typed in the form. Anyone else confirms the address they gave.
// Filings are limited per address and per client network (docs/decisions/034).
import { createHmac } from "node:crypto";
import type { Db, Tx } from "~/db/client.server";
import { networkPrefix } from "~/domain/consent";
import { type FilingVerdict, filingVerdict, LONGEST_FILING_WINDOW_MS } from "~/domain/requests/filing-limits";
import { requiredIdentityCheck } from "~/domain/requests/identity-policy";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { fileRequest } from "../requests/create-request.server";
import { noteDirectiveForHeirRequest } from "../requests/post-mortem-directives.server";
import { sendIdentityCode } from "../requests/request-actions.server";
import { detailsFromForm, type RequestForm } from "../requests/request-form";
import type { LinkContext } from "../requests/request-links.server";
import { emailOnFile, upsertSubject } from "../subjects.server";
import type { ProxyContext } from "./proxy-auth.server";

type FilingOptions = {
  db: Db;
  links: LinkContext;
  proxy: ProxyContext;
  form: RequestForm;
  now?: Date;
};

/**
 * An unconfirmed request of the same type for the same address whose code is still valid: filing
 * again sends it a new code instead of opening a second request.
 */
async function pendingTwin(tx: Tx, shopId: string, form: RequestForm, now: Date) {
  return tx.rightsRequest.findFirst({
    where: {
      shopId,
      channel: "privacy_centre",
      type: form.type,
      requesterEmail: form.email,
      state: "identity_check",
      identityLevel: "email_link",
      identityChecks: { some: { method: "email_code", status: "pending", expiresAt: { gt: now } } },
    },
    orderBy: { receivedAt: "desc" },
  });
}

/**
 * Files a storefront request, or, when the same address already filed the same type and has not
 * confirmed it yet, sends that request a new code (the old one stops working) and returns it.
 */
export async function fileStorefrontRequest(options: FilingOptions) {
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
        emailMatchesCustomerOnFile: await emailOnFile(tx, proxy.shop.id, form.email),
      },
    });
    const verified = identity.level === "verified";
    if (!verified) {
      const twin = await pendingTwin(tx, proxy.shop.id, form, now);
      if (twin) {
        await sendIdentityCode(tx, links, proxy.shop, twin, now);
        return twin;
      }
    }
    // An heir's request is about the deceased, found by their address; the heir is only the requester.
    const deceased = details.type === "heir_request" ? normaliseEmail(details.deceasedEmail) : null;
    const subject =
      details.type === "heir_request"
        ? deceased === null
          ? null
          : await tx.subject.findFirst({
              where: { shopId: proxy.shop.id, email: deceased },
              orderBy: { createdAt: "asc" },
              select: { id: true },
            })
        : (byEmail ?? (await upsertSubject(tx, proxy.shop.id, { email: form.email })));
    const filed = await fileRequest(
      tx,
      links,
      {
        shop: proxy.shop,
        details,
        channel: "privacy_centre",
        requesterEmail: verified && account?.email ? account.email : form.email,
        requesterName: form.name,
        message: form.message,
        // The shopper's language, so every e-mail about the request is written in it.
        locale: proxy.shopperLocale,
        receivedAt: now,
        identity,
        subjectId: subject?.id ?? null,
        shopifyCustomerId: verified ? proxy.loggedInCustomerId : null,
        actor: { type: "shopper", id: null },
      },
      now,
    );
    await noteDirectiveForHeirRequest(tx, proxy.shop.id, filed);
    return filed;
  });
  return request;
}

function keyed(secret: Buffer, purpose: string, shopId: string, value: string) {
  return createHmac("sha256", secret).update(`${purpose}:${shopId}:${value}`).digest("hex");
}

/**
 * Counts this filing against the limits, in the database so that every web process and a restart
 * see the same counts. The filing is recorded first and the counts taken after: two filings at once
 * each see the other, so neither slips past the limit; a refused filing is removed, so that it does
 * not prolong the wait. Only keyed digests of the address and of the client's network are stored.
 */
async function countFiling(
  db: Db,
  secret: Buffer,
  input: { shopId: string; email: string; clientIp: string | null; signedIn: boolean; now: Date },
): Promise<FilingVerdict> {
  const { shopId, now } = input;
  const network = networkPrefix(input.clientIp, 64) ?? "unknown";
  const addressKey = keyed(secret, "filing-address", shopId, input.email);
  const clientKey = keyed(secret, "filing-client", shopId, network);
  const since = new Date(now.getTime() - LONGEST_FILING_WINDOW_MS);
  // Every shop's expired rows, not only this one's: a shop nobody files in any more keeps none.
  await db.privacyCentreFiling.deleteMany({ where: { at: { lt: since } } });
  const own = await db.privacyCentreFiling.create({
    data: { shopId, addressKey, clientKey, at: now },
    select: { id: true },
  });
  const earlier = (where: { addressKey: string } | { clientKey: string }) =>
    db.privacyCentreFiling
      .findMany({
        where: { shopId, ...where, at: { gte: since, lte: now }, id: { not: own.id } },
        select: { at: true },
        orderBy: { at: "asc" },
      })
      .then((rows) => rows.map((row) => row.at));
  const verdict = filingVerdict({
    addressFilings: await earlier({ addressKey }),
    clientFilings: await earlier({ clientKey }),
    signedIn: input.signedIn,
    now,
  });
  if (!verdict.allowed) await db.privacyCentreFiling.delete({ where: { id: own.id } });
  return verdict;
}

export type PrivacyCentreFiling =
  | { outcome: "filed"; request: Awaited<ReturnType<typeof fileStorefrontRequest>> }
  | { outcome: "limited"; limit: "address" | "client"; retryAfterSeconds: number };

/** A filing from the privacy centre's form: within the limits, filed (or its code sent again). */
export async function fileFromPrivacyCentre(
  options: FilingOptions & { clientIp: string | null },
): Promise<PrivacyCentreFiling> {
  const now = options.now ?? new Date();
  const verdict = await countFiling(options.db, options.links.secret, {
    shopId: options.proxy.shop.id,
    email: options.form.email,
    clientIp: options.clientIp,
    signedIn: options.proxy.loggedInCustomerId !== null,
    now,
  });
  if (!verdict.allowed) return { outcome: "limited", ...verdict };
  return { outcome: "filed", request: await fileStorefrontRequest({ ...options, now }) };
}
