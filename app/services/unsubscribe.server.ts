// One-click withdrawal from a signed link (in every marketing-related e-mail, and in the privacy
// centre). GDPR art. 7(3): withdrawing must be as easy as consenting.
import { z } from "zod";
import type { Db, Tx } from "~/db/client.server";
import { minimiseIp } from "~/domain/consent";
import { normaliseEmail } from "~/domain/subjects/identifiers";
import { signToken, verifyToken } from "~/utils/signed-token.server";
import { recordAudit } from "./audit.server";
import { recordConsent } from "./consents.server";

const UnsubscribeTokenSchema = z.object({
  s: z.string().min(1),
  u: z.string().min(1),
  p: z.literal("newsletter"),
});

export function unsubscribeToken(secret: Buffer, shopId: string, subjectId: string): string {
  return signToken(secret, "unsubscribe", { s: shopId, u: subjectId, p: "newsletter" });
}

/** Where links in e-mails lead: the app's public URL, and the key their tokens are signed with. */
export type AppLinks = { appUrl: string; secret: Buffer };

/**
 * The one-click withdrawal link of one subject of a shop, served by the app itself (not through the
 * storefront: mail clients POST to it, RFC 8058). It names no one: ids in a signed token.
 */
export function unsubscribeUrl(links: AppLinks, shopId: string, subjectId: string): string {
  return `${links.appUrl}/consent/unsubscribe/${unsubscribeToken(links.secret, shopId, subjectId)}`;
}

/**
 * The withdrawal link for the shop's subject known by `address`, to be sent to that address only
 * (whoever reads it may withdraw that subject's consent); undefined when nobody has that address.
 */
export async function unsubscribeUrlForAddress(
  tx: Tx,
  links: AppLinks | (() => AppLinks),
  shopId: string,
  address: string | null | undefined,
): Promise<string | undefined> {
  const email = normaliseEmail(address);
  if (!email) return undefined;
  const subject = await tx.subject.findFirst({
    where: { shopId, email },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!subject) return undefined;
  return unsubscribeUrl(typeof links === "function" ? links() : links, shopId, subject.id);
}

/** Who a link is for, when it is genuine and its shopper still exists; null otherwise. */
export async function resolveUnsubscribeLink(db: Db, secret: Buffer, token: string) {
  const claims = verifyToken(secret, "unsubscribe", token, UnsubscribeTokenSchema);
  if (!claims) return null;
  const subject = await db.subject.findFirst({
    where: { id: claims.u, shopId: claims.s },
    select: {
      id: true,
      email: true,
      locale: true,
      shopifyCustomerId: true,
      shop: { select: { id: true, domain: true, name: true } },
      consentStates: { where: { purpose: "newsletter" }, select: { status: true } },
    },
  });
  if (!subject?.email) return null;
  return {
    shop: subject.shop,
    subject: {
      id: subject.id,
      email: subject.email,
      shopifyCustomerId: subject.shopifyCustomerId,
      locale: subject.locale,
    },
    // A consent awaiting its double opt-in confirmation can be cancelled the same way.
    active: ["subscribed", "pending"].includes(subject.consentStates[0]?.status ?? "never"),
  };
}

/** Withdraws the newsletter consent named by a signed link; true when it changed something. */
export async function withdrawBySignedLink(options: {
  db: Db;
  secret: Buffer;
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<{ found: false } | { found: true; withdrawn: boolean; shopName: string }> {
  const link = await resolveUnsubscribeLink(options.db, options.secret, options.token);
  if (!link) return { found: false };
  const now = options.now ?? new Date();
  const outcome = await options.db.$transaction(async (tx) => {
    const result = await recordConsent(tx, link.shop.domain, {
      shopId: link.shop.id,
      subject: link.subject,
      kind: "withdrawn",
      lawfulBasis: "consent",
      source: "privacy_centre",
      occurredAt: now,
      ipPrefix: minimiseIp(options.ip) ?? undefined,
      userAgent: options.userAgent?.trim() || undefined,
    });
    if (result.recorded) {
      await recordAudit(tx, {
        shopId: link.shop.id,
        actorType: "shopper",
        action: "consent.withdrawn.link",
        targetType: "subject",
        targetId: link.subject.id,
      });
    }
    return result;
  });
  return { found: true, withdrawn: outcome.recorded, shopName: link.shop.name ?? link.shop.domain };
}
