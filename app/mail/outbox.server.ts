// Every e-mail starts as an OutboxEmail row, written in the same transaction as the change that
// causes it, with its `mail.send` job. The job sends it (SMTP) or leaves it in the outbox.
import { z } from "zod";
import type { Tx } from "~/db/client.server";
import { LOCALES } from "~/i18n/locale";
import { enqueue } from "~/jobs/queue.server";
import { EmailMessageSchema } from "./message";
import { renderEmail } from "./render";

/** Job type of the sender (app/jobs/definitions/send-email.server.ts). Never rename. */
export const SEND_EMAIL_JOB = "mail.send";

/** OutboxEmail.status: queued → sent (SMTP) | outbox (no SMTP) | failed (refused for good). */
export const OUTBOX_STATUSES = ["queued", "sent", "outbox", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// Before webhooks' follow-ups (50), after their intake (10): an identity code is awaited by a person.
const EMAIL_JOB_PRIORITY = 20;

export const QueueEmailInputSchema = z.object({
  shopId: z.string().min(1),
  /** The job's shop (Job.shopDomain: the dashboard lists a shop's jobs by it). */
  shopDomain: z.string().min(1),
  requestId: z.string().min(1).optional(),
  to: z.email(),
  /** The shopper's language. */
  locale: z.enum(LOCALES),
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
 * stored). NOTE: call notifyEnqueued() from app/jobs/queue.server.ts after the transaction commits.
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
  await enqueue(tx, {
    type: SEND_EMAIL_JOB,
    payload: { emailId: email.id },
    jobKey: `${SEND_EMAIL_JOB}:${email.id}`,
    shopDomain,
    priority: EMAIL_JOB_PRIORITY,
  });
  return email.id;
}
