// Double opt-in (docs/decisions/039): when the shop asks for it, a newsletter consent given in one
// of Vigie's own forms is recorded as a request (`confirmation_requested`, with its proof) and the
// shopper is sent the consent.confirm e-mail; the click on its link records the confirmed grant
// (the request's proof plus the confirmation's time and network), which alone is synced to Shopify
// and Mailchimp. Unconfirmed after CONFIRMATION_WINDOW_DAYS, the request lapses.
import { z } from "zod";
import type { Db, Tx } from "~/db/client.server";
import {
  CONFIRMATION_WINDOW_DAYS,
  type ConfirmationDecision,
  confirmationDeadline,
  decideConfirmation,
  hasLapsed,
  minimiseIp,
  needsConfirmation,
  type WordingLocale,
} from "~/domain/consent";
import { queueEmail } from "~/mail/outbox.server";
import { signToken, verifyToken } from "~/utils/signed-token.server";
import { recordAudit } from "./audit.server";
import {
  appendConsentEvent,
  currentConsent,
  deriveSubjectState,
  lockShopLedger,
  type RecordConsentInput,
} from "./consent-ledger.server";
import { type RecordOutcome, recordConsent } from "./consents.server";
import { parseShopSettings } from "./shop-settings.server";
import { type AppLinks, unsubscribeUrl } from "./unsubscribe.server";

const ConfirmTokenSchema = z.object({ s: z.string().min(1), e: z.string().min(1) });

/**
 * The confirmation link of one request. No personal data in it, and no expiry of its own: the
 * domain says when the request lapses, so a late click is told so rather than "invalid link".
 */
export function consentConfirmUrl(links: AppLinks, shopId: string, requestId: string) {
  const token = signToken(links.secret, "consent_confirmation", { s: shopId, e: requestId });
  return `${links.appUrl}/consent/confirm/${token}`;
}

export type GrantInput = RecordConsentInput & { kind: "granted" };

/**
 * Records a newsletter consent the shopper gave in one of Vigie's forms: at once, or — when the
 * shop asks for double opt-in and the shopper is not subscribed yet — as a request awaiting
 * confirmation, with the confirmation e-mail queued in the same transaction (in the language of
 * the wording they agreed to). `links` is only called when an e-mail is written.
 */
export async function recordOwnFormGrant(
  tx: Tx,
  shopDomain: string,
  input: GrantInput,
  links: () => AppLinks,
  now = new Date(),
): Promise<RecordOutcome & { confirmation?: true }> {
  const shop = await tx.shop.findUniqueOrThrow({
    where: { id: input.shopId },
    select: { name: true, settings: true },
  });
  const { doubleOptIn } = parseShopSettings(shop.settings);
  const state = await currentConsent(tx, input.subject.id);
  if (!needsConfirmation({ doubleOptIn, source: input.source, state })) {
    return recordConsent(tx, shopDomain, input, now);
  }
  const outcome = await recordConsent(tx, shopDomain, { ...input, kind: "confirmation_requested" }, now);
  if (!outcome.recorded) return outcome;
  const appLinks = links();
  const locale: WordingLocale = input.wordingLocale ?? "fr";
  await queueEmail(tx, {
    shopId: input.shopId,
    shopDomain,
    to: input.subject.email,
    locale,
    message: {
      type: "consent.confirm",
      shopName: shop.name ?? shopDomain,
      confirmUrl: consentConfirmUrl(appLinks, input.shopId, outcome.eventId),
      wording: input.wording ?? "",
    },
    // Even unconfirmed, the request can be cancelled in one click.
    unsubscribeUrl: unsubscribeUrl(appLinks, input.shopId, input.subject.id),
  });
  await recordAudit(tx, {
    shopId: input.shopId,
    actorType: "system",
    action: "consent.confirmation_requested",
    targetType: "subject",
    targetId: input.subject.id,
  });
  return { ...outcome, confirmation: true };
}

/** The request a confirmation link names, when the link is genuine and unexpired; null otherwise. */
async function requestOfLink(db: Db | Tx, secret: Buffer, token: string, now: Date) {
  const claims = verifyToken(secret, "consent_confirmation", token, ConfirmTokenSchema, now);
  if (!claims) return null;
  const event = await db.consentEvent.findFirst({
    where: { id: claims.e, shopId: claims.s, kind: "confirmation_requested", pseudonymised: false },
    include: { shop: { select: { id: true, domain: true, name: true } } },
  });
  if (!event?.subjectId || !event.email) return null;
  return { ...event, subjectId: event.subjectId, email: event.email };
}

export type ConfirmationLink =
  | { found: false }
  | {
      found: true;
      shopName: string;
      wording: string | null;
      locale: string | null;
      decision: ConfirmationDecision;
    };

/** What a confirmation link would do now (the page shown on GET: a GET never confirms). */
export async function inspectConfirmationLink(
  db: Db,
  secret: Buffer,
  token: string,
  now = new Date(),
): Promise<ConfirmationLink> {
  const request = await requestOfLink(db, secret, token, now);
  if (!request) return { found: false };
  const state = await deriveSubjectState(db, request.shopId, request.subjectId);
  return {
    found: true,
    shopName: request.shop.name ?? request.shop.domain,
    wording: request.wording,
    locale: request.wordingLocale,
    decision: decideConfirmation(state, request.id, now),
  };
}

/**
 * The click on a confirmation link (POST): records the confirmed grant — the request's wording,
 * notice, order and source, with the click's time, minimised IP and browser, naming the request it
 * confirms — and queues its sync, under the shop's ledger lock. Idempotent: a second click finds
 * the shopper subscribed and records nothing.
 */
export async function confirmBySignedLink(options: {
  db: Db;
  secret: Buffer;
  token: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}): Promise<ConfirmationLink> {
  const now = options.now ?? new Date();
  const request = await requestOfLink(options.db, options.secret, options.token, now);
  if (!request) return { found: false };
  const decision = await options.db.$transaction(async (tx) => {
    await lockShopLedger(tx, request.shopId);
    const state = await deriveSubjectState(tx, request.shopId, request.subjectId);
    const decided = decideConfirmation(state, request.id, now);
    if (decided !== "confirm") return decided;
    await recordConsent(
      tx,
      request.shop.domain,
      {
        shopId: request.shopId,
        // The address the confirmation was sent to, and confirmed by its reader.
        subject: {
          id: request.subjectId,
          email: request.email,
          shopifyCustomerId: request.shopifyCustomerId,
        },
        kind: "granted",
        lawfulBasis: "consent",
        source: request.source as GrantInput["source"],
        occurredAt: now,
        noticeVersion: request.noticeVersion ?? undefined,
        wordingKey: request.wordingKey ?? undefined,
        wording: request.wording ?? undefined,
        wordingLocale: (request.wordingLocale ?? undefined) as WordingLocale | undefined,
        orderId: request.orderId ?? undefined,
        confirmsEventId: request.id,
        ipPrefix: minimiseIp(options.ip) ?? undefined,
        userAgent: options.userAgent?.trim() || undefined,
      },
      now,
    );
    await recordAudit(tx, {
      shopId: request.shopId,
      actorType: "shopper",
      action: "consent.confirmed",
      targetType: "subject",
      targetId: request.subjectId,
    });
    return decided;
  });
  return {
    found: true,
    shopName: request.shop.name ?? request.shop.domain,
    wording: request.wording,
    locale: request.wordingLocale,
    decision,
  };
}

/**
 * Records the lapse of every request left unconfirmed past its window (an `expired` event from
 * the system, dated when the window closed): the subject is back to where they were, nothing is
 * synced (nothing had been). Returns how many lapsed.
 */
export async function lapseUnconfirmedConsents(db: Db, now = new Date(), batch = 200): Promise<number> {
  const cutoff = new Date(now.getTime() - CONFIRMATION_WINDOW_DAYS * 86_400_000);
  let lapsed = 0;
  let after = "";
  for (;;) {
    const due = await db.consentState.findMany({
      where: { purpose: "newsletter", status: "pending", since: { lte: cutoff }, subjectId: { gt: after } },
      orderBy: { subjectId: "asc" },
      take: batch,
      select: { subjectId: true, shopId: true },
    });
    for (const { subjectId, shopId } of due) {
      const done = await db.$transaction(async (tx) => {
        await lockShopLedger(tx, shopId);
        const state = await currentConsent(tx, subjectId);
        if (!state.since || !hasLapsed(state, now)) return false;
        const subject = await tx.subject.findUnique({
          where: { id: subjectId },
          select: { email: true, shopifyCustomerId: true },
        });
        if (!subject?.email) return false;
        await appendConsentEvent(
          tx,
          {
            shopId,
            subject: { id: subjectId, email: subject.email, shopifyCustomerId: subject.shopifyCustomerId },
            kind: "expired",
            lawfulBasis: "consent",
            source: "system",
            occurredAt: confirmationDeadline(state.since),
          },
          now,
        );
        return true;
      });
      if (done) lapsed++;
    }
    if (due.length < batch) return lapsed;
    after = due[due.length - 1]?.subjectId ?? after;
  }
}
