// Sends one stored e-mail, or leaves it in the outbox when this process has no SMTP server.
// At most once (docs/decisions/031-email-at-most-once.md): the row is marked `sending` in a
// committed write before SMTP is spoken, and a later run that finds it so (its worker died
// while sending) does not send it again but marks it `unknown`, for staff to resend or not.
// Every outcome is written on the status it was decided from, which makes the job idempotent.
import type { Db } from "~/db/client.server";
import { recordAudit } from "~/services/audit.server";
import { completeLiftOnNotice } from "~/services/restriction/restrictions.server";
import { parseShopSettings } from "~/services/shop-settings.server";
import type { Logger } from "~/utils/logger.server";
import { classifySendError, type MailTransport } from "./transport.server";

type Email = { id: string; shopId: string; requestId: string | null; template: string };
type Outcome =
  | { status: "sent"; messageId: string; sentAt: Date }
  | { status: "outbox" }
  | { status: "failed"; error: string }
  | { status: "unknown" };

const DATA: { [S in Outcome["status"]]: (outcome: Extract<Outcome, { status: S }>) => object } = {
  sent: ({ messageId, sentAt }) => ({ status: "sent", messageId, sentAt, error: null }),
  outbox: () => ({ status: "outbox", error: null }),
  failed: ({ error }) => ({ status: "failed", error }),
  unknown: () => ({
    status: "unknown",
    error: "interrupted while sending: it may have left; not sent again automatically",
  }),
};

/** Writes the outcome if the row is still in one of `from`, with its audit event (ids and codes only). */
async function settle(db: Db, email: Email, from: string[], outcome: Outcome) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: { in: from } },
      data: (DATA[outcome.status] as (o: Outcome) => object)(outcome),
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
    // GDPR art. 18(3): a restriction's lift takes effect with its notice having left, not before.
    if (
      email.template === "request.restriction_lift" &&
      (outcome.status === "sent" || outcome.status === "outbox")
    )
      await completeLiftOnNotice(tx, email.id, outcome.status);
  });
}

/** Sends stored e-mail `emailId` (or leaves it in the outbox), at most once. */
export async function sendQueuedEmail(
  { db, log, mail: transport }: { db: Db; log: Logger; mail: MailTransport },
  emailId: string,
) {
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
  if (row?.status === "sending") {
    // An earlier run handed it to the SMTP server and never recorded what came of it (its
    // worker died): sending it again could deliver it twice. Staff see it and decide.
    await settle(db, row, ["sending"], { status: "unknown" });
    log.warn("e-mail interrupted while sending: not sent again", { emailId, template: row.template });
    return;
  }
  // Gone with its shop, or already dealt with by an earlier run.
  if (row?.status !== "queued") return;
  if (transport.mode === "outbox") {
    await settle(db, row, ["queued"], { status: "outbox" });
    return;
  }
  // Committed before a byte reaches the SMTP server: in a transaction of its own, so that on
  // SQLite it can never ride in (and be lost with) another job's open transaction.
  const claimed = await db.$transaction((tx) =>
    tx.outboxEmail.updateMany({ where: { id: row.id, status: "queued" }, data: { status: "sending" } }),
  );
  if (claimed.count === 0) return;
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
      // Not accepted: queued again, the error shown beside it in the admin while the job retries.
      await db.outboxEmail.updateMany({
        where: { id: row.id, status: "sending" },
        data: { status: "queued", error: failure.message },
      });
      throw failure;
    }
    await settle(db, row, ["sending"], { status: "failed", error: failure.message });
    log.warn("e-mail refused by the SMTP server", {
      emailId,
      template: row.template,
      reason: failure.message,
    });
    return;
  }
  // `unknown` too: a run that outlived its lease finds out it was sent after all.
  await settle(db, row, ["sending", "unknown"], { status: "sent", messageId, sentAt: new Date() });
}
