// Filing a rights request, whatever the channel: validate its details (domain), decide the
// identity check (domain policy), start the legal clock, plan its tasks, acknowledge it.
import { randomInt } from "node:crypto";
import type { Tx } from "~/db/client.server";
import { computeDeadline } from "~/domain/deadlines/due-date";
import { toLocalDate } from "~/domain/deadlines/local-date";
import { clockDecision, type IdentityRequirement } from "~/domain/requests/identity-policy";
import type { RequestDetails } from "~/domain/requests/request-details";
import { createRequest } from "~/domain/requests/request-lifecycle";
import type { RequestType } from "~/domain/requests/request-types";
import type { ShopperLocale } from "~/i18n/locale";
import { type ActorType, recordAudit } from "../audit.server";
import { shopTimeZone } from "../shop-settings.server";
import { openEmailCodeCheck } from "./identity-codes.server";
import { queueRequestEmail } from "./request-emails.server";
import { confirmUrl, type LinkContext, statusUrl } from "./request-links.server";
import { syncRequestClock } from "./request-record.server";
import { tasksFor } from "./request-tasks";
import { startWork } from "./request-work.server";

export type CreateRequestInput = {
  shop: { id: string; domain: string; name: string | null };
  details: RequestDetails;
  /** `retention`: filed by the shop's retention sweep, not by anyone exercising a right. */
  channel: "privacy_centre" | "staff" | "shopify" | "retention";
  /** Where the answers go; null when the obligation is the merchant's (Shopify compliance webhooks). */
  requesterEmail: string | null;
  requesterName?: string | null;
  message?: string | null;
  locale: ShopperLocale;
  receivedAt: Date;
  /** The shop's IANA zone, read from its settings when not given: receipt and due dates are its calendar days. */
  timeZone?: string;
  identity: IdentityRequirement;
  subjectId?: string | null;
  shopifyCustomerId?: string | null;
  orderIds?: string[];
  actor: { type: ActorType; id?: string | null };
};

const REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A short reference staff and shoppers can read out: R-2026-7KQ4M. */
export function newReference(receivedAt: Date) {
  const suffix = Array.from(
    { length: 5 },
    () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)],
  ).join("");
  return `R-${receivedAt.getUTCFullYear()}-${suffix}`;
}

/**
 * Files a request in the caller's transaction. A request whose requester must confirm their
 * e-mail starts in `identity_check` with a code sent; otherwise it starts in progress. Its clock
 * runs from receipt unless information needed to identify the person is awaited (the reason is
 * recorded on the pause; docs/decisions/036).
 */
export async function fileRequest(
  tx: Tx,
  links: LinkContext | null,
  input: CreateRequestInput,
  now = new Date(),
) {
  const verified = input.identity.level === "verified";
  // Throws an AppError when the type's details are incomplete (validated before anything is written).
  createRequest(input.details, { identityVerified: verified });
  const state = verified ? "in_progress" : "identity_check";
  const clock = clockDecision(input.details.type, input.identity);
  const timeZone = input.timeZone ?? (await shopTimeZone(tx, input.shop.id));
  const request = await tx.rightsRequest.create({
    data: {
      shopId: input.shop.id,
      subjectId: input.subjectId ?? null,
      reference: newReference(input.receivedAt),
      type: input.details.type,
      channel: input.channel,
      state,
      details: JSON.stringify(input.details),
      requesterEmail: input.requesterEmail,
      requesterEmailKey: input.requesterEmail?.trim().toLowerCase() || null,
      requesterName: input.requesterName || null,
      message: input.message || null,
      locale: input.locale,
      receivedAt: input.receivedAt,
      timeZone,
      identityLevel: input.identity.level,
      identityVerifiedAt: verified ? now : null,
      shopifyCustomerId: input.shopifyCustomerId ?? null,
      orderIds: JSON.stringify(input.orderIds ?? []),
      tasks: { create: tasksFor(input.details.type).map((task) => ({ ...task })) },
      ...(clock.paused && { pauses: { create: { startedAt: input.receivedAt, reason: clock.reason } } }),
      ...(verified &&
        input.identity.rationale === "signed_in_customer" && {
          identityChecks: {
            create: { method: "customer_account", status: "passed", decidedAt: now, decidedBy: "shopify" },
          },
        }),
    },
  });
  await syncRequestClock(tx, request.id, now);
  await recordAudit(tx, {
    shopId: input.shop.id,
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: "request.received",
    targetType: "request",
    targetId: request.id,
    data: {
      type: request.type,
      channel: request.channel,
      identityLevel: request.identityLevel,
      clock: clock.paused ? "paused" : "running",
      clockReason: clock.reason,
    },
  });
  if (verified) await startWork(tx, request, input.shop.domain);
  if (input.requesterEmail) {
    if (!links) throw new Error("a request with a requester e-mail needs its link context");
    const deadline = computeDeadline({ receivedAt: request.receivedAt, timeZone: request.timeZone, now });
    await queueRequestEmail(tx, input.shop, request, links, {
      type: "request.acknowledgement",
      reference: request.reference,
      requestType: request.type as RequestType,
      receivedOn: deadline.receivedOn,
      dueOn: deadline.dueDate,
      writtenOn: toLocalDate(now, request.timeZone),
      statusUrl: statusUrl(links, request.id, request.locale),
    });
    if (!verified) {
      const { checkId, code, expiresInMinutes } = await openEmailCodeCheck(tx, links.secret, request.id, now);
      await queueRequestEmail(tx, input.shop, request, links, {
        type: "request.identity_code",
        reference: request.reference,
        code,
        expiresInMinutes,
        confirmUrl: confirmUrl(links, checkId, code, request.locale),
      });
    }
  }
  return request;
}
