// Every e-mail starts as an OutboxEmail row, written in the same transaction as the change that
// causes it, with its `mail.send` job. The job sends it (SMTP) or leaves it in the outbox.
import { z } from "zod";
import type { Db, Tx } from "~/db/client.server";
import { SHOPPER_LOCALES } from "~/i18n/locale";
import { SendEmailJob } from "~/jobs/job-types";
import { enqueue } from "~/jobs/queue/enqueue.server";
import { nextAttempt } from "~/jobs/queue/flows.server";
import { recordAudit } from "~/services/audit.server";
import { EmailMessageSchema } from "./message";
import { previewHtml } from "./preview";
import { renderEmail } from "./render";
import { listUnsubscribeHeaders } from "./transport.server";

/**
 * OutboxEmail.status: queued → sending (handed to SMTP) → sent | failed (refused for good) |
 * queued (refused for now); queued → outbox (no SMTP). `unknown`: its sender died while sending,
 * so it may or may not have left; it is not sent again unless staff say so (resendEmail).
 */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "outbox", "failed", "unknown"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const QueueEmailInputSchema = z.object({
  shopId: z.string().min(1),
  /** The job's shop (Job.shopDomain: the dashboard lists a shop's jobs by it). */
  shopDomain: z.string().min(1),
  requestId: z.string().min(1).optional(),
  to: z.email(),
  /** The shopper's language. */
  locale: z.enum(SHOPPER_LOCALES),
  message: EmailMessageSchema,
  /**
   * A marketing-related e-mail's one-click withdrawal link: shown in the e-mail and sent as its
   * List-Unsubscribe header (RFC 8058). Names no one: a signed token (app/services/unsubscribe).
   */
  unsubscribeUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type QueueEmailInput = z.input<typeof QueueEmailInputSchema>;

/**
 * Renders `message` in the shopper's language, stores it (status `queued`) and enqueues its send
 * job, all in `tx`. Returns the OutboxEmail id. Throws a ZodError for an invalid input (nothing
 * stored). The send job starts once the transaction commits.
 */
export async function queueEmail(tx: Tx, input: QueueEmailInput): Promise<string> {
  const { shopId, shopDomain, requestId, to, locale, message, unsubscribeUrl } =
    QueueEmailInputSchema.parse(input);
  const rendered = renderEmail(message, locale, { unsubscribeUrl });
  const email = await tx.outboxEmail.create({
    data: {
      shopId,
      requestId: requestId ?? null,
      template: message.type,
      locale,
      to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      unsubUrl: unsubscribeUrl ?? null,
      status: "queued",
    },
    select: { id: true },
  });
  await enqueue(
    tx,
    SendEmailJob,
    { emailId: email.id },
    { key: `${SendEmailJob.id}:${email.id}`, shopDomain },
  );
  return email.id;
}

/**
 * Staff send again an e-mail whose outcome is unknown (its sender died while sending): once, with
 * the same Message-ID (a mail client that got the first shows one). False when it is not unknown.
 */
export async function resendEmail(
  db: Db,
  shop: { id: string; domain: string },
  staffId: string,
  emailId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: emailId, shopId: shop.id, status: "unknown" },
      data: { status: "queued", error: null },
    });
    if (count === 0) return false;
    const prefix = `${SendEmailJob.id}:${emailId}:resend:`;
    const key = `${prefix}${await nextAttempt(tx, prefix)}`;
    await enqueue(tx, SendEmailJob, { emailId }, { key, shopDomain: shop.domain });
    await recordAudit(tx, {
      shopId: shop.id,
      actorType: "staff",
      actorId: staffId,
      action: "email.resent",
      targetType: "email",
      targetId: emailId,
    });
    return true;
  });
}

/**
 * The shop's latest e-mails for the outbox page: each as its HTML, ready for a sandboxed frame, and
 * its plain text, with the unsubscribe headers it carries (RFC 8058).
 */
export async function listOutbox(db: Db, shopId: string, take = 50) {
  const emails = await db.outboxEmail.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      html: true,
      status: true,
      createdAt: true,
      template: true,
      locale: true,
      unsubUrl: true,
    },
  });
  return emails.map(({ unsubUrl, html, ...e }) => ({
    ...e,
    preview: previewHtml(html),
    createdAt: e.createdAt.toISOString(),
    headers: Object.entries(listUnsubscribeHeaders(unsubUrl ?? undefined)).map(([k, v]) => `${k}: ${v}`),
  }));
}
