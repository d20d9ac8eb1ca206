// Sends one stored e-mail, or leaves it in the outbox when this process has no SMTP server.
// Idempotent: only a `queued` row is acted on, and every outcome is written on that condition.
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { SEND_EMAIL_JOB } from "~/mail/outbox.server";
import { classifySendError, getMailTransport } from "~/mail/transport.server";
import { recordAudit } from "~/services/audit.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import { defineJob } from "../define-job";

type Email = { id: string; shopId: string; requestId: string | null; template: string };
type Outcome =
  | { status: "sent"; messageId: string; sentAt: Date }
  | { status: "outbox" }
  | { status: "failed"; error: string };

/** Writes the outcome if the row is still queued, with its audit event (ids and codes only). */
async function settle(db: Db, email: Email, outcome: Outcome) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: "queued" },
      data:
        outcome.status === "sent"
          ? { status: "sent", messageId: outcome.messageId, sentAt: outcome.sentAt, error: null }
          : outcome.status === "failed"
            ? { status: "failed", error: outcome.error }
            : { status: "outbox", error: null },
    });
    if (count === 0) return;
    await recordAudit(tx, {
      shopId: email.shopId,
      actorType: "system",
      action: `email.${outcome.status}`,
      targetType: "email",
      targetId: email.id,
      data: { template: email.template, requestId: email.requestId },
    });
  });
}

export const sendEmailJob = defineJob({
  id: SEND_EMAIL_JOB,
  payloadSchema: z.object({ emailId: z.string().min(1) }),
  async handler({ emailId }, { db, log }) {
    const row = await db.outboxEmail.findUnique({
      where: { id: emailId },
      select: {
        id: true,
        shopId: true,
        requestId: true,
        template: true,
        status: true,
        to: true,
        subject: true,
        text: true,
        html: true,
        unsubUrl: true,
        shop: { select: { settings: true } },
      },
    });
    // Gone with its shop, or already dealt with by an earlier run.
    if (row?.status !== "queued") return;
    const transport = getMailTransport();
    if (transport.mode === "outbox") {
      await settle(db, row, { status: "outbox" });
      return;
    }
    // Replies reach the shop's DPO, who answers rights requests under its policy.
    const replyTo = parseShopSettings(row.shop.settings).dpoEmail;
    let messageId: string;
    try {
      ({ messageId } = await transport.send({
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        replyTo,
        messageKey: row.id,
        unsubscribeUrl: row.unsubUrl ?? undefined,
      }));
    } catch (error) {
      const failure = classifySendError(error);
      if (!failure.permanent) {
        // Shown beside the queued e-mail in the admin while the job retries.
        await db.outboxEmail.updateMany({
          where: { id: row.id, status: "queued" },
          data: { error: failure.message },
        });
        throw failure;
      }
      await settle(db, row, { status: "failed", error: failure.message });
      log.warn("e-mail refused by the SMTP server", {
        emailId,
        template: row.template,
        reason: failure.message,
      });
      return;
    }
    await settle(db, row, { status: "sent", messageId, sentAt: new Date() });
  },
});
